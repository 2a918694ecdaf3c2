"""okrsite import, spreadsheet audit 45 (findings 4, 5, 8, 9, 10): another
tool's Type layout, wrong file types, key-result owners through a round
trip, the Swiss thousands mark ``’`` and the smaller messages."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site
from import_sheets import imported, sheet, site_at


def written(site: Path, name: str) -> str:
    return (site / "content/objectives" / name).read_text(encoding="utf-8")


def exported(site: Path, *more: str) -> str:
    code, out = run_cli("export", "--site", str(site), *more)
    assert code == 0, out
    return out


# ------------------------------------------------------------------ 9. Swiss ’ groups thousands
def test_swiss_typographic_apostrophe_groups_thousands_in_a_sheet(tmp_path: Path) -> None:
    """Windows' de-CH locale writes ``1’500’000`` (U+2019); before, IMP102."""
    site = site_at(tmp_path)
    path = sheet(
        tmp_path,
        "ch.csv",
        'Objective,Key result,Start,Target,Current\nGrow,ARR,0,"1’500’000",1’250\n',
    )
    code, out = imported(site, path)
    assert code == 0, out
    assert "IMP102" not in out, out
    text = written(site, "grow.md")
    assert "target: 1500000\n" in text, text
    assert "current: 1250\n" in text, text


def test_swiss_typographic_apostrophe_groups_thousands_in_a_goal_file(tmp_path: Path) -> None:
    """The core reader reads it, so a goal file does too (before, OKR102)."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/grow.md": (
                "---\ntitle: Grow\nowner: Ann\nkey_results:\n"
                "  - {id: arr, title: ARR, start: 0, target: 1’500’000, current: 750’000}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR102" not in out, out
    portfolio = json.loads(exported(site))
    kr = portfolio["objectives"][0]["key_results"][0]
    assert (kr["target"], kr["current"], kr["progress"]) == (1500000, 750000, 0.5)
