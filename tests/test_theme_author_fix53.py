"""What a theme author met (session 53): three messages and a lost block.

- ``{% extends "defualt:page.html" %}`` was told to make the theme extend a
  theme named "defualt"; the hint now names ``default:page.html``.
- A macro that calls itself too deeply was "a template extends or includes
  itself", with a hint about ``{% extends "default:base.html" %}`` only.
- A theme's ``{% block scripts %}`` in its ``base.html`` was left out of
  the search page, whose own block did not call ``super()``.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

CONFIG = 'title = "Goals"\nas_of = "2026-12-06"\n'
OBJECTIVE = (
    "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nkey_results:\n  - Grow revenue from €1M to €2M\n---\n"
)


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_site(
        tmp_path / "s",
        {"okrsite.toml": CONFIG, "content/objectives/emea.md": OBJECTIVE, **files},
    )


def test_a_misspelt_theme_prefix_names_the_theme_meant(tmp_path: Path) -> None:
    root = site(tmp_path, {"templates/page.html": '{% extends "defualt:page.html" %}\n'})
    code, out = run_cli("check", "--site", str(root))
    assert code == 1
    assert (
        "templates/page.html:1: error THM001: template 'defualt:page.html' was not found in "
        "the theme (hint: did you mean 'default:page.html'? (defualt: names no theme of the "
        "chain))"
    ) in " ".join(out.split())


def test_a_macro_calling_itself_too_deeply_is_said_so(tmp_path: Path) -> None:
    deep = (
        "{% macro f(n) %}{% if n < 5000 %}<i>{{ f(n + 1) }}</i>{% endif %}{% endmacro %}"
        "<li>{{ f(0) }}</li>\n"
    )
    root = site(tmp_path, {"templates/partials/objective_item.html": deep})
    code, out = run_cli("build", "--site", str(root))
    assert code == 1
    said = " ".join(out.split())
    assert "templates/partials/objective_item.html:1: error THM002" in said
    assert "or a macro calls itself too many times" in said
    assert "a macro that calls itself needs a condition that ends it" in said
    assert not (root / "_site").exists()


def test_a_themes_scripts_block_is_on_the_search_page_too(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "okrsite.toml": CONFIG + 'theme = "brand"\n',
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/templates/base.html": (
                '{% extends "default:base.html" %}{% block scripts %}'
                '<script src="{{ root }}static/brand.js"></script>{% endblock %}\n'
            ),
            "themes/brand/static/brand.js": "/* brand */\n",
        },
    )
    code, out = run_cli("build", "--site", str(root))
    assert code == 0, out
    for page in ("index.html", "objectives/emea/index.html", "search/index.html"):
        assert "static/brand.js" in (root / "_site" / page).read_text("utf-8"), page
    search = (root / "_site/search/index.html").read_text("utf-8")
    assert search.index("static/brand.js") < search.index("static/search.js")


def test_a_filter_that_is_none_and_an_id_that_is_none_read_plainly(tmp_path: Path) -> None:
    root = site(tmp_path, {"templates/partials/stale_flag.html": '{{ "x"|map("shout")|join }}\n'})
    code, out = run_cli("build", "--site", str(root))
    said = " ".join(out.split())
    assert code == 1 and "No filter named 'shout', rendering" in said, said
    root = site(
        tmp_path / "b",
        {"templates/partials/stale_flag.html": '{{ objective_item("", "no/such-id") }}\n'},
    )
    code, out = run_cli("build", "--site", str(root))
    said = " ".join(out.split())
    assert code == 1 and "no such id or key: 'no/such-id' (KeyError)" in said, said
