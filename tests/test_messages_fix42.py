"""Messages people misread: each says what is true of the site as written.

A key result's old id is not its title; a first name is a person who has a
file, not one to add; a ``supports:`` naming an id an objective and a KPI
share is read as the objective, and says so; a check-in copied from last
week with its ``date:`` left as it was is read on the old day, and says so;
a key result without a title is named, not the file's front matter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import run_cli, write_site

MakeSite = Callable[[dict[str, str | bytes]], Path]

TOML = "as_of = 2026-12-20\n"

OBJECTIVE = """\
---
title: Grow
cycle: 2026-Q4
owner: {owner}
key_results:
  - id: arr-eur
    title: ARR from 100 to 200
    start: 100
    target: 200
  - {{id: nps, title: NPS, start: 0, target: 50}}
---
"""


def check(site: Path) -> str:
    _code, output = run_cli("check", "--site", str(site))
    return output


def test_a_renamed_key_result_s_old_id_is_not_called_its_title(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/grow.md": OBJECTIVE.format(owner="tom-lee"),
            "content/checkins/grow/2026-11-10.md": "---\ndate: 2026-11-10\nvalues:\n  arr: 150\n---\n",
        }
    )
    output = check(site)
    assert (
        "content/checkins/grow/2026-11-10.md:4:3: error OKR304: objective 'grow' has no key "
        "result 'arr' (hint: did you mean 'arr-eur'? (if you renamed key result arr to "
        "arr-eur, rename it in the check-ins too))"
    ) in output
    assert "is the title of" not in output


def test_a_key_result_named_by_its_whole_title_keeps_the_title_hint(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/grow.md": OBJECTIVE.format(owner="tom-lee"),
            "content/checkins/grow/2026-11-10.md": (
                "---\ndate: 2026-11-10\nvalues:\n  arr from 100 to 200: 150\n---\n"
            ),
        }
    )
    output = check(site)
    assert (
        "hint: 'arr from 100 to 200' is the title of key result 'arr-eur': name it by its "
        "id, arr-eur"
    ) in output


def test_a_key_result_named_by_the_start_of_its_title_is_told_so(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/grow.md": OBJECTIVE.format(owner="tom-lee").replace(
                "id: arr-eur", "id: revenue"
            ),
            "content/checkins/grow/2026-11-10.md": "---\ndate: 2026-11-10\nvalues:\n  arr: 150\n---\n",
        }
    )
    output = check(site)
    assert (
        "error OKR304: objective 'grow' has no key result 'arr' (hint: 'arr' is the start of "
        "the title of key result 'revenue' (ARR from 100 to 200): name it by its id, revenue"
    ) in output


def test_a_reference_by_a_renamed_key_result_says_to_rename_it_there(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/grow.md": OBJECTIVE.format(owner="tom-lee"),
            "content/objectives/sales.md": (
                "---\ntitle: Sell\ncycle: 2026-Q4\nparent: grow#arr\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
        }
    )
    output = check(site)
    assert (
        "content/objectives/sales.md:4:9: error OKR304: objective 'grow' has no key result "
        "'arr' (hint: did you mean 'arr-eur'? (if you renamed key result arr to arr-eur, "
        "rename it wherever it is named too))"
    ) in output


PEOPLE: dict[str, str | bytes] = {
    "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
    "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
}


def owner_warning(make_site: MakeSite, owner: str, more: dict[str, str | bytes]) -> str:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/grow.md": OBJECTIVE.format(owner=owner),
            **PEOPLE,
            **more,
        }
    )
    return check(site)


def test_an_owner_written_by_first_name_is_that_person(make_site: MakeSite) -> None:
    output = owner_warning(make_site, "Uma", {})
    assert (
        "content/objectives/grow.md:4:8: warning OKR306: owner 'Uma' (uma) is not a person "
        "in content/people/ (hint: did you mean Uma Diaz (uma-diaz)?)"
    ) in output
    assert "okrsite new person" not in output


def test_an_owner_written_by_last_name_is_that_person(make_site: MakeSite) -> None:
    output = owner_warning(make_site, "Lee", {})
    assert (
        "warning OKR306: owner 'Lee' (lee) is not a person in content/people/ "
        "(hint: did you mean Tom Lee (tom-lee)?)"
    ) in output


def test_a_first_name_two_people_share_names_both(make_site: MakeSite) -> None:
    output = owner_warning(
        make_site, "Uma", {"content/people/uma-berg.md": "---\ntitle: Uma Berg\n---\n"}
    )
    assert (
        "warning OKR306: owner 'Uma' (uma) is not a person in content/people/ "
        "(hint: did you mean Uma Berg (uma-berg) or Uma Diaz (uma-diaz)?)"
    ) in output


def test_a_check_in_author_written_by_first_name_is_that_person(make_site: MakeSite) -> None:
    output = owner_warning(
        make_site,
        "uma-diaz",
        {"content/checkins/grow/2026-11-10.md": "---\ndate: 2026-11-10\nauthor: Uma\n---\n"},
    )
    assert (
        "content/checkins/grow/2026-11-10.md:3:9: warning OKR306: author 'Uma' (uma) is not "
        "a person in content/people/ (hint: did you mean Uma Diaz (uma-diaz)?)"
    ) in output


def test_a_check_in_author_of_no_known_name_stays_unchecked(make_site: MakeSite) -> None:
    output = owner_warning(
        make_site,
        "uma-diaz",
        {"content/checkins/grow/2026-11-10.md": "---\ndate: 2026-11-10\nauthor: Ana\n---\n"},
    )
    assert "OKR306" not in output


SAME_ID: dict[str, str | bytes] = {
    "okrsite.toml": TOML,
    "content/objectives/nps.md": (
        "---\ntitle: Lift NPS\ncycle: 2026-Q4\nowner: tom-lee\n"
        "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
    ),
    "content/kpis/nps.md": "---\ntitle: Net promoter score\ntarget: 50\n---\n",
    "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
}


def test_a_goal_supporting_an_id_an_objective_and_a_kpi_share_says_which(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            **SAME_ID,
            "content/goals/survey.md": (
                "---\ntitle: Survey 500 customers\nowner: tom-lee\ndue: 2026-12-31\n"
                "supports: nps\nmeasure: {start: 0, target: 500, current: 100}\n---\n"
            ),
        }
    )
    output = check(site)
    assert (
        "content/goals/survey.md:5:11: warning OKR317: supports: nps names both the "
        "objective content/objectives/nps.md and the KPI content/kpis/nps.md; it is read as "
        "the objective (hint: to support the KPI, rename one of the two files (and write its "
        "new id here); to support a key result of the objective, write supports: "
        "nps#KEY-RESULT)"
    ) in output


def test_an_objective_supporting_such_an_id_says_which(make_site: MakeSite) -> None:
    site = make_site(
        {
            **SAME_ID,
            "content/objectives/other.md": (
                "---\ntitle: Other\ncycle: 2026-Q4\nowner: tom-lee\nsupports: [nps#a, nps]\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
        }
    )
    output = check(site)
    assert output.count("OKR317") == 1
    assert "content/objectives/other.md:5:19: warning OKR317: supports: nps names both" in output


def test_an_id_of_one_kind_only_gives_no_such_warning(make_site: MakeSite) -> None:
    files = dict(SAME_ID)
    del files["content/kpis/nps.md"]
    site = make_site(
        {
            **files,
            "content/goals/survey.md": (
                "---\ntitle: Survey\nowner: tom-lee\ndue: 2026-12-31\nsupports: nps\n---\n"
            ),
        }
    )
    assert "OKR317" not in check(site)


RATING: dict[str, str | bytes] = {
    "okrsite.toml": TOML,
    "content/kpis/mobile/app-rating.md": "---\ntitle: App rating\ntarget: 4.8\n---\n",
}


def test_a_check_in_dated_other_than_its_file_name_says_both(make_site: MakeSite) -> None:
    site = make_site(
        {
            **RATING,
            "content/checkins/mobile/app-rating/2026-11-03.md": "---\ndate: 2026-11-03\nvalue: 4.5\n---\n",
            "content/checkins/mobile/app-rating/2026-12-05.md": "---\ndate: 2026-11-03\nvalue: 4.6\n---\n",
        }
    )
    output = check(site)
    assert (
        "content/checkins/mobile/app-rating/2026-12-05.md:2:7: warning OKR318: the file name "
        "says 2026-12-05 but date: says 2026-11-03; the check-in is read as of 2026-11-03 "
        "(hint: fix date: or rename the file)"
    ) in output
    assert output.count("OKR318") == 1


def test_names_of_the_same_day_or_of_no_day_give_no_such_warning(make_site: MakeSite) -> None:
    site = make_site(
        {
            **RATING,
            "content/checkins/mobile/app-rating/2026-11-03-2.md": "---\ndate: 2026-11-03\nvalue: 4.5\n---\n",
            "content/checkins/mobile/app-rating/2026-11-04-evening.md": (
                "---\ndate: 2026-11-04T18:00\nvalue: 4.5\n---\n"
            ),
            "content/checkins/mobile/app-rating/week45.md": "---\ndate: 2026-11-05\nvalue: 4.6\n---\n",
            "content/checkins/mobile/app-rating/2026-11-06.md": "---\nvalue: 4.6\n---\n",
        }
    )
    assert "OKR318" not in check(site)


def test_okrsite_checkin_s_own_second_file_of_a_day_gives_no_such_warning(
    make_site: MakeSite,
) -> None:
    site = make_site(RATING)
    for value in ("4.5", "4.6"):
        code, output = run_cli(
            "checkin",
            "mobile/app-rating",
            "--value",
            value,
            "--date",
            "2026-11-03",
            "--site",
            str(site),
        )
        assert code == 0, output
    assert (site / "content/checkins/mobile/app-rating/2026-11-03-2.md").exists()
    assert "OKR318" not in check(site)


def test_an_owner_written_by_a_word_of_a_team_s_name_is_that_team(make_site: MakeSite) -> None:
    output = owner_warning(
        make_site,
        "Growth",
        {"content/teams/growth-marketing.md": "---\ntitle: Growth Marketing\n---\n"},
    )
    assert (
        "warning OKR306: owner 'Growth' (growth) is not a person in content/people/ "
        "(hint: did you mean Growth Marketing (growth-marketing)?)"
    ) in output


UNTITLED = """\
---
title: Grow
cycle: 2026-Q4
owner: tom-lee
key_results:
  - id: a
    target: 5
  - {id: b, target: 5}
  - target: 5
