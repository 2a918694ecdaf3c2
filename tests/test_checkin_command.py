"""``okrsite checkin``: objectives, KPIs and SMART goals, validated by the real loader.

Every refusal is the loader's own diagnostic (the same line ``okrsite check``
prints), and a refused check-in leaves the site exactly as it was.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from conftest import files_of as files
from conftest import run_cli

from okrsite import authoring_cli
from okrsite.authoring import set_goal_current
from okrsite.pipeline import load_site
from okrsite.scaffold import init_site

DAY = date(2026, 11, 2)


run = run_cli


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "s"
    init_site(root, today=DAY)
    return root


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["company/faster-support", "--set", "self-serv=20"],
            "error OKR304: objective 'company/faster-support' has no key result 'self-serv' "
            "(hint: did you mean 'self-serve'?)",
        ),
        (
            ["company/faster-support", "--set", "self-serve=lots"],
            "error OKR102: value of self-serve must be a number, got 'lots'",
        ),
        (
            ["company/faster-support", "--set", "first-response=40%"],
            "error OKR312: first-response is written as a percentage, "
            "but key result 'first-response' is measured in 'h'",
        ),
        (
            ["company/delight-customers", "--set", "onboarding=1"],
            "error OKR307: key result 'onboarding' is a checklist and takes no check-in value",
        ),
        (
            ["company/faster-support", "--set", "self-serve=20", "--confidence", "11"],
            "error OKR107: confidence must be between 0 and 10, got 11",
        ),
        (
            ["company/faster-support", "--set", "self-serve=20", "--confidence", "sure"],
            "error OKR102: confidence must be 0-10, low/medium/high, a traffic light or a percentage, got 'sure'",
        ),
    ],
)
def test_refusals_are_the_loaders_and_write_nothing(
    site: Path, args: list[str], expected: str
) -> None:
    before = files(site)
    code, out = run("checkin", *args, "--date", "2026-11-10", "--site", str(site))
    assert code == 1, out
    assert expected in out
    assert "content/checkins/" in out.split(" error ")[0]
    assert "nothing was changed" in out
    assert files(site) == before


def test_boolean_key_result_takes_0_or_1(site: Path) -> None:
    """What okrsite check rejects, okrsite checkin refuses to write."""
    obj = site / "content/objectives/company/ship.md"
    obj.write_text(
        "---\ntitle: Ship\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: shipped, title: Shipped, done: false}\n  - {id: n, title: N, target: 3}\n---\n"
    )
    code, out = run("checkin", "company/ship", "--set", "shipped=0.5", "--site", str(site))
    assert code == 1 and "its check-in value must be 0 or 1, got 0.5" in out
    code, out = run("checkin", "company/ship", "--set", "shipped=1", "--site", str(site))
    assert code == 0, out
    check_code, check_out = run("check", "--site", str(site))
    assert check_code == 0, check_out


def test_objective_checkin_written_and_current(site: Path) -> None:
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=25",
        "--set",
        "first-response=4",
        "--confidence",
        "high",
        "--note",
        "Help centre: 30 new articles",
        "--author",
        "Uma Diaz",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "wrote content/checkins/company/faster-support/2026-11-10.md" in out
    result = load_site(site, date(2026, 11, 12))
    assert result.ok
    score = result.scored.objectives["company/faster-support"]
    kr = score.key_results["self-serve"]
    assert kr.current == 25 and kr.current_source == "checkin"
    assert kr.progress == pytest.approx((25 - 10) / (40 - 10))
    assert score.confidence == 8  # "high"
    assert result.scored.portfolio.checkins[-1].author == "uma-diaz"


def test_three_checkins_on_one_day_through_the_command(site: Path) -> None:
    """Same day, same minute even: each new file sorts after the one before."""
    for value in (20, 22, 21):
        code, out = run(
            "checkin", "company/faster-support", "--set", f"self-serve={value}", "--site", str(site)
        )
        assert code == 0, out
    today = date.today()
    folder = site / "content/checkins/company/faster-support"
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(today.isoformat()))
    stem = today.isoformat()
    assert set(names) == {f"{stem}.md", f"{stem}-2.md", f"{stem}-3.md"}
    assert f"date: {stem}T" in (folder / f"{stem}-3.md").read_text()  # the time is stamped
    result = load_site(site, today)
    kr = result.scored.objectives["company/faster-support"].key_results["self-serve"]
    assert kr.current == 21


def test_handwritten_and_command_checkins_of_one_day(site: Path) -> None:
    folder = site / "content/checkins/company/faster-support"
    (folder / "2026-11-20.md").write_text(
        "---\nobjective: company/faster-support\ndate: 2026-11-20\nvalues: {self-serve: 30}\n---\n"
    )
    (folder / "2026-11-20-2.md").write_text(
        "---\nobjective: company/faster-support\ndate: 2026-11-20\nvalues: {self-serve: 31}\n---\n"
    )
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=29",
        "--date",
        "2026-11-20",
        "--site",
        str(site),
    )
    assert code == 0 and "2026-11-20-3.md" in out, out
    kr = load_site(site, date(2026, 11, 21)).scored.objectives["company/faster-support"]
    assert kr.key_results["self-serve"].current == 29


def test_a_command_checkin_beside_one_named_in_words_is_read_after_it(site: Path) -> None:
    """A hand-written ``2026-11-20-evening.md`` at 17:45 and the command's check-in
    of the same minute: the command's file is named after it
    (``2026-11-20-evening-2.md``), so its value is the current one; a plain
    ``2026-11-20.md`` would sort first and the older value would stay."""
    folder = site / "content/checkins/company/faster-support"
    (folder / "2026-11-20-evening.md").write_text(
        "---\nobjective: company/faster-support\ndate: 2026-11-20 17:45\n"
        "values: {self-serve: 30}\n---\n"
    )
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=29",
        "--date",
        "2026-11-20 17:45",
        "--site",
        str(site),
    )
    assert code == 0 and "2026-11-20-evening-2.md" in out, out
    kr = load_site(site, date(2026, 11, 21)).scored.objectives["company/faster-support"]
    assert kr.key_results["self-serve"].current == 29


def test_kpi_checkin(site: Path) -> None:
    code, out = run("checkin", "nps", "--set", "nps=40", "--site", str(site))
    assert code == 2 and "is a KPI: give its reading with --value V" in out
    code, out = run("checkin", "nps", "--value", "40", "--date", "2026-11-05", "--site", str(site))
    assert code == 0, out
    code, out = run("checkin", "nps", "--value", "forty", "--site", str(site))
    assert code == 1 and "value must be a number, got 'forty'" in out
    result = load_site(site, date(2026, 11, 6))
    assert result.scored.kpis["nps"].value == 40
    # the key result that reads the KPI moves with it: (40 - 30) / (45 - 30)
    kr = result.scored.objectives["company/delight-customers"].key_results["nps"]
    assert kr.progress == pytest.approx(10 / 15)


def test_goal_checkin_sets_measure_current_only(site: Path) -> None:
    path = site / "content/goals/support-handbook.md"
    before = path.read_text()
    code, out = run("checkin", "support-handbook", "--value", "7", "--site", str(site))
    assert code == 0, out
    after = path.read_text()
    assert after == before.replace("current: 3,", "current: 7,")
    assert load_site(site).scored.portfolio.goals["support-handbook"].measure.current == 7  # type: ignore[union-attr]
    code, out = run("checkin", "support-handbook", "--value", "7", "--site", str(site))
    assert code == 0 and "already has current: 7; nothing to change" in out
    code, out = run("checkin", "support-handbook", "--value", "seven", "--site", str(site))
    # the value given is no number: said of --value (exit 2), not of the file's unchanged line
    assert code == 2 and "--value seven is not a number" in out
    assert path.read_text() == after
    code, out = run("checkin", "support-handbook", "--set", "x=1", "--site", str(site))
    assert code == 2 and "is a SMART goal" in out
    # the file keeps no date or author for the value: refused, not dropped in silence
    code, out = run(
        "checkin", "support-handbook", "--value", "8", "--date", "2026-11-10",
        "--author", "Nobody Atall", "--site", str(site),
    )  # fmt: skip
    assert code == 2 and "which its file keeps without --date, --author" in out, out
    assert path.read_text() == after


@pytest.mark.parametrize(
    "front, expected",
    [
        (
            "measure:\n  start: 0\n  target: 12  # chapters\n",
            "measure:\n  current: 5\n  start: 0\n  target: 12  # chapters\n",
        ),
        ("measure:\n  target: 12\n  current: 1\n", "measure:\n  target: 12\n  current: 5\n"),
        ("measure: {target: 12}\n", "measure: {current: 5, target: 12}\n"),
        ("measure: {}\n", "measure: {current: 5}\n"),
        ("due: 2026-12-01\n", "due: 2026-12-01\nmeasure: {current: 5}\n"),
        # written as the loader reads it: Measure and Current are measure and current
        ("Measure:\n  Target: 12\n  Current: 1\n", "Measure:\n  Target: 12\n  Current: 5\n"),
        ("Measure: {Target: 12}\n", "Measure: {current: 5, Target: 12}\n"),
    ],
)
def test_set_goal_current_keeps_the_rest(front: str, expected: str) -> None:
    text = f"---\ntitle: G\n{front}---\nBody.\n"
    assert set_goal_current(text, 5) == f"---\ntitle: G\n{expected}---\nBody.\n"


def test_dropped_key_result_keeps_its_checkins(site: Path) -> None:
    obj = site / "content/objectives/company/faster-support.md"
    text = obj.read_text()
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=25",
        "--date",
        "2026-11-05",
        "--site",
        str(site),
    )
    assert code == 0, out
    # removing the key result breaks its history, and the error says how to keep it
    obj.write_text(
        text.replace("  - id: self-serve", "  - id: gone-now", 1).replace(
            "    title: Resolve 40% of questions through the help centre\n", "    title: Gone\n"
        )
    )
    code, out = run("check", "--site", str(site))
    assert code == 1 and "put it back with 'status: dropped'" in out
    # dropping it instead keeps every old check-in valid, and it counts nowhere
    obj.write_text(text.replace("    start: 10\n", "    start: 10\n    status: dropped\n"))
    code, out = run("check", "--site", str(site))
    assert code == 0, out
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=30",
        "--date",
        "2026-11-06",
        "--site",
        str(site),
    )
    assert code == 0, out
    score = load_site(site, date(2026, 11, 7)).scored.objectives["company/faster-support"]
    assert not score.key_results["self-serve"].counted
    assert score.progress == score.key_results["first-response"].progress


def test_on_a_terminal_it_asks_and_opens_the_editor(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(
        '#!/bin/sh\nprintf "Two new hires.\\n" | cat - "$1" > "$1.new" && mv "$1.new" "$1"\n'
    )
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    # first-response: 5, self-serve: skipped, confidence: medium
    code, out = run(
        "checkin",
        "company/faster-support",
        "--date",
        "2026-11-12",
        "--site",
        str(site),
        input="5\n\nmedium\n",
    )
    assert code == 0, out
    assert "first-response" in out and "Confidence 0-10" in out
    text = (site / "content/checkins/company/faster-support/2026-11-12.md").read_text()
    assert "values: {first-response: 5}" in text and "confidence: medium" in text
    body = text.split("---\n", 2)[2]
    assert body == "Two new hires.\n"
    assert os.environ["EDITOR"] == str(editor)


def test_date_with_a_time_orders_before_a_later_time(site: Path) -> None:
    for moment, value in [("2026-11-20T16:00", 33), ("2026-11-20T09:15", 31)]:
        code, out = run(
            "checkin",
            "company/faster-support",
            "--set",
            f"self-serve={value}",
            "--date",
            moment,
            "--site",
            str(site),
        )
        assert code == 0, out
    folder = site / "content/checkins/company/faster-support"
    assert "date: 2026-11-20T09:15" in (folder / "2026-11-20-2.md").read_text()
    # the later file name holds the earlier time: the time decides
    score = load_site(site, date(2026, 11, 21)).scored.objectives["company/faster-support"]
    assert score.key_results["self-serve"].current == 33
    code, out = run(
        "checkin", "company/faster-support", "--date", "2026-11-20T25:00", "--site", str(site)
    )
    assert code == 2 and "'2026-11-20T25:00' has no such time of day" in out


def test_an_objective_and_key_results_named_as_the_page_shows_them(site: Path) -> None:
    """On the command line people type what they see: the objective's title or
    the last part of its id, a key result's title (or the start of it) or its
    id with spaces. The file gets the ids; the command says what it took."""
    code, out = run(
        "checkin",
        "Answer support tickets faster",
        "--set",
        "first response=5",
        "--set",
        "Resolve 40% of questions=22",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "'Answer support tickets faster' is company/faster-support" in out
    assert "'Resolve 40% of questions' is key result self-serve" in out
    code, out = run(
        "checkin",
        "faster-support",
        "--set",
        "Cut first response=4",
        "--date",
        "2026-11-11",
        "--site",
        str(site),
    )
    assert code == 0, out
    result = load_site(site, date(2026, 11, 12))
    assert not [d for d in result.diagnostics if d.is_error]
    mine = [c for c in result.scored.portfolio.checkins if c.date >= date(2026, 11, 10)]
    assert [(c.objective, c.values) for c in mine] == [
        ("company/faster-support", {"first-response": 5.0, "self-serve": 22.0}),
        ("company/faster-support", {"first-response": 4.0}),
    ]
    written = site / "content" / "checkins" / "company" / "faster-support" / "2026-11-10.md"
    assert "objective: company/faster-support\n" in written.read_text(encoding="utf-8")


def test_a_name_that_fits_no_objective_is_refused_a_key_result_by_the_loader(site: Path) -> None:
    before = files(site)
    code, out = run(
        "checkin",
        "Answer tickets",
        "--set",
        "first-response=5",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
    )
    assert code == 2  # a usage error: nothing was loaded as a check-in
    assert "no single objective, KPI or SMART goal is named 'Answer tickets'" in out
    assert "did you mean company/faster-support ('Answer support tickets faster')?" in out
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "re=5",
        "--date",
        "2026-11-10",
        "--site",
        str(site),
    )
    assert (
        code == 1 and "has no key result 're'" in out
    )  # 'resolve…' and nothing else? no: not a word
    assert files(site) == before


# ------------------------------------------------- naming by the last part of an id
OBJECTIVE = """---
title: {title}
cycle: 2026-Q4
key_results:
  - {{id: kr1, title: First, start: 0, target: 10}}
  - {{id: kr2, title: Second, start: 0, target: 10}}
