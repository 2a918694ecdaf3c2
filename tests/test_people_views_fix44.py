"""People on pages and in ``okrsite diff``, through the real CLI (audit 44, role "people").

A person's file deleted (the person left) made ``okrsite diff`` report
``owner: Kim Park → Kim Park`` on every goal and ``author: … → …`` on every
check-in naming them, and said nowhere that a person file was removed: the
base's resolved id (``kim``, the deleted file's) was compared with the id
head gives the name written (``kim-park``).

Unowned objectives showed "nobody", but the owner filter had no such
choice and ``?owner=nobody`` said nothing on the page had it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from click.testing import CliRunner, Result
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

AS_OF = "2026-11-20"


def okrsite(repo: Path, *args: str) -> Result:
    """Run ``okrsite ARGS`` in ``repo`` through click's runner."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def test_a_deleted_person_file_is_one_removal_not_owner_and_author_changes(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": f'title = "R"\nas_of = "{AS_OF}"\n',
            "content/people/kim.md": "---\ntitle: Kim Park\n---\n",
            "content/people/uma.md": "---\ntitle: Uma Diaz\n---\n",
            "content/objectives/o.md": (
                "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Kim Park\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n"
                "  - {id: b, title: B, start: 0, target: 10}\n---\n"
            ),
            "content/objectives/p.md": (
                "---\ntitle: Keep\ncycle: 2026-Q4\nowner: Kim Park\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/c1.md": (
                "---\nobjective: o\ndate: 2026-11-18\nauthor: Kim Park\nvalues: {a: 3}\n---\n"
            ),
        },
    )
    commit(
        repo,
        "Kim left; Uma takes over p",
        {
            "content/people/kim.md": None,
            "content/objectives/p.md": (
                "---\ntitle: Keep\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
        },
    )
    text = okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "text")
    assert text.exit_code == 0, text.output
    out = text.stdout
    assert "Kim Park → Kim Park" not in out and "author:" not in out, out
    assert "Grow" not in out, out  # o's owner reads the same on both sides
    assert "owner: Kim Park → Uma Diaz" in out, out  # a real change of owner is still one
    assert out.count("removes person kim (Kim Park, content/people/kim.md)") == 1, out
    assert "removes 1 person's or team's file" in out, out

    md = okrsite(repo, "diff", "HEAD~1", "HEAD")
    assert "removes person kim (Kim Park, content/people/kim.md)" in md.stdout, md.stdout

    data = json.loads(okrsite(repo, "diff", "HEAD~1", "HEAD", "--format", "json").stdout)
    assert data["organisation"] == [
        {
            "kind": "person",
            "change": "removed",
            "id": "kim",
            "old_id": "kim",
            "title": "Kim Park",
            "file": "content/people/kim.md",
            "parent_before": None,
            "parent_after": None,
            "figures": [],
        }
    ]
    assert [o["id"] for o in data["objectives"]] == ["p"], data["objectives"]
    assert data["checkins"] == [], data["checkins"]


def _unowned_site(root: Path, language: str) -> Path:
    """A site of three goals of team Support: Uma Diaz's, and two nobody owns."""
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/people").mkdir(parents=True)
    (root / "okrsite.toml").write_text(
        f'title = "R"\nas_of = "{AS_OF}"\nlanguage = "{language}"\n', encoding="utf-8"
    )
    (root / "content/people/uma-diaz.md").write_text("---\ntitle: Uma Diaz\n---\n")
    for n, owner in enumerate(["owner: Uma Diaz\n", "", ""]):
        (root / f"content/objectives/g{n}.md").write_text(
            f"---\ntitle: Goal {n}\ncycle: 2026-Q4\n{owner}team: Support\nkey_results:\n"
            "  - {id: a, title: A, start: 0, target: 10}\n---\n",
            encoding="utf-8",
        )
    out = root.parent / f"out-{language}"
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize(
    ("language", "word"), [("en", "nobody"), ("de", "niemand")], ids=["en", "de"]
)
def test_the_owner_filter_offers_nobody_for_unowned_objectives(
    tmp_path: Path, language: str, word: str
) -> None:
    """Unowned objectives show "nobody"; the owner filter offers that choice,
    and ``?owner=nobody`` (or the page's own word) lists just them."""
    pytest.importorskip("playwright.sync_api")
    out = _unowned_site(tmp_path / "site", language)
    titles = "ul.objs > li.obj[data-status]:not([hidden]) .obj-title"
    with chromium() as browser:
        for query in ("nobody", word, word.upper()):
            page = browser.new_page()
            page.goto((out / "teams/support/index.html").as_uri() + f"?owner={query}")
            shown = page.eval_on_selector_all(titles, "els => els.map(e => e.textContent)")
            assert sorted(shown) == ["Goal 1", "Goal 2"], (query, shown)
            options = page.eval_on_selector_all(
                'select[data-key="owner"] option', "os => os.map(o => [o.value, o.textContent])"
            )
            assert ["nobody", word] in options and len(options) == 3, options
            assert page.eval_on_selector('select[data-key="owner"]', "s => s.value") == "nobody"
            assert page.locator(".filter-unknown").is_hidden()
            page.close()
        page = browser.new_page()
        page.goto((out / "teams/support/index.html").as_uri())
        page.select_option('select[data-key="owner"]', "nobody")
        assert "owner=nobody" in page.url
        shown = page.eval_on_selector_all(titles, "els => els.map(e => e.textContent)")
        assert sorted(shown) == ["Goal 1", "Goal 2"], shown
        page.close()


def test_okr123_sends_an_objectives_co_owner_to_an_initiative_which_its_page_shows(
    tmp_path: Path,
) -> None:
    """OKR123's hint sent a co-owner to a key result's ``owner:``, which no
    page shows; it now names what the page does show: an initiative's owner.
    Following the hint puts the co-owner on the objective's page."""
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f'title = "R"\nas_of = "{AS_OF}"\n', encoding="utf-8")
    goal = root / "content/objectives/o.md"
    krs = (
        "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n"
        "  - {id: b, title: B, start: 0, target: 10}\n"
    )
    goal.write_text(
        f"---\ntitle: Grow\ncycle: 2026-Q4\nowner: [Zoë Ångström, Tom Lee]\n{krs}---\n",
        encoding="utf-8",
    )
    checked = okrsite(root, "check")
    assert checked.exit_code == 0, checked.output
    said = [line for line in checked.output.splitlines() if "OKR123" in line]
    assert len(said) == 1 and "content/objectives/o.md:4:" in said[0], checked.output
    assert "key result" not in said[0], said[0]
    assert "'owner:' in an initiative" in said[0], said[0]
    # as the hint says: Tom Lee owns an initiative, and the page shows him
    goal.write_text(
        f"---\ntitle: Grow\ncycle: 2026-Q4\nowner: Zoë Ångström\n{krs}"
        "initiatives:\n  - {title: Pilot in Norway, owner: Tom Lee}\n---\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    built = okrsite(root, "build", "--out", str(out))
    assert built.exit_code == 0, built.output
    assert "OKR123" not in built.output, built.output
    page = (out / "objectives/o/index.html").read_text(encoding="utf-8")
    initiatives = page.split('id="initiatives"', 1)[1].split("</section>", 1)[0]
    assert "Pilot in Norway" in initiatives and "<bdi>Tom Lee</bdi>" in initiatives, initiatives
