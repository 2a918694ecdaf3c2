"""User text never becomes markup or script in the rendered site."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import write_site
from site_fixture import AS_OF
from sitecheck import broken_links, scan

from okrsite.pipeline import load_site
from okrsite.render import render_site

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'

SITE: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Evil </title><script>alert(1)</script>"
        repo_url = "javascript:alert(1)"
    """,
    "content/objectives/evil.md": f"""
        ---
        title: '{EVIL}'
        cycle: 2026-Q1
        owner: mallory
        tags: ['<b>tag</b>']
        key_results:
          - id: k1
            title: '{EVIL}'
            start: 0
            target: 10
            current: 3
            unit: '<i>u</i>'
        initiatives:
          - {{title: 'click', link: 'javascript:alert(1)'}}
          - {{title: 'data', link: 'data:text/html,<script>alert(1)</script>'}}
        ---
        [bad](javascript:alert(1)) {EVIL}

        <a href="javascript:alert(2)">raw</a>
    """,
    "content/checkins/c1.md": f"""
        ---
        objective: evil
        date: 2026-02-01
        author: mallory
        values: {{k1: 4}}
        ---
        Note {EVIL}
    """,
    "content/kpis/k.md": f"""
        ---
        title: '{EVIL}'
        unit: '<b>'
        values: {{2026-01-01: 1}}
        ---
    """,
    "content/people/mallory.md": """
        ---
        title: '"><svg onload=alert(1)></script><script>alert(3)</script>'
        ---
    """,
    "content/pages/p.md": f"""
        ---
        title: '{EVIL}'
        ---
        {EVIL}
    """,
}

DANGEROUS = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img[^>]*onerror", re.I),
    re.compile(r"<svg[^>]*onload", re.I),
    re.compile(r"""(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data:text)""", re.I),
    re.compile(r"</title><script", re.I),
]


@pytest.fixture(scope="module", params=[False, True], ids=["html-off", "html-on"])
def out(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    files = dict(SITE)
    if request.param:
        files["okrsite.toml"] = str(files["okrsite.toml"]) + "\n        allow_html = true\n"
    root = write_site(tmp_path_factory.mktemp("evil"), files)
    res = load_site(root, as_of=AS_OF)
    errors = [d.format_text() for d in res.diagnostics if d.is_error]
    assert not errors, errors
    assert "evil" in res.scored.objectives
    out = render_site(res.scored, res.config, root)
    if request.param:
        out["allow-html-on"] = b""
    return out


def test_no_script_injection_anywhere(out: dict[str, bytes]) -> None:
    # allow_html trusts authors with markup in Markdown bodies (their <script>
    # stays), but never with script links, and never in titles or names
    html_on = "allow-html-on" in out
    patterns = DANGEROUS[3:] if html_on else DANGEROUS
    for path, data in out.items():
        if path.startswith("static/") or not path.endswith((".html", ".xml", ".svg", ".js")):
            continue  # JSON and CSV are data: their consumers must escape
        content = data.decode("utf-8")
        for pattern in patterns:
            if path == "search-index.js":
                # JSON inside a script: only a closing tag could escape it
                assert "</script" not in content.lower(), path
                break
            assert not pattern.search(content), (path, pattern.pattern)


def test_text_is_escaped_visibly(out: dict[str, bytes]) -> None:
    html = out["objectives/evil/index.html"].decode()
    assert '<h1 dir="auto">&lt;script&gt;' in html
    assert "<title>&lt;script&gt;" in html
    assert 'aria-label="Progress of &lt;script&gt;' in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_scripts_only_from_the_theme(out: dict[str, bytes]) -> None:
    for path, data in out.items():
        if not path.endswith(".html"):
            continue
        srcs = re.findall(r"<script\b([^>]*)>", data.decode(), re.I)
        for attrs in srcs:
            assert attrs == "" or re.fullmatch(
                r' src="(\.\./)*(search-index\.js|static/search\.js|static/filters\.js)"( defer)?',
                attrs,
            ), (path, attrs)


def test_no_edit_link_for_unsafe_repo_url(out: dict[str, bytes]) -> None:
    assert "Edit this file" not in out["objectives/evil/index.html"].decode()


def test_unsafe_initiative_links_are_plain_text(out: dict[str, bytes]) -> None:
    page = scan(out["objectives/evil/index.html"])
    unsafe = [x for x in page.links if x.lower().lstrip().startswith(("javascript", "data:"))]
    # the theme's own empty icon in <head> (so no browser asks for /favicon.ico)
    assert unsafe == ["data:,"]
    assert out["objectives/evil/index.html"].count(b"data:,") == 1
    assert b'<link rel="icon" href="data:,">' in out["objectives/evil/index.html"]


def test_xml_outputs_stay_well_formed(out: dict[str, bytes]) -> None:
    ET.fromstring(out["checkins.xml"])
    for path, data in out.items():
        if path.endswith(".svg"):
            ET.fromstring(data)


def test_links_still_resolve(out: dict[str, bytes]) -> None:
    # with allow_html the user's own <img src=x> is kept (as a user-written link)
    assert [p for p in broken_links(out) if not p.endswith("/x missing")] == []


def test_hostile_ids_stay_inside_the_site(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "content/objectives/a b/c#d.md": """
                ---
                title: Odd id
                cycle: 2026-Q1
                tags: ['x/../../y', 'with space']
                key_results: [{id: 'k 1', title: K, start: 0, target: 1, current: 1}]
                ---
            """,
        },
    )
    res = load_site(root, as_of=AS_OF)
    out = render_site(res.scored, res.config, root)
    for path in out:
        assert not path.startswith(("/", "../")) and "/../" not in path, path
    assert broken_links(out) == []
