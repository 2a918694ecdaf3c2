"""Golden output of the example site (``okrsite.toml`` + ``content/`` of this repo).

The example site is built at a pinned ``--as-of`` and a selection of its text
files is compared byte for byte with ``tests/golden/site/``. A change to the
renderer, a template or the example content that changes what a reader sees
shows up here as a diff to review.

When a change is intended, refresh the golden files and review the result
with ``git diff tests/golden/site``::

    OKRSITE_UPDATE_GOLDEN=1 pytest tests/test_golden_site.py
    # or: bash scripts/update-golden.sh
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.cli import cli

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "site"
AS_OF = "2026-11-20"
UPDATE = os.environ.get("OKRSITE_UPDATE_GOLDEN") == "1"
REFRESH_HINT = (
    "If this change is intended, refresh the golden files with\n"
    "    OKRSITE_UPDATE_GOLDEN=1 pytest tests/test_golden_site.py\n"
    "(or: bash scripts/update-golden.sh) and review `git diff tests/golden/site`."
)

# The files a reviewer cares about: the main pages, one page of each kind of
# record, the data exports, the feed and a badge.
GOLDEN_FILES = (
    "index.html",  # dashboard
    "alignment/index.html",
    "kpis/index.html",
    "objectives/sales/q4-bookings/index.html",  # key results rolled up from aligned objectives
    "kpis/win-rate/index.html",
    "goals/sdr-ramp/index.html",
    "people/daniel-okafor/index.html",
    "teams/sales/index.html",
    "api/portfolio.json",
    "api/objectives.csv",
    "api/key-results.csv",
    "checkins.xml",
    "badges/company/grow-arr.svg",
)


def build_example(out: Path) -> Path:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(REPO), "--as-of", AS_OF, "--out", str(out), "--no-history"]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output, result.output
    return out


def all_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def first_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str | None:
    """A unified diff of the first file whose bytes differ, or ``None``."""
    for rel in GOLDEN_FILES:
        want, got = expected.get(rel), actual.get(rel)
        if want == got:
            continue
        if want is None:
            return f"{rel}: no golden file yet"
        if got is None:
            return f"{rel}: not in the built site"
        diff = difflib.unified_diff(
            want.decode("utf-8", "replace").splitlines(keepends=True),
            got.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"golden/site/{rel}",
            tofile=f"built/{rel}",
        )
        text = "".join(diff)
        if not text:  # same lines, different bytes (line endings, trailing newline)
            text = f"bytes differ but the lines are equal: {want[-40:]!r} vs {got[-40:]!r}\n"
        others = [r for r in GOLDEN_FILES if r != rel and expected.get(r) != actual.get(r)]
        more = f"\n(also differing: {', '.join(others)})" if others else ""
        return f"{rel} differs from the golden file:\n{text}{more}"
    return None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return all_files(build_example(tmp_path_factory.mktemp("golden-build") / "site"))


def test_golden_files_match(built: dict[str, bytes]) -> None:
    actual = {rel: built[rel] for rel in GOLDEN_FILES if rel in built}
    if UPDATE:
        missing = [rel for rel in GOLDEN_FILES if rel not in built]
        assert not missing, f"not in the built site, cannot record: {missing}"
        for rel, data in actual.items():
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for stale in GOLDEN.rglob("*"):  # files no longer listed
            if stale.is_file() and stale.relative_to(GOLDEN).as_posix() not in GOLDEN_FILES:
                stale.unlink()
        return
    expected = {
        rel: (GOLDEN / rel).read_bytes() for rel in GOLDEN_FILES if (GOLDEN / rel).is_file()
    }
    problem = first_difference(expected, actual)
    if problem is not None:
        pytest.fail(f"{problem}\n\n{REFRESH_HINT}")


def test_golden_folder_holds_only_the_listed_files() -> None:
    """A stale golden file nobody compares any more would mislead a reviewer."""
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert on_disk == set(GOLDEN_FILES), (
        f"unexpected: {sorted(on_disk - set(GOLDEN_FILES))}, "
        f"missing: {sorted(set(GOLDEN_FILES) - on_disk)}\n\n{REFRESH_HINT}"
    )


def test_first_difference_reports_a_unified_diff() -> None:
    """The failure message names the file and shows what changed, line by line."""
    expected = {rel: b"same\n" for rel in GOLDEN_FILES}
    actual = dict(expected)
    actual["checkins.xml"] = b"changed\n"
    actual["api/objectives.csv"] = b"changed too\n"
    message = first_difference(expected, actual)
    assert message is not None
    assert message.startswith("api/objectives.csv differs")
    assert "--- golden/site/api/objectives.csv" in message
    assert "-same\n+changed too" in message
    assert "also differing: checkins.xml" in message
    assert first_difference(expected, dict(expected)) is None


def test_two_builds_are_byte_identical(built: dict[str, bytes], tmp_path: Path) -> None:
    """Same content and same --as-of give the same bytes in every file."""
    again = all_files(build_example(tmp_path / "again"))
    assert sorted(again) == sorted(built), "the two builds wrote different sets of files"
    differing = [rel for rel in built if built[rel] != again[rel]]
    assert not differing, f"files differ between two identical builds: {differing}"
    assert len(built) > 100, f"only {len(built)} files built"
