"""A KPI's check-ins, with their notes, on the KPI's page.

A check-in of a KPI (``kpi:`` with ``value:`` and a note) used to appear
nowhere on the KPI's page, while its entry in ``checkins.xml`` linked to
that page: the note was in the feed and lost on the site. The KPI page now
shows every check-in of the KPI, newest first, as an objective's page
shows its own (date, time with its zone, author, confidence, value with
the KPI's unit, note), each at ``#checkin-<id>``, where the feed links.
Sites as users write them, built through the CLI.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import copy_example, run_cli, write_site

KPI = """
    ---
    title: Support first response
    unit: h
    direction: down
    owner: Nina Alvarez
    thresholds: {green: 4, red: 8}
    values: {2026-10-01: 9}
    ---
    Median hours to the first answer.
    """

FILES: dict[str, str | bytes] = {
    "okrsite.toml": 'title = "Acme"\nas_of = "2026-12-01"\n',
    "content/kpis/first-response.md": KPI,
    "content/checkins/first-response/2026-11-10.md": """
        ---
        date: 2026-11-10T17:00:00+01:00
        author: Nina Alvarez
        value: 8.2
        confidence: 6
        ---
        Month-to-date median, **still above** the red line.
        """,
    "content/checkins/first-response/2026-11-24.md": """
        ---
        author: Nina Alvarez
        value: 6.5
        note: New rota since the 15th.
        ---
        """,
    "content/checkins/first-response/2026-11-27.md": """
        ---
        value: 6.1
        ---
        """,
}


def build(root: Path, *more: str) -> Path:
    code, out = run_cli("build", "--site", str(root), *more)
    assert code == 0, out
    return root / "_site"


def kpi_page(out: Path, kid: str = "first-response") -> str:
    return (out / f"kpis/{kid}/index.html").read_text(encoding="utf-8")


def checkins_section(page: str) -> str:
    found = re.search(r'<section aria-labelledby="timeline">.*?</section>', page, re.S)
    assert found, "no check-ins section on the KPI page"
    return found.group(0)


def test_the_kpi_page_shows_each_check_in_with_its_note(tmp_path: Path) -> None:
    page = kpi_page(build(write_site(tmp_path / "site", FILES)))
    section = checkins_section(page)
    assert '<h2 id="timeline">Check-ins</h2>' in section
    # after the values table, before the key results that target the KPI
    assert page.index('id="chart"') < page.index('id="timeline"') < page.index('id="targeted"')
    ids = re.findall(r'<article class="checkin" id="([^"]+)"', section)
    # every check-in, newest first, as on an objective's page
    assert ids == [
        "checkin-first-response-2026-11-27",
        "checkin-first-response-2026-11-24",
        "checkin-first-response-2026-11-10",
    ]
    zoned = section[section.index(ids[2]) :]
    assert '<time datetime="2026-11-10T17:00+01:00">' in zoned
    assert "17:00 (UTC+01:00)" in zoned
    assert "confidence 6/10" in zoned
    assert "Value: <strong>8.2 h</strong>" in zoned
    assert "Month-to-date median, <strong>still above</strong> the red line." in zoned
    assert 'href="../../people/nina-alvarez/index.html"' in zoned
    # a note written as ``note:`` too; a check-in without one still has its value
    assert "New rota since the 15th." in section
    assert "Value: <strong>6.1 h</strong>" in section
    # the check-in heading names no target: the page is the KPI's own
    assert "Support first response</a></h3>" not in section


def test_a_kpi_without_check_ins_has_no_check_ins_section(tmp_path: Path) -> None:
    """Values from ``values:`` (or a CSV file) alone: the values table says
    it all, and no empty "Check-ins" section stands below it."""
    files = {k: v for k, v in FILES.items() if not k.startswith("content/checkins/")}
    page = kpi_page(build(write_site(tmp_path / "site", files)))
    assert 'id="timeline"' not in page


def test_the_feed_links_a_kpi_check_in_to_its_place_on_the_kpi_page(tmp_path: Path) -> None:
    out = build(write_site(tmp_path / "site", FILES))
    feed = (out / "checkins.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="text/html" href="(kpis/[^"]+)"/>', feed)
    assert "kpis/first-response/index.html#checkin-first-response-2026-11-24" in links
    assert len(links) == 3
    for link in links:
        path, _, fragment = link.partition("#")
        assert f'id="{fragment}"' in (out / path).read_text(encoding="utf-8")


def test_the_kpi_check_ins_section_is_in_german(tmp_path: Path) -> None:
    files = dict(FILES)
    files["okrsite.toml"] = 'title = "Acme"\nas_of = "2026-12-01"\nlanguage = "de"\n'
    section = checkins_section(kpi_page(build(write_site(tmp_path / "site", files))))
    assert "Wert: <strong>8,2 h</strong>" in section
    assert "Zuversicht 6/10" in section


def test_a_cached_build_shows_an_edited_or_new_kpi_check_in_as_a_cold_build(
    tmp_path: Path,
) -> None:
    """``okrsite build`` keeps pages whose reads did not change: the KPI
    page reads the KPI's check-ins, so an edited note (the KPI's figures
    unchanged) or a new check-in renders it again, byte-equal to a build
    without the cache."""
    site = copy_example(tmp_path / "site")
    args = ("--as-of", "2026-11-20")

    def cached_equals_cold(text: str) -> None:
        cached = kpi_page(build(site, *args), "nps")
        assert text in cached
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        shutil.copytree(site, cold, ignore=shutil.ignore_patterns("_site", ".okrsite-cache"))
        assert cached == kpi_page(build(cold, *args, "--no-cache"), "nps")

    build(site, *args)
    note = site / "content/checkins/2026-10-20-nps.md"
    note.write_text(note.read_text().replace("412 responses", "415 responses"))
    cached_equals_cold("415 responses")
    (site / "content/checkins/2026-11-18-nps.md").write_text(
        "---\nkpi: nps\ndate: 2026-11-18T09:15:00Z\nauthor: grace-mwangi\n"
        "value: 47\nconfidence: 8\n---\nSurvey closed early.\n"
    )
    cached_equals_cold("Survey closed early.")
