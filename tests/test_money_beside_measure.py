"""OKR321: a check-in value written as money for a key result or KPI whose
unit names no money (audit 43, German theme author, finding 1's remainder).

``1,5 Mio. €`` for a key result in ``Stück`` counted 1,500,000 pieces and
``$1,200`` for one in ``users`` 1,200 users, both without a word: the
currency sign was read past. Each case builds a site and runs the real
``okrsite check``; a warning must name the value's line, and the figure must
still count (a warning, not a refusal). Units that are money, name money in
a word, or are absent take money as before; a sign beside ``%`` or a
magnitude unit stays OKR312.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_load_cache import run, written

OBJECTIVE = """---
title: Produkte verkaufen
cycle: 2026-Q4
owner: Uma Diaz
key_results:
  - id: kr
    title: The figure
    start: 0
    target: 2000000
{unit}
---
"""

KPI = """---
title: Active users
unit: {unit}
target: 5000
values:
  2026-10-01: 1000
---
"""

#: the key result's unit line, the check-in value as written, the code expected
CASES = [
    ('    unit: "Stück"', "1,5 Mio. €", "OKR321"),
    ('    unit: "users"', '"$1,200"', "OKR321"),
    ('    unit: "users"', "1200 €", "OKR321"),
    ('    unit: "users"', '"1,200"', None),
    ('    unit: "$"', '"$1,200"', None),
    ('    unit: "M EUR"', "1,5 Mio. €", None),
    ("", '"$1,200"', None),  # no unit: "Reach $1M ARR" takes money as its figures do
    ('    unit: "dollars"', '"$1,200"', None),
    ('    unit: "Franken"', "1200 €", None),
    ('    unit: "%"', '"$3"', "OKR312"),
    ('    unit: "k"', '"$3k"', "OKR312"),
]


def site(root: Path, unit: str, value: str, language: str = "de") -> Path:
    (root / "content" / "objectives").mkdir(parents=True)
    (root / "content" / "checkins" / "o").mkdir(parents=True)
    (root / "okrsite.toml").write_text(f'title = "T"\nlanguage = "{language}"\n', "utf-8")
    (root / "content" / "objectives" / "o.md").write_text(OBJECTIVE.format(unit=unit), "utf-8")
    checkin = root / "content" / "checkins" / "o" / "2026-11-20.md"
    written(checkin, f"---\ndate: 2026-11-20\nvalues:\n  kr: {value}\n---\n")
    return root


def codes(root: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    code, out = run(
        "check", "--site", str(root), "--as-of", "2026-11-25", "--format", "json", *extra
    )
    return code, json.loads(out)


@pytest.mark.parametrize(("unit", "value", "expected"), CASES)
def test_money_for_a_key_result_of_no_money_is_warned_of(
    tmp_path: Path, unit: str, value: str, expected: str | None
) -> None:
    root = site(tmp_path, unit, value)
    code, found = codes(root, "--no-cache")
    said = {str(d["code"]) for d in found}
    if expected is None:
        assert not said & {"OKR321", "OKR312"}, found
        return
    assert expected in said, found
    if expected == "OKR321":
        assert "OKR312" not in said and code == 0, found
        (d,) = [d for d in found if d["code"] == "OKR321"]
        assert d["file"] == "content/checkins/o/2026-11-20.md" and d["line"] == 4, d
        assert "written as money" in str(d["message"]) and "key result 'kr'" in str(d["message"])
        code, out = run("export", "--site", str(root), "--as-of", "2026-11-25")
        (kr,) = json.loads(out)["objectives"][0]["key_results"]
        assert kr["current"] in (1_500_000, 1200), kr  # counted, as the warning says


def test_money_for_a_kpi_of_no_money_is_warned_of(tmp_path: Path) -> None:
    (tmp_path / "content" / "kpis").mkdir(parents=True)
    (tmp_path / "content" / "checkins" / "users").mkdir(parents=True)
    (tmp_path / "okrsite.toml").write_text('title = "T"\n', "utf-8")
    (tmp_path / "content" / "kpis" / "users.md").write_text(KPI.format(unit="users"), "utf-8")
    (tmp_path / "content" / "checkins" / "users" / "2026-11-20.md").write_text(
        '---\ndate: 2026-11-20\nvalue: "$1,200"\n---\n', "utf-8"
    )
    _, found = codes(tmp_path, "--no-cache")
    assert [(d["code"], d["line"]) for d in found if d["code"] == "OKR321"] == [("OKR321", 3)]
    assert "KPI 'users'" in str(found[0]["message"])


def test_a_cached_check_after_the_sign_is_removed_says_no_more(tmp_path: Path) -> None:
    root = site(tmp_path, '    unit: "users"', '"$1,200"', language="en")
    assert "OKR321" in {d["code"] for d in codes(root)[1]}
    checkin = root / "content" / "checkins" / "o" / "2026-11-20.md"
    written(checkin, '---\ndate: 2026-11-20\nvalues:\n  kr: "1,200"\n---\n')
    assert codes(root) == codes(root, "--no-cache")
    assert "OKR321" not in {d["code"] for d in codes(root)[1]}
