"""Fixes of the hostile-input audit 45, each through the real CLI.

1. A KPI's ``data:`` CSV was checked for OKR128 in time quadratic in its
   rows (each row re-listed all the others): 8,000 rows took 15-25 s.
2. A link in ``static/`` published hidden files and the site's sources.
3. A wide Markdown table was not counted by the body limits (OKR021).
4. A tag ``.git`` got a folder ``tags/.git/`` that Pages never publishes.
5. OKR306's hint for a team name starting with ``-`` was a failing command.
6. A data file with several readings a day gave one OKR206 per day.
"""

from __future__ import annotations

import random
import shlex
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import run_cli, write_site

from okrsite import percent_shares

SITE = 'title: "Hostile"\n'.replace("title: ", "title = ")

# -- 1. a KPI's data file is checked in time linear in its rows ------------------

KPI = """\
---
title: Churn
unit: {unit}
direction: down
target: 3
thresholds: {{green: 3, red: 5}}
data: data/churn.csv
---
"""


def kpi_site(root: Path, unit: str, rows: int) -> Path:
    start = date(1901, 1, 1)
    lines = ["date,value"]
    for i in range(rows):
        value = f"0.0{i % 9 + 1}" if i % 50 == 0 else f"{3 + i % 4}.5"
        lines.append(f"{(start + timedelta(days=i)).isoformat()},{value}")
    return write_site(
        root / "site",
        {
            "okrsite.toml": SITE,
            "content/kpis/churn.md": KPI.format(unit=unit),
            "content/data/churn.csv": "\n".join(lines) + "\n",
        },
    )