---
"""


def add_objective(site: Path, rid: str, title: str) -> None:
    path = site / "content" / "objectives" / f"{rid}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OBJECTIVE.format(title=title), encoding="utf-8")


def checkin_of(site: Path, name: str, *more: str) -> tuple[int, str]:
    return run("checkin", name, "--set", "kr1=5", *more, "--site", str(site))


def written_checkins(site: Path, rid: str) -> dict[str, str]:
    folder = site / "content" / "checkins" / rid
    if not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", ["quicker-replies", "Quicker-Replies", "QUICKER-REPLIES"])
def test_the_last_part_of_an_id_with_capitals_names_it_in_any_case(site: Path, name: str) -> None:
    """The user test: ``okrsite checkin faster-support`` for
    ``customer-success/Faster-Support`` wrote nothing and blamed a file
    nobody wrote. The last part names the objective whatever its capitals."""
    add_objective(site, "customer-success/Quicker-Replies", "Reply to customers sooner")
    code, out = checkin_of(site, name, "--date", "2026-11-18T16:30")
    assert code == 0, out
    assert f"{name!r} is customer-success/Quicker-Replies" in out
    written = written_checkins(site, "customer-success/Quicker-Replies")
    assert list(written) == ["2026-11-18.md"]
    text = written["2026-11-18.md"]
    assert "objective: customer-success/Quicker-Replies\n" in text
    assert "date: 2026-11-18T16:30+00:00\n" in text
    result = load_site(site, date(2026, 11, 19))
    assert not [d for d in result.diagnostics if d.is_error]
    kr = result.scored.objectives["customer-success/Quicker-Replies"].key_results["kr1"]
    assert kr.current == 5


@pytest.mark.parametrize(
    "name",
    [
        "umsatz-größer",  # as the file is named
        "Umsatz-Größer",  # with a capital
        "umsatz-grösser",  # ß as ss (casefolded)
        "umsatz-gro\u0308ßer",  # ö as o and a combining mark, as macOS may give it
        "umsatz-grosser",  # without the umlaut at all, as a slug
        "finanzen/Umsatz-Größer",  # the whole id in another case
    ],
)
def test_an_id_with_umlauts_is_named_by_its_last_part(site: Path, name: str) -> None:
    add_objective(site, "finanzen/umsatz-größer", "Mehr Umsatz")
    code, out = checkin_of(site, name, "--date", "2026-11-18")
    assert code == 0, out
    assert f"{name!r} is finanzen/umsatz-größer" in out
    written = written_checkins(site, "finanzen/umsatz-größer")
    assert list(written) == ["2026-11-18.md"]
    assert "objective: finanzen/umsatz-größer\n" in written["2026-11-18.md"]
    result = load_site(site, date(2026, 11, 19))
    assert not [d for d in result.diagnostics if d.is_error]


def test_an_exact_last_part_wins_over_one_in_another_case(site: Path) -> None:
    """``faster-support`` is the site's ``company/faster-support`` as written;
    ``Faster-Support`` is ``customer-success/Faster-Support`` as written. Only
    a name that fits both equally (``FASTER-SUPPORT``) is ambiguous."""
    add_objective(site, "customer-success/Faster-Support", "Support customers faster")
    code, out = checkin_of(site, "Faster-Support", "--date", "2026-11-18")
    assert code == 0 and "'Faster-Support' is customer-success/Faster-Support" in out, out
    code, out = run(
        "checkin",
        "faster-support",
        "--set",
        "self-serve=20",
        "--date",
        "2026-11-18",
        "--site",
        str(site),
    )
    assert code == 0 and "'faster-support' is company/faster-support" in out, out
    before = files(site)
    code, out = checkin_of(site, "FASTER-SUPPORT", "--date", "2026-11-19")
    assert code == 2
    assert (
        "'FASTER-SUPPORT' fits 2 objectives, KPIs or SMART goals: "
        "company/faster-support ('Answer support tickets faster'), "
        "customer-success/Faster-Support ('Support customers faster'); "
        "give the whole id of the one you mean"
    ) in " ".join(out.split())
    assert files(site) == before


def test_a_last_part_two_objectives_share_is_refused_listing_both(site: Path) -> None:
    add_objective(site, "sales/enterprise", "Win enterprise customers")
    add_objective(site, "marketing/enterprise", "Be known by enterprises")
    before = files(site)
    code, out = checkin_of(site, "enterprise", "--date", "2026-11-18")
    assert code == 2  # a usage error: nothing was loaded as a check-in
    said = " ".join(out.split())
    assert "'enterprise' fits 2 objectives, KPIs or SMART goals" in said
    assert "marketing/enterprise ('Be known by enterprises')" in said
    assert "sales/enterprise ('Win enterprise customers')" in said
    assert "content/checkins" not in out
    assert files(site) == before
    code, out = checkin_of(site, "sales/enterprise", "--date", "2026-11-18")
    assert code == 0, out
    assert list(written_checkins(site, "sales/enterprise")) == ["2026-11-18.md"]


@pytest.mark.parametrize(
    "name, tried, nearest",
    [
        (
            "Quicker-Replys",
            "tried it as an id and as the last part of one, as written and as "
            "'quicker-replys' (in any case), and as a title",
            "did you mean customer-success/Quicker-Replies ('Reply to customers sooner')?",
        ),
        (
            "umsatz-grössser",
            "as written and as 'umsatz-grossser' (as a slug, without accents)",
            "did you mean finanzen/umsatz-größer ('Mehr Umsatz')?",
        ),
        (
            "company/faster-supprt",
            "tried it as an id",
            "did you mean company/faster-support ('Answer support tickets faster')?",
        ),
    ],
)
def test_a_name_that_fits_nothing_says_what_was_tried_and_the_nearest(
    site: Path, name: str, tried: str, nearest: str
) -> None:
    """Refused before anything is written or loaded: the loader could only
    say that a check-in file nobody wrote names an objective that does not
    exist."""
    add_objective(site, "customer-success/Quicker-Replies", "Reply to customers sooner")
    add_objective(site, "finanzen/umsatz-größer", "Mehr Umsatz")
    before = files(site)
    code, out = checkin_of(site, name, "--date", "2026-11-18")
    assert code == 2
    said = " ".join(out.split())
    assert f"no single objective, KPI or SMART goal is named {name!r}: " in said
    assert tried in said and nearest in said
    assert "content/checkins" not in out and "OKR303" not in out
    assert files(site) == before


def test_an_objective_whose_file_has_an_error_is_refused_with_that_error(site: Path) -> None:
    """Its record is set aside until the file is mended: a check-in of it
    could be neither checked against its key results nor counted (the
    audit's check-in was written, exit 0, and then read by nothing), so the
    command shows the file's own error and writes nothing."""
    path = site / "content/objectives/company/mending.md"
    path.write_text("---\ntitle: [Mending\n---\n", encoding="utf-8")
    code, out = checkin_of(site, "company/mending", "--date", "2026-11-18")
    assert code == 1, out
    assert "content/objectives/company/mending.md:2:" in out and "fix that file first" in out
    assert list(written_checkins(site, "company/mending")) == []


# ------------------------------------------------------------------ --date
@pytest.mark.parametrize(
    "written, stem, in_file",
    [
        ("2026-11-18 4:30 pm", "2026-11-18", "2026-11-18T16:30+00:00"),
        ("2026-11-18 12:05 am", "2026-11-18", "2026-11-18T00:05+00:00"),
        ("2026-11-18 9am", "2026-11-18", "2026-11-18T09:00+00:00"),
        ("2026-11-18 4 p.m.", "2026-11-18", "2026-11-18T16:00+00:00"),
        ("18.11.2026", "2026-11-18", "2026-11-18"),
        ("18.11.2026 09:15", "2026-11-18", "2026-11-18T09:15+00:00"),
        ("2026/11/18", "2026-11-18", "2026-11-18"),
        ("11/18/2026", "2026-11-18", "2026-11-18"),
        ("11/18/2026 9:30 AM", "2026-11-18", "2026-11-18T09:30+00:00"),
        ("18/11/2026", "2026-11-18", "2026-11-18"),
        ("Nov 18, 2026", "2026-11-18", "2026-11-18"),
        ("18. November 2026", "2026-11-18", "2026-11-18"),
        ("2. Dez. 2026", "2026-12-02", "2026-12-02"),
        ("2026-11-18T16:30:00.123Z", "2026-11-18", "2026-11-18T16:30Z"),  # the zone kept
        ("2026-11-18 16:30+01:00", "2026-11-18", "2026-11-18T16:30+01:00"),
        ("2026-11-18", "2026-11-18", "2026-11-18"),
        ("2026-11-18T16:30", "2026-11-18", "2026-11-18T16:30+00:00"),
    ],
)
def test_date_takes_what_a_checkin_file_takes(
    site: Path, written: str, stem: str, in_file: str
) -> None:
    """The file gets the date as the command always wrote it; the loader reads
    the same day and time from it as from the date written by hand (to the
    minute: the command writes no seconds), and the zone typed, or where
    none was typed the machine's (UTC in the tests), which the hand-written
    file does not name."""
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=20",
        "--date",
        written,
        "--site",
        str(site),
    )
    assert code == 0, out
    text = written_checkins(site, "company/faster-support")[f"{stem}.md"]
    assert f"\ndate: {in_file}\n" in text
    by_hand = site / "content/checkins/company/faster-support/by-hand.md"
    by_hand.write_text(
        f"---\nobjective: company/faster-support\ndate: {written}\n"
        "values: {self-serve: 21}\n---\n",
        encoding="utf-8",
    )
    result = load_site(site, date(2026, 12, 3))
    assert not [d for d in result.diagnostics if d.is_error]
    moments = {
        c.file.rpartition("/")[2]: (c.date, c.time[:5], c.zone)
        for c in result.scored.portfolio.checkins
        if c.objective == "company/faster-support" and c.date.isoformat() == stem
    }
    command, by_hand_read = moments[f"{stem}.md"], moments["by-hand.md"]
    assert command[:2] == by_hand_read[:2]
    assert command[2] == (by_hand_read[2] or ("+00:00" if "T" in in_file else ""))


