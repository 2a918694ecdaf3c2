"""Markdown rendering: features on, raw HTML off by default, dangerous links inert."""

from __future__ import annotations

import html
import re

import pytest

from okrsite.markdown import is_safe_url, renderer


def md(text: str, allow_html: bool = False) -> str:
    return renderer(allow_html)(text)


def test_script_is_escaped_by_default() -> None:
    out = md("<script>alert(1)</script>\n\ntext <b>bold</b>")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>" not in out


def test_event_handler_attributes_are_text() -> None:
    out = md('<img src="x" onerror="alert(1)">')
    assert "<img" not in out and "&lt;img" in out


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ],
)
@pytest.mark.parametrize("allow_html", [False, True])
def test_dangerous_markdown_links_are_not_links(link: str, allow_html: bool) -> None:
    out = md(f"[click]({link}) <{link}>", allow_html)
    assert "href=" not in out


def test_image_data_urls_are_allowed() -> None:
    out = md("![dot](data:image/png;base64,iVBORw0KGgo=)")
    assert '<img src="data:image/png;base64' in out


def test_allow_html_switch() -> None:
    assert "<b>bold</b>" in md("<b>bold</b>", allow_html=True)
    assert "&lt;b&gt;" in md("<b>bold</b>", allow_html=False)


@pytest.mark.parametrize(
    "raw",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href='JavaScript:alert(1)'>x</a>",
        "<a href=javascript:alert(1)>x</a>",
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<a href="  javascript:alert(1)">x</a>',
        '<div><a href="vbscript:x">y</a></div>',
        '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
        '<form action="javascript:alert(1)"><button formaction="javascript:x">b</button></form>',
    ],
)
def test_raw_html_links_are_defused_when_html_is_allowed(raw: str) -> None:
    out = md(raw, allow_html=True).lower()
    assert "javascript:" not in out.replace("&#x09;", "")
    assert "java&#x09;script" not in out
    assert "vbscript:" not in out
    assert "data:text/html" not in out


def test_safe_raw_links_survive() -> None:
    out = md('<a href="https://example.com/x">ok</a>', allow_html=True)
    assert 'href="https://example.com/x"' in out


def test_is_safe_url() -> None:
    assert is_safe_url("https://example.com")
    assert is_safe_url("../relative/index.html")
    assert not is_safe_url("javascript:alert(1)")
    assert not is_safe_url(" java\tscript:alert(1)")
    assert not is_safe_url("&#106;avascript:alert(1)")


def test_gfm_features() -> None:
    out = md("|a|b|\n|-|-|\n|1|2|\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n\nnote[^1]\n\n[^1]: foot")
    assert "<table>" in out and "<s>gone</s>" in out
    assert 'type="checkbox"' in out and "checked" in out and "<label>" in out
    assert "footnote" in out


def test_headings_shift_and_get_ids() -> None:
    out = md("# Why\n\n## Context here")
    assert '<h2 id="why">Why</h2>' in out
    assert '<h3 id="context-here">Context here</h3>' in out
    assert "<h1" not in out


def test_a_body_whose_sections_start_at_two_hashes_skips_no_level() -> None:
    """People write sections as ``##`` under a title they do not write: the
    highest heading of a body is an ``<h2>`` (right below the page's
    ``<h1>``), the others as far below it as written."""
    out = md("Intro.\n\n## Context\n\n### Details\n\n## Plan")
    assert '<h2 id="context">Context</h2>' in out
    assert '<h3 id="details">Details</h3>' in out
    assert '<h2 id="plan">Plan</h2>' in out
    assert md("### Only\n\n##### Deep").startswith('<h2 id="only">Only</h2>')
    # a level the author skipped is not skipped on the page (## then ####:
    # <h2> then <h3>), so the page's outline has no gap
    assert '<h3 id="deep">Deep</h3>' in md("### Only\n\n##### Deep")
    out = md("## Overview\n\ntext\n\n#### Deep heading\n\n## Next\n\n### Sub")
    levels = [int(h) for h in re.findall(r"<h(\d)", out)]
    assert levels == [2, 3, 2, 3]


