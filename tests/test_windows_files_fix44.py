"""Goal files as Windows and Mac tools write them (audit 44, "windows").

- A file with CR-only line ends was read, but every finding located by its
  key after resolving (OKR302, OKR403, OKR404…) lost its line: the lookup
  split the text on LF only. The text is now made once for every reader
  (:mod:`okrsite.file_text`).
- ``okrsite checkin`` refused a goal (and a milestone tick) whose front
  matter is indented with tabs, which ``check`` reads (OKR017), saying only
  "edit it by hand": it now edits it and keeps the tabs, or names them.
- Two byte-order marks at the start, or one after the opening ``---``, were
  "file has no front matter"; a fence Word wrote as ``—`` got the generic hint.
- ``plan.md `` and ``plan.md.`` were skipped without a word: OKR022.

Sites written as files, checked and built through the CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

CONFIG = 'title = "t"\nlanguage = "en"\n'


def findings(out: str, name: str) -> dict[str, str]:
    """``{code: "line:col"}`` of the findings ``check`` printed for file ``name``."""
    found: dict[str, str] = {}
    for line in out.splitlines():
        m = re.match(rf"content/objectives/{re.escape(name)}(:[\d:]*)?: \w+ (\w+\d+):", line)
        if m:
            found[m.group(2)] = (m.group(1) or "").lstrip(":")
    return found


# ------------------------------------------------------------------ 2. CR-only line ends
ERRORS = (
    "---\ntitle: CR err\ncycle: 2026-Q5\nowner: Uma Diaz\nkey_results:\n  - id: a\n"
    "    title: A\n    target: 10\n  - id: b\n    target: 10\n---\nbody\n"
)
STALE = (
    "---\ntitle: Stale\ncycle: 2026-Q4\nkey_results:\n  - id: a\n    title: A\n"
    "    target: 10\n---\nbody\n"
)


def test_a_cr_only_file_gets_every_finding_at_the_lf_twins_line(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"okrsite.toml": CONFIG}
    for name, text in (("errs", ERRORS), ("stale", STALE)):
        files[f"content/objectives/{name}-lf.md"] = text.encode()
        files[f"content/objectives/{name}-cr.md"] = text.replace("\n", "\r").encode()
    site = write_site(tmp_path / "s", files)
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-12-20")
    assert code == 1, out
    errs, stale = findings(out, "errs-lf.md"), findings(out, "stale-lf.md")
    assert {"OKR302", "OKR101"} <= errs.keys() and {"OKR403", "OKR404"} <= stale.keys(), out
    assert errs["OKR302"] == "3:8" and stale["OKR404"].startswith("2"), out
    assert findings(out, "errs-cr.md") == errs, out
    assert findings(out, "stale-cr.md") == stale, out


# ------------------------------------------------------------------ 5. tabs kept by checkin
TABBED_GOAL = (
    "---\r\nType: Goal\r\nTitle: Cut churn\r\nOwner: Uma Diaz\r\nCycle: 2026-Q4\r\n"
    "measure:\r\n\tstart: 1 234,5 €\r\n\ttarget: 900 €\r\n\tcurrent: 1.100,00 €\r\n"
    "---\r\nBody\r\n"
)


def test_checkin_value_rewrites_a_tab_indented_goal_keeping_its_tabs(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/goals/churn goal.md": bom + TABBED_GOAL.encode(),
            "content/goals/two.md": (
                b"---\ntype: goal\ntitle: Two\nowner: Uma Diaz\ncycle: 2026-Q4\n"
                b"measure:\n\tstart: 10\n\ttarget: 5\n---\n"
            ),
        },
    )
    code, out = run_cli("checkin", "churn-goal", "--value", "1.050,00 €", "--site", str(site))
    assert code == 0, out
    written = (site / "content/goals/churn goal.md").read_bytes()
    # written as the number read, in the measure's unit (€), as --set writes figures
    expected = TABBED_GOAL.replace("\tcurrent: 1.100,00 €", "\tcurrent: 1050")
    assert written == bom + expected.encode()
    code, out = run_cli("checkin", "two", "--value", "7", "--site", str(site))
    assert code == 0, out
    assert (
        (site / "content/goals/two.md")
        .read_text(encoding="utf-8")
        .endswith("measure:\n\tcurrent: 7\n\tstart: 10\n\ttarget: 5\n---\n")
    )
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-01")
    assert code == 0, out
    goals = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))["goals"]
    assert {g["id"]: g["progress"] for g in goals}["two"] == 0.6  # from 10 to 5, at 7


def test_checkin_set_ticks_a_milestone_of_a_tab_indented_objective(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Launch\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        "\t- id: ms\n\t  title: Launch\n\t  milestones:\n\t\t- Beta\n\t\t- GA\n---\nBody.\n"
    )
    site = write_site(
        tmp_path / "s", {"okrsite.toml": CONFIG, "content/objectives/launch.md": text.encode()}
    )
    code, out = run_cli("checkin", "launch", "--set", "ms=beta", "--site", str(site))
    assert code == 0, out
    assert (site / "content/objectives/launch.md").read_text(encoding="utf-8") == text.replace(
        "\t\t- Beta", "\t\t- {title: Beta, done: true}"
    )


def test_a_tab_indented_goal_okrsite_cannot_edit_names_the_tabs(tmp_path: Path) -> None:
    text = (
        "---\ntype: goal\ntitle: Odd\nowner: Uma Diaz\ncycle: 2026-Q4\n"
        "measure: |\n\tfrom 8 h\n\tto 2 h\n---\n"
    )
    site = write_site(
        tmp_path / "s", {"okrsite.toml": CONFIG, "content/goals/odd.md": text.encode()}
    )
    before = files_of(site)
    code, out = run_cli("checkin", "odd", "--value", "3", "--site", str(site))
    assert code == 1, out
    assert "indented with tabs (OKR017, line 7)" in out, out
    assert "indent it with spaces and run the command again" in out, out
    assert files_of(site) == before


# ------------------------------------------------------------------ 2 and 6 in checkin
@pytest.mark.parametrize(
    ("start", "end"), [(b"\xef\xbb\xbf\xef\xbb\xbf", "\n"), (b"", "\r"), (b"\xef\xbb\xbf", "\r")]
)
def test_checkin_edits_a_goal_with_two_marks_or_cr_only_line_ends(
    tmp_path: Path, start: bytes, end: str
) -> None:
    text = (
        "---\ntype: goal\ntitle: Db\nowner: Uma Diaz\ncycle: 2026-Q4\n"
        "measure: {start: 0, target: 5}\n---\nBody.\n"
    )
    site = write_site(
        tmp_path / "s",
        {"okrsite.toml": CONFIG, "content/goals/db.md": start + text.replace("\n", end).encode()},
    )
    code, out = run_cli("checkin", "db", "--value", "2", "--site", str(site))
    assert code == 0, out
    edited = text.replace("{start: 0,", "{current: 2, start: 0,").replace("\n", end)
    assert (site / "content/goals/db.md").read_bytes() == start + edited.encode()
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-01")
    assert code == 0, out
    goals = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))["goals"]
    assert [g["progress"] for g in goals] == [0.4]


# ------------------------------------------------------------------ 6. marks and dashes
FENCED = (
    "---\r\ntitle: X\r\ncycle: 2026-Q4\r\nowner: Uma Diaz\r\nkey_results:\r\n"
    "  - {id: a, title: A, target: 5}\r\n---\r\nBody.\r\n"
)


def test_two_byte_order_marks_or_one_on_the_fence_are_read_past(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/doublebom.md": b"\xef\xbb\xbf\xef\xbb\xbf" + FENCED.encode(),
            "content/objectives/bomfence.md": FENCED.replace("---", "---\ufeff", 1).encode(),
            "content/objectives/bomclose.md": FENCED.replace("\r\n---", "\r\n\ufeff---").encode(),
        },
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0 and "OKR002" not in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0, out
    for name in ("doublebom", "bomfence", "bomclose"):
        assert (site / f"_site/objectives/{name}/index.html").is_file(), name


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        (FENCED.replace("---", "\u2014"), 1, "line 1 is '\u2014', written with an em dash"),
        (FENCED.replace("---", "\u2013" * 3, 1), 1, "written with an en dash (U+2013)"),
        (FENCED.replace("\r\n---", "\r\n\u2014"), 7, "line 7 is '\u2014', written with an em"),
    ],
)
def test_a_fence_written_with_typographic_dashes_is_named(
    tmp_path: Path, text: str, line: int, said: str
) -> None:
    site = write_site(
        tmp_path / "s", {"okrsite.toml": CONFIG, "content/objectives/dash.md": text.encode()}
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert f"content/objectives/dash.md:{line}: error OKR002" in out, out
    assert said in out and "write the line as three hyphens '---'" in out, out


# ------------------------------------------------------------------ 7. names ending in ' ' or '.'
def test_a_name_with_a_space_or_dot_after_md_is_named_not_skipped(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "s",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/trailing space.md ": STALE,
            "content/objectives/dotted.md.": STALE,
            "content/objectives/both.MD. ": STALE,
        },
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0, out
    for name, trail, new in (
        ("trailing space.md ", "' '", "trailing space.md"),
        ("dotted.md.", "'.'", "dotted.md"),
        ("both.MD. ", "'. '", "both.md"),
    ):
        assert (
            f"content/objectives/{name}: warning OKR022: not read: its name ends in {trail} "
            f"after its ending" in out
        ), out
        assert f"rename it to {new!r}" in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-10-02")
    assert code == 0 and out.count("OKR022") == 3, out