---
"""


def test_a_key_result_without_a_title_is_named(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/objectives/kr.md": UNTITLED,
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
        }
    )
    output = check(site)
    assert (
        "content/objectives/kr.md:6:5: error OKR101: key result 1 (a) has no title: missing "
        "required key 'title' (hint: add 'title: …' under it (indented like its id; "
        "in braces: {id: a, title: …}))"
    ) in output
    assert (
        "content/objectives/kr.md:8:5: error OKR101: key result 2 (b) has no title: missing "
        "required key 'title' (hint: add 'title: …' under it (indented like its id; "
        "in braces: {id: b, title: …}))"
    ) in output
    assert (
        "content/objectives/kr.md:9:5: error OKR101: key result 3 has no title: missing "
        "required key 'title' (hint: add 'title: …' under it (indented like its other keys; "
        "in braces: {title: …, …}))"
    ) in output
    assert "to the front matter" not in output


def test_confidence_one_written_with_a_point_is_warned_of(tmp_path: Path) -> None:
    """``confidence: 1.0`` (a 0-1 tool's full confidence) was read as 1 out
    of 10 without a word while 0.99 was 9.9: it is still 1, with OKR125
    saying to write 10 for full confidence; a bare ``1`` (a 0-10 team's low
    confidence) gets nothing."""
    for written, warned in (("1.0", True), ("1", False), ('"1,0"', True)):
        site = write_site(
            tmp_path / written.strip('"').replace(",", "_"),
            {
                "okrsite.toml": 'as_of = "2026-11-20"\n',
                "content/objectives/o.md": (
                    "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                    "  - {id: a, title: A, start: 0, target: 10}\n---\n"
                ),
                "content/checkins/o/2026-11-10.md": (
                    f"---\nconfidence: {written}\nvalues: {{a: 4}}\n---\n"
                ),
            },
        )
        code, out = run_cli("check", "--site", str(site))
        lines = [ln for ln in out.splitlines() if "OKR125" in ln]
        if warned:
            assert lines and lines[0].startswith("content/checkins/o/2026-11-10.md:2:"), out
            assert "is read as 1 out of 10" in lines[0] and "write 10" in lines[0], lines
        else:
            assert lines == [], out