@pytest.mark.parametrize(
    "written, said",
    [
        (
            "11/01/2026",
            "'11/01/2026' names two days: 11 January 2026 (day first) or "
            "November 1, 2026 (month first); write the one you mean as 2026-01-11 or 2026-11-01",
        ),
        ("2026-11-18T25:00", "'2026-11-18T25:00' has no such time of day"),
        ("2026-11-18 13:05 pm", "'2026-11-18 13:05 pm' has no such time of day"),
        ("2026-02-30", "'2026-02-30' is not a date; write it as 2026-11-18, 18.11.2026,"),
        ("tomorrow", "'tomorrow' is not a date; write it as 2026-11-18, 18.11.2026,"),
        ("Nov 31 4:30 pm", "with a time of day, 2026-11-18T16:30, 2026-11-18 4:30 pm"),
        ("2026-11-18T16", "'2026-11-18T16' is not a date"),
        ("18.11.26", "'18.11.26' is not a date"),
    ],
)
def test_date_refuses_what_a_checkin_file_refuses(site: Path, written: str, said: str) -> None:
    """Refused as a usage error, naming the forms that are taken; a check-in
    file with that date is an error of the loader's too."""
    before = files(site)
    code, out = run(
        "checkin",
        "company/faster-support",
        "--set",
        "self-serve=20",
        "--date",
        written,
        "--site",
        str(site),
    )
    assert code == 2
    assert "Invalid value for '--date'" in out and said in " ".join(out.split())
    assert files(site) == before
    by_hand = site / "content/checkins/company/faster-support/by-hand.md"
    by_hand.write_text(
        f"---\nobjective: company/faster-support\ndate: {written}\n"
        "values: {self-serve: 21}\n---\n",
        encoding="utf-8",
    )
    errors = [d for d in load_site(site, DAY).diagnostics if d.is_error]
    assert [d.code for d in errors] == ["OKR104"]