@pytest.mark.parametrize("unit", ['"%"', "points"])
def test_a_data_files_rows_are_checked_in_linear_work(
    tmp_path: Path, unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OKR128 rule is given, per row, a fixed number of other readings
    (not all of them): 3,000 rows cost a few thousand figures looked at,
    where the quadratic check looked at 9 million."""
    looked_at = [0]
    slip = percent_shares.kpi_share_slip

    def counting(kpi: object, value: float, others: Iterable[float], *a: object, **k: object):  # type: ignore[no-untyped-def]
        others = list(others)
        looked_at[0] += len(others) + 1
        return slip(kpi, value, others, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(percent_shares, "kpi_share_slip", counting)
    rows = 3000
    site = kpi_site(tmp_path, unit, rows)
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert looked_at[0] <= 4 * rows, looked_at[0]
    if unit == "points":
        assert looked_at[0] == 0  # no share of one in a unit that is not %
        assert "OKR128" not in out


def _old_shares_among_rows(kpi, rows, rel):  # type: ignore[no-untyped-def]
    """The check as it was (quadratic), to compare the new one against."""
    out = []
    for n, row in enumerate(rows):
        others = [x for i, (_, x) in enumerate(rows) if i != n] + [x for _, x in kpi.values]
        line = getattr(row, "line", 0) or None
        what = f"row {line} of {kpi.data} ({row[0]}) is" if line else f"{row[0]} is"
        found = percent_shares.kpi_share_slip(kpi, row[1], others, what, rel, line=line)
        if found is not None:
            out.append(found)
    return out


def test_the_linear_check_says_what_the_quadratic_one_said() -> None:
    """Differential: on generated rows and KPIs (units, thresholds, signs,
    readings of ``values:``) old and new give the same diagnostics."""
    from okrsite.model import KPI as Kpi
    from okrsite.resolve_kpis_goals import _shares_among_rows

    class Row(tuple):  # type: ignore[type-arg]
        line = 0

    rng = random.Random(45)
    warned = 0
    for trial in range(300):
        kpi = Kpi(
            id="churn",
            file="content/kpis/churn.md",
            title="Churn",
            data="data/x.csv",
            unit=rng.choice(["%", "percent", "points", "€"]),
            target=rng.choice([None, 3.0, 0.5, -4.0, 40.0]),
            green=rng.choice([None, 3.0, 2.0, 0.9]),
            red=rng.choice([None, 5.0, 60.0]),
            values=tuple(
                (date(2000, 1, i + 1), rng.choice([0.2, 4.0, -7.0, 1.0]))
                for i in range(rng.randint(0, 3))
            ),
        )
        rows = []
        for i in range(rng.randint(0, 40)):
            figure = rng.choice([0.0, 0.037, -0.5, 0.99, 1.0, 1.5, 4.1, -3.0, 250.0, 1e-9])
            row = Row((date(2001, 1, 1) + timedelta(days=i), figure))
            row.line = rng.choice([0, i + 2])
            rows.append(row)
        old = _old_shares_among_rows(kpi, rows, "content/data/x.csv")
        assert _shares_among_rows(kpi, rows, "content/data/x.csv") == old, trial
        warned += bool(old)
    assert warned >= 20, warned  # the rows do give OKR128, and alike


# -- 6. several readings a day: the first 20 OKR206, then one for the rest --------


def test_a_data_file_with_readings_every_three_hours_gives_21_warnings(tmp_path: Path) -> None:
    start = date(2000, 1, 1)
    lines = ["date,value"]
    for i in range(400):  # 50 days, 8 readings a day
        day = start + timedelta(days=i // 8)
        lines.append(f"{day.isoformat()}T{(i % 8) * 3:02d}:00,{i % 97 + 2}")
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/kpis/churn.md": KPI.format(unit="points"),
            "content/data/churn.csv": "\n".join(lines) + "\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    okr206 = [line for line in out.splitlines() if "OKR206" in line]
    assert len(okr206) == 21, out
    assert okr206[0].startswith(
        "content/data/churn.csv:2: warning OKR206: 2000-01-01 has two readings: 2 on line 2 "
    ), okr206[0]
    assert (
        "content/data/churn.csv:24: warning OKR206: and 330 more readings that another "
        "reading of their date overrules, the first of them: only one reading a date counts "
        "(the later time of day, else the last row) (hint: keep one row a day (okrsite counts one reading a day), "
        "or correct the dates)"
    ) in okr206, okr206[-1]


# -- 5. OKR306's hint for a name starting with "-" is a command that works --------

OBJECTIVE = """\
---
title: Delight customers
cycle: 2026-Q4
team: "{team}"
---
"""


def test_the_hint_for_a_team_name_starting_with_a_dash_works_when_pasted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/o.md": OBJECTIVE.format(team="-Customer Success"),
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    hint = '(okrsite new team -- "-Customer Success")'
    assert f"add content/teams/customer-success.md {hint}" in out, out
    monkeypatch.chdir(site)
    code, written = run_cli(*shlex.split(hint.strip("()"))[1:])
    assert code == 0, written
    assert (site / "content/teams/customer-success.md").is_file()
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and "OKR306" not in out, out


# -- 4. a tag .git or .github: no hidden folder, links that resolve ------------------


def test_a_tag_starting_with_a_dot_gets_a_folder_pages_publishes(tmp_path: Path) -> None:
    """GitHub Pages' upload drops ``.git`` and ``.github`` folders at any depth
    (and git cannot hold a ``.git`` path): such a tag's page was 404 there."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/o.md": "---\ntitle: Move the monorepo\ncycle: 2026-Q4\n"
            "tags: [.git, .github, ..]\n---\n",
        },
    )
    code, out = run_cli("build", "--site", str(site), "--no-cache")
    assert code == 0, out
    built = site / "_site"
    hidden = [p for p in built.rglob(".*") if p.name != ".okrsite-output"]
    assert hidden == [], hidden
    assert {p.name for p in (built / "tags").iterdir()} == {
        "%2Egit",
        "%2Egithub",
        "%2E%2E",
        "index.html",
    }
    assert "Move the monorepo" in (built / "tags/%2Egit/index.html").read_text(encoding="utf-8")
    for page, link in [
        ("objectives/o/index.html", "../../tags/%252Egit/index.html"),
        ("objectives/o/index.html", "../../tags/%252Egithub/index.html"),
        ("tags/index.html", "../tags/%252Egit/index.html"),
    ]:
        text = (built / page).read_text(encoding="utf-8")
        assert f'href="{link}"' in text, (page, link)
        assert (built / page).parent.joinpath(unquote(link)).resolve().is_file()


# -- 3. a wide Markdown table is counted by the body limits (OKR021) ---------------


def test_a_table_of_more_cells_than_a_body_may_render_is_refused(tmp_path: Path) -> None:
    """A header of 2,000 columns pads each of the rows under it to 2,000
    cells (markdown-it renders them all, tens of microseconds each): 8 KB
    of ``|a`` passed every other body limit."""
    wide = "|" + "a|" * 2000 + "\n|" + "-|" * 2000 + "\n" + "|b|\n" * 20
    narrow = "| a | b | c |\n|---|:-:|--:|\n" + "| 1 | 2 | 3 |\n" * 400
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/wide.md": "---\ntitle: x\ncycle: 2026-Q4\n---\nIntro.\n\n" + wide,
            "content/objectives/narrow.md": "---\ntitle: y\ncycle: 2026-Q4\n---\n" + narrow,
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/objectives/wide.md:18: error OKR021: the text below the front matter has "
        "42,000 table cells (each table's columns times its rows), more than the 20,000 a "
        "body may have (see docs/limits.md) (hint: shorten the text"
    ) in out, out
    # the narrow table is within the limit (its one warning is OKR401: no key results)
    assert not [line for line in out.splitlines() if "narrow.md" in line and "OKR021" in line]
    code, out = run_cli("build", "--site", str(site))
    assert code == 1 and "OKR021" in out, out


