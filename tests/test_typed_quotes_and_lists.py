"""What people type where a file takes one value: a list of parents, and a
name in the typographic quotes a word processor or chat tool turned typed
quotes into. Each gets what the person meant, or a hint that works."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

TOML = 'as_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n'


def _site(tmp_path: Path, objective: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/people/tom-lee.md": "---\nname: Tom Lee\n---\n",
            "content/objectives/sales/book.md": """\
                ---
                title: Book more deals
                owner: Tom Lee
                key_results:
                  - {id: deals, title: Deals, start: 0, target: 10, current: 5}
                ---
                """,
            "content/objectives/co/grow.md": objective,
        },
    )


def test_a_list_of_parents_gets_a_hint_that_works(tmp_path: Path) -> None:
    """Quoting the list, the general hint, would only make an id that names
    nothing: one parent, and the others under supports:."""
    site = _site(
        tmp_path,
        """\
        ---
        title: Grow
        owner: Tom Lee
        parent: [sales/book, sales/book#deals]
        key_results:
          - {id: arr, title: ARR, start: 0, target: 10, current: 5}
        ---
        """,
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    line = next(x for x in out.splitlines() if "OKR103" in x)
    assert "parent must be a text value, got ['sales/book', 'sales/book#deals']" in line
    assert "keep that one here and list the others under 'supports: [...]'" in line
    assert "quote it" not in line


def test_a_name_in_typographic_quotes_is_the_person(tmp_path: Path) -> None:
    """``owner: ‘Tom Lee’`` is Tom Lee, shown as his name, not with the quotes;
    German „…“ quotes and a parent in quotes too."""
    site = _site(
        tmp_path,
        """\
        ---
        title: Grow
        owner: ‘Tom Lee’
        team: „Vertrieb Süd“
        parent: “sales/book”
        key_results:
          - {id: arr, title: ARR, start: 0, target: 10, current: 5}
        ---
        """,
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "‘" not in out and "„" not in out
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    grow = next(o for o in json.loads(out)["objectives"] if o["id"] == "co/grow")
    assert (grow["owner"], grow["team"], grow["parent"]) == (
        "tom-lee",
        "vertrieb-sud",
        "sales/book",
    )
    out_dir = tmp_path / "out"
    code, _ = run_cli("build", "--site", str(site), "--out", str(out_dir))
    page = (out_dir / "objectives/co/grow/index.html").read_text(encoding="utf-8")
    assert "Tom Lee" in page and "‘Tom Lee’" not in page
    assert "Vertrieb Süd" in page and "„Vertrieb Süd“" not in page


def test_a_value_key_in_typographic_quotes_at_the_top_is_the_key_result(tmp_path: Path) -> None:
    """``“deals”: 7`` at the top of a check-in (as a word processor quotes a
    key) is the key result's value, as under ``values:``; an error about it
    points at its own line, and one given under ``values:`` too is the one
    that counts."""
    site = _site(tmp_path, "---\ntitle: Grow\nowner: Tom Lee\n---\n")
    checkin = site / "content/checkins/one.md"
    checkin.parent.mkdir(parents=True)
    checkin.write_text("---\nobjective: sales/book\ndate: 2026-11-10\n“deals”: 7\n---\n")
    code, out = run_cli("export", "--site", str(site), "--format", "json")
    assert code == 0, out
    objectives = json.loads(out[out.index("{") :])["objectives"]
    (kr,) = next(o for o in objectives if o["id"] == "sales/book")["key_results"]
    assert kr["id"] == "deals" and kr["current"] == 7

    checkin.write_text(
        "---\nobjective: sales/book\ndate: 2026-11-10\nnote: hi\n“deals”: 7 hours\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "content/checkins/one.md:5:10: error OKR312: deals is written in 'hours'" in out

    checkin.write_text(
        "---\nobjective: sales/book\ndate: 2026-11-10\n“deals”: 3\nvalues:\n  deals: 8\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert "content/checkins/one.md:4:1: warning OKR111: '“deals”' is given twice" in out
    assert "the value under values: counts" in out


def test_a_key_in_typographic_quotes_under_values_is_located(tmp_path: Path) -> None:
    """An error about a quoted key under ``values:`` names its own line, not
    the first line under ``values:``; the key written twice, once in quotes,
    is a key result given two values (OKR007), not one silently lost."""
    site = _site(tmp_path, "---\ntitle: Grow\nowner: Tom Lee\n---\n")
    checkin = site / "content/checkins/one.md"
    checkin.parent.mkdir(parents=True)
    checkin.write_text(
        "---\nobjective: sales/book\ndate: 2026-11-10\nvalues:\n  deal: 1\n"
        "  “deals”: 4 hours\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "content/checkins/one.md:6:12: error OKR312: deals is written in 'hours'" in out

    checkin.write_text(
        "---\nobjective: sales/book\ndate: 2026-11-10\nvalues:\n  deals: 1\n  “deals”: 4\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert (
        "content/checkins/one.md:6:12: error OKR007: key result 'deals' has two values "
        "in one check-in"
    ) in out
