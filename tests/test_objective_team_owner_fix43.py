"""A team's own objective (``owner: Customer Success`` naming a team) has
the team as owner everywhere (audit 43, after the goal and KPI fixes).

Each test builds a real site from real files through the CLI. Before the
fix, such an objective (recorded in ``Portfolio.team_owned``) said "Owner
nobody" on its page, dashboard card, lists and attention list (beside the
team), showed no owner in the alignment tree, and ``api/portfolio.json``,
``api/objectives.csv``, ``api/key-results.csv``, ``api/cycles/*.csv`` and
the search index wrote an empty owner; an export imported again made an
objective nobody owns (or, now that the export names the team, a person
named after the team, in a site without the team's file: an owner that is
its own ``team:`` is the team's now). The preview test guards that which
records their team owns is part of what every page reads: the records of
``owner: X`` and of a bare ``team: X`` are equal.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

TEAM = "---\ntitle: Customer Success\n---\n"
PERSON = "---\ntitle: Raj Iyer\n---\n"


def objective(owner: str, *more: str) -> str:
    lines = "".join(f"{line}\n" for line in more)
    return (
        f"---\ntitle: Delight customers\ncycle: 2026-Q4\nowner: {owner}\n{lines}"
        "key_results:\n"
        "  - {id: csat, title: Raise CSAT, start: 70, target: 90, current: 72}\n"
        "  - {id: nps, title: Raise NPS, start: 30, target: 50, current: 32}\n"
        "---\nCustomers who stay.\n"
    )


MINE = (
    "---\ntitle: Answer in an hour\ncycle: 2026-Q4\nowner: Raj Iyer\n"
    "team: Customer Success\nparent: delight\nkey_results:\n"
    "  - {id: hour, title: First reply in an hour, start: 0, target: 100, current: 50}\n"
    "  - {id: day, title: Solved in a day, start: 0, target: 100, current: 50}\n"
    "---\n"
)


def site(tmp_path: Path, **files: str) -> Path:
    base = {
        "okrsite.toml": 'as_of = "2026-11-20"\n',
        "content/teams/customer-success.md": TEAM,
        "content/people/raj-iyer.md": PERSON,
        "content/objectives/delight.md": objective("Customer Success"),
        "content/objectives/mine.md": MINE,
    }
    return write_site(tmp_path / "site", {**base, **files})


def build(root: Path, *more: str) -> Path:
    code, out = run_cli("build", "--site", str(root), *more)
    assert code == 0, out
    return root / "_site"


def read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    key = "id" if "id" in rows[0] else "objective_id"
    return {row[key]: row for row in rows}


def team_link(prefix: str) -> str:
    return f'<a href="{prefix}teams/customer-success/index.html"><bdi>Customer Success</bdi></a>'


def metas(html: str) -> list[str]:
    """The meta lines of objective lists and cards that name Delight customers."""
    found = re.findall(
        r'<bdi>Delight customers</bdi></a>(?:</h3>)?\s*<(?:span|p) class="meta">(.*?)</(?:span|p)>',
        html,
        re.S,
    )
    assert found, "no list item of Delight customers"
    return found


# ---------------------------------------------------------------- pages


def test_the_objective_page_and_lists_show_the_team_as_owner(tmp_path: Path) -> None:
    out = build(site(tmp_path))
    page = read(out, "objectives/delight/index.html")
    assert f"<dt>Owner</dt><dd>{team_link('../../')}</dd>" in page
    assert "nobody" not in page
    assert "<dt>Team</dt>" not in page  # the team is its owner, named once
    mine = read(out, "objectives/mine/index.html")
    assert '<dt>Owner</dt><dd><a href="../../people/raj-iyer/index.html">' in mine
    assert f"<dt>Team</dt><dd>{team_link('../../')}</dd>" in mine

    # the dashboard's card and attention list (stale: no check-in yet), the
    # team page's list: the team as owner, once, never "nobody"
    for rel, prefix in (("index.html", ""), ("teams/customer-success/index.html", "../../")):
        html = read(out, rel)
        for meta in metas(html):
            assert meta.startswith(team_link(prefix)), (rel, meta)
            assert meta.count("teams/customer-success/") == 1, (rel, meta)
            assert "nobody" not in meta, (rel, meta)
    assert len(metas(read(out, "index.html"))) >= 2  # the card and the attention entry

    # the alignment tree names the owner as plain text: the team's name
    tree = read(out, "alignment/index.html")
    node = re.search(r"<bdi>Delight customers</bdi>.*?<span class=\"meta\">(.*?)</span>", tree)
    assert node and node.group(1).startswith("<bdi>Customer Success</bdi> · "), node


def test_the_list_filters_offer_the_team_as_owner(tmp_path: Path) -> None:
    """The owner filter of every list reads ``data-owner``: a team's own
    objective had it empty, so "Customer Success" was no owner to choose
    and filtering by any owner hid the objective the page says it owns."""
    out = build(site(tmp_path))
    for rel in ("cycles/2026-Q4/index.html", "alignment/index.html", "index.html"):
        html = read(out, rel)
        owners = {
            m.group(1): (m.group(2), m.group(3))
            for m in re.finditer(
                r'<[^>]*data-owner="([^"]*)" data-owner-label="([^"]*)"[^>]*>.*?<bdi>([^<]*)</bdi>',
                html,
                re.S,
            )
        }
        assert owners.get("customer-success") == ("Customer Success", "Delight customers"), rel
        if rel != "index.html":  # the dashboard lists it alone (stale)
            assert owners.get("raj-iyer") == ("Raj Iyer", "Answer in an hour"), rel


def test_the_objective_page_shows_the_team_as_owner_in_german(tmp_path: Path) -> None:
    root = site(tmp_path, **{"okrsite.toml": 'as_of = "2026-11-20"\nlanguage = "de"\n'})
    page = read(build(root), "objectives/delight/index.html")
    assert f"<dd>{team_link('../../')}</dd>" in page
    assert "niemand" not in page


# ---------------------------------------------------------------- data files


def test_exports_and_search_name_the_team_as_owner(tmp_path: Path) -> None:
    root = site(tmp_path)
    out = build(root)
    data = json.loads(read(out, "api/portfolio.json"))
    records = {o["id"]: o for o in data["objectives"]}
    assert {k: records["delight"][k] for k in ("owner", "owner_kind", "team")} == {
        "owner": "customer-success",
        "owner_kind": "team",
        "team": "customer-success",
    }
    assert (records["mine"]["owner"], records["mine"]["owner_kind"]) == ("raj-iyer", "person")
    code, exported = run_cli("export", "--site", str(root))
    assert code == 0, exported
    assert {o["id"]: o for o in json.loads(exported)["objectives"]} == records

    for rel in ("api/objectives.csv", "api/key-results.csv", "api/cycles/2026-Q4.csv"):
        rows = csv_rows(read(out, rel))
        assert rows["delight"]["owner"] == "customer-success", rel
        assert rows["delight"]["team"] == "customer-success", rel
        assert rows["mine"]["owner"] == "raj-iyer", rel
    code, exported_csv = run_cli("export", "--site", str(root), "--format", "csv")
    assert code == 0, exported_csv
    assert exported_csv == read(out, "api/key-results.csv")
    scorecard = json.loads(read(out, "api/cycles/2026-Q4.json"))
    assert {o["id"]: (o["owner"], o["owner_kind"]) for o in scorecard["objectives"]} == {
        "delight": ("customer-success", "team"),
        "mine": ("raj-iyer", "person"),
    }

    index = json.loads(read(out, "search-index.json"))["items"]
    owners: dict[tuple[str, str], Any] = {(i["k"], i["i"]): i["o"] for i in index}
    assert owners[("objective", "delight")] == "Customer Success"
    assert owners[("kr", "csat")] == "Customer Success"  # a key result: its objective's
    assert owners[("objective", "mine")] == "Raj Iyer"


def test_an_export_imported_again_keeps_the_team_as_owner(tmp_path: Path) -> None:
    """``okrsite import`` of the CSV or JSON export makes the team's own
    objective again, into a site with the team's file or without one."""
    root = site(tmp_path)
    exports = {}
    for name, args in (("portfolio.json", ()), ("key-results.csv", ("--format", "csv"))):
        code, text = run_cli("export", "--site", str(root), *args)
        assert code == 0, text
        exports[name] = tmp_path / name
        exports[name].write_text(text, encoding="utf-8")

    for name, path in exports.items():
        for team_file in (True, False):
            target = tmp_path / f"target-{name}-{team_file}"
            files = {"okrsite.toml": 'as_of = "2026-11-20"\n'}
            if team_file:
                files["content/teams/customer-success.md"] = TEAM
            write_site(target, files)
            code, out = run_cli("import", str(path), "--site", str(target))
            assert code == 0, out
            code, again = run_cli("export", "--site", str(target))
            assert code == 0, again
            moved = {o["id"]: o for o in json.loads(again)["objectives"]}
            assert (moved["delight"]["owner"], moved["delight"]["owner_kind"]) == (
                "customer-success",
                "team",
            ), (name, team_file)
            assert (moved["mine"]["owner"], moved["mine"]["owner_kind"]) == (
                "raj-iyer",
                "person",
            )
            built = build(target)
            page = read(built, "objectives/delight/index.html")
            assert "nobody" not in page, (name, team_file)
            # no page for a person named after the team
            assert not (built / "people/customer-success").exists(), (name, team_file)


