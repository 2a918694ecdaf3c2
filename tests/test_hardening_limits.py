"""Resource limits, duplicate keys and values at the edge: located errors, never a crash.

Generated inputs (alias bombs of any shape, duplicate keys at any depth, ids
and tags around the byte limits, numbers at any magnitude) plus the cases a
review found: each is a located diagnostic with the limit in its hint, and
``okrsite check`` on any single file of up to 1 MB stays under 2 s of CPU and
200 MB of memory.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from okrsite import limits, numbers, pyyaml_front_matter, yamlsource
from okrsite.cli import cli
from okrsite.parse import parse_file
from okrsite.pipeline import load_tree

REL = "content/objectives/o.md"


def diagnostics(front_matter: str, body: str = "", rel: str = REL) -> list[tuple[str, int | None]]:
    pf = parse_file(rel, f"---\n{front_matter}---\n{body}".encode())
    return [(d.code, d.line) for d in pf.diagnostics if d.is_error]


def bomb(depth: int, width: int) -> str:
    """The billion laughs: each level lists the previous one ``width`` times."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, depth + 1):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "title: Bomb\ncycle: 2026-Q1\n" + "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(2, 12), width=st.integers(2, 12))
def test_alias_bombs_are_refused_or_built_once_per_node(depth: int, width: int) -> None:
    text = bomb(depth, width)
    # values with every alias written out: the mapping, title and cycle (key and
    # value each), and each level's key and list (a list of ``width`` of the last)
    level = 1 + width
    expanded = 1 + 4 + 1 + level
    for _ in range(depth):
        level = 1 + width * level
        expanded += 1 + level
    found = diagnostics(text)
    if expanded > limits.MAX_EXPANDED_VALUES:
        assert ("OKR008", found[0][1]) in found and found[0][1] is not None
    else:
        assert not any(code == "OKR008" for code, _ in found)


def test_the_374_byte_bomb_is_refused_quickly() -> None:
    text = bomb(9, 9)
    assert len(text) < 600
    pf = parse_file(REL, f"---\n{text}---\n".encode())
    (d,) = [d for d in pf.diagnostics if d.code == "OKR008"]
    assert str(limits.MAX_EXPANDED_VALUES) in (d.hint or "")


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert ("OKR008", 4) in diagnostics("title: T\ncycle: 2026-Q1\nx: &a [1, *a]\n")


# Aliases the differential test against PyYAML must cover: the value is the same.
ALIAS_DOCS = [
    "a: &x {k: 1}\nb: *x\n",
    "a: &x [1, 2]\nb: [*x, *x]\n",
    "base: &b {target: 10, unit: '%'}\nkr: {<<: *b, current: 4}\n",
    "a: &s text\nb: *s\nc: [*s, *s]\n",
    "a: &x {k: &y [1]}\nb: *y\nc: *x\n",
]


@pytest.mark.parametrize("text", ALIAS_DOCS)
def test_aliases_load_as_pyyaml_loads_them(text: str) -> None:
    assert yamlsource.load(text) == yaml.load(text, Loader=pyyaml_front_matter.FrontMatterLoader)  # noqa: S506


KEYS = st.sampled_from(["title", "cycle", "owner", "target", "a", "2026-01-01", "1"])


@settings(max_examples=80, deadline=None)
@given(keys=st.lists(KEYS, min_size=1, max_size=6), nested=st.booleans(), repeat=st.data())
def test_each_key_written_twice_is_an_error_naming_its_lines(
    keys: list[str], nested: bool, repeat: st.DataObject
) -> None:
    first = repeat.draw(st.integers(0, len(keys) - 1))
    lines = [*keys, keys[first]]
    indent = "  " if nested else ""
    body = "".join(f"{indent}{k}: v{i}\n" for i, k in enumerate(lines))
    fm = ("title: T\ncycle: 2026-Q1\nkey_results:\n  - id: kr\n" if nested else "") + (
        body.replace("  ", "    ") if nested else body
    )
    pf = parse_file(REL, f"---\n{fm}---\n".encode())
    dupes = [d for d in pf.diagnostics if d.code == "OKR007"]
    offset = 5 if nested else 1  # file line of the first key of ``body``
    at = {k: [i + offset + 1 for i, x in enumerate(lines) if x == k] for k in dict.fromkeys(lines)}
    repeated = sorted(
        (lines_of for lines_of in at.values() if len(lines_of) > 1), key=lambda a: a[1]
    )
    # every key written more than once, each once, in the order of its second line
    assert [d.line for d in dupes] == [lines_of[1] for lines_of in repeated]
    for d, lines_of in zip(dupes, repeated, strict=True):
        count = "twice" if len(lines_of) == 2 else f"{len(lines_of)} times"
        where = ", ".join(map(str, lines_of[:-1])) + f" and {lines_of[-1]}"
        assert f"is written {count}, on lines {where}" in d.message