def test_a_heading_never_takes_an_id_of_the_page_around_it() -> None:
    """A body's "About" or "History" would repeat the id of the objective
    page's own section (``<h2 id="about">``), and "KR arr" that of a key
    result's row (``kr-arr``): ids must be unique in a page, so these get
    ``-1``. A check-in's notes get no heading ids at all: one page lists many
    check-ins, and two notes' "Blockers" would both be ``blockers``."""
    out = md("# About\n\n## History\n\n## KR arr\n\n## About us")
    assert '<h2 id="about-1">About</h2>' in out
    assert '<h3 id="history-1">History</h3>' in out
    assert '<h3 id="kr-arr-1">KR arr</h3>' in out
    assert '<h3 id="about-us">About us</h3>' in out
    notes = renderer(False, heading_ids=False)("## Blockers\n\nNone.")
    assert notes.startswith("<h3>Blockers</h3>")


def test_empty_body() -> None:
    assert md("") == "" and md("  \n") == ""


# ---------------------------------------------------------------- fast path
ALPHABET = list("abc XYZ019.,;:!?'\"()-+*=#>_[]<>&|~`\\") + ["\n", "\n\n", "- ", "1. ", "  ", "é"]


def test_plain_fast_path_matches_markdown_it() -> None:
    """The fast path for plain notes is byte-identical to markdown-it or declines."""
    import random

    from okrsite.markdown import _instance, _plain_fast

    rng = random.Random(1234)
    md_it = _instance(False)
    used = 0
    samples = [
        "Check-in 4. Blocked on a decision.\n\n- Next: keep going\n- Risk: none new\n",
        'Para one\nline two\n\nPara "three" it\'s',
        "- a\n- b\n\nafter",
        "2026 was good\n\n1. no",
        "x\n---",
        "x\n===",
    ]
    for _ in range(3000):
        n = rng.randint(1, 30)
        samples.append("".join(rng.choice(ALPHABET) for _ in range(n)))
        words = rng.choice(["Plain words here", "- item one", "- item two", "More text."])
        samples.append("\n".join(rng.choice([words, "- x y", "", "Text"]) for _ in range(4)))
    for text in samples:
        fast = _plain_fast(text)
        if fast is not None:
            used += 1
            assert fast == md_it.render(text), repr(text)
    assert used > 500


URL_PARTS = [
    "https://",
    "http://",
    "HTTPS://",
    "ftp://",
    "javascript:",
    "example.com",
    "Ex.COM",
    "a-b.c0",
    "/",
    "/path",
    "_x",
    "~y",
    "?q=1",
    "&b=2",
    "#frag",
    "%20",
    "(x)",
    " ",
    '"',
    "'",
    ":8080",
    "..",
    "é",
    "<",
    ">",
    "\\",
    "+",
    "=",
    ":",
    "*",
]
TEXT_PARTS = [
    "the notes",
    "a",
    "x y",
    "",
    " ",
    "*",
    "_",
    "`",
    "!",
    "[",
    "]",
    "(",
    ")",
    '"',
    "'",
    "&",
    "<",
    "é",
    "~",
    "|",
    "\\",
    "1.",
    "-",
    "#",
]


def test_link_fast_path_matches_markdown_it() -> None:
    """Links in the fast path are byte-identical to markdown-it, or it declines."""
    import random

    from okrsite.markdown import _instance, _plain_fast

    rng = random.Random(2026)
    md_it = _instance(False)
    used = 0
    samples = [
        "See [the background notes](https://example.com/dashboards/main) for details. We",
        "- [a](https://x.io/p?q=1#f)\n- plain",
        "x ![img](https://x.io/a.png) y",
        "[a](https://x.io)[b](http://y.io/z~_+=:-.)",
    ]
    for _ in range(4000):
        scheme = rng.choice(["https://", "http://", "https://", rng.choice(URL_PARTS)])
        host = rng.choice(["example.com", "a-b.c0", "x.io", rng.choice(URL_PARTS)])
        rest = "".join(rng.choice(URL_PARTS[8:]) for _ in range(rng.randint(0, 3)))
        url = scheme + host + rest
        label = rng.choice(["the notes", "x y", ""]) + "".join(
            rng.choice(TEXT_PARTS) for _ in range(rng.randint(0, 2))
        )
        before = rng.choice(["", "See ", "- ", "x!", "a (", "Text: ", "1. ", "*"])
        after = rng.choice(["", " for details.", ")", "(b)", "!", " [c](https://c.io)", "\nmore"])
        samples.append(f"{before}[{label}]({url}){after}")
    for text in samples:
        fast = _plain_fast(text)
        if fast is not None:
            used += 1
            assert fast == md_it.render(text), repr(text)
    assert used > 200