# ---------------------------------------------------------------- page cache


def test_a_cached_build_follows_an_owner_turned_into_a_team(tmp_path: Path) -> None:
    """``owner: Customer Success`` and a bare ``team: Customer Success``
    resolve to the same record (no owner, the team): only Portfolio.team_owned
    tells them apart. A cached build after that edit shows "nobody" as a
    build without the cache does, and the team again after the edit back.
    (An initiative owned by someone called Customer Success keeps that name
    among the people's names, so that no recorded read changes either.)"""
    initiative = "initiatives:\n  - {title: Hire, status: active, owner: Customer Success}\n"
    root = site(
        tmp_path, **{"content/objectives/mine.md": MINE.replace("parent:", initiative + "parent:")}
    )
    build(root)
    path = root / "content/objectives/delight.md"
    pages = ("objectives/delight/index.html", "index.html", "api/objectives.csv")

    def cached_equals_cold() -> dict[str, str]:
        cached = build(root)
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        shutil.copytree(root, cold, ignore=shutil.ignore_patterns("_site", ".okrsite-cache"))
        fresh = build(cold, "--no-cache")
        for rel in pages:
            assert read(cached, rel) == read(fresh, rel), rel
        return {rel: read(cached, rel) for rel in pages}

    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "owner: Customer Success\n", "team: Customer Success\n"
        ),
        encoding="utf-8",
    )
    shown = cached_equals_cold()
    assert "nobody" in shown["objectives/delight/index.html"]
    assert csv_rows(shown["api/objectives.csv"])["delight"]["owner"] == ""
    path.write_text(objective("Customer Success"), encoding="utf-8")
    shown = cached_equals_cold()
    assert "nobody" not in shown["objectives/delight/index.html"]
    assert csv_rows(shown["api/objectives.csv"])["delight"]["owner"] == "customer-success"


