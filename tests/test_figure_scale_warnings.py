"""Figures that silently counted nothing (task E1): a bare figure beside a
title's magnitude (OKR129), a roll-up's own figures and objectives aligned
to a key result that counts its own (OKR316), and a KPI in % given a share
of one by a data file, ``okrsite pull`` or ``okrsite checkin`` (OKR128)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

SITE = 'title = "T"\n'

ARR = """\
---
title: Grow revenue
cycle: 2026
owner: Uma
key_results:
  - id: arr
    title: ARR from $10M to $20M
    current: {current}
  - id: deals
    title: Deals
    target: 10
---
"""

CHURN = """\
---
title: Churn
unit: "%"
direction: down
thresholds: {green: 3%, red: 5%}
data: data/churn.csv
---
"""


def arr_site(root: Path, current: str = "16.5") -> Path:
    return write_site(
        root / "site",
        {"okrsite.toml": SITE, "content/objectives/co/arr.md": ARR.format(current=current)},
    )


def test_a_bare_current_beside_a_title_in_millions_is_warned(tmp_path: Path) -> None:
    site = arr_site(tmp_path)
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/objectives/co/arr.md:8:14: warning OKR129: current of key result 'arr' is "
        "16.5, which reads as $16.50 beside the title's $10M → $20M, outside them, though "
        "16.5M lies between them: a figure in M written without its M? "
        "(hint: write 16.5M (or $16.5M))"
    ) in out


def test_a_current_written_in_millions_is_not_warned(tmp_path: Path) -> None:
    for current in ("16.5M", '"$16.5M"', "16500000"):
        site = arr_site(tmp_path / current.strip('"$'), current)
        code, out = run_cli("check", "--site", str(site))
        assert code == 0, out
        assert "OKR129" not in out, current


def test_checkin_set_of_a_bare_figure_in_millions_is_warned(tmp_path: Path) -> None:
    site = arr_site(tmp_path, "16500000")
    code, out = run_cli(
        "checkin", "co/arr", "--set", "arr=17", "--date", "2026-12-01", "--site", str(site)
    )
    assert code == 0, out
    assert (
        "content/checkins/co/arr/2026-12-01.md:4:15: warning OKR129: value of arr is 17, "
        "which reads as $17.00 beside the title's $10M → $20M, outside them, though 17M "
        "lies between them: a figure in M written without its M? (hint: write 17M (or $17M))"
    ) in out
    code, out = run_cli(
        "checkin", "co/arr", "--set", "arr=17M", "--date", "2026-12-02", "--site", str(site)
    )
    assert code == 0, out
    assert "OKR129" not in out


ALIGNED = """\
---
title: {title}
cycle: 2026
owner: Uma
parent: {parent}
key_results:
  - {{id: x, title: X, target: 10, current: {current}}}
  - {{id: y, title: Y, target: 10, current: {current}}}
---
"""

PARENT = """\
---
title: Grow revenue
cycle: 2026
owner: Uma
key_results:
  - id: arr2
    title: ARR2 growth
    current: 16.5
    unit: $M
  - id: own
    title: Deals
    target: 10
