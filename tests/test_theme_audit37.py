"""A site-local theme named like the built-in one, and templates saved with a BOM.

``themes/default/`` in a site extends okrsite's built-in ``default`` theme:
its templates, partials and static files override the built-in ones, it is
read from inside its own folder (never OKR012 on its own path), and
``okrsite check`` compiles its templates. A template saved with a UTF-8
byte-order mark renders without it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import copy_example, run_cli, write_site

from okrsite.sitefiles import UnsafeFileError, check_owned

AS_OF = "2026-12-04"


def _site(tmp_path: Path, files: dict[str, str | bytes], theme: str | None = None) -> Path:
    site = copy_example(tmp_path / "site")
    write_site(site, files)
    if theme is not None:
        config = site / "okrsite.toml"
        lines = [ln for ln in config.read_text("utf-8").splitlines() if not ln.startswith("theme")]
        config.write_text("\n".join([f'theme = "{theme}"', *lines]) + "\n", encoding="utf-8")
    return site


def _build(site: Path) -> tuple[int, str, Path]:
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
    return code, output, out


def _pages(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text("utf-8")
        for p in out.rglob("*.html")
        if p.is_file()
    }


@pytest.mark.parametrize("theme", [None, "default", "./themes/default"])
def test_local_default_theme_overrides_a_partial(tmp_path: Path, theme: str | None) -> None:
    site = _site(
        tmp_path,
        {"themes/default/templates/partials/health_badge.html": "<em>LD</em>\n"},
        theme,
    )
    code, output, out = _build(site)
    assert code == 0, output
    assert "OKR012" not in output and "THM001" not in output
    assert "<em>LD</em>" in (out / "index.html").read_text("utf-8")
    # the built-in theme is still the base: its other templates render
    assert (out / "static" / "style.css").is_file()


def test_site_template_extends_default_with_a_local_default_theme(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/default/templates/partials/health_badge.html": "<em>LD</em>\n",
            "templates/base.html": """
                {% extends "default:base.html" %}
                {% block title %}SITEBASE {{ super() }}{% endblock %}
                """,
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    index = (out / "index.html").read_text("utf-8")
    assert "SITEBASE" in index and "<em>LD</em>" in index


def test_local_default_base_extends_the_builtin_base(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/default/templates/base.html": """
                {% extends "default:base.html" %}
                {% block title %}LOCALBASE {{ super() }}{% endblock %}
                """,
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    index = (out / "index.html").read_text("utf-8")
    assert "LOCALBASE" in index and "<nav" in index


def test_local_default_theme_static_files_override_the_builtin_ones(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/default/static/style.css": "/* local style */\n",
            "themes/default/templates/partials/health_badge.html": "<em>LD</em>\n",
        },
    )
    code, output, out = _build(site)
    assert code == 0, output
    assert (out / "static" / "style.css").read_text("utf-8") == "/* local style */\n"
    assert (out / "static" / "filters.js").is_file()  # still the built-in's


def test_check_compiles_the_local_default_theme(tmp_path: Path) -> None:
    site = _site(tmp_path, {"themes/default/templates/partials/trend.html": "x\n{% for %}\n"})
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code != 0, output
    assert "themes/default/templates/partials/trend.html:2: error THM002" in output
    code, output, _ = _build(site)
    assert code != 0 and "THM002" in output


def test_file_outside_its_folder_is_not_said_to_lead_to_itself(tmp_path: Path) -> None:
    inside = tmp_path / "site"
    outside = tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "page.html").write_text("x", encoding="utf-8")
    with pytest.raises(UnsafeFileError) as caught:
        check_owned(outside / "page.html", [os.path.realpath(inside)])
    message = caught.value.refusal.message
    assert caught.value.refusal.code == "OKR012"
    assert "(to " not in message and "outside" in message


BOM = "\ufeff"


@pytest.mark.parametrize(
    "where", ["templates", "themes/default/templates", "themes/brand/templates"]
)
def test_template_with_a_byte_order_mark_renders_without_it(tmp_path: Path, where: str) -> None:
    badge = '<span class="status status-{{ status }}">{{ status_word(status) }}</span>\n'
    data = 'data-status="{{ item.status }}" data-cycle="{{ item.cycle }}"\n'
    site = _site(
        tmp_path,
        {
            f"{where}/partials/status_badge.html": (BOM + badge).encode("utf-8"),
            f"{where}/partials/filter_data.html": (BOM + data).encode("utf-8"),
        },
        "brand" if "brand" in where else None,
    )
    code, output, out = _build(site)
    assert code == 0, output
    pages = _pages(out)
    assert pages
    assert not [name for name, text in pages.items() if BOM in text]
    assert any(' data-status="' in text for text in pages.values())
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert "THM002" not in output, output


def test_a_template_error_names_the_page_it_met(tmp_path: Path) -> None:
    """An item of an objective without a team breaks a site's partial that
    reads ``item.team.name``: the error named the template's line only, and
    in a portfolio of hundreds the person could not find the page."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/objectives/misc/with-team.md": (
                "---\ntitle: With team\nteam: Sales\ncycle: 2026-Q4\n"
                "key_results:\n  - {id: a, title: A, target: 1}\n---\n"
            ),
            "content/objectives/misc/no-team.md": (
                "---\ntitle: No team\ncycle: 2026-Q4\n"
                "key_results:\n  - {id: a, title: A, target: 1}\n---\n"
            ),
            "templates/partials/objective_item.html": "<li>\n{{ item.team.name|upper }}</li>\n",
        },
    )
    code, out = run_cli("build", "--site", str(site))
    assert code == 1, out
    assert "templates/partials/objective_item.html:2: error THM002" in out, out
    assert ", rendering index.html" in out and "guard it with {% if" in out, out
    assert "Traceback" not in out
    # a syntax error is the template's alone: no page is named
    (site / "templates/partials/objective_item.html").write_text("<li>{% if %}</li>\n")
    code, out = run_cli("build", "--site", str(site))
    assert code == 1 and "THM002" in out and "rendering" not in out, out
