"""``okrsite new`` in a German site writes its stub in German (a stub left
as it is shows on the German pages), and an id typed as a name with
capitals keeps its hyphens in the title (``Datenschutz-Audit``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]


def test_a_german_site_gets_a_german_stub(make_site: MakeSite) -> None:
    site = make_site({"okrsite.toml": 'language = "de"\nas_of = 2026-11-20\n'})
    code, out = run_cli(
        "new", "objective", "vertrieb/umsatz", "--owner", "Jürgen Weiß", "--site", str(site)
    )
    assert code == 0, out
    text = (site / "content/objectives/vertrieb/umsatz.md").read_text(encoding="utf-8")
    assert text.endswith("---\nWarum dieses Ziel wichtig ist und woran wir Erfolg erkennen.\n")
    code, out = run_cli("new", "kpi", "liefertreue", "--site", str(site))
    assert code == 0, out
    assert "Was diese Kennzahl misst" in (site / "content/kpis/liefertreue.md").read_text(
        encoding="utf-8"
    )


def test_an_english_site_keeps_the_english_stub_and_slug_titles(make_site: MakeSite) -> None:
    site = make_site({"okrsite.toml": "as_of = 2026-11-20\n"})
    code, out = run_cli("new", "objective", "sales/grow-revenue", "--site", str(site))
    assert code == 0, out
    text = (site / "content/objectives/sales/grow-revenue.md").read_text(encoding="utf-8")
    assert "title: Grow revenue\n" in text
    assert text.endswith("---\nWhy this objective matters, and what success looks like.\n")


def test_a_hyphenated_name_typed_as_the_id_keeps_its_hyphens(make_site: MakeSite) -> None:
    site = make_site({"okrsite.toml": 'language = "de"\nas_of = 2026-11-20\n'})
    code, out = run_cli(
        "new", "goal", "Datenschutz-Audit", "--owner", "Anna Zimmer", "--site", str(site)
    )
    assert code == 0, out
    (goal,) = (site / "content/goals").glob("*.md")
    assert "title: Datenschutz-Audit\n" in goal.read_text(encoding="utf-8")
