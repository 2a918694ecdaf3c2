"""The alignment tree says which key result an objective is aligned to.

Its page promises "every objective under the objective (or key result) it is
aligned to", but an objective aligned with ``parent: company/grow#partners``
showed only under the objective, the key result nowhere on the page.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

GROW = """\
---
title: Grow the business
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - {id: partners, title: "{title}", start: 0, target: 10}
  - {id: revenue, title: Revenue, start: 0, target: 100}
---
"""
EMEA = "---\ntitle: Expand into EMEA\ncycle: 2026-Q4\nowner: Raj Patel\nparent: company/grow#partners\n---\n"
APAC = "---\ntitle: Open APAC\ncycle: 2026-Q4\nowner: Raj Patel\nparent: company/grow\n---\n"


def site(root: Path, title: str = "Sign 10 resellers", language: str = "en") -> Path:
    (root / "content/objectives/company").mkdir(parents=True, exist_ok=True)
    (root / "content/objectives/sales").mkdir(parents=True, exist_ok=True)
    (root / "okrsite.toml").write_text(f'as_of = 2026-11-20\nlanguage = "{language}"\n')
    (root / "content/objectives/company/grow.md").write_text(GROW.replace("{title}", title))
    (root / "content/objectives/sales/emea.md").write_text(EMEA)
    (root / "content/objectives/sales/apac.md").write_text(APAC)
    return root


def build(root: Path, out: Path) -> str:
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return (out / "alignment/index.html").read_text()


def test_an_objective_aligned_to_a_key_result_names_it(tmp_path: Path) -> None:
    html = build(site(tmp_path / "site"), tmp_path / "out")
    link = (
        '<a href="../objectives/company/grow/index.html#kr-partners">'
        "<bdi>Sign 10 resellers</bdi></a>"
    )
    assert html.count(f"for the key result {link}") == 1
    emea, apac = html.index("Expand into EMEA"), html.index("Open APAC")
    # on EMEA's line, not on APAC's (aligned to the whole objective)
    assert emea < html.index("for the key result") < html.index("</li>", emea) < apac
    page = (tmp_path / "out/objectives/company/grow/index.html").read_text()
    assert 'id="kr-partners"' in page


def test_in_german_and_after_the_key_result_is_renamed(tmp_path: Path) -> None:
    root = site(tmp_path / "site", language="de")
    html = build(root, tmp_path / "out")
    assert "für das Schlüsselergebnis <a" in html
    # a rebuild into the same folder (its caches) after the parent's key result
    # is renamed: the child's line, kept from the last build, follows
    site(root, title="Sign 12 resellers", language="de")
    again = build(root, tmp_path / "out")
    assert "<bdi>Sign 12 resellers</bdi></a>" in again
    assert again == build(root, tmp_path / "cold")
