"""Names, aliases and quotes as people write them, hardened.

A person's former name that is a team's id took every goal of that team;
an alias that says "none" made every ``owner: none`` that person; a one-line
list of parents became a made-up id; typographic quotes were read around
some references and not others; a joiner inside a Devanagari file name cut
its id in two. Each test writes a real site and runs the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_site

TOML = 'title = "Acme"\nas_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n'
KRS = (
    "key_results:\n"
    "  - {id: first-response, title: First response, start: 0, target: 10, current: 5}\n"
    "  - {id: self-serve, title: Self-serve answers, start: 0, target: 10, current: 5}\n"
)


def _objective(title: str, *lines: str) -> str:
    return "---\ntitle: " + title + "\n" + "".join(f"{x}\n" for x in lines) + KRS + "---\n"


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_site(tmp_path / "site", {"okrsite.toml": TOML, **files})


def _check(site: Path, code: str) -> tuple[int, list[str], str]:
    """The exit code, the lines of one diagnostic code, and the summary."""
    exit_code, out = run_cli("check", "--site", str(site))
    lines = out.splitlines()
    return exit_code, [x for x in lines if f" {code}: " in x], lines[-1]


def _export(site: Path) -> dict[str, dict[str, object]]:
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    return {o["id"]: o for o in json.loads(out)["objectives"]}


FINANCE_GOAL = {
    "content/teams/finance.md": "---\ntitle: Finance\n---\n",
    "content/objectives/company/cut.md": _objective("Cut costs", "owner: finance"),
}


def test_a_persons_alias_that_is_a_teams_id_is_an_error_and_the_team_keeps_its_goal(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        {
            **FINANCE_GOAL,
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\naliases: [finance]\n---\n",
        },
    )
    code, lines, summary = _check(site, "OKR301")
    assert code == 1
    assert lines == [
        "content/people/uma-diaz.md:3:10: error OKR301: person alias 'finance' is the id of "
        "the team content/teams/finance.md: owner: finance names that team (hint: remove it "
        "from aliases: here: a person and a team cannot go by one name)"
    ]
    assert summary.endswith(": 1 error, 1 warning")
    # without the alias, the team owns its goal: what owner: finance still names
    (site / "content/people/uma-diaz.md").write_text("---\ntitle: Uma Diaz\n---\n")
    cut = _export(site)["company/cut"]
    # (the export names the team as its owner, as its page does)
    assert (cut["owner"], cut["owner_kind"], cut["team"]) == ("finance", "team", "finance")


def test_a_persons_alias_that_is_a_teams_name_is_an_error(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/teams/cs.md": "---\ntitle: Customer Success\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\naliases: [Customer Success]\n---\n",
        },
    )
    code, lines, _ = _check(site, "OKR301")
    assert code == 1
    assert lines == [
        "content/people/uma-diaz.md:3:10: error OKR301: person alias 'Customer Success' "
        "(customer-success) is the name ('Customer Success') of the team content/teams/cs.md: "
        "owner: Customer Success names that team (hint: remove it from aliases: here: a person "
        "and a team cannot go by one name)"
    ]


def test_a_teams_alias_that_is_a_persons_id_is_an_error(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/teams/finance.md": "---\ntitle: Finance\naliases: [Uma Diaz]\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
        },
    )
    code, lines, summary = _check(site, "OKR301")
    assert code == 1
    assert lines == [
        "content/teams/finance.md:3:10: error OKR301: team alias 'Uma Diaz' (uma-diaz) is the "
        "id of the person content/people/uma-diaz.md: owner: Uma Diaz names that person "
        "(hint: remove it from aliases: here: a person and a team cannot go by one name)"
    ]
    assert summary.endswith(": 1 error, 0 warnings")


def test_an_alias_a_person_and_a_team_both_list_names_neither(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/teams/marketing.md": "---\ntitle: Marketing\naliases: [Growth]\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\naliases: [growth]\n---\n",
            "content/objectives/company/grow.md": _objective("Grow", "owner: Growth"),
        },
    )
    code, lines, summary = _check(site, "OKR301")
    assert code == 1
    assert lines == [
        "content/people/uma-diaz.md:3:10: error OKR301: person alias 'growth' is also an alias "
        "of the team content/teams/marketing.md: it names neither (hint: keep it in the file "
        "of the one it was, and remove it from the other)"
    ]
    # owner: Growth gets no second finding (no OKR306)
    assert _check(site, "OKR306")[1] == []
    assert summary.endswith(": 1 error, 1 warning")


def test_an_alias_without_letters_is_named_as_an_alias(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {"content/teams/finance.md": '---\ntitle: Finance\naliases: [Old Finance, "🚀"]\n---\n'},
    )
    code, lines, _ = _check(site, "OKR006")
    assert code == 1
    assert lines == [
        "content/teams/finance.md:3:10: error OKR006: alias '🚀' has no letters or digits to "
        "make an id from (hint: write a name like 'Uma Diaz' or an id like 'uma-diaz')"
    ]


def test_an_alias_that_says_none_is_ignored_with_a_warning(tmp_path: Path) -> None:
    """``aliases: none`` names no one: ``owner: none`` stays no person."""
    site = _site(
        tmp_path,
        {
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\naliases: none\n---\n",
            "content/teams/finance.md": "---\ntitle: Finance\naliases: [Old Finance, TBD]\n---\n",
            "content/objectives/company/cut.md": _objective("Cut costs", "owner: none"),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0
    lines = [x for x in out.splitlines() if any(c in x for c in ("OKR111", "OKR131", "OKR306"))]
    assert lines == [
        "content/objectives/company/cut.md:3:8: warning OKR131: owner 'none' is a word for no "
        "one, not a person: read as no owner (hint: name the person once known, or leave "
        "'owner:' out until then)",
        "content/people/uma-diaz.md:3:1: warning OKR111: alias 'none' is a word for no one, "
        "not a name the person was known by: it is ignored (hint: remove it; a file with no "
        "former names needs no aliases: line)",
        "content/teams/finance.md:3:24: warning OKR111: alias 'TBD' is a word for no one, "
        "not a name the team was known by: it is ignored (hint: remove it; a file with no "
        "former names needs no aliases: line)",
    ]


def test_a_one_line_list_of_parents_gets_the_hint_naming_them(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/company/delight-customers.md": _objective("Delight"),
            "content/objectives/company/faster-support.md": _objective("Faster"),
            "content/objectives/company/cut.md": _objective(
                "Cut costs", "parent: company/delight-customers, company/faster-support"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    [line] = [x for x in out.splitlines() if "cut.md" in x and " error " in x]
    assert line == (
        "content/objectives/company/cut.md:3:9: error OKR103: parent "
        "'company/delight-customers, company/faster-support' names 2 objectives, where it "
        "takes one (hint: an objective rolls up into one parent: keep that one here and list "
        "the others under 'supports: [...]' (shown on the page, not scored): write "
        "'parent: company/delight-customers' and 'supports: [company/faster-support]')"
    )


def test_a_list_of_parents_is_named_in_the_hint_and_an_empty_one_is_no_parent(
    tmp_path: Path,
) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/company/delight-customers.md": _objective("Delight", "parent: []"),
            "content/objectives/company/faster-support.md": _objective("Faster"),
            "content/objectives/company/cut.md": _objective(
                "Cut costs", "parent: [company/delight-customers, company/faster-support]"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    [line] = [x for x in out.splitlines() if " error " in x]
    assert line == (
        "content/objectives/company/cut.md:3:9: error OKR103: parent must be a text value, "
        "got ['company/delight-customers', 'company/faster-support'] (hint: an objective rolls "
        "up into one parent: keep that one here and list the others under 'supports: [...]' "
        "(shown on the page, not scored): write 'parent: company/delight-customers' and "
        "'supports: [company/faster-support]')"
    )


def test_typographic_quotes_around_supports_cycle_and_a_values_key(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/objectives/company/faster-support.md": _objective("Faster"),
            "content/objectives/company/cut.md": _objective(
                "Cut costs",
                "supports: «company/faster-support#self-serve»",
                "cycle: “2026-Q4”",
            ),
            "content/checkins/2026-11-10.md": "---\nobjective: company/cut\ndate: 2026-11-10\n"
            "values: {“first-response”: 7}\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert out.splitlines()[-1].endswith(": 0 errors, 3 warnings")
    cut = _export(site)["company/cut"]
    assert cut["cycle"] == "2026-Q4"
    assert [kr["current"] for kr in cut["key_results"]] == [7, 5]  # type: ignore[attr-defined]


def test_a_joiner_inside_a_devanagari_file_name_stays_in_its_id(tmp_path: Path) -> None:
    """``क्‍ष`` (with a zero-width joiner) is one word: its id is the file name,
    and a reference written as the file name names it; a joiner between
    Latin letters is still a word's end."""
    ksha = "क्\u200dष"
    persian = "می\u200cخواهم"
    site = _site(
        tmp_path,
        {
            f"content/objectives/company/{ksha}.md": _objective("Ksha"),
            f"content/objectives/company/{persian}.md": _objective("Persian"),
            "content/objectives/company/a\u200db.md": _objective("Latin"),
            "content/objectives/company/grow.md": _objective("Grow", f"parent: company/{ksha}"),
            "content/objectives/company/keep.md": _objective("Keep", f"parent: company/{persian}"),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert " error " not in out
    objectives = _export(site)
    assert sorted(objectives) == [
        "company/a-b",
        "company/grow",
        "company/keep",
        f"company/{persian}",
        f"company/{ksha}",
    ]
    assert objectives["company/grow"]["parent"] == f"company/{ksha}"
    assert objectives["company/keep"]["parent"] == f"company/{persian}"


def test_a_reference_written_as_the_files_path_names_that_record(tmp_path: Path) -> None:
    """``objective: Vertrieb/Umsatz steigern`` (the file's path as people name
    files, which folds to the file's id ``vertrieb/umsatz-steigern``) is that
    objective; a path that folds to no record is still an error naming the
    one meant, so a typo never makes a new record."""
    from conftest import run_cli, write_site

    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'as_of = "2026-11-20"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/Vertrieb/Umsatz steigern.md": (
                "---\ntitle: Umsatz steigern\nowner: Uma\nkey_results:\n"
                "  - {id: arr, title: ARR, start: 0, target: 10}\n"
                "  - {id: deals, title: Deals, start: 0, target: 10, current: 2}\n---\n"
            ),
            "content/objectives/Vertrieb/Team Nord.md": (
                "---\ntitle: Nord\nowner: Uma\nparent: Vertrieb/Umsatz steigern#deals\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n---\n"
            ),
            "content/checkins/2026-11-18.md": (
                "---\nobjective: Vertrieb/Umsatz steigern\ndate: 2026-11-18\n"
                "values: {arr: 4}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "OKR006" not in out and "OKR303" not in out, out
    code, out = run_cli("export", "--site", str(site), "--format", "csv")
    rows = [line.split(",") for line in out.splitlines()]
    head = rows[0]
    got = {
        (r[head.index("objective_id")], r[head.index("kr_id")]): r[head.index("current")]
        for r in rows[1:]
    }
    assert got[("vertrieb/umsatz-steigern", "arr")] == "4"
    parents = {r[head.index("objective_id")]: r[head.index("parent")] for r in rows[1:]}
    assert parents["vertrieb/team-nord"] == "vertrieb/umsatz-steigern#deals"
    (site / "content/checkins/2026-11-18.md").write_text(
        "---\nobjective: Vertrieb/Umsatz steigen\ndate: 2026-11-18\nvalues: {arr: 4}\n---\n"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "objective 'vertrieb/umsatz-steigen' does not exist" in out, out
    assert "did you mean 'vertrieb/umsatz-steigern'" in out, out
