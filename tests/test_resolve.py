"""Cross-file checks (:mod:`okrsite.resolve`) through :func:`okrsite.pipeline.load_tree`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrsite.diagnostics import Diagnostic
from okrsite.pipeline import LoadResult, load_tree

AS_OF = date(2026, 2, 15)


def load(files: dict[str, str], as_of: date = AS_OF) -> LoadResult:
    return load_tree({k: v.encode() for k, v in files.items()}, as_of)


def errors(r: LoadResult) -> list[Diagnostic]:
    return [d for d in r.diagnostics if d.is_error]


def by_code(r: LoadResult, code: str) -> list[Diagnostic]:
    return [d for d in r.diagnostics if d.code == code]


def objective(title: str = "T", extra: str = "", krs: str | None = None) -> str:
    krs = (
        krs
        if krs is not None
        else "  - {id: x, title: X, target: 10}\n  - {id: y, title: Y, target: 10}\n"
    )
    return f"---\ntitle: {title}\ncycle: 2026-Q1\nowner: al\n{extra}key_results:\n{krs}---\n"


def test_clean_site() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(),
            "content/checkins/c.md": "---\nobjective: a\ndate: 2026-02-10\nvalues: {x: 5}\n---\n",
        }
    )
    assert r.diagnostics == [] and r.ok
    assert r.scored.objectives["a"].progress == pytest.approx(0.25)


def test_parent_did_you_mean_and_link_cut() -> None:
    r = load(
        {
            "content/objectives/sales.md": objective(),
            "content/objectives/b.md": objective(extra="parent: sale\n"),
        }
    )
    (d,) = errors(r)
    assert (d.code, d.file, d.line, d.column) == ("OKR303", "content/objectives/b.md", 5, 9)
    assert d.message == "parent objective 'sale' does not exist"
    assert d.hint == "did you mean 'sales'?"
    # the broken link is cut so the rest can be scored
    assert r.scored.portfolio.objectives["b"].parent is None
    assert set(r.scored.roots) == {"b", "sales"}


def test_parent_key_result_missing() -> None:
    r = load(
        {
            "content/objectives/sales.md": objective(),
            "content/objectives/b.md": objective(extra="parent: sales#xx\n"),
        }
    )
    (d,) = errors(r)
    assert d.code == "OKR304" and d.message == "objective 'sales' has no key result 'xx'"
    assert d.hint == "did you mean 'x'?"


def test_self_alignment() -> None:
    r = load({"content/objectives/a.md": objective(extra="parent: a#x\n")})
    (d,) = errors(r)
    assert d.code == "OKR308" and d.message == "objective 'a' is aligned to itself"


@pytest.mark.parametrize(
    ("parents", "chain"),
    [
        ({"a": "b", "b": "c", "c": "a"}, "a → b → c → a"),
        ({"b": "c#x", "c": "a", "a": "b#y"}, "a → b → c → a"),
        ({"a": "b", "b": "a"}, "a → b → a"),
    ],
)
def test_alignment_loop_named_once_per_member(parents: dict[str, str], chain: str) -> None:
    files = {
        f"content/objectives/{k}.md": objective(extra=f"parent: {v}\n") for k, v in parents.items()
    }
    r = load(files)
    loops = by_code(r, "OKR305")
    assert sorted(d.file for d in loops) == sorted(files)
    assert {d.message for d in loops} == {f"alignment loop: {chain}"}
    assert all(d.line == 5 for d in loops)
    # the loop is cut; scoring still terminates and every objective is scored
    assert set(r.scored.objectives) == set(parents)


def test_loop_behind_a_tail() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(extra="parent: b\n"),
            "content/objectives/b.md": objective(extra="parent: c\n"),
            "content/objectives/c.md": objective(extra="parent: b\n"),
        }
    )
    loops = by_code(r, "OKR305")
    assert {d.file for d in loops} == {"content/objectives/b.md", "content/objectives/c.md"}
    assert {d.message for d in loops} == {"alignment loop: b → c → b"}
    assert r.scored.portfolio.objectives["a"].parent == "b"


def test_reference_to_broken_file_is_not_reported_twice() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(extra="parent: b\n"),
            "content/objectives/b.md": "---\ntitle: [\n---\n",
            "content/checkins/c.md": "---\nobjective: b\ndate: 2026-02-01\n---\n",
        }
    )
    assert [(d.code, d.file) for d in errors(r)] == [("OKR003", "content/objectives/b.md")]


def test_objective_with_unknown_cycle_is_left_out_quietly() -> None:
    r = load(
        {
            "content/objectives/a.md": objective().replace("2026-Q1", "2026-Q5"),
            "content/objectives/b.md": objective(extra="parent: a\n"),
        }
    )
    assert [d.code for d in errors(r)] == ["OKR302"]
    assert "a" not in r.scored.objectives and "b" in r.scored.objectives


def test_duplicate_ids() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(),
            "content/objectives/b.md": "---\nid: a\ntitle: B\ncycle: 2026-Q1\n---\n",
        }
    )
    (d,) = errors(r)
    assert (d.code, d.file, d.line) == ("OKR301", "content/objectives/b.md", 1)
    assert d.message == "objective id 'a' is already used by content/objectives/a.md"
    assert r.scored.portfolio.objectives["a"].title == "T"


def test_same_id_in_different_kinds_is_fine() -> None:
    r = load(
        {
            "content/objectives/nps.md": objective(),
            "content/kpis/nps.md": "---\ntitle: NPS\ntarget: 5\n---\n",
        }
    )
    assert errors(r) == []


def test_supports() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(extra="supports: [b, a#z, nps, a#x]\n"),
            "content/kpis/nps.md": "---\ntitle: N\ntarget: 1\n---\n",
        }
    )
    got = [(d.code, d.column, d.message, d.hint) for d in errors(r)]
    assert got == [
        (
            "OKR303",
            12,
            "supported goal 'b' does not exist",
            "check the id; ids are file paths under content/objectives without .md",
        ),
        ("OKR304", 15, "objective 'a' has no key result 'z'", "its key results are: x, y"),
    ]


def test_kpi_key_result_unknown_kpi_and_drives() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(
                krs="  - {id: x, title: X, target: 10, kpi: np}\n  - {id: y, title: Y, target: 3}\n"
            ),
            "content/kpis/nps.md": "---\ntitle: N\ntarget: 5\ndrives: [revenu]\n---\n",
            "content/kpis/revenue.md": "---\ntitle: R\ntarget: 5\n---\n",
        }
    )
    got = [(d.file, d.line, d.column, d.message, d.hint) for d in errors(r)]
    assert got == [
        (
            "content/kpis/nps.md",
            4,
            10,
            "driven KPI 'revenu' does not exist",
            "did you mean 'revenue'?",
        ),
        ("content/objectives/a.md", 6, 40, "KPI 'np' does not exist", "did you mean 'nps'?"),
    ]
    assert r.scored.portfolio.objectives["a"].key_results[0].kpi is None


def test_checkin_errors() -> None:
    r = load(
        {
            "content/objectives/sales.md": objective(
                krs=(
                    "  - {id: x, title: X, target: 10}\n  - {id: b, title: B, done: false}\n"
                    "  - {id: m, title: M, milestones: [a]}\n  - {id: r, title: R}\n"
                )
            ),
            "content/checkins/1.md": "---\nobjective: sale\ndate: 2026-02-01\n---\n",
            "content/checkins/2.md": "---\nobjective: sales\ndate: 2026-02-01\nvalues: {xx: 1}\n---\n",
            "content/checkins/3.md": "---\nobjective: sales\ndate: 2026-02-01\nvalues: {b: 0.5}\n---\n",
            "content/checkins/4.md": "---\nobjective: sales\ndate: 2026-02-01\nvalues: {m: 1}\n---\n",
            "content/checkins/5.md": "---\nobjective: sales\ndate: 2026-02-01\nvalues: {r: 1}\n---\n",
            "content/checkins/6.md": "---\nkpi: nps\ndate: 2026-02-01\nvalue: 1\n---\n",
        }
    )
    got = [(d.file.rsplit("/", 1)[1], d.code, d.message, d.hint) for d in errors(r)]
    assert got == [
        ("1.md", "OKR303", "objective 'sale' does not exist", "did you mean 'sales'?"),
        ("2.md", "OKR304", "objective 'sales' has no key result 'xx'", "did you mean 'x'?"),
        (
            "3.md",
            "OKR307",
            "key result 'b' is done or not: its check-in value must be 0 or 1, got 0.5",
            None,
        ),
        (
            "4.md",
            "OKR307",
            "key result 'm' is a checklist and takes no check-in value",
            "tick one by its name: okrsite checkin sales --set \"m=a\" (not done yet: 'a'); "
            "or tick its milestones with 'done: true' in the objective file, "
            "content/objectives/sales.md",
        ),
        (
            "5.md",
            "OKR307",
            "key result 'r' is a roll-up and takes no check-in value",
            "nothing is aligned to it (sales#r), so it measures nothing: give it a target in "
            "content/objectives/sales.md, written as - {id: r, title: R, start: 0, target: "
            "<the figure to reach>} (or add start: and target: beside its title:)",
        ),
        (
            "6.md",
            "OKR303",
            "KPI 'nps' does not exist",
            "check the id; ids are file paths under content/kpis without .md",
        ),
    ]
    # rejected check-ins are not used
    assert r.scored.portfolio.checkins == ()


def test_checkin_outside_cycle_is_a_warning_and_still_counts() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(),
            "content/checkins/c.md": "---\nobjective: a\ndate: 2025-12-31\nvalues: {x: 5}\n---\n",
        }
    )
    (d,) = by_code(r, "OKR309")
    assert not d.is_error and (d.line, d.column) == (3, 7)
    assert d.message == (
        "check-in dated 2025-12-31 is outside its objective's cycle 2026-Q1 (2026-01-01 to 2026-03-31)"
    )
    assert r.ok
    assert r.scored.objectives["a"].key_results["x"].current == 5


def test_kpi_series_from_values_csv_and_checkins() -> None:
    r = load(
        {
            "content/kpis/nps.md": (
                "---\ntitle: N\nthresholds: {green: 40, red: 20}\n"
                "values: {2026-01-01: 35}\ndata: data/nps.csv\n---\n"
            ),
            "content/data/nps.csv": "date,value\n2026-01-15,30\n2026-03-01,99\n",
            "content/checkins/c.md": "---\nkpi: nps\ndate: 2026-02-01\nvalue: 41\n---\n",
        }
    )
    assert r.diagnostics == []
    assert r.scored.portfolio.kpi_series["nps"] == (
        (date(2026, 1, 1), 35.0),
        (date(2026, 1, 15), 30.0),
        (date(2026, 2, 1), 41.0),
        (date(2026, 3, 1), 99.0),
    )
    ks = r.scored.kpis["nps"]
    assert (ks.value, ks.previous, ks.health, ks.trend) == (41.0, 30.0, "healthy", "up")


def test_missing_csv() -> None:
    r = load({"content/kpis/nps.md": "---\ntitle: N\ntarget: 4\ndata: data/nps.csv\n---\n"})
    (d,) = errors(r)
    assert (d.code, d.line, d.column) == ("OKR310", 4, 7)
    assert d.message == "data file 'data/nps.csv' does not exist"


def test_missing_csv_names_the_file_in_another_letter_case(tmp_path: Path) -> None:
    """Written on a laptop whose disk ignores letter case, ``data/NPS.csv``
    reads ``nps.csv`` there, but not on the Linux machine that builds the
    site: the error names the file that is there and what to write."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    site = tmp_path / "site"
    (site / "content/kpis").mkdir(parents=True)
    (site / "content/data").mkdir()
    (site / "okrsite.toml").write_text('[site]\ntitle = "T"\n', encoding="utf-8")
    (site / "content/kpis/nps.md").write_text(
        "---\ntitle: Net promoter score\ntarget: 40\ndata: data/NPS.csv\n---\n", encoding="utf-8"
    )
    (site / "content/kpis/churn.md").write_text(
        "---\ntitle: Churn\ntarget: 2\ndata: data/churn.cvs\n---\n", encoding="utf-8"
    )
    (site / "content/kpis/sales.md").write_text(
        "---\ntitle: Sales\ntarget: 2\ndata: data/pipeline.csv\n---\n", encoding="utf-8"
    )
    for name in ("nps.csv", "churn.csv"):
        (site / "content/data" / name).write_text("date,value\n2026-01-15,30\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert (
        "content/kpis/nps.md:4:7: error OKR310: data file 'data/NPS.csv' does not exist, "
        "but 'data/nps.csv' does"
    ) in said
    assert "hint: write data: data/nps.csv (file names are case-sensitive" in said
    assert "data file 'data/churn.cvs' does not exist, but 'data/churn.csv' does" in said
    assert "data file 'data/pipeline.csv' does not exist (hint: put a CSV" in said