def test_the_issue_duplicate_title() -> None:
    pf = parse_file(REL, b"---\ntitle: First\ncycle: 2026-Q1\ntitle: Second\n---\n")
    (d,) = pf.diagnostics
    assert (d.code, d.line, d.message) == (
        "OKR007",
        4,
        "key 'title' is written twice, on lines 2 and 4",
    )


@settings(max_examples=60, deadline=None)
@given(char=st.sampled_from(["a", "é", "東", "ß"]), count=st.integers(1, 140))
def test_ids_are_limited_in_bytes_not_characters(char: str, count: int) -> None:
    rid = char * count
    found = [c for c, _ in diagnostics(f"id: {rid}\ntitle: T\ncycle: 2026-Q1\n")]
    too_long = len(rid.encode()) > limits.MAX_ID_SEGMENT_BYTES
    assert ("OKR009" in found) == too_long


@settings(max_examples=40, deadline=None)
@given(count=st.integers(0, 80), length=st.integers(1, 140))
def test_tags_are_limited_in_number_and_bytes(count: int, length: int) -> None:
    tags = ", ".join(f"{i}{'t' * (length - 1)}"[:length] for i in range(count))
    found = [c for c, _ in diagnostics(f"title: T\ncycle: 2026-Q1\ntags: [{tags}]\n")]
    over = count > limits.MAX_TAGS or (count > 0 and length > limits.MAX_TAG_BYTES)
    assert ("OKR009" in found) == over


@pytest.mark.parametrize(
    ("fm", "limit"),
    [
        (
            "title: T\ncycle: 2026-Q1\nkey_results:\n"
            + "".join(f"  - {{title: k{i}, target: 1}}\n" for i in range(51)),
            limits.MAX_KEY_RESULTS,
        ),
        (
            "title: T\ncycle: 2026-Q1\nkey_results:\n  - title: K\n    milestones:\n"
            + "".join(f"      - m{i}\n" for i in range(101)),
            limits.MAX_MILESTONES,
        ),
        (
            "title: T\ncycle: 2026-Q1\ninitiatives:\n" + "".join(f"  - i{i}\n" for i in range(101)),
            limits.MAX_INITIATIVES,
        ),
    ],
)
def test_counts_per_file_are_limited_with_the_limit_in_the_hint(fm: str, limit: int) -> None:
    pf = parse_file(REL, f"---\n{fm}---\n".encode())
    (d,) = [d for d in pf.diagnostics if d.code == "OKR009"]
    assert d.line is not None and str(limit) in (d.hint or "")


def test_front_matter_size_is_limited() -> None:
    big = "title: T\ncycle: 2026-Q1\ndescription: " + "x" * limits.MAX_FRONT_MATTER_BYTES + "\n"
    assert diagnostics(big) == [("OKR009", 1)]


def test_site_page_count_is_a_setting() -> None:
    files = {
        "okrsite.toml": b"max_pages = 3\n",
        **{
            f"content/objectives/o{i}.md": f"---\ntitle: T{i}\ncycle: 2026-Q1\n---\n".encode()
            for i in range(4)
        },
    }
    found = [d for d in load_tree(files).diagnostics if d.code == "CFG013"]
    assert len(found) == 1 and "max_pages" in (found[0].hint or "")
    files["okrsite.toml"] = b"max_pages = 10\n"
    assert not [d for d in load_tree(files).diagnostics if d.code == "CFG013"]


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({REL: "---\ntitle: T\ncycle: '9999'\n---\n"}, "OKR302"),
        (
            {
                REL: "---\ntitle: T\ncycle: x\n---\n",
                "okrsite.toml": "[cycles.x]\nstart = 2026-01-01\nend = 9999-12-31\n",
            },
            "CFG007",
        ),
        ({"content/kpis/k.md": '---\ntitle: K\ndata: "a\\0b.csv"\n---\n'}, "OKR016"),
        ({"content/kpis/k.md": "---\ntitle: K\ndata: ../../etc/passwd\n---\n"}, "OKR006"),
        ({REL: '---\ntitle: "a\\u0007b"\ncycle: 2026-Q1\n---\n'}, "OKR016"),
        ({REL: "---\ntitle: a\x07b\ncycle: 2026-Q1\n---\n"}, "OKR016"),
        ({REL: f"---\nid: {'東' * 100}\ntitle: T\ncycle: 2026-Q1\n---\n"}, "OKR009"),
        ({REL: f"---\ntitle: T\ncycle: 2026-Q1\ntags: [{'t' * 300}]\n---\n"}, "OKR009"),
        (
            {"content/checkins/c.md": "---\nobjective: o\ndate: 0001-01-01\nvalues: {}\n---\n"},
            "OKR108",
        ),
        ({"okrsite.toml": 'title = "a\\u0007b"\n'}, "CFG003"),
        (
            {
                "okrsite.toml": '[cycles."'
                + "c" * 200
                + '"]\nstart = 2026-01-01\nend = 2026-02-01\n'
            },
            "CFG006",
        ),
    ],
)
def test_values_that_crashed_build_are_located_errors_in_check(
    files: dict[str, str], code: str
) -> None:
    result = load_tree({k: v.encode() for k, v in files.items()})
    assert code in {d.code for d in result.diagnostics if d.is_error}, result.diagnostics