---
"""


def test_a_roll_up_says_its_own_current_is_not_counted(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/co/arr.md": PARENT,
            "content/objectives/t/a.md": ALIGNED.format(title="A", parent="co/arr#arr2", current=4),
            "content/objectives/t/b.md": ALIGNED.format(title="B", parent="co/arr#own", current=4),
            "content/objectives/t/c.md": ALIGNED.format(title="C", parent="co/arr#own", current=3),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/objectives/co/arr.md:8:14: warning OKR316: key result 'arr2' has no target:, "
        "so it rolls up objective t/a aligned to it: its own current: 16.5 is not counted "
        "(hint: remove current: (the aligned objectives' progress is its progress), or give "
        "it a target: and align t/a to co/arr instead (parent: co/arr))"
    ) in out
    # objectives aligned to a key result with a target of its own: the usual
    # cascade, listed on its row and not counted; nothing to warn of
    assert out.count("OKR316") == 1, out


def churn_site(root: Path, rows: str) -> Path:
    return write_site(
        root / "site",
        {
            "okrsite.toml": SITE,
            "content/kpis/churn.md": CHURN,
            "content/data/churn.csv": "date,value\n2026-09-01,4.10%\n2026-10-01,3.90%\n" + rows,
        },
    )


SHARE_OF_CHURN = (
    "0.037, which reads as 0.037%, though KPI 'churn' is in % (green at 3%, red at 5%, "
    "readings of 3.9% to 4.1%): a share of one where a percentage belongs? "
    "(hint: write 3.7% (or 3.7) if you meant 3.7%)"
)


def test_a_data_file_row_that_is_a_share_of_one_is_warned(tmp_path: Path) -> None:
    site = churn_site(tmp_path, "2026-11-01,0.037\n")
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "content/data/churn.csv:4: warning OKR128: row 4 of data/churn.csv (2026-11-01) is "
        + SHARE_OF_CHURN
    ) in out


def test_pull_says_a_share_of_one_it_writes_for_a_kpi_in_percent(tmp_path: Path) -> None:
    site = churn_site(tmp_path, "")
    (site / "okrsite.toml").write_text(SITE + '[[sources]]\nname = "churn"\nfile = "churn.json"\n')
    (site / "churn.json").write_text(json.dumps([{"date": "2026-11-01", "value": 0.037}]))
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    assert (
        "churn: content/data/churn.csv:4: warning OKR128: row 4 of data/churn.csv "
        "(2026-11-01) is " + SHARE_OF_CHURN
    ) in out


def test_checkin_value_that_is_a_share_of_one_is_warned(tmp_path: Path) -> None:
    site = churn_site(tmp_path, "")
    code, out = run_cli(
        "checkin", "churn", "--value", "0.036", "--date", "2026-12-01", "--site", str(site)
    )
    assert code == 0, out
    assert (
        "content/checkins/churn/2026-12-01.md:4:8: warning OKR128: value is 0.036, which reads "
        "as 0.036%, though KPI 'churn' is in % (green at 3%, red at 5%, readings of 3.9% to "
        "4.1%): a share of one where a percentage belongs? (hint: write 3.6% (or 3.6) if you "
        "meant 3.6%)"
    ) in out
    code, out = run_cli(
        "checkin", "churn", "--value", "0.036%", "--date", "2026-12-02", "--site", str(site)
    )
    assert code == 0, out
    assert "OKR128" not in out


def test_a_unit_beside_a_title_counts_the_titles_figures_in_it(tmp_path: Path) -> None:
    """``{title: ARR from $10M to $20M, unit: $M, current: 16.5}`` runs from 10 to
    20 $M, as the person meant by writing the unit (it was a measureless
    roll-up before: 0%, its current: lost); a title of another unit gives none."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/co/arr.md": """\
                ---
                title: Grow revenue
                cycle: 2026
                owner: Uma
                key_results:
                  - {id: arr, title: ARR from $10M to $20M, unit: $M, current: 16.5}
                  - {id: bare, title: Seats from 10 to 20, unit: k seats, current: 15}
                  - {id: k, title: MRR from $500k to $1M, unit: $M, current: 0.75}
                  - {id: ms, title: Latency from 300 to 200 ms, unit: s, target: 0.2}
                ---
                """,
        },
    )
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    (objective,) = json.loads(out)["objectives"]
    got = {
        kr["id"]: (kr["kind"], kr["start"], kr["target"], kr["current"], kr["progress"])
        for kr in objective["key_results"]
    }
    assert got == {
        "arr": ("numeric", 10, 20, 16.5, 0.65),
        "bare": ("numeric", 10, 20, 15, 0.5),
        "k": ("numeric", 0.5, 1, 0.75, 0.5),
        "ms": ("numeric", 0, 0.2, None, 0),
    }
    code, out = run_cli("check", "--site", str(site))
    assert "OKR316" not in out and "OKR402" not in out and "OKR129" not in out, out