@pytest.mark.parametrize(
    ("value", "code", "message", "hint"),
    [
        (
            "lots",
            "OKR102",
            "value of users must be a number, got 'lots'",
            "write digits, e.g. 50, 0.25 or 1,000,000",
        ),
        (
            "design approved",
            "OKR307",
            "key result 'launch' is a checklist and takes no check-in value, got 'design approved'",
            "tick it in content/objectives/a.md: - {title: Design approved, done: true} under "
            "launch's milestones, or run okrsite checkin a --set 'launch=Design approved'",
        ),
        (
            "halfway there",
            "OKR307",
            "key result 'launch' is a checklist and takes no check-in value, got 'halfway there'",
            "tick its milestones with 'done: true' in content/objectives/a.md (they are "
            "'Design approved', 'Site live')",
        ),
    ],
)
def test_checkin_value_in_words(value: str, code: str, message: str, hint: str) -> None:
    """A value written in words is no number; for a checklist the error says
    where its milestones are ticked, and how to tick the one it names."""
    key = "launch" if code == "OKR307" else "users"
    r = load(
        {
            "content/objectives/a.md": objective(
                krs="  - {id: users, title: Users, target: 10}\n"
                "  - id: launch\n    title: Launch\n"
                "    milestones: [Design approved, Site live]\n"
            ),
            "content/checkins/a/c.md": (
                f"---\nobjective: a\ndate: 2026-01-05\nvalues:\n  {key}: {value}\n---\n"
            ),
        }
    )
    (d,) = errors(r)
    assert (d.code, d.message, d.hint, d.file, d.line) == (
        code,
        message,
        hint,
        "content/checkins/a/c.md",
        5,
    )
    assert not r.scored.portfolio.checkins


