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
