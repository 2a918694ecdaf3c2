"""Hostile input, audit 40: hangs in code added the same day. A ``static/``
folder linked to ``/`` (walked to the end of the disk), a 20 KB key result
title of numbers (the "from … to …" reader backtracking), a check-in or KPI
CSV date padded with 40,000 spaces (the time-of-day reader backtracking),
and a 100,000-digit ``--as-of`` quoted whole in its error.

Each runs the real CLI in a child process under a time bound, so a hang
fails the test (and is killed) instead of holding the suite: limits.md
promises a check of any single file of up to 1 MB well under 2 seconds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_site

#: far above the second these take, far below what the old code took
BOUND = 8.0


def okrsite(site: Path, *args: str, bound: float = BOUND) -> tuple[int, str]:
    """``okrsite ARGS`` in ``site``, in a child process: (exit code, output),
    failed (and killed) when it runs longer than ``bound`` seconds."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "okrsite", *args],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=bound,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"okrsite {' '.join(a[:40] for a in args)} still running after {bound:g} s")
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output[-3000:]
    return done.returncode, output


def base_site(tmp_path: Path) -> Path:
    code, output = okrsite(tmp_path, "init", "base")
    assert code == 0, output
    return tmp_path / "base"


def lines_with(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f" {code}: " in line]


# ---------------------------------------------------- 1: static/ linked out
def test_static_linked_to_root_is_one_error_at_once(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    (site / "static").symlink_to("/")
    code, output = okrsite(site, "check")
    assert code == 1
    assert lines_with(output, "OKR012") == [
        "static: error OKR012: static leads outside the site (to /); not read "
        "(hint: okrsite reads only files inside the site folder and its theme; "
        "copy the file into the site instead of linking to it)"
    ]


def test_published_static_never_walks_a_folder_linked_out(tmp_path: Path) -> None:
    """The listing a check's links are held to (OKR314) walks neither the
    site's ``static`` linked to ``/`` nor a theme's linked out of the theme."""
    site = base_site(tmp_path)
    (site / "static").symlink_to("/")
    theme = write_site(site / "themes" / "mine", {"templates/.keep": ""})
    (theme / "static").symlink_to("/usr")
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from okrsite.config import SiteConfig\n"
        "from okrsite.static_listing import published_static\n"
        "from okrsite.theme_find import theme_chain\n"
        "root = Path(sys.argv[1])\n"
        "print(len(theme_chain('mine', root)))\n"
        "names = published_static(root, SiteConfig(theme='mine'))\n"
        "print(names == published_static(Path(sys.argv[2]), SiteConfig()))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(site), str(tmp_path / "empty")],
            capture_output=True,
            text=True,
            timeout=BOUND,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the static listing still running after {BOUND:g} s")
    # mine on default: 2 themes, and only the default theme's own files listed
    assert done.stdout == "2\nTrue\n", done.stderr[-2000:]


def test_static_listing_stops_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from okrsite import static_listing
    from okrsite.config import SiteConfig

    site = write_site(tmp_path, {f"static/f{n}.css": "" for n in range(5)})
    monkeypatch.setattr(static_listing, "MAX_STATIC_FILES", 3)
    assert len(static_listing.published_static(site, SiteConfig())) == 3


# ---------------------------------------------- 2: a title of 20 KB numbers
def test_long_title_of_numbers_is_checked_at_once(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    objective = site / "content/objectives/company/faster-support.md"
    text = objective.read_text(encoding="utf-8")
    long_title = "123 " * 5000
    objective.write_text(
        text.replace("Cut first response time from 8 to 2 hours", long_title), encoding="utf-8"
    )
    code, output = okrsite(site, "check", "--no-cache")
    assert code == 0, output
    assert "OKR409" not in output


def test_title_over_a_sentence_is_not_read_for_figures() -> None:
    from okrsite.parse_measures import MAX_SENTENCE_CHARS, measure_sentence, title_figures

    short = "Deploys from 10 to 40"
    assert title_figures(short) is not None
    assert measure_sentence("from 10 to 40") is not None
    padded = short + " " + "x" * MAX_SENTENCE_CHARS
    assert title_figures(padded) is None
    assert measure_sentence(padded) is None


# ------------------------------------------- 3, 4: dates padded with spaces
PADDED = "23.11.2026, 16:30" + " " * 40_000 + "Uhr x"


def test_checkin_date_padded_with_spaces_is_an_error_at_once(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    # okrsite init dates its example check-in today: named so, whatever today is
    (checkin,) = (site / "content/checkins/company/faster-support").glob("*.md")
    text = checkin.read_text(encoding="utf-8")
    checkin.write_text(text.replace(f"date: {checkin.stem}", f'date: "{PADDED}"'), encoding="utf-8")
    code, output = okrsite(site, "check", "--no-cache")
    assert code == 1
    (line,) = lines_with(output, "OKR104")
    assert line.startswith(
        f"content/checkins/company/faster-support/{checkin.name}:3:7: error OKR104: "
        "date must be a real date like 2026-02-10, got '23.11.2026, 16:30 "
    )
    assert len(line) < 500


def test_csv_date_padded_with_spaces_is_an_error_at_once(tmp_path: Path) -> None:
    site = base_site(tmp_path)
    kpi = site / "content/kpis/nps.md"
    text = kpi.read_text(encoding="utf-8")
    # okrsite init dates the sample readings by today: replaced whatever they are
    with_data = re.sub(r"values: \{[^}]*\}", "data: nps.csv", text, count=1)
    assert with_data != text, text
    kpi.write_text(with_data, encoding="utf-8")
    write_site(site, {"content/nps.csv": f'date,value\n2026-07-01,28\n"{PADDED}",31\n'})
    code, output = okrsite(site, "check", "--no-cache")
    assert code == 1
    (line,) = lines_with(output, "OKR203")
    assert line.startswith("content/nps.csv:3:1: error OKR203: '23.11.2026, 16:30 ")
    assert len(line) < 500


# ------------------------------------------------------- 5: a huge --as-of
@pytest.mark.parametrize("command", ["check", "diff"])
def test_huge_as_of_is_quoted_as_an_excerpt(tmp_path: Path, command: str) -> None:
    site = base_site(tmp_path)
    code, output = okrsite(site, command, "--as-of", "1" * 100_000)
    assert code == 2
    assert output.endswith(
        "Error: Invalid value for '--as-of': '111111111111111111111111111..."
        "1111111111111111111111111111' is not a date like 2026-02-15 or 15.02.2026 "
        "(or today, yesterday)\n"
    )
    assert len(output) < 400