def test_url_rule_matches_markdown_it() -> None:
    """okrsite's copy of markdown-it's ``validateLink`` (kept so that checking a
    URL does not import markdown-it) gives the library's answer on generated
    URLs: every scheme it refuses in upper, lower and mixed case, Unicode
    whitespace and control characters around and inside them, Unicode whose
    lower case changes length (``İ``), and entity-encoded schemes."""
    import random

    from markdown_it.common.normalize_url import validateLink

    from okrsite.markdown import _CONTROL_RE, _validate_link

    rng = random.Random(11)
    schemes = ["javascript", "vbscript", "file", "data", "http", "https", "mailto", "jav"]
    data = [
        "image/png;",
        "image/gif;",
        "image/jpeg;",
        "image/webp;",
        "image/svg+xml;",
        "text/html;",
    ]
    spaces = ["", " ", "\t", "\n", "\x0b", "\x1c", "\u00a0", "\u2003", "\u3000", "\ufeff", "\x00"]
    odd = ["İ", "ß", "K", "&#106;", "&#x6A;", "&Tab;", ":", "/", "\\", "%20"]
    samples = [
        "javascript:alert(1)",
        "\u3000javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "DATA:IMAGE/PNG;base64,AAAA",
        "data:image/svg+xml;base64,AAAA",
        "İjavascript:x",
    ]
    for _ in range(6000):
        scheme = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in rng.choice(schemes))
        if rng.random() < 0.2:
            cut = rng.randrange(len(scheme) + 1)
            scheme = scheme[:cut] + rng.choice(spaces + odd) + scheme[cut:]
        rest = rng.choice(data) if scheme.lower() == "data" else "//example.com/x"
        samples.append(
            rng.choice(spaces) + rng.choice(spaces) + scheme + rng.choice([":", "", " :"]) + rest
        )
    refused = 0
    for url in samples:
        assert _validate_link(url) == validateLink(url), repr(url)
        cleaned = _CONTROL_RE.sub("", html.unescape(url)).lower()
        assert is_safe_url(url) == validateLink(cleaned), repr(url)
        refused += not is_safe_url(url)
    assert 1000 < refused < len(samples) - 1000  # both answers are well represented


def test_checking_a_url_does_not_import_markdown_it() -> None:
    """Pages check every link (``repo_url``, initiatives, commits) with
    :func:`is_safe_url`; a build that converts no Markdown never imports
    markdown-it (a tenth of a one-edit build's start-up)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from okrsite.markdown import is_safe_url, renderer\n"
        "render = renderer(False)\n"
        "assert is_safe_url('https://example.com') and not is_safe_url('javascript:x')\n"
        "assert render('Plain note.') == '<p>Plain note.</p>\\n'\n"
        "assert not any(m.startswith(('markdown_it', 'mdit_py_plugins')) for m in sys.modules)\n"
        "assert render('**bold**') == '<p><strong>bold</strong></p>\\n'\n"
        "assert 'markdown_it' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_ids_headings_avoid_are_the_themes() -> None:
    """Every fixed id the default theme's templates write is one a Markdown
    heading steps around (okrsite.markdown._THEME_IDS): a template that gains
    a section id must add it there, or a body's heading could repeat it."""
    import re
    from pathlib import Path

    from okrsite.markdown import _THEME_IDS

    templates = Path(__file__).resolve().parent.parent / "themes" / "default" / "templates"
    written = {
        m
        for path in templates.rglob("*.html")
        for m in re.findall(r'\bid="([a-z][a-z0-9-]*)"', path.read_text(encoding="utf-8"))
    }
    assert written and written <= _THEME_IDS, written - _THEME_IDS