def test_people_and_teams_checked_only_when_declared() -> None:
    base = {"content/objectives/a.md": objective(extra="team: sals\n")}
    assert by_code(load(base), "OKR306") == []
    r = load(
        {
            **base,
            "content/people/bob.md": "---\ntitle: Bob\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\nlead: bobb\n---\n",
        },
        # judged after al's 2026-Q1 ended (the hint below says so as of this
        # day, not as of the day the suite runs)
        as_of=date(2026, 4, 15),
    )
    got = [(d.file, d.message, d.hint) for d in by_code(r, "OKR306")]
    assert got == [
        (
            "content/objectives/a.md",
            "owner 'al' is not a person in content/people/",
            # al owns a goal of a cycle that has ended: most likely someone who left
            "add content/people/al.md (okrsite new person al)"
            "; if al left, keep their person file (restore it from git, with a note that they "
            "left): their past goals stay theirs, and no closed quarter needs an edit",
        ),
        (
            "content/objectives/a.md",
            "team 'sals' is not a team in content/teams/",
            "did you mean 'Sales'?",
        ),
        (
            "content/teams/sales.md",
            "lead 'bobb' is not a person in content/people/",
            "did you mean 'Bob'?",
        ),
    ]
    assert r.ok  # warnings only


def test_goal_references() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(),
            "content/goals/g.md": (
                "---\ntitle: G\nowner: x\ncycle: 2026-Q7\nsupports: a#xx\nmeasure: {target: 3}\n---\nBody\n"
            ),
        }
    )
    (err,) = errors(r)
    assert (err.code, err.line, err.message) == ("OKR302", 4, "unknown cycle '2026-Q7'")
    (warn,) = by_code(r, "OKR303")
    assert not warn.is_error and warn.hint == "did you mean 'x'?"
    assert warn.message == "supported goal 'a#xx' does not exist, so this goal is not Relevant (R)"
    assert r.scored.goals["g"].smart == {"S": True, "M": True, "A": True, "R": False, "T": False}