def test_the_preview_follows_an_owner_turned_into_a_team(tmp_path: Path) -> None:
    """``okrsite serve`` renders again only what changed, by comparing the
    records (equal here: only Portfolio.team_owned differs); after the edit
    its pages equal a full render of the same files."""
    from datetime import date

    from okrsite.history import read_history
    from okrsite.pipeline import load_site
    from okrsite.preview import Preview
    from okrsite.render import render_site

    initiative = "initiatives:\n  - {title: Hire, status: active, owner: Customer Success}\n"
    root = site(
        tmp_path,
        **{"content/objectives/mine.md": MINE.replace("parent:", initiative + "parent:")},
    )
    preview = Preview(root, port=0, as_of=date(2026, 11, 20), echo=lambda _m: None)
    try:
        assert preview.rebuild().ok
        path = root / "content/objectives/delight.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "owner: Customer Success\n", "team: Customer Success\n"
            ),
            encoding="utf-8",
        )
        preview.on_change({path})
        assert preview.last is not None and preview.last.ok
        load = load_site(root, date(2026, 11, 20))
        history = read_history(root, load.config, load.scored.portfolio.cycles)
        expected = render_site(load.scored, load.config, root, history=history)
        got = {
            p.relative_to(preview.out).as_posix(): p.read_bytes()
            for p in preview.out.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
        assert b"nobody" in expected["objectives/delight/index.html"]
        assert [k for k in expected if got.get(k) != expected[k]] == []
    finally:
        preview.stop()
