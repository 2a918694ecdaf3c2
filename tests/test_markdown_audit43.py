"""Rich Markdown in bodies and notes (audit 43 "markdown"), through the real CLI.

A writer who uses footnotes, code spans showing link syntax, addresses with
parentheses, notes in the front matter, emoji headings and (on a site that
allows it) raw HTML gets a valid page whose every id is unique, and OKR314
only for links that are broken, at the line they are written on.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from conftest import run_cli, write_site

TOML = 'title = "Acme"\n'

EMEA = (
    "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"  # 1-5
    "  - {id: logos, title: Close 16 new logos, start: 0, target: 16}\n"  # 6
    "  - {id: meetings, title: Hold 120 meetings, start: 0, target: 120}\n"  # 7
    "---\n"  # 8
    "Pipeline review is in the [roadmap](Roadmap%20(v2).md).\n"  # 9
    "To link a goal, write `[text](other-goal.md)` in the file.\n"  # 10
    "\n"  # 11
    "```\n[fenced](fenced.md)\n```\n"  # 12-14
    "\n"  # 15
    "    [indented](indented.md)\n"  # 16
    "\n"  # 17
    "Churn fell after the outage[^1]. A [real break](gone.md).\n"  # 18
    "\n"  # 19
    "[^1]: Measured by finance.\n"  # 20
)
ROADMAP = (
    "---\ntitle: Roadmap v2\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
    "  - {id: a, title: Ship A, start: 0, target: 1}\n"
    "  - {id: b, title: Ship B, start: 0, target: 1}\n---\nRoadmap.\n"
)
MORNING = (
    "---\nobjective: sales/emea\ndate: 2026-11-20 09:00\nauthor: Uma Diaz\n"  # 1-4
    "values: {logos: 4}\n"  # 5
    "note: |\n"  # 6
    "  Two demos booked.\n"  # 7
    "  Details in [the plan](../objectives/sales/plan.md).\n"  # 8
    "---\n"  # 9
    "Morning update[^1], [see](../objectives/sales/lost.md).\n"  # 10
    "\n"  # 11
    "[^1]: From the CRM.\n"  # 12
)
AFTERNOON = (
    "---\nobjective: sales/emea\ndate: 2026-11-20 16:30\nauthor: Uma Diaz\n"
    "values: {logos: 5}\n---\nAfternoon update[^1].\n\n[^1]: From the call notes.\n"
)
LAUNCH = "---\ntitle: Launch\n---\n## 🚀\n\nGo.\n\n## ???\n\nAgain.\n"


def files() -> dict[str, str]:
    return {
        "okrsite.toml": TOML,
        "content/objectives/sales/emea.md": EMEA,
        "content/objectives/sales/Roadmap (v2).md": ROADMAP,
        "content/checkins/2026-11-20-sales-emea.md": MORNING,
        "content/checkins/2026-11-20-sales-emea-pm.md": AFTERNOON,
        "content/pages/launch.md": LAUNCH,
    }


def build(tmp_path: Path, site_files: dict[str, str]) -> tuple[Path, str]:
    site = write_site(tmp_path / "site", site_files)
    out = tmp_path / "out"
    code, output = run_cli(
        "build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-25", "--no-history"
    )
    assert code == 0, output
    return out, output


def okr314(output: str) -> list[str]:
    """``file:line: 'address'`` of each OKR314 warning."""
    found = re.findall(r"^(\S+?):(\d+): warning OKR314: the link to '([^']*)'", output, re.M)
    return sorted(f"{file}:{line}: {target}" for file, line, target in found)


def test_footnote_ids_are_unique_in_each_page_and_lead_to_their_own_note(tmp_path: Path) -> None:
    out, _ = build(tmp_path, files())
    for page in ("objectives/sales/emea", "checkins", "people/uma-diaz"):
        text = (out / page / "index.html").read_text(encoding="utf-8")
        ids = Counter(re.findall(r'\sid="([^"]*)"', text))
        assert [i for i, n in ids.items() if n > 1] == [], page
        # each footnote link names an id of the page, and the afternoon's
        # [1] leads to the afternoon's footnote
        for target in re.findall(r'href="#(fn[^"]*)"', text):
            assert ids[target] == 1, (page, target)
    emea = (out / "objectives/sales/emea/index.html").read_text(encoding="utf-8")
    ref = re.search(r'Afternoon update<sup class="footnote-ref"><a href="#([^"]+)"', emea)
    assert ref is not None
    note = re.search(rf'<li id="{ref.group(1)}" class="footnote-item"><p>([^<]*)', emea)
    assert note is not None and note.group(1).strip() == "From the call notes."


def check(tmp_path: Path, site_files: dict[str, str]) -> list[str]:
    site = write_site(tmp_path / "site", site_files)
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-25")
    assert code == 0, output
    return okr314(output)


def test_a_footnote_definition_is_no_link(tmp_path: Path) -> None:
    warned = check(tmp_path, files())
    assert not [w for w in warned if w.endswith((": Measured", ": From"))], warned


def test_link_syntax_in_code_is_no_link(tmp_path: Path) -> None:
    warned = check(tmp_path, files())
    shown = ("other-goal.md", "fenced.md", "indented.md")
    assert not [w for w in warned if w.endswith(shown)], warned


def test_an_address_with_parentheses_is_read_whole(tmp_path: Path) -> None:
    warned = check(tmp_path, files())
    emea = [w for w in warned if w.startswith("content/objectives/sales/emea.md")]
    assert emea == ["content/objectives/sales/emea.md:18: gone.md"], warned
    out, _ = build(tmp_path, files())
    page = (out / "objectives/sales/emea/index.html").read_text(encoding="utf-8")
    assert 'href="../../../objectives/sales/roadmap-v2/index.html">roadmap</a>' in page


def test_a_checkins_note_and_body_links_are_reported_at_their_lines(tmp_path: Path) -> None:
    warned = check(tmp_path, files())
    morning = [w for w in warned if w.startswith("content/checkins/2026-11-20-sales-emea.md:")]
    assert morning == [
        "content/checkins/2026-11-20-sales-emea.md:10: ../objectives/sales/lost.md",
        "content/checkins/2026-11-20-sales-emea.md:8: ../objectives/sales/plan.md",
    ], warned


def test_a_heading_of_only_emoji_or_punctuation_gets_an_id(tmp_path: Path) -> None:
    out, _ = build(tmp_path, files())
    launch = (out / "pages/launch/index.html").read_text(encoding="utf-8")
    assert '<h2 id="section">🚀</h2>' in launch
    assert '<h2 id="section-1">???</h2>' in launch
    assert 'id=""' not in launch


HTML_PAGE = (
    "---\ntitle: Raw\n---\n"  # body from line 4
    '<a href="../objectives/sales/emea.md">raw md link</a>\n'  # 4
    '<a href="../objectives/sales/missing.md">raw broken</a>\n'  # 5
    "\n"  # 6
    'Inline <a href="../objectives/sales/gone.md" onclick="alert(5)">x</a>\n'  # 7
    '<img src=x onerror="alert(4)" alt="pic">\n'  # 8
    "\n"  # 9
    "<script>alert(1)</script>\n"  # 10
    "\n"  # 11
    "<details><summary>More</summary>\n\n"  # 12-13
    "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"  # 14-17
    "</details>\n\n"  # 18-19
    '<a href="javascript:alert(2)" title="t">j</a>\n'  # 20
)


def html_site() -> dict[str, str]:
    return {
        **files(),
        "okrsite.toml": TOML + "allow_html = true\n",
        "content/pages/raw.md": HTML_PAGE,
    }


def test_allowed_htmls_links_are_checked(tmp_path: Path) -> None:
    _, output = build(tmp_path, html_site())
    raw = [w for w in okr314(output) if w.startswith("content/pages/raw.md")]
    assert raw == [
        "content/pages/raw.md:5: ../objectives/sales/missing.md",
        "content/pages/raw.md:7: ../objectives/sales/gone.md",
        "content/pages/raw.md:8: x",  # unquoted, and no file of the site
    ], output


def test_allowed_html_keeps_markup_and_drops_script(tmp_path: Path) -> None:
    out, _ = build(tmp_path, html_site())
    page = (out / "pages/raw/index.html").read_text(encoding="utf-8")
    body = page[page.index("raw md link") - 200 : page.index("</main>")]
    assert 'href="../../objectives/sales/emea/index.html"' in page
    for bad in ("onclick", "onerror", "<script", "alert(1)", "javascript:"):
        assert bad not in body, bad
    assert "<details><summary>More</summary>" in page
    assert '<td style="text-align:right">2</td>' in page
    assert '<img src="x" alt="pic">' in page


def test_a_german_notes_table_label_shows_the_date_as_the_page_does(tmp_path: Path) -> None:
    note = (
        "---\nobjective: sales/emea\ndate: 2026-11-21\nauthor: Uma Diaz\nvalues: {logos: 6}\n---\n"
        "| Punkt | Status |\n|---|---|\n| A | ok |\n"
    )
    site_files = {
        **files(),
        "okrsite.toml": TOML + 'language = "de"\n',
        "content/checkins/2026-11-21-sales-emea.md": note,
    }
    out, _ = build(tmp_path, site_files)
    emea = (out / "objectives/sales/emea/index.html").read_text(encoding="utf-8")
    labels = re.findall(r'class="md-table" role="region" tabindex="0" aria-label="([^"]*)"', emea)
    assert labels == ["Punkt, Status – 21.11.2026"], labels


PLAIN_TEXTS = [
    "See [the plan](plan.md) and ![chart](../../static/c.png).\nNext [web](https://x.example/a?b=1#c).",
    "- [a](a.md)\n- [b](../b/B%20v2.md)\n\n1. [c](c.md)\n\n> quoted [d](d.md)",
    "# [Heading](h.md)\n\nText and [x](y.md#top)\n\n| a | [t](t.md) |\n|---|---|\n| [u](u.md) | 2 |",
    "[entity](caf&eacute;.md) [amp](a&amp;b.md)\nsoft\nbreaks [z](z.md)",
    "Setext [s](s.md)\n===\n\n  [two spaces](two.md)\n\n***\n\n[after](after.md)",
]


def test_plain_links_are_read_as_the_parser_reads_them() -> None:
    from okrsite.md_addresses import _plain, addresses, parsed_addresses

    for text in PLAIN_TEXTS:
        if _plain(text) is None:  # one of the texts went to the parser: none should
            raise AssertionError(text)
        assert addresses(text) == parsed_addresses(text), text
    # what the plain reading would get wrong goes to the parser
    for text in ("[r](R%20(v2).md)", "`[c](c.md)`", "[^1]: x", "    [i](i.md)", "[t](t.md 'T')"):
        assert _plain(text) is None, text
