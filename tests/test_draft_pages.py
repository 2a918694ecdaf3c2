"""A free page with Hugo's ``draft: true`` is left out of the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\n'


def page(title: str, draft: str | None, order: int = 1) -> str:
    front = f"title: {title}\norder: {order}\n" + (f"draft: {draft}\n" if draft else "")
    return f"---\n{front}---\nText of {title}, secretword{order}.\n"


@pytest.mark.parametrize("said", ["true", "yes", '"ja"'])
def test_a_draft_page_is_not_built_listed_or_indexed(tmp_path: Path, said: str) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/pages/wip.md": page("Work in progress", said, 1),
            "content/pages/about.md": page("About us", "false", 2),
            "content/pages/how.md": page("How we work", None, 3),
        },
    )
    out = tmp_path / "out"
    code, output = run_cli(
        "build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-20", "--no-history"
    )
    assert code == 0, output
    assert "OKR111" not in output and " 0 warnings" in output, output
    assert not (out / "pages/wip").exists()
    assert (out / "pages/about/index.html").is_file() and (out / "pages/how/index.html").is_file()
    for file in out.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".js", ".xml", ".csv"):
            text = file.read_text(encoding="utf-8", errors="replace")
            assert "Work in progress" not in text and "secretword1" not in text, file
            assert "pages/wip" not in text, file
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "About us" in index and "How we work" in index  # the navigation


def test_a_link_to_a_draft_page_is_warned(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/pages/wip.md": page("Work in progress", "true", 1),
            "content/pages/about.md": "---\ntitle: About\n---\nSee [the plan](wip.md).\n",
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, output
    assert "content/pages/about.md:4: warning OKR314" in output, output


def test_draft_must_be_yes_or_no(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": TOML, "content/pages/wip.md": page("Work", "maybe", 1)},
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 1 and "OKR103" in output and "draft" in output, output
