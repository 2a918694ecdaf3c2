"""okrsite import: an Owner cell with a note after the name, as Outlook and
HR directories paste it (``Diaz, Uma <uma@example.com>``, ``Diaz, Uma (Head
of CS)``, ``Uma Diaz [she/her]``), is one person, as a goal file's ``owner:``
reads it (docs/content-format.md, "Names"): the note's comma, ``&`` and ``/``
part no co-owners, a name written last name first is turned round as
``Diaz, Uma`` is, and the note is kept after it as ``Uma Diaz (PM)`` is.
``okrsite check`` then finds the person ``owner: Uma Diaz`` names."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site
from openpyxl import Workbook

TOML = 'title = "Acme Goals"\nlanguage = "en"\nas_of = "2026-11-20"\n'
PEOPLE = {
    "content/people/uma-diaz.md": "---\nname: Uma Diaz\n---\n",
    "content/people/jurgen-weiss.md": "---\nname: Jürgen Weiß\n---\n",
    "content/people/tom-lee.md": "---\nname: Tom Lee\n---\n",
}


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site", {"okrsite.toml": TOML, "content/objectives/.keep": "", **PEOPLE}
    )


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "o.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _owner(site: Path, name: str) -> str:
    text = (site / "content/objectives" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith("owner:")]
    assert len(lines) == 1, text
    return lines[0]


def test_last_name_first_with_a_note_is_one_person(tmp_path: Path) -> None:
    site = _site(tmp_path)
    path = _csv(
        tmp_path,
        "Objective,Key result,Owner,Quarter,Target\n"
        'A,K1,"Diaz, Uma <uma@example.com>",Q1 2027,5\n'
        'C,K1,"Diaz, Uma (Head of CS)",Q1 2027,5\n'
        'D,K1,"Weiß, Jürgen <j.weiss@example.com>",Q1 2027,5\n'
        'E,K1,"Diaz, Uma [she/her]",Q1 2027,5\n'
        'F,K1,"Diaz, Uma (Head of Sales, EMEA)",Q1 2027,5\n',
    )
    code, out = run_cli("import", str(path), "--site", str(site))
    assert code == 0, out
    assert "IMP201" not in out, out  # no co-owners left out
    assert _owner(site, "a.md") == "owner: Uma Diaz <uma@example.com>"
    assert _owner(site, "c.md") == "owner: Uma Diaz (Head of CS)"
    assert _owner(site, "d.md") == "owner: Jürgen Weiß <j.weiss@example.com>"
    assert _owner(site, "e.md") == "owner: Uma Diaz [she/her]"
    assert _owner(site, "f.md") == "owner: Uma Diaz (Head of Sales, EMEA)"
    # the imported site names the people the directory meant, as owner: Uma Diaz does
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "OKR306" not in out, out  # no person 'diaz' or 'weiss' unknown
    assert "'Diaz'" not in out and "'Weiß'" not in out, out


def test_a_note_after_a_first_name_first_owner_parts_no_one(tmp_path: Path) -> None:
    site = _site(tmp_path)
    path = _csv(
        tmp_path,
        "Objective,Key result,Owner,Target\n"
        'A,K1,"Uma Diaz [she/her]",5\n'
        'B,K1,"Uma Diaz (PM)",5\n'
        'C,K1,"Uma Diaz (Sales & CS / EMEA and APAC)",5\n',
    )
    code, out = run_cli("import", str(path), "--site", str(site), "--cycle", "2026-Q4")
    assert code == 0, out
    assert "IMP201" not in out, out
    assert _owner(site, "a.md") == "owner: Uma Diaz [she/her]"
    assert _owner(site, "b.md") == "owner: Uma Diaz (PM)"
    assert _owner(site, "c.md") == "owner: Uma Diaz (Sales & CS / EMEA and APAC)"
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR306" not in out, out


def test_co_owners_are_still_parted_and_each_keeps_its_note(tmp_path: Path) -> None:
    site = _site(tmp_path)
    path = _csv(
        tmp_path,
        "Objective,Key result,Owner,Target\n"
        'A,K1,"Tom Lee & Ana Ruiz (Sales & CS)",5\n'
        'B,K1,"Diaz, Uma (CS); Lee, Tom <tom@example.com>",5\n'
        'C,K1,"Tom Lee (PM), Ana Ruiz (CS)",5\n'
        'D,K1,"Tom Lee, Ana Ruiz",5\n'
        'E,K1,"Diaz, Uma; Lee, Tom",5\n',
    )
    code, out = run_cli("import", str(path), "--site", str(site), "--cycle", "2026-Q4")
    assert code == 0, out
    assert _owner(site, "a.md") == "owner: Tom Lee"
    assert (
        "o.csv:2:3: warning IMP201: row 2, column C 'Owner': an objective has one owner: "
        "the first, 'Tom Lee', is imported; not 'Ana Ruiz (Sales & CS)'"
    ) in out, out
    assert _owner(site, "b.md") == "owner: Uma Diaz (CS)"
    assert "the first, 'Uma Diaz (CS)', is imported; not 'Tom Lee <tom@example.com>'" in out
    assert _owner(site, "c.md") == "owner: Tom Lee (PM)"
    assert "the first, 'Tom Lee (PM)', is imported; not 'Ana Ruiz (CS)'" in out
    assert _owner(site, "d.md") == "owner: Tom Lee"
    assert "the first, 'Tom Lee', is imported; not 'Ana Ruiz'" in out
    assert _owner(site, "e.md") == "owner: Uma Diaz"
    assert "the first, 'Uma Diaz', is imported; not 'Tom Lee'" in out
    assert out.count("IMP201") == 5, out


def test_xlsx_owner_and_key_result_owner_with_a_note(tmp_path: Path) -> None:
    site = _site(tmp_path)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Objective", "Key result", "Owner", "KR owner", "Target"])
    ws.append(["Sell", "Deals", "Diaz, Uma <uma@example.com>", "Lee, Tom (AE)", 5])
    path = tmp_path / "o.xlsx"
    book.save(path)
    code, out = run_cli("import", str(path), "--site", str(site), "--cycle", "2026-Q4")
    assert code == 0, out
    assert "IMP201" not in out, out
    text = (site / "content/objectives/sell.md").read_text(encoding="utf-8")
    assert "owner: Uma Diaz <uma@example.com>\n" in text, text
    assert "owner: Tom Lee (AE)\n" in text, text
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR306" not in out, out
