"""A build walks each template folder once.

The checks before rendering, the files that may not be read and the site's
templates that do not compile, both list the site's template folders: one
walk serves both, and both kinds of problem are still reported in one run.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import write_site

from okrsite import theme as theme_mod
from okrsite.build import build_site
from okrsite.theme import load_theme

OBJECTIVE = """\
---
title: Grow sales
cycle: 2026-Q1
owner: uma-diaz
key_results:
  - {id: deals, title: Close deals, target: 10, current: 4}
---
"""


def small_site(root: Path, outside: Path) -> Path:
    """A site with its own theme, a template that does not compile in each of
    its template folders, and a template linked outside the site."""
    outside.write_text("<p>not the site's</p>\n", encoding="utf-8")
    write_site(
        root,
        {
            "okrsite.toml": 'title = "Walks"\ntheme = "mine"\nas_of = 2026-02-15\n',
            "content/objectives/sales.md": OBJECTIVE,
            "templates/partials/status_badge.html": "{% if %}\n",
            "templates/notes/README.md": "{% not a template\n",
            "themes/mine/theme.toml": 'extends = "default"\n',
            "themes/mine/templates/base.html": "<p>\n{% for x in %}\n",
            "translations/.keep": "",
        },
    )
    (root / "templates/footer.html").symlink_to(outside)
    return root


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Every ``os.walk`` the theme module starts, by the folder walked."""
    counted: Counter[str] = Counter()
    real_walk = os.walk

    def counting_walk(top: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        counted[os.path.realpath(top)] += 1
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(theme_mod.os, "walk", counting_walk)
    yield counted


def test_a_build_walks_each_template_folder_once_and_reports_both_kinds(
    tmp_path: Path, walks: Counter[str]
) -> None:
    root = small_site(tmp_path / "site", tmp_path / "outside.html")
    result = build_site(root, history=False)
    assert not result.ok
    codes = sorted(
        (d.file or "", d.code) for d in result.diagnostics if d.code in ("THM002", "OKR012")
    )
    assert codes == [
        ("templates/footer.html", "OKR012"),
        ("templates/partials/status_badge.html", "THM002"),
        ("themes/mine/templates/base.html", "THM002"),
    ], result.diagnostics
    theme = load_theme("mine", root)
    folders = [
        root / "templates",
        root / "themes/mine/templates",
        *(path / "templates" for _, path in theme.chain),
    ]
    for folder in folders:
        assert walks[os.path.realpath(folder)] == 1, (folder, walks)
    # the translations folder is walked once too; a static/ folder twice: by
    # the load, which lists what static/ publishes for OKR314 without loading
    # the theme (okrsite.static_listing: check has no theme), and by the theme
    assert walks[os.path.realpath(root / "translations")] == 1, walks
    static = {os.path.realpath(path / "static") for _, path in theme.chain}
    assert all(n == (2 if folder in static else 1) for folder, n in walks.items()), walks


def test_one_theme_answers_every_check_from_one_listing(
    tmp_path: Path, walks: Counter[str]
) -> None:
    root = small_site(tmp_path / "site", tmp_path / "outside.html")
    theme = load_theme("mine", root)
    problems = theme.source_problems(root)
    broken = theme.template_syntax_errors(root)
    again = theme.template_syntax_errors(root), theme.source_problems(root)
    theme.static_files()
    assert [d.code for d in problems] == ["OKR012"]
    assert sorted(str(e.filename).split("/site/")[1] for e in broken) == [
        "templates/partials/status_badge.html",
        "themes/mine/templates/base.html",
    ]
    assert [str(e) for e in again[0]] == [str(e) for e in broken]
    assert again[1] == problems
    assert walks and all(n == 1 for n in walks.values()), walks
    assert theme.files_under(root / "templates") == (
        "footer.html",
        "notes/README.md",
        "partials/status_badge.html",
    )
    assert theme.files_under(root / "no-such-folder") == ()