def test_new_checkin_takes_the_same_dates(site: Path) -> None:
    code, out = run(
        "new",
        "checkin",
        "nps",
        "--value",
        "41",
        "--date",
        "20.11.2026 8:05 am",
        "--site",
        str(site),
    )
    assert code == 0, out
    text = (site / "content/checkins/nps/2026-11-20.md").read_text(encoding="utf-8")
    assert "\ndate: 2026-11-20T08:05+00:00\n" in text


def test_a_check_in_after_the_pinned_as_of_is_written_with_a_note(site: Path) -> None:
    """okrsite.toml pins as_of for reproducible builds; a check-in dated after
    it counts in no figure of the next build, so the command says so instead
    of seeming to lose it. One dated on or before as_of gets no note."""
    toml = site / "okrsite.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "as_of = 2026-11-20\n", encoding="utf-8")
    args = ("checkin", "company/faster-support", "--set", "self-serve=20", "--site", str(site))
    code, out = run(*args, "--date", "2026-11-25")
    assert code == 0, out
    assert "wrote content/checkins/company/faster-support/2026-11-25.md" in out
    assert (
        "note: okrsite.toml sets as_of = 2026-11-20, so this check-in of 2026-11-25 counts "
        "only in builds as of 2026-11-25 or later"
    ) in " ".join(out.split())
    code, out = run(*args, "--date", "2026-11-20")
    assert code == 0, out
    assert "note:" not in out