def test_extreme_finite_numbers_build_and_show_ratios_beyond_range(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content/objectives").mkdir(parents=True)
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/checkins").mkdir(parents=True)
    (site / "okrsite.toml").write_text('as_of = "2026-02-15"\n')
    (site / "content/objectives/o.md").write_text(
        "---\ntitle: \u202eOdd\ncycle: 2026-Q1\nowner: uma\nkey_results:\n"
        "  - {id: a, title: A, target: 1.0e-300, current: 1.0e+300}\n"
        "  - {id: b, title: B, start: -1.7e308, target: 1.7e308, current: 0}\n---\n"
    )
    (site / "content/kpis/k.md").write_text(
        "---\ntitle: K\ntarget: 1.7e308\nthresholds: {green: 1.7e308, red: -1.7e308}\n"
        "values: {2026-01-01: 1.7e308, 2026-02-01: -1.7e308, 2026-02-02: 5e-324}\n---\n"
    )
    (site / "content/checkins/c.md").write_text(
        "---\nobjective: o\ndate: 2026-02-01\nvalues: {a: 1.7e308}\n---\nNote &#1; here\n"
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 0, result.output
    page = (site / "_site/objectives/o/index.html").read_text()
    assert "more than 1,000,000% of target" in page
    ET.parse(site / "_site/checkins.xml")
    for svg in (site / "_site").rglob("*.svg"):
        text = svg.read_text()
        assert "nan" not in text and "inf" not in text, svg
        ET.fromstring(text)
    json.loads((site / "_site/api/portfolio.json").read_text(), parse_constant=_refuse)


def _refuse(name: str) -> None:
    raise AssertionError(name)


@given(st.floats(allow_nan=True, allow_infinity=True) | st.none())
def test_numbers_format_anything_briefly(value: float | None) -> None:
    shown = numbers.format_number(value)
    assert 0 < len(shown) <= 26
    assert numbers.format_fixed(value, 3)
    assert abs(numbers.percent(value)) <= numbers.MAX_PERCENT
    cell = numbers.json_number(value)
    assert cell is None or math.isfinite(cell)
    json.dumps(cell, allow_nan=False)


@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_chart_scales_are_finite_for_any_finite_range(lo: float, hi: float, v: float) -> None:
    lo, hi = min(lo, hi), max(lo, hi)
    plo, phi = numbers.padded_range(lo, hi)
    assert math.isfinite(plo) and math.isfinite(phi) and plo <= lo and phi >= hi
    a, b = numbers.scale(plo, phi, 200.0, 10.0)
    coord = numbers.coordinate(a * v + b if math.isfinite(a) else 0.0)
    assert "nan" not in coord and "inf" not in coord and len(coord) <= 12


# ------------------------------------------------------------- time and memory
ONE_MB = 1024 * 1024
SHAPES = {
    "long body": "---\ntitle: T\ncycle: 2026-Q1\n---\n" + ("word " * 12 + "\n") * (ONE_MB // 61),
    "front matter at the limit": "---\ntitle: T\ncycle: 2026-Q1\ndescription: "
    + "x" * (limits.MAX_FRONT_MATTER_BYTES - 100)
    + "\n---\n"
    + "y" * (ONE_MB - limits.MAX_FRONT_MATTER_BYTES),
    "front matter over the limit": "---\ntitle: T\ndescription: "
    + "x " * (ONE_MB // 2)
    + "\n---\n",
    "many values": "---\ntitle: K\nvalues:\n"
    + "".join(
        f"  {2000 + i // 365}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}: {i}\n" for i in range(8000)
    )
    + "---\n",
    "aliases": "---\n" + bomb(6, 12) + "---\n" + "z" * (ONE_MB // 2),
    "deep nesting": "---\ntitle: T\nx: " + "[" * 200_000 + "]" * 200_000 + "\n---\n",
    "many tags": "---\ntitle: T\ncycle: 2026-Q1\ntags: ["
    + ", ".join(f"t{i}" for i in range(60000))
    + "]\n---\n",
}
CHILD = """
import resource, sys
from pathlib import Path
from okrsite.pipeline import load_site
result = load_site(Path(sys.argv[1]), jobs=1)
use = resource.getrusage(resource.RUSAGE_SELF)
# ru_maxrss survives execve on Linux, so it would report the forking pytest
# process's peak; VmHWM is the peak of this process's own memory.
status = Path("/proc/self/status").read_text().splitlines()
peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(use.ru_utime + use.ru_stime, peak_kb, len(result.diagnostics))
"""


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_check_on_any_file_up_to_1mb_takes_under_2s_and_200mb(tmp_path: Path, shape: str) -> None:
    text = SHAPES[shape]
    assert len(text.encode()) <= ONE_MB + 4096
    kind = "kpis" if shape == "many values" else "objectives"
    (tmp_path / "content" / kind).mkdir(parents=True)
    (tmp_path / "content" / kind / "big.md").write_text(text)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    cpu, max_rss_kb, _ = proc.stdout.split()
    assert float(cpu) < 2.0, f"{shape}: {cpu} s of CPU"
    assert int(max_rss_kb) < 200 * 1024, f"{shape}: {int(max_rss_kb) // 1024} MB"


def test_a_kpi_data_file_is_limited_in_rows() -> None:
    rows = "".join(f"2026-01-01,{i}\n" for i in range(limits.MAX_DATA_ROWS + 1))
    files = {
        "content/kpis/k.md": b"---\ntitle: K\ntarget: 1\ndata: data/k.csv\n---\n",
        "content/data/k.csv": ("date,value\n" + rows).encode(),
    }
    (d,) = [d for d in load_tree(files).diagnostics if d.code == "OKR009"]
    assert d.file == "content/data/k.csv" and str(limits.MAX_DATA_ROWS) in (d.hint or "")


def test_a_kpi_data_file_with_a_cell_too_long_for_the_csv_module_is_a_located_error() -> None:
    """One quoted cell of 200,000 characters: the csv module refuses it
    (``_csv.Error: field larger than field limit``), which was a traceback in
    ``check`` and ``build``: the easiest way for a pull request to break CI."""
    files = {
        "content/kpis/k.md": b"---\ntitle: K\ntarget: 1\ndata: data/k.csv\n---\n",
        "content/data/k.csv": b'date,value\n2026-01-01,"' + b"9" * 200_000 + b'"\n',
    }
    (d,) = [d for d in load_tree(files).diagnostics if d.is_error]
    assert (d.code, d.file, d.line) == ("OKR203", "content/data/k.csv", 2)
    assert d.message == "CSV file cannot be read: a cell is longer than 131,072 characters"


def test_an_integer_of_thousands_of_digits_is_refused_on_its_line_beside_the_others() -> None:
    """5,000 nines: more digits than Python converts to an integer. The whole
    front matter was unread (OKR003 on line 1, in Python's words) and the
    file's other errors unsaid; now each figure is OKR102 on its own line,
    in YAML's block and flow styles and quoted."""
    nines = "9" * 5000
    fm = (
        "title: Big\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: a\n    title: A\n    target: {nines}\n"
        f"  - {{id: b, title: B, target: {nines}}}\n"
        f'  - id: c\n    title: C\n    target: "{nines}"\n'
        "  - id: d\n    title: D\n    target: fifty\n"
    )
    assert diagnostics(fm) == [("OKR102", 8), ("OKR102", 9), ("OKR102", 12), ("OKR102", 15)]
    assert yamlsource.load(fm) == pyyaml_front_matter.load(fm)


@pytest.mark.parametrize(
    ("where", "text", "code", "message"),
    [
        (
            "okrsite.toml",
            "x = " + "[" * 20_000 + "]" * 20_000 + "\n",
            "CFG001",
            "nested too deeply",
        ),
        ("okrsite.toml", "stale_after_days = " + "9" * 5000 + "\n", "CFG001", "4,300 digits"),
        (
            "content/objectives/b.md",
            "+++\ntitle = 'B'\ncycle = '2026-Q4'\nweight = " + "9" * 5000 + "\n+++\n",
            "OKR003",
            "4,300 digits",
        ),
    ],
)
def test_toml_too_deep_or_with_too_long_a_number_is_a_located_error(
    tmp_path: Path, where: str, text: str, code: str, message: str
) -> None:
    """Valid TOML that Python's parser cannot turn into values raised
    RecursionError or ValueError: a traceback from ``okrsite build``."""
    site = tmp_path / "site"
    (site / "content/objectives").mkdir(parents=True)
    (site / where).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, RecursionError)
    (line,) = [ln for ln in result.output.splitlines() if f" {code}: " in ln]
    assert line.startswith(where) and message in line


def test_ids_that_differ_only_in_letter_case_are_one_id_too_many() -> None:
    """``Sales/Plan.md`` beside ``sales/plan.md``, ``id: Dup`` beside ``id: dup``:
    two folders on Linux, one on macOS and Windows (and in a zip unpacked
    there), where one page overwrote the other."""
    files = {
        "content/objectives/Sales/Plan.md": b"---\ntitle: A\ncycle: 2026-Q4\n---\n",
        "content/objectives/sales/plan.md": b"---\ntitle: B\ncycle: 2026-Q4\n---\n",
        "content/kpis/a.md": b"---\nid: Dup\ntitle: A\n---\n",
        "content/kpis/b.md": b"---\nid: dup\ntitle: B\n---\n",
        "content/kpis/c.md": "---\nid: Café\ntitle: C\n---\n".encode(),
        "content/kpis/d.md": "---\nid: cafÉ\ntitle: D\n---\n".encode(),
        # naming the one left out is no second error ("does not exist: did you mean 'Dup'?")
        "content/checkins/2026-11-10.md": b"---\nkpi: dup\ndate: 2026-11-10\nvalue: 4\n---\n",
        "content/objectives/c.md": b"---\ntitle: C\ncycle: 2026-Q4\nparent: sales/plan\n---\n",
    }
    diagnostics = load_tree(files).diagnostics
    assert [d.code for d in diagnostics if d.is_error] == ["OKR301"] * 3, diagnostics
    found = sorted((d.file, d.message) for d in diagnostics if d.code == "OKR301")
    assert [file for file, _message in found] == [
        "content/kpis/b.md",
        "content/kpis/d.md",
        "content/objectives/sales/plan.md",
    ]
    assert (
        "differs from 'Sales/Plan' of content/objectives/Sales/Plan.md only in letter case"
        in (found[2][1])
    )


def test_a_tag_or_id_that_would_meet_another_page_gets_a_folder_of_its_own(
    tmp_path: Path,
) -> None:
    """A tag ``..`` and a tag ``___`` shared one folder (one page overwrote
    the other), and an id or tag ``index.html`` made a folder where the
    section's own page is written (the build failed: "File exists")."""
    site = tmp_path / "site"
    files = {
        "content/objectives/a.md": "---\ntitle: A\ncycle: 2026-Q4\ntags: ['..', index.html]\n---\n",
        "content/objectives/b.md": "---\ntitle: B\ncycle: 2026-Q4\ntags: ['___']\n---\n",
        "content/kpis/idx.md": "---\nid: index.html\ntitle: Idx\n---\n",
    }
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--no-cache"])
    assert result.exit_code == 0, result.output
    out = site / "_site"
    assert {p.name for p in (out / "tags").iterdir()} == {
        "%2E%2E",
        "___",
        "index%2Ehtml",
        "index.html",
    }
    dots = (out / "tags/%2E%2E/index.html").read_text(encoding="utf-8")
    assert "objectives/a/index.html" in dots and "objectives/b/index.html" not in dots
    assert (out / "kpis/index%2Ehtml/index.html").is_file() and (out / "kpis/index.html").is_file()
    page = (out / "objectives/a/index.html").read_text(encoding="utf-8")
    assert 'href="../../tags/%252E%252E/index.html"' in page


def test_a_control_character_in_a_file_name_is_an_error_on_that_file() -> None:
    """``a⏎* @evilteam⏎#b.md`` was read, and ``okrsite codeowners`` wrote
    each part of its name as a line of CODEOWNERS of its own."""
    name = "content/objectives/a\n* @evilteam\n#b.md"
    files = {
        name: b"---\ntitle: A\ncycle: 2026-Q4\n---\n",
        "content/objectives/t\tab.md": b"---\ntitle: T\ncycle: 2026-Q4\n---\n",
        "content/objectives/ok.md": b"---\ntitle: OK\ncycle: 2026-Q4\n---\n",
    }
    result = load_tree(files)
    found = sorted((d.file, d.code, d.line) for d in result.diagnostics if d.is_error)
    assert found == [(name, "OKR016", 1), ("content/objectives/t\tab.md", "OKR016", 1)]
    assert result.failed(False)
