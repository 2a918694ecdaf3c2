"""Audit 47 (theming a goals site for an intranet), findings 1-6: real sites
built and checked through the real CLI.

1. A site's ``templates/macros.html`` that lacks macros the shipped pages
   import passed ``okrsite check`` and failed ``build`` at the shipped
   ``dashboard.html`` ("TemplateModule object has no attribute"): now THM001
   at the site's file from both, before anything renders.
2. A template that is not UTF-8 was reported at line 1: now at the line and
   column of its first wrong byte.
3. ``partial("status_bagde.html")`` was told to create the misspelt file
   and that its theme "stands alone": now did you mean.
4. ``percent("47")`` and ``progress_bar.html`` given a text said Python's
   bare "must be real number, not str": now what the global needs.
5. docs/themes.md lists every field of the ``Badge`` that ``badge.svg`` gets.
6. ``okrsite serve``'s own 404 page has a viewport and the empty icon.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from conftest import REPO, run_cli, write_site
from test_serve import Served, fetch

from okrsite.view.chart_geometry import Badge

AS_OF = "2026-11-20"
OBJECTIVE = (
    "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
    "  - {id: a, title: A, start: 0, target: 10}\n"
    "  - {id: b, title: B, start: 0, target: 10}\n---\n"
)
ONE_MACRO = (
    "{% macro edit_link(edit) %}{% if edit %}"
    '<a class="edit" href="{{ edit }}">Im Intranet-Git bearbeiten</a>'
    "{% endif %}{% endmacro %}\n"
)
SHIPPED_MACROS = ("goal_list", "kpi_tile", "obj_list", "summary_block", "team_link")


def _site(tmp_path: Path, files: dict[str, str | bytes], language: str = "en") -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "X"\nlanguage = "{language}"\n',
            "content/objectives/grow.md": OBJECTIVE,
            "content/pages/hilfe.md": "---\ntitle: Hilfe\n---\nText.\n",
            **files,
        },
    )


def _check_and_build(site: Path, out: Path) -> list[str]:
    """The output of ``check`` and of ``build``, each failing, no output folder."""
    outputs = []
    for args in (("check",), ("build", "--out", str(out))):
        code, output = run_cli(*args, "--site", str(site), "--as-of", AS_OF)
        assert code == 1, output
        outputs.append(output)
    assert not out.exists()
    return outputs


def _errors(output: str, code: str) -> list[str]:
    return [row for row in output.splitlines() if f" error {code}: " in row]


def test_a_site_macros_html_lacking_the_shipped_macros_is_told_at_that_file(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, {"templates/macros.html": ONE_MACRO})
    for output in _check_and_build(site, tmp_path / "out"):
        (row,) = _errors(output, "THM001")
        assert row.startswith("templates/macros.html: error THM001: "), output
        for macro in SHIPPED_MACROS:
            assert macro in row
        assert "replaces the default theme's macros.html" in row
        assert '{% import "default:macros.html" as base %}' in row
        assert "TemplateModule" not in output and "guard it" not in output
        assert "default:dashboard.html" not in output.split("(")[0]


def test_the_macros_html_docs_themes_md_shows_builds(tmp_path: Path) -> None:
    """The way docs/themes.md gives to change one macro passes check and builds."""
    docs = (REPO / "docs" / "themes.md").read_text("utf-8")
    example = re.search(r"```jinja\n( *\{# templates/macros\.html.*?)```", docs, re.S)
    assert example is not None
    site = _site(
        tmp_path,
        {
            "okrsite.toml": 'title = "X"\nrepo_url = "https://example.org/goals"\nrepo_folder = ""\n',
            "templates/macros.html": example.group(1),  # dedented
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, output
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
    assert code == 0, output
    objective = (out / "objectives" / "grow" / "index.html").read_text("utf-8")
    assert "Edit in the wiki" in objective


def test_a_template_not_in_utf8_is_told_at_its_first_wrong_byte(tmp_path: Path) -> None:
    latin1 = (
        b'{% extends "default:page.html" %}\n{#- 2 -#}\n{#- 3 -#}\n{#- 4 -#}\n{#- 5 -#}\n'
        b"{% block main %}<p>Gr\xfc\xdfe aus M\xfcnchen</p>{% endblock %}\n"
    )
    site = _site(tmp_path, {"templates/page.html": latin1}, "de")
    for output in _check_and_build(site, tmp_path / "out"):
        (row,) = _errors(output, "THM002")
        assert row.startswith("templates/page.html:6:22: error THM002: "), output
        assert "not UTF-8" in row and "0xfc" in row and "'ü'" in row


def test_a_misspelt_partial_gets_did_you_mean_and_no_file_to_create(tmp_path: Path) -> None:
    page = (
        '{% extends "default:page.html" %}\n{% block main %}\n'
        '{{ partial("status_bagde.html", status="done") }}{% endblock %}\n'
    )
    site = _site(tmp_path, {"templates/page.html": page})
    for output in _check_and_build(site, tmp_path / "out"):
        (row,) = _errors(output, "THM001")
        assert row.startswith("templates/page.html:3: error THM001: "), output
        assert 'did you mean partial("status_badge.html")?' in row
        assert "standing alone" not in row and "add partials/status_bagde.html" not in row


def test_a_default_prefix_under_a_theme_standing_alone_names_no_file_to_add(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        {
            "okrsite.toml": 'title = "X"\ntheme = "brand"\n',
            "themes/brand/theme.toml": 'extends = ""\n',
            "themes/brand/templates/page.html": '{% extends "default:page.html" %}\n',
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", AS_OF)
    assert code == 1
    (row,) = [r for r in _errors(output, "THM001") if "default:page.html" in r]
    assert row.startswith("themes/brand/templates/page.html:1: "), output
    assert "add default:page.html" not in row
    assert 'extends = "default"' in row


def test_percent_given_a_text_says_it_needs_a_ratio(tmp_path: Path) -> None:
    for call, shown in (
        ('percent("47")', "percent() needs a 0..1 ratio, got '47' (str)"),
        (
            'partial("progress_bar.html", progress="0.5", label="x")',
            "percent() needs a 0..1 ratio, got '0.5' (str)",
        ),
        ('num("12")', "num() needs a number, got '12' (str)"),
    ):
        page = f'{{% extends "default:page.html" %}}\n{{% block main %}}\n{{{{ {call} }}}}{{% endblock %}}\n'
        site = _site(tmp_path / call[:3], {"templates/page.html": page})
        out = tmp_path / call[:3] / "out"
        code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", AS_OF)
        assert code == 1, output
        (row,) = _errors(output, "THM002")
        assert row.startswith("templates/page.html:3: error THM002: "), output
        assert shown in row and "must be real number" not in row


def test_docs_list_every_field_badge_svg_gets() -> None:
    docs = (REPO / "docs" / "themes.md").read_text("utf-8")
    start = docs.index("A `Badge` (the `badge` of `partials/badge.svg`")
    listed = docs[start : docs.index("\n\n", start)]
    svg = (REPO / "themes" / "default" / "templates" / "partials" / "badge.svg").read_text()
    used = set(re.findall(r"badge\.(\w+)", svg))
    fields = {f.name for f in dataclasses.fields(Badge)}
    assert used <= fields
    for name in fields:
        assert f"`{name}`" in listed, name


def test_serves_own_404_page_has_a_viewport_and_an_icon(tmp_path: Path) -> None:
    site = _site(tmp_path, {"content/objectives/grow.md": OBJECTIVE.replace("10}", "10")})
    served = Served("--site", str(site), "--port", "0", "--as-of", AS_OF)
    try:
        url = served.wait_line(r"serving \S+ at (\S+)").group(1)
        status, page = fetch(url)
    finally:
        served.interrupt()
    assert status == 404
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<link rel="icon" href="data:,">' in page
