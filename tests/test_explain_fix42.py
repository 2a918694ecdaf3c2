"""Task E2 of fix 42: Explain and the figures beside expected follow the
scoring rules of 9d7a584, on sites built through the real CLI.

- Explain's stale step names the grace in force: ``stale_after_days``, not
  a fixed 14 (an objective without a check-in turns stale that many days
  into its cycle).
- Explain's forecast, the objective page and the dashboard card count days
  with a check-in, as the tentative rule does: three check-ins on two days
  are two points of the line.
- Progress beside expected gets the decimals that keep the gap a reader
  works out on its status's side: 0.3497 at risk beside expected 0.50 reads
  34.97% (15.03 points behind), never 35% (15 behind: on track), on the
  page, the dashboard and the badge alike; a plain case stays whole.

Cycle 2026-Q3 runs 2026-07-01 .. 2026-09-30 (92 days): on 2026-08-16, 46
days have passed, so a committed objective is expected at 0.50.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]


def objective(title: str, target: int = 10) -> str:
    return f"""
        ---
        title: {title}
        cycle: 2026-Q3
        owner: Ana Lima
        key_results:
          - {{id: n, title: Count, start: 0, target: {target}}}
        ---
    """


def checkin(oid: str, when: str, value: int) -> str:
    return f"---\nobjective: {oid}\ndate: {when}\nauthor: Ana Lima\nvalues: {{n: {value}}}\n---\n"


def build(site: Path, out: Path, as_of: str) -> Path:
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", as_of)
    assert code == 0, output
    return out


def page(out: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")


def text(node: object) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())  # type: ignore[attr-defined]


# -- 1. the stale rule in force ---------------------------------------------------


def test_explain_names_stale_after_days_as_the_grace_without_a_checkin(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": "stale_after_days = 7\n",
            "content/objectives/silent.md": objective("Silent"),
        }
    )
    out = build(site, tmp_path / "out", "2026-07-10")
    stale = text(page(out, "objectives/silent/index.html").select_one(".explain-stale"))
    assert stale == (
        "7. Stale No check-in yet. Stale: more than 7 days without a check-in "
        "(the stale_after_days setting), or no check-in at all 7 days after the cycle "
        "started; only while the cycle runs and the objective is active. stale."
    )


# -- 2. a forecast's basis counted in days with a check-in -------------------------


def test_three_checkins_on_two_days_are_two_days_and_tentative(
    make_site: MakeSite, tmp_path: Path
) -> None:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/o.md": objective("Twice in a day"),
            "content/checkins/a.md": checkin("o", "2026-07-01T09:00", 1),
            "content/checkins/b.md": checkin("o", "2026-08-15T09:00", 3),
            "content/checkins/c.md": checkin("o", "2026-08-15T10:00", 4),
        }
    )
    out = build(site, tmp_path / "out", "2026-08-20")
    doc = page(out, "objectives/o/index.html")
    assert text(doc.select_one(".forecast-basis")) == (
        "It rests on 2 days with a check-in (3 check-ins), spanning 45 days "
        "of the cycle's 92 (49%)."
    )
    assert text(doc.select_one(".forecast-tentative")) == (
        "Tentative : fewer than 3 days with a check-in, or check-ins spanning less "
        "than 25% of the cycle; the next check-in can move it a lot."
    )
    forecast = next(
        div for div in doc.select(".facts div") if text(div.select_one("dt")) == "Forecast"
    )
    assert text(forecast.select_one(".muted")) == (
        "(tentative: fewer than 3 days with a check-in, or check-ins spanning "
        "under 25% of the cycle)"
    )
    card = page(out, "index.html").select_one(".cards .card .meta .muted")
    assert card is not None and text(card) == (
        "(tentative: fewer than 3 days with a check-in, or check-ins spanning "
        "under 25% of the cycle)"
    )


# -- 3. progress beside expected on its status's side --------------------------------


def pace_site(make_site: MakeSite) -> Path:
    return make_site(
        {
            "okrsite.toml": "",
            "content/objectives/close.md": objective("Close call", 10000),
            "content/objectives/plain.md": objective("Plain", 10000),
            "content/checkins/close.md": checkin("close", "2026-08-10", 3497),
            "content/checkins/plain.md": checkin("plain", "2026-08-10", 4200),
        }
    )


def test_progress_beside_expected_keeps_the_status_side(
    make_site: MakeSite, tmp_path: Path
) -> None:
    out = build(pace_site(make_site), tmp_path / "out", "2026-08-16")

    def facts(oid: str) -> tuple[str, str, str]:
        doc = page(out, f"objectives/{oid}/index.html")
        expected = next(
            div
            for div in doc.select(".facts div")
            if text(div.select_one("dt")) == "Expected by now"
        )
        return (
            text(doc.select_one(".overview .pct")),
            text(expected.select_one("dd")),
            text(doc.select_one(".explain summary")),
        )

    # 0.3497 is 0.1503 behind 0.50: at risk; "35%" beside "50%" would read 15, on track
    assert facts("close") == ("34.97%", "50%", "How 34.97% and “at risk” were computed")
    assert facts("plain") == ("42%", "50%", "How 42% and “on track” were computed")

    dashboard = page(out, "index.html")
    cards = {
        text(card.select_one("h3")): (
            text(card.select_one(".pct")),
            text(card.select("p.meta")[-1]),
        )
        for card in dashboard.select(".cards .card")
    }
    assert cards == {
        "Close call": ("34.97%", "expected 50%"),
        "Plain": ("42%", "expected 50%"),
    }
    (attention,) = dashboard.select("li.attention")
    assert text(attention.select_one(".obj-title")) == "Close call"
    assert text(attention.select_one(".obj-score .pct")) == "34.97%"
    assert text(attention.select_one(".meta")).endswith("· expected 50%")

    listed = page(out, "cycles/2026-Q3/index.html")
    bars = {
        text(item.select_one(".obj-title")): text(item.select_one(".pct"))
        for item in listed.select("li.obj")
    }
    assert bars == {"Close call": "34.97%", "Plain": "42%"}
    tree = page(out, "alignment/index.html")
    nodes = {text(n.select_one("a")): text(n.select_one(".pct")) for n in tree.select(".node")}
    assert nodes == {"Close call": "34.97%", "Plain": "42%"}

    assert "34.97% at risk" in (out / "badges/close.svg").read_text(encoding="utf-8")
    plain_badge = (out / "badges/plain.svg").read_text(encoding="utf-8")
    assert "42% on track" in plain_badge and "42." not in plain_badge


def test_progress_beside_expected_in_german(make_site: MakeSite, tmp_path: Path) -> None:
    site = pace_site(make_site)
    (site / "okrsite.toml").write_text('language = "de"\n', encoding="utf-8")
    out = build(site, tmp_path / "out", "2026-08-16")
    doc = page(out, "objectives/close/index.html")
    shown = doc.select_one(".overview .pct")
    assert shown is not None and shown.get_text() == "34,97\N{NO-BREAK SPACE}%"