def test_portfolio_checkins_sorted_by_date_then_file() -> None:
    r = load(
        {
            "content/objectives/a.md": objective(),
            "content/checkins/z.md": "---\nobjective: a\ndate: 2026-01-10\n---\n",
            "content/checkins/b.md": "---\nobjective: a\ndate: 2026-02-10\n---\n",
            "content/checkins/a.md": "---\nobjective: a\ndate: 2026-02-10\n---\n",
        }
    )
    assert [c.id for c in r.scored.portfolio.checkins] == ["z", "a", "b"]


def test_one_wrong_owner_in_many_files_gets_the_same_hint_in_each() -> None:
    """Hints are worked out once per name; each file still gets its own."""
    files = {
        f"content/objectives/o{i}.md": objective().replace("owner: al", "owner: ada-prk")
        for i in range(5)
    }
    files["content/people/ada-park.md"] = "---\ntitle: Ada Park\n---\n"
    found = by_code(load(files), "OKR306")
    assert sorted(d.file for d in found) == sorted(files)[:5]
    assert {(d.hint, d.line, d.column) for d in found} == {("did you mean 'Ada Park'?", 4, 8)}


def test_a_hint_never_names_an_objective_set_aside() -> None:
    """An objective in an unknown cycle leaves the table after the objective
    checks: a check-in naming a close id later is not told to use it."""
    r = load(
        {
            "content/objectives/sales.md": objective().replace("2026-Q1", "2026-Q5"),
            "content/objectives/b.md": objective(extra="carried_from: sale\n"),
            "content/checkins/c.md": "---\nobjective: sale\ndate: 2026-02-10\nvalues: {x: 5}\n---\n",
        }
    )
    hints = {d.file: d.hint for d in by_code(r, "OKR303")}
    assert hints["content/objectives/b.md"] == "did you mean 'sales'?"
    assert hints["content/checkins/c.md"] != "did you mean 'sales'?"


