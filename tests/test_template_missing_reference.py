"""A site template naming a template that is not there (a typo in
``{% include %}``, ``{% import %}``, ``{% from %}``, ``{% extends %}``) is
THM001 at the tag's line from ``okrsite check`` too: before, only a build
that rendered a page using the tag said so, so a pull request's review job
(``okrsite check``) passed a theme change that broke the build."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

OBJECTIVE = (
    "---\ntitle: Keep our customers happy\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: nrr, title: Net revenue retention, start: 98, target: 105}\n"
    "  - {id: churn, title: Churn, start: 5, target: 3}\n---\n"
)
PARTIAL = (
    "{# our progress bar #}\n"
    '{% from "macros/brand.html" import stripe %}\n'
    "<p>{{ label }}</p>\n"
    '{% include "partials/bar_inner.html" %}\n'
    '{% include "partials/optional.html" ignore missing %}\n'
    '{% include "partials/status_badge.html" %}\n'
)


def test_check_and_build_name_every_template_a_site_template_misses(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/retention.md": OBJECTIVE,
            "templates/partials/progress_bar.html": PARTIAL,
            "templates/page_footer.html": '{% extends "layouts/footer.html" %}\n',
        },
    )
    out = tmp_path / "out"
    for args in (("check",), ("build", "--out", str(out))):
        code, output = run_cli(*args, "--site", str(site), "--as-of", "2026-11-20")
        assert code == 1, output
        found = sorted(row for row in output.splitlines() if " THM001: " in row)
        assert [row.split(": error THM001: ")[0] for row in found] == [
            "templates/page_footer.html:1",
            "templates/partials/progress_bar.html:2",
            "templates/partials/progress_bar.html:4",
        ], output
        assert "'partials/bar_inner.html' was not found" in output
        assert "'macros/brand.html' was not found" in output
        assert "layouts/footer.html" in output
        assert "optional.html" not in output  # ignore missing: no mistake
        assert "Traceback" not in output
    assert not out.exists()  # the build stopped before writing anything


def test_a_site_template_whose_names_all_resolve_is_quiet(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/retention.md": OBJECTIVE,
            "templates/partials/progress_bar.html": (
                '{% include "default:partials/progress_bar.html" %}\n'
                '{% include "partials/missing.html" ignore missing %}\n'
            ),
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, output
    assert "THM00" not in output