def test_a_check_in_dated_after_today_is_written_with_a_note(tmp_path: Path) -> None:
    """Without a pinned as_of every build is as of today: a check-in dated
    later (a mistyped year, or one written ahead) counts from its day on."""
    from datetime import timedelta

    root = tmp_path / "today"
    init_site(root)
    ahead = date.today() + timedelta(days=3)
    args = ("checkin", "company/faster-support", "--set", "self-serve=20", "--site", str(root))
    code, out = run(*args, "--date", ahead.isoformat())
    assert code == 0, out
    assert (
        f"note: this check-in is dated {ahead}, after today; pages and exports count it "
        "from that day on"
    ) in " ".join(out.split())
    code, out = run(*args, "--date", date.today().isoformat())
    assert code == 0 and "after today" not in out


def test_a_checkin_dated_a_day_with_timed_checkins_is_stamped_after_them(site: Path) -> None:
    """``--date DAY`` on a day with check-ins of a time (the command's own, or
    written by hand as ``DAY-morning.md``): the new file is named after them,
    and a date alone would be read first (its values not the day's, OKR311),
    so it is stamped the minute after the day's last one, in its zone (none
    here, as the hand-written ones name none), and the command says so
    (audit 48); on a day without such check-ins the date stays alone."""
    folder = site / "content/checkins/company/faster-support"
    (folder / "2026-11-10-morning.md").write_text(
        "---\nobjective: company/faster-support\ndate: 2026-11-10 9:15\n"
        "author: José Álvarez\nvalues: {self-serve: 30}\n---\n",
        encoding="utf-8",
    )
    (folder / "2026-11-10-afternoon.md").write_text(
        "---\nobjective: company/faster-support\ndate: 2026-11-10 4:30 pm\n"
        "values: {self-serve: 31}\n---\n",
        encoding="utf-8",
    )
    args = ("checkin", "company/faster-support", "--site", str(site), "--author", "Renée O'Brien")
    code, out = run(*args, "--set", "self-serve=35", "--date", "2026-11-10")
    assert code == 0, out
    # named after every file of the day, those named in words too (a plain
    # 2026-11-10.md would sort before 2026-11-10-morning.md)
    assert "wrote content/checkins/company/faster-support/2026-11-10-morning-2.md" in out
    said = " ".join(out.split())
    assert "OKR311" not in said
    assert (
        "the last 2026-11-10-afternoon.md at 16:30; " in said and "stamped 16:31, after it" in said
    )
    assert "date: 2026-11-10T16:31\n" in (folder / "2026-11-10-morning-2.md").read_text()
    kr = load_site(site, date(2026, 11, 21)).scored.objectives["company/faster-support"]
    assert kr.key_results["self-serve"].current == 35  # the value just entered is the day's

    # after the command's own 2026-11-11.md (16:30 with the local zone)
    code, out = run(*args, "--set", "self-serve=36", "--date", "2026-11-11 4:30 pm")
    assert code == 0 and "note:" not in out, out
    code, out = run(*args, "--set", "self-serve=37", "--date", "2026-11-11")
    assert code == 0 and "2026-11-11-2.md" in out, out
    assert "OKR311" not in out and "stamped 16:31" in out, out
    kr = load_site(site, date(2026, 11, 21)).scored.objectives["company/faster-support"]
    assert kr.key_results["self-serve"].current == 37
    code, out = run(*args, "--set", "self-serve=36", "--date", "2026-11-12")
    assert code == 0 and "note:" not in out and "OKR311" not in out, out
    assert "date: 2026-11-12\n" in (folder / "2026-11-12.md").read_text()


@pytest.mark.parametrize(
    "written, days_back, clock",
    [
        ("yesterday", 1, ""),
        ("Yesterday 4:30 pm", 1, "T16:30+00:00"),
        ("today 09:15", 0, "T09:15+00:00"),
    ],
)
def test_date_takes_today_and_yesterday(
    tmp_path: Path, written: str, days_back: int, clock: str
) -> None:
    """A person checking in the morning after types ``--date yesterday``; the
    file gets that day's date (a file's date must not move the next day)."""
    from datetime import timedelta

    root = tmp_path / "late"
    init_site(root)
    day = date.today() - timedelta(days=days_back)
    args = ("checkin", "company/faster-support", "--set", "self-serve=20", "--site", str(root))
    before = written_checkins(root, "company/faster-support")
    code, out = run(*args, "--date", written)
    assert code == 0, out
    after = written_checkins(root, "company/faster-support")
    (name,) = set(after) - set(before)
    assert name.startswith(f"{day}")
    text = after[name]
    assert f"\ndate: {day}{clock}\n" in text
    assert "yesterday" not in text.casefold() and "today" not in text.casefold()
