"""The filtered alignment tree in Chromium, for a screen reader and by eye
(a11y audit 44, finding 4): an objective kept in view only because one
aligned below it matches says so in text (hidden note, in the page's
language) and has a dashed mark of 3:1 or more; the count says how many
objectives match, and the context rows apart; a disclosure's summary says
how many of its aligned objectives the filter leaves, and one it leaves
none of is hidden instead of opening onto an empty list.

The example site, built through the CLI at 2026-11-20, in English and German.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from conftest import copy_example, run_cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright
AS_OF = "2026-11-20"


def _build(root: Path, language: str) -> Path:
    site = copy_example(root / "site")
    toml = site / "okrsite.toml"
    toml.write_text(
        re.sub(r'(?m)^language = ".*"$', f'language = "{language}"', toml.read_text("utf-8")),
        encoding="utf-8",
    )
    out = root / "out"
    code, output = run_cli("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out))
    assert code == 0, output
    return out


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("en"), "en")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _contrast(a: list[float], b: list[float]) -> float:
    def lum(rgb: list[float]) -> float:
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


ROWS = """els => els.filter(e => e.offsetParent !== null).map(e => {
    const node = e.querySelector(':scope > .node');
    const note = node.querySelector(':scope > .filter-context-note');
    const style = getComputedStyle(node);
    return {
        context: e.classList.contains('filter-context'),
        status: node.dataset.status,
        note: note && !note.hidden ? note.textContent : null,
        border: style.borderLeftStyle,
        colour: style.borderLeftColor.match(/\\d+/g).map(Number),
    };
})"""

DETAILS = """ds => ds.map(d => ({
    hidden: d.hidden,
    summary: d.querySelector(':scope > summary').textContent,
    total: d.querySelector(':scope > ul').children.length,
    left: [...d.querySelector(':scope > ul').children].filter(li => !li.hidden).length,
}))"""


def test_context_rows_are_told_apart_in_text_and_counts_tell_the_truth(
    browser: Any, out: Path
) -> None:
    data = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    matches = [o for o in data["objectives"] if o["status"] == "off-track"]
    assert matches
    page = browser.new_page()
    page.goto((out / "alignment/index.html").as_uri() + "?status=off-track")
    rows = page.eval_on_selector_all("ul.tree li:not([hidden])", ROWS)
    context = [r for r in rows if r["context"]]
    matched = [r for r in rows if not r["context"]]
    assert context, "the example has objectives kept above an off-track one"
    assert len(matched) == len(matches)
    background = [255, 255, 255]
    for r in context:
        # in text, for a screen reader, not only in italics
        assert r["note"] == (
            "(does not match the filters; shown for the objectives aligned below it)"
        ), r
        assert r["border"] == "dashed"
        assert _contrast(r["colour"], background) >= 3, r["colour"]
    assert all(r["note"] is None for r in matched)
    # the note is in the accessibility tree, beside the objective's link
    snapshot = page.locator("ul.tree li.filter-context .node").first.aria_snapshot()
    assert "does not match the filters" in snapshot
    # the count says matches, and how many more are shown for context
    count = page.inner_text(".list-filters > .meta")
    total = len(data["objectives"])
    assert count == (
        f"{len(matches)} of {total} match, {len(context)} more shown"
        " for the objectives aligned below them"
    )
    # every disclosure counts what the filter left; an emptied one is hidden
    details = page.eval_on_selector_all("ul.tree details", DETAILS)
    assert any(d["left"] == 0 for d in details)
    assert any(0 < d["left"] < d["total"] for d in details)
    for d in details:
        assert d["hidden"] == (d["left"] == 0), d
        if 0 < d["left"] < d["total"]:
            assert d["summary"].endswith(f", {d['left']} shown"), d
            assert d["summary"].startswith(f"{d['total']} aligned objective"), d
        elif d["left"] == d["total"]:
            assert d["summary"] == (
                f"{d['total']} aligned objective" + ("s" if d["total"] != 1 else "")
            )
    # clearing the filters puts every row, note, count and summary back
    page.select_option('select[data-key="status"]', "")
    assert page.locator("ul.tree li.filter-context").count() == 0
    assert page.locator(".filter-context-note:not([hidden])").count() == 0
    assert page.inner_text(".list-filters > .meta") == f"{total} of {total} match"
    for d in page.eval_on_selector_all("ul.tree details", DETAILS):
        assert not d["hidden"] and d["left"] == d["total"]
        assert d["summary"] == f"{d['total']} aligned objective" + ("s" if d["total"] != 1 else "")
    page.close()


def test_context_words_are_the_pages_language(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = _build(tmp_path_factory.mktemp("de"), "de")
    page = browser.new_page()
    page.goto((out / "alignment/index.html").as_uri() + "?status=off-track")
    notes = page.eval_on_selector_all(
        ".filter-context-note:not([hidden])", "els => els.map(e => e.textContent)"
    )
    assert notes
    assert set(notes) == {
        "(passt nicht zu den Filtern; angezeigt für die darunter ausgerichteten Ziele)"
    }
    count = page.inner_text(".list-filters > .meta")
    assert count.startswith("Treffer: ") and "darunter ausgerichteten Ziele angezeigt" in count
    summaries = page.eval_on_selector_all(
        "ul.tree details:not([hidden]) > summary", "els => els.map(e => e.textContent)"
    )
    assert any(s.endswith(" angezeigt") for s in summaries)
    page.close()
