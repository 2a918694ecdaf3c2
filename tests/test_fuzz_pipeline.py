"""Whatever ``check`` accepts, ``build``, ``export`` and ``diff`` render: generated portfolios.

Hypothesis writes whole sites the way people write them (hand-formatted YAML,
pasted values, names in any script) with extreme numbers, dates at and beyond
the accepted range, control characters, markup and lengths around the limits.
Each site runs through ``check`` → ``build`` → ``export`` → ``diff`` (against
itself and against an empty base), asserting: no exception, ``check`` and
``build`` agree, and every HTML, XML, SVG, JSON and CSV file is well formed.

Bounded in time: a handful of seconds per example and a fixed example count,
so the suite stays a small share of CI.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import signal
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrsite.cli import cli
from okrsite.diff import diff_portfolios
from okrsite.diff_report import ReportContext, render
from okrsite.limits import CONTROL_CHARS
from okrsite.pipeline import load_tree

AS_OF = "2026-02-15"


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` mostly, ``bad`` one time in 60: most sites pass check and get built."""
    # not 0 or 60: Hypothesis favours the ends of a range
    return st.integers(0, 60).flatmap(lambda i: bad if i == 37 else good)


# Finite numbers at every magnitude are valid input and must render.
EXTREME_NUMBERS = st.sampled_from(
    [
        "0",
        "-0.0",
        "1.0e-300",
        "1.0e+300",
        "1.7e308",
        "-1.7e308",
        "1.7976931348623157e308",
        "5e-324",
        "-5e-324",
        "123456789012345678901234567890",
        "1e15",
        "0.1",
        "-7",
        "3.14159",
        "1_000",
    ]
)
NUMBERS = mostly(
    st.one_of(
        EXTREME_NUMBERS,
        st.floats(allow_nan=False, allow_infinity=False).map(repr),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    ),
    st.sampled_from([".inf", ".nan", "'12%'", "1e309", "fifty"]),
)
GOOD_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)).map(
    lambda d: d.isoformat()
)
DATES = mostly(
    st.one_of(
        GOOD_DATES, st.sampled_from(["2026-01-15", "2026-02-10", "1900-01-01", "2999-12-31"])
    ),
    st.sampled_from(["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31", "2026-02-30", "x"]),
)
CYCLES = mostly(
    st.sampled_from(["2026-Q1", "2026", "2026-H1", "2999-Q4", "1900", "custom", "=1+2"]),
    st.sampled_from(["9999", "1899", "0000-Q1", "nope"]),
)
# Text people paste: markup, template code, formulas, bidi marks, long CJK.
HOSTILE_TEXT = st.sampled_from(
    [
        "{{ 7 * 7 }}",
        "{% for x in range(9) %}x{% endfor %}",
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x")',
        "+1",
        "-1",
        "@SUM(A1)",
        "\u202eevil",
        "\ufeffbom",
        "💥" * 40,
        "東京" * 70,
        "x" * 3000,
        "]]><!--",
        "&#1; &#x7f;",
        "' OR 1=1 --",
    ]
)
PRINTABLE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=30
)
TEXT = mostly(
    st.one_of(HOSTILE_TEXT, PRINTABLE),
    st.sampled_from(["a\u0007b", "a\x1bb", "tab\there", "nul\0"]),
)
IDS = mostly(
    st.one_of(
        st.sampled_from(["sales", "sales/emea", "東京", "a" * 120, "東" * 40, "x-1.2_3"]),
        st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    ),
    st.sampled_from(["a" * 121, "東" * 41, "../x", "a b"]),
)
TAGS = st.lists(mostly(PRINTABLE, st.sampled_from(["t" * 121, ".."])), max_size=4)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar, as a person or a script writes one."""
    return json.dumps(text, ensure_ascii=False)


@st.composite
def key_result(draw: st.DrawFn, index: int) -> str:
    kinds = ["numeric"] if index == 1 else ["numeric", "milestones", "done", "stay"]
    kind = draw(st.sampled_from(kinds))
    lines = [f"  - id: kr{index}", f"    title: {quoted(draw(TEXT))}"]
    if kind == "numeric":
        lines += [
            f"    start: {draw(NUMBERS)}",
            f"    target: {draw(NUMBERS)}",
            f"    current: {draw(NUMBERS)}",
        ]
        if draw(st.booleans()):
            lines.append(f"    weight: {draw(NUMBERS).lstrip('-')}")
    elif kind == "milestones":
        lines.append("    milestones:")
        for _ in range(draw(st.integers(1, 3))):
            lines.append(f"      - {{title: {quoted(draw(TEXT))}, done: {draw(st.booleans())}}}")
    elif kind == "done":
        lines.append(f"    done: {str(draw(st.booleans())).lower()}")
    else:
        lines += [f"    stay_above: {draw(NUMBERS)}", f"    current: {draw(NUMBERS)}"]
    return "\n".join(lines)


@st.composite
def portfolio(draw: st.DrawFn) -> dict[str, bytes]:
    files: dict[str, str] = {}
    custom_end = draw(mostly(GOOD_DATES, st.sampled_from(["9999-12-31", "0001-01-01"])))
    files["okrsite.toml"] = (
        f"title = {quoted(draw(TEXT))}\n"
        f'as_of = "{AS_OF}"\n'
        "[cycles.custom]\nstart = 1900-01-01\n"
        f"end = {custom_end}\n"
        '[cycles."=1+2"]\nstart = 2026-01-01\nend = 2026-03-31\n'
    )
    objective_ids: list[str] = []
    for n in range(draw(st.integers(1, 3))):
        oid = draw(IDS) + (f"/n{n}" if n else "")
        krs = "\n".join(draw(key_result(i + 1)) for i in range(draw(st.integers(1, 4))))
        tags = ", ".join(quoted(t) for t in draw(TAGS))
        body = draw(st.one_of(TEXT, st.just("Some *markdown* with a [link](http://x).")))
        files[f"content/objectives/o{n}.md"] = (
            f"---\nid: {quoted(oid)}\ntitle: {quoted(draw(TEXT))}\ncycle: {quoted(draw(CYCLES))}\n"
            f"owner: {draw(IDS)}\ntags: [{tags}]\n"
            + (f"key_results:\n{krs}\n" if krs else "")
            + f"---\n{body}\n"
        )
        objective_ids.append(oid)
        if draw(st.booleans()):
            files[f"content/checkins/c{n}.md"] = (
                f"---\nobjective: {quoted(oid)}\ndate: {draw(DATES)}\n"
                f"confidence: {draw(mostly(st.sampled_from(['7', 'high', '0']), st.just('11')))}\n"
                f"values: {{kr1: {draw(NUMBERS)}}}\n---\n{draw(TEXT)}\n"
            )
    if draw(st.booleans()):
        low, high = sorted(
            draw(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=2, max_size=2))
        )
        values = ", ".join(
            f"{draw(DATES)}: {draw(NUMBERS)}" for _ in range(draw(st.integers(0, 4)))
        )
        files["content/kpis/k.md"] = (
            f"---\ntitle: {quoted(draw(TEXT))}\ntarget: {draw(NUMBERS)}\n"
            f"thresholds: {{green: {high}, red: {low}}}\n"
            "direction: up\n"
            f"values: {{{values}}}\n"
            + ("data: data/k.csv\n" if draw(st.booleans()) else "")
            + "---\n"
        )
        rows = "".join(f"{draw(DATES)},{draw(NUMBERS)}\n" for _ in range(draw(st.integers(0, 4))))
        files["content/data/k.csv"] = "date,value\n" + rows
    return {rel: text.encode("utf-8", "surrogatepass") for rel, text in files.items()}


class _StrictHTML(HTMLParser):
    """Fails on what a browser would show as garbage: control characters in text."""

    def handle_data(self, data: str) -> None:
        assert not CONTROL_CHARS.search(data), f"control character in page text: {data!r}"


def assert_well_formed(out: Path) -> int:
    """Parse every output file by its type; returns how many were checked."""
    count = 0
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8")  # every output is UTF-8
        suffix = path.suffix
        if suffix in (".xml", ".svg"):
            ET.fromstring(raw)
        elif suffix == ".json":
            json.loads(text, parse_constant=_no_constants)
        elif suffix == ".csv":
            rows = list(csv.reader(io.StringIO(text)))
            for row in rows[1:]:
                for cell in row:
                    assert cell[:1] not in ("=", "@") or cell.startswith("'"), cell
        elif suffix == ".html":
            assert "Traceback" not in text
            parser = _StrictHTML()
            parser.feed(text)
            parser.close()
        count += 1
    return count


def _no_constants(name: str) -> Any:
    raise AssertionError(f"JSON must not contain {name}")


CASES = {"examples": 0, "built": 0, "refused": 0}
PER_EXAMPLE_SECONDS = 60  # a hang fails the example instead of stalling CI


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in this (main) thread after ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"one example took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(portfolio())
def test_what_check_accepts_builds_exports_and_diffs(files: dict[str, bytes]) -> None:
    CASES["examples"] += 1
    tmp = Path(tempfile.mkdtemp(prefix="okrsite-fuzz-"))
    with time_limit(PER_EXAMPLE_SECONDS):
        _run_pipeline(files, tmp)


def _run_pipeline(files: dict[str, bytes], tmp: Path) -> None:
    try:
        for rel, data in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp / rel).write_bytes(data)
        runner = CliRunner()
        checked = runner.invoke(cli, ["check", "--site", str(tmp)])
        assert checked.exit_code in (0, 1), checked.output
        assert not isinstance(checked.exception, Exception) or isinstance(
            checked.exception, SystemExit
        ), checked.exception
        built = runner.invoke(cli, ["build", "--site", str(tmp), "--out", str(tmp / "_site")])
        assert not isinstance(built.exception, Exception) or isinstance(
            built.exception, SystemExit
        ), repr(built.exception)
        assert built.exit_code == checked.exit_code, built.output
        exported = runner.invoke(cli, ["export", "--site", str(tmp)])
        assert exported.exit_code == checked.exit_code
        if checked.exit_code == 0:
            CASES["built"] += 1
            assert assert_well_formed(tmp / "_site") > 0
            json.loads(exported.stdout, parse_constant=_no_constants)
        else:
            CASES["refused"] += 1
            assert not (tmp / "_site").exists()
        head = load_tree(files)
        base = load_tree({"okrsite.toml": files["okrsite.toml"]}, head.as_of)
        for before in (head, base):
            result = diff_portfolios(
                before.scored, head.scored, before.diagnostics, head.diagnostics
            )
            for fmt in ("json", "text", "markdown"):
                shown = render(result, fmt, ReportContext())
                if fmt == "json":
                    json.loads(shown, parse_constant=_no_constants)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