def test_a_key_result_named_by_its_title_gets_its_id_in_the_hint() -> None:
    """People write what the page shows: a check-in value or a parent naming
    a key result by its title (or the start of it, or its title as a slug)
    is still refused, with the id to write."""
    krs = (
        "  - {title: Orders shipped same day, target: 95}\n"
        "  - {title: Cost per parcel, target: 3.2}\n"
        "  - {title: Cost per return, target: 9}\n"
    )
    r = load(
        {
            "content/objectives/ops.md": objective(krs=krs),
            "content/objectives/b.md": objective(extra="parent: ops#cost-per-parcel\n"),
            "content/checkins/c.md": "---\nobjective: ops\ndate: 2026-02-10\n"
            "values: {Orders shipped same day: 84, orders shipped: 85, cost per: 3}\n---\n",
        }
    )
    got = [(d.file.rsplit("/", 1)[1], d.message, d.hint) for d in by_code(r, "OKR304")]
    title_hint = (
        "{!r} is the title of key result {!r}: name it by its id, {} "
        "(or give the key result an id of your own with 'id:' in the objective file)"
    )
    assert got == [
        (
            "c.md",
            "objective 'ops' has no key result 'Orders shipped same day'",
            title_hint.format("Orders shipped same day", "kr1", "kr1"),
        ),
        (
            "c.md",
            "objective 'ops' has no key result 'orders shipped'",
            "'orders shipped' is the start of the title of key result 'kr1' (Orders shipped "
            "same day): name it by its id, kr1 (or give the key result an id of your own "
            "with 'id:' in the objective file)",
        ),
        (  # the start of two titles: no guess
            "c.md",
            "objective 'ops' has no key result 'cost per'",
            # ids the loader made from each key result's place, with their titles
            "its key results are: kr1 ('Orders shipped same day'), kr2 ('Cost per parcel'), "
            "kr3 ('Cost per return'); if the key result was removed, put it back "
            "with 'status: dropped': old check-ins keep their history and it counts nowhere",
        ),
        (
            "b.md",
            "objective 'ops' has no key result 'cost-per-parcel'",
            title_hint.format("cost-per-parcel", "kr2", "kr2"),
        ),
    ]