# -- 2. links in static/: hidden files and the site's sources are never published --


def linked_site(root: Path) -> Path:
    """A site whose static/ links to a hidden file, a file in a hidden folder,
    its okrsite.toml, a content file and its own folder; and to one public
    file outside static/, which stays published."""
    site = write_site(
        root / "site",
        {
            "okrsite.toml": SITE,
            ".env": "TOKEN=xyz\n",
            ".secrets/key.pem": "PRIVATE\n",
            "README.txt": "public\n",
            "static/.env": "TOKEN=plain\n",
            "static/sub/keep.txt": "kept\n",
        },
    )
    for link, target in [
        ("static/env.txt", "../.env"),
        ("static/key.pem", "../.secrets/key.pem"),
        ("static/settings.txt", "../okrsite.toml"),
        ("static/sub/o.txt", "../../content/objectives/o.md"),
        ("static/all", ".."),
        ("static/readme.txt", "../README.txt"),
    ]:
        (site / link).symlink_to(target)
    return write_site(site, {"content/objectives/o.md": OBJECTIVE.format(team="x")})


REFUSED = [
    "static/env.txt: error OKR012: link static/env.txt leads to .env, a hidden file, "
    "which static/ never publishes; not published (hint: static/ publishes what it "
    "holds: copy the file into static/ if it is meant to be public, or remove the link)",
    "static/key.pem: error OKR012: link static/key.pem leads to .secrets/key.pem, a "
    "file in a hidden folder (.secrets/), which static/ never publishes; not published",
    "static/settings.txt: error OKR012: link static/settings.txt leads to okrsite.toml, "
    "one of the site's sources, which are never published; not published",
    "static/sub/o.txt: error OKR012: link static/sub/o.txt leads to "
    "content/objectives/o.md, one of the site's sources, which are never published",
    "static/all: warning OKR011: linked folder static/all is not followed; skipped "
    "(hint: move the files into static/ instead of linking)",
]


@pytest.mark.parametrize("command", ["build", "check"])
def test_links_in_static_to_hidden_files_or_sources_are_refused_at_the_link(
    tmp_path: Path, command: str
) -> None:
    site = linked_site(tmp_path)
    out_dir = tmp_path / "out"
    code, out = run_cli(
        command, "--site", str(site), *(["--out", str(out_dir)] * (command == "build"))
    )
    assert code == 1, out
    for said in REFUSED:
        assert said in out, said
    assert out.count("OKR012") == 4, out
    assert not out_dir.exists()
    # the links removed, the rest builds: the public file through its link,
    # none of the others
    for link in ("env.txt", "key.pem", "settings.txt", "sub/o.txt"):
        (site / "static" / link).unlink()
    code, out = run_cli("build", "--site", str(site), "--out", str(out_dir))
    assert code == 0, out
    published = sorted(
        p.relative_to(out_dir / "static").as_posix()
        for p in (out_dir / "static").rglob("*")
        if p.is_file()
    )
    assert "readme.txt" in published and "sub/keep.txt" in published, published
    assert not [p for p in published if p.startswith(("all", ".env"))], published


def test_serve_never_serves_a_hidden_file_or_a_source_through_a_link(tmp_path: Path) -> None:
    from test_serve import AS_OF, fetch

    from okrsite.preview import Preview

    site = linked_site(tmp_path)
    messages: list[str] = []
    preview = Preview(site, port=0, as_of=AS_OF, echo=messages.append)
    try:
        preview.start()
        base = f"http://127.0.0.1:{preview.server.port}/"
        for path, secret in [
            ("static/env.txt", "TOKEN=xyz"),
            ("static/key.pem", "PRIVATE"),
            ("static/settings.txt", "title ="),
            ("static/sub/o.txt", "Delight customers"),
            ("static/all/.env", "TOKEN=xyz"),
        ]:
            status, body = fetch(base + path)
            assert secret not in body, (path, status)
            assert status == 404, (path, status)
        said = "\n".join(messages)  # the build's errors, at the links
        assert "static/env.txt: error OKR012: link static/env.txt leads to .env" in said, said
    finally:
        preview.stop()
