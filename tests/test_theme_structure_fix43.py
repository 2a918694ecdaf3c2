"""A theme author's mistakes in the theme's structure, said where to fix
them (audit 43, own theme): the templates a theme standing alone lacks,
all at once and whatever the content; a ``theme.toml`` without
``extends`` or with a misspelled key; a ``theme.toml`` that is no TOML; a
template that extends itself; ``with_unit`` given a text; a ``%`` in a
translated text; ``theme = "Brand"`` for ``themes/brand/``."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

#: what docs/themes.md says a theme standing alone provides
RENDERED_TEMPLATES = (
    *("dashboard.html", "alignment.html", "kpi_tree.html", "kpi.html", "objective.html"),
    *("goals.html", "goal.html", "teams.html", "team.html", "people.html", "person.html"),
    *("cycles.html", "cycle.html", "tags.html", "tag.html", "checkins.html", "pages.html"),
    *("page.html", "search.html", "404.html", "checkins.xml", "partials/badge.svg"),
    "partials/alignment_node.html",
)

OBJECTIVE = (
    "---\ntitle: Keep our customers happy\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: nrr, title: Net revenue retention, start: 98, target: 105}\n---\n"
)
CONFIG = 'title = "Acme Goals"\ntheme = "brand"\ndefault_cycle = "2026-Q4"\n'
AS_OF = ("--as-of", "2026-11-20")


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_site(
        tmp_path / "site",
        {"okrsite.toml": CONFIG, "content/objectives/cs-retention.md": OBJECTIVE, **files},
    )


def _both(site: Path, tmp_path: Path) -> dict[str, tuple[int, str]]:
    """``okrsite check`` and ``okrsite build`` of ``site``: (exit code, output)."""
    return {
        "check": run_cli("check", "--site", str(site), *AS_OF),
        "build": run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"), *AS_OF),
    }


def _error_line(output: str, code: str) -> str:
    return next(row for row in output.splitlines() if f" {code}: " in row)


def test_a_theme_standing_alone_is_told_every_template_it_lacks_whatever_the_content(
    tmp_path: Path,
) -> None:
    """A theme with the templates today's content renders builds no more
    once a tag or a SMART goal comes: check and build name every template
    okrsite renders that it lacks, in one run, at its theme.toml."""
    provided = {name for name in RENDERED_TEMPLATES if name not in ("tag.html", "goal.html")}
    files = {f"themes/brand/templates/{name}": "x\n" for name in provided}
    site = _site(tmp_path, {"themes/brand/theme.toml": 'name = "brand"\nextends = ""\n', **files})
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 1, (command, output)
        said = _error_line(output, "THM001")
        assert said.startswith(
            "themes/brand/theme.toml:2: error THM001: theme 'brand' stands "
            "alone and lacks 2 templates okrsite renders: goal.html, tag.html"
        ), said
        assert 'extends = "default"' in said, said
    assert not (tmp_path / "out").exists()


def test_a_theme_with_one_template_hears_of_all_the_others_in_one_run(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"themes/brand/theme.toml": 'extends = ""\n', "themes/brand/templates/base.html": "x\n"},
    )
    code, output = run_cli("check", "--site", str(site), *AS_OF)
    assert code == 1, output
    said = _error_line(output, "THM001")
    assert f"lacks {len(RENDERED_TEMPLATES)} templates" in said, said
    for name in RENDERED_TEMPLATES:
        assert name in said, (name, said)


def test_a_theme_toml_without_extends_is_named_as_why_the_theme_stands_alone(
    tmp_path: Path,
) -> None:
    """The default theme's own theme.toml, copied to describe a one-template
    override, makes the theme stand alone: the error says so and how to
    extend the default theme; a misspelled key is a warning with the key
    it resembles."""
    site = _site(
        tmp_path,
        {
            "themes/brand/theme.toml": '# Acme brand theme\nname = "brand"\nextend = ""\n',
            "themes/brand/templates/base.html": '{% extends "default:base.html" %}\n',
        },
    )
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 1, (command, output)
        said = next(r for r in output.splitlines() if r.startswith("themes/brand/theme.toml: "))
        assert said.startswith(
            "themes/brand/theme.toml: error THM001: theme 'brand' stands alone because "
            "themes/brand/theme.toml has no extends"
        ), said
        assert 'add extends = "default" to themes/brand/theme.toml' in said, said
        # the base.html reaching for the default theme beneath is told it is not there
        assert "themes/brand/templates/base.html:1: error THM001: template " in output
        warned = _error_line(output, "THM005")
        assert warned.startswith(
            "themes/brand/theme.toml:3: warning THM005: theme.toml has a key okrsite does not "
            "know: 'extend' (did you mean extends?)"
        ), warned


def test_a_theme_extending_default_builds_and_a_known_theme_toml_is_quiet(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"themes/brand/theme.toml": 'name = "brand"\ndescription = "Acme"\nextends = "default"\n'},
    )
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 0, (command, output)
        assert "THM00" not in output, output


def test_a_theme_toml_syntax_error_is_reported_at_its_own_line(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"themes/brand/theme.toml": 'name = "brand"\nextends = ""\ndescription = "Brand theme\n'},
    )
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 1, (command, output)
        said = _error_line(output, "THM001")
        assert said.startswith("themes/brand/theme.toml:3: error THM001: not valid TOML"), said
        assert "fix the TOML syntax" in said and "name a theme" not in said, said


def test_a_theme_named_in_another_case_gets_its_line_and_the_folder_it_meant(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, {"themes/brand/theme.toml": 'extends = "default"\n'})
    config = site / "okrsite.toml"
    config.write_text(CONFIG.replace('"brand"', '"Brand"'), encoding="utf-8")
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 1, (command, output)
        said = _error_line(output, "THM001")
        assert said.startswith(
            "okrsite.toml:2: error THM001: theme 'Brand' not found (did you mean 'brand'?)"
        ), said


def test_a_base_html_extending_itself_is_found_by_check(tmp_path: Path) -> None:
    """Overriding base.html and extending "base.html" finds the override
    itself: check and build say so at the line, with the name that reaches
    the theme's base.html, instead of Python's recursion error."""
    site = _site(
        tmp_path,
        {
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/templates/base.html": (
                '{% extends "base.html" %}{% block title %}Site{% endblock %}\n'
            ),
        },
    )
    for command, (code, output) in _both(site, tmp_path).items():
        assert code == 1, (command, output)
        said = _error_line(output, "THM002")
        assert said.startswith(
            "themes/brand/templates/base.html:1: error THM002: template error: base.html "
            "extends itself"
        ), said
        assert '{% extends "default:base.html" %}' in said, said
        assert "recursion" not in output, output


def test_partials_including_each_other_say_so_when_a_page_renders(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/templates/partials/nav.html": '{% include "partials/nav_more.html" %}\n',
            "themes/brand/templates/partials/nav_more.html": '{% include "partials/nav.html" %}\n',
        },
    )
    code, output = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"), *AS_OF)
    assert code == 1, output
    said = _error_line(output, "THM002")
    assert "a template extends or includes itself" in said, said
    assert "maximum recursion" not in said and "a value may be empty" not in said, said


def test_with_unit_given_a_text_names_itself_and_the_value(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/templates/objective.html": (
                '{% extends "base.html" %}{% block main %}\n{{ with_unit(o.title, "") }}'
                "{% endblock %}\n"
            ),
        },
    )
    code, output = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"), *AS_OF)
    assert code == 1, output
    said = _error_line(output, "THM002")
    assert said.startswith("themes/brand/templates/objective.html:2: error THM002"), said
    assert "with_unit() needs a number, got 'Keep our customers happy'" in said, said
    assert "must be real number" not in said, said


def test_a_percent_sign_in_a_translated_text_asks_for_two(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/templates/goals.html": (
                '{% extends "base.html" %}{% block main %}\n{{ _("Up 5% this week") }}'
                "{% endblock %}\n"
            ),
        },
    )
    code, output = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"), *AS_OF)
    assert code == 1, output
    said = _error_line(output, "THM002")
    assert said.startswith("themes/brand/templates/goals.html:2: error THM002"), said
    assert "write %% for a percent sign" in said, said
