"""The day a site is judged at (``as_of`` in okrsite.toml) is the "today" of
``okrsite new``: docs/configuration.md says an objective given no cycle is
written into the current quarter "as of the site's as_of", but ``new`` took
the machine's date (found running the suite 72 days ahead under libfaketime:
a site pinned to 2026-11-18 got 2027-Q1 objectives)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site


def test_new_writes_the_quarter_of_the_site_s_as_of(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Goals"\nas_of = 2031-05-20\n',
            "content/people/uma-diaz.md": "---\nname: Uma Diaz\n---\n",
        },
    )
    code, output = run_cli(
        "new", "objective", "Sales/Grow renewals", "--owner", "Uma Diaz", "--site", str(site)
    )
    assert code == 0, output
    text = (site / "content/objectives/sales/grow-renewals.md").read_text(encoding="utf-8")
    assert "\ncycle: 2031-Q2\n" in text, text
