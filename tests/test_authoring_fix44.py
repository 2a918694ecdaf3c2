"""What the 44th audit (a first-time user) found in ``okrsite new`` and
``okrsite checkin``, each run on a real site through the real command line:

- a value typed as a change (``--value +1``, ``--set KR=+2``, ``+1`` at a
  prompt) is refused (exit 2), naming the value it would be, instead of
  being stored as 1;
- ``new goal --parent`` naming nothing is refused (exit 1) as ``new
  objective --parent`` is; the start of a title, or a key result's title
  alone, gets a "did you mean";
- an emoji in a quoted value is written as typed, not as ``\\U0001F680``;
- ``--confidence 0.8`` is written as 8, which ``check`` does not warn about;
- an id typed as the file's path (``content/objectives/x.md``) is the id;
- a check-in of a dropped objective is said to count nowhere, and the same
  check-in run twice is written once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite import authoring_cli

FILES = {
    "okrsite.toml": 'as_of = "2026-12-01"\n',
    "content/objectives/company/faster-support.md": """
        ---
        title: Answer support tickets faster
        cycle: 2026-Q4
        key_results:
          - id: self-serve
            title: Resolve 40% of questions through the help centre
            start: 10
            target: 40
          - id: first-response
            title: Cut first response time
            start: 8
            target: 2
        ---
        """,
    "content/objectives/cs/renewals.md": """
        ---
        title: 'Renew: the "big" accounts'
        cycle: 2026-Q4
        key_results:
          - {id: nps, title: Raise NPS from 30 to 45, start: 30, target: 45}
        ---
        """,
    "content/objectives/old.md": """
        ---
        title: Old plan
        cycle: 2026-Q4
        status: dropped
        key_results:
          - {id: done, title: Things done, target: 10}
        ---
        """,
    "content/kpis/nps.md": "---\ntitle: NPS\n---\n",
    "content/checkins/nps/2026-11-01.md": "---\nkpi: nps\ndate: 2026-11-01\nvalue: 31\n---\n",
    "content/goals/handbook.md": """
        ---
        title: Write the support handbook
        cycle: 2026-Q4
        supports: company/faster-support
        measure: {start: 0, target: 12, current: 7, unit: chapters}
        ---
        """,
    "content/checkins/company/faster-support/2026-11-10.md": """
        ---
        objective: company/faster-support
        date: 2026-11-10
        values: {self-serve: 18}
        ---
        """,
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", dict(FILES))


def said(out: str) -> str:
    return " ".join(out.split())


def export(site: Path) -> dict:  # type: ignore[type-arg]
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    return json.loads(out)  # type: ignore[no-any-return]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------- 1. +1 is a change
@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (
            ["handbook", "--value", "+1"],
            "the current value is 7, so +1 more would be --value 8; if the value is +1, write --value 1",
        ),
        (
            ["nps", "--value", "+3"],
            "the current value is 31, so +3 more would be --value 34; if the value is +3, write --value 3",
        ),
        (
            ["company/faster-support", "--set", "self-serve=+2"],
            "the current value is 18, so +2 more would be --set self-serve=20; "
            "if the value is +2, write --set self-serve=2",
        ),
    ],
)
def test_a_value_typed_as_a_change_is_refused_naming_the_value(
    site: Path, args: list[str], meant: str
) -> None:
    before = {p: p.read_bytes() for p in (site / "content").rglob("*.md")}
    code, out = run_cli("checkin", *args, "--site", str(site))
    assert code == 2, out
    assert "okrsite records the new value, not a change" in said(out)
    assert meant in said(out)
    assert {p: p.read_bytes() for p in (site / "content").rglob("*.md")} == before


def test_a_prompt_answer_typed_as_a_change_is_asked_again(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(authoring_cli, "interactive", lambda: True)
    code, out = run_cli(
        "checkin",
        "company/faster-support",
        "--date",
        "2026-11-20",
        "--note",
        "more",
        "--confidence",
        "7",
        "--site",
        str(site),
        input="+2\n20\n\n",
    )
    assert code == 0, out
    assert "okrsite records the new value, not a change" in said(out)
    text = (site / "content/checkins/company/faster-support/2026-11-20.md").read_text()
    assert "values: {self-serve: 20}" in text


# ------------------------------------------------------- 4. --parent naming nothing
def test_new_goal_with_a_parent_typo_is_refused(site: Path) -> None:
    code, out = run_cli(
        "new", "goal", "typo-goal", "--parent", "company/faster-suport", "--site", str(site)
    )
    assert code == 1, out
    assert "did you mean 'company/faster-support'" in said(out)
    assert not (site / "content/goals/typo-goal.md").exists()


@pytest.mark.parametrize("kind", ["goal", "objective"])
@pytest.mark.parametrize(
    ("parent", "meant"), [("Renew", "cs/renewals"), ("Raise NPS", "cs/renewals#nps")]
)
def test_a_parent_by_part_of_a_title_gets_a_did_you_mean(
    site: Path, kind: str, parent: str, meant: str
) -> None:
    code, out = run_cli("new", kind, "x/sub", "--parent", parent, "--site", str(site))
    assert code == 1, out
    assert f"did you mean {meant} (" in said(out)
    assert not list((site / "content").rglob("sub.md"))


# ------------------------------------------------------- 5. emoji as typed
def test_an_emoji_in_a_quoted_value_is_written_as_typed(site: Path) -> None:
    title = 'Renew: the "big" #1 accounts 🚀'
    code, out = run_cli("new", "objective", "cs/launch", "--title", title, "--site", str(site))
    assert code == 0, out
    code, out = run_cli("new", "team", "Growth 🚀: EMEA", "--site", str(site))
    assert code == 0, out
    code, out = run_cli(
        "checkin", "nps", "--value", "42", "--author", "Zoë 😀: PM", "--site", str(site)
    )
    assert code == 0, out
    written = [
        (site / "content/objectives/cs/launch.md").read_text(encoding="utf-8"),
        (site / "content/teams/growth-emea.md").read_text(encoding="utf-8"),
        *(p.read_text(encoding="utf-8") for p in (site / "content/checkins/nps").glob("*.md")),
    ]
    assert not any("\\U" in text for text in written)
    assert "🚀" in written[0] and "🚀" in written[1] and any("Zoë 😀: PM" in t for t in written)
    objectives = {o["id"]: o for o in export(site)["objectives"]}
    assert objectives["cs/launch"]["title"] == title


# ------------------------------------------------------- 6. confidence 0.8
def test_a_confidence_written_as_a_share_is_written_out_of_ten(site: Path) -> None:
    code, out = run_cli(
        "checkin",
        "company/faster-support",
        "--confidence",
        "0.8",
        "--date",
        "2026-11-21",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "0.8 is read as 8/10" in out
    text = (site / "content/checkins/company/faster-support/2026-11-21.md").read_text()
    assert "confidence: 8\n" in text
    code, out = run_cli("check", "--site", str(site))
    assert "OKR125" not in out, out


# ------------------------------------------------------- 7. paths as ids
@pytest.mark.parametrize(
    ("typed", "args", "folder"),
    [
        (
            "content/objectives/company/faster-support.md",
            ["--set", "self-serve=30"],
            "company/faster-support",
        ),
        ("./content/kpis/nps.md", ["--value", "40"], "nps"),
    ],
)
def test_a_files_path_names_its_record(
    site: Path, typed: str, args: list[str], folder: str
) -> None:
    code, out = run_cli("checkin", typed, *args, "--date", "2026-11-22", "--site", str(site))
    assert code == 0, out
    assert (site / f"content/checkins/{folder}/2026-11-22.md").exists()


def test_new_takes_ids_written_as_paths(site: Path) -> None:
    for typed in ("sales/emea.md", "content/objectives/sales/west.md"):
        code, out = run_cli("new", "objective", typed, "--site", str(site))
        assert code == 0, out
    assert files_in(site / "content/objectives/sales") == ["emea.md", "west.md"]
    parent = "./content/objectives/company/faster-support.md"
    code, out = run_cli("new", "goal", "good-goal", "--parent", parent, "--site", str(site))
    assert code == 0, out
    assert "supports: company/faster-support" in (site / "content/goals/good-goal.md").read_text()


# ------------------------------------------------------- 8. counts nowhere, run twice
def test_a_checkin_of_a_dropped_objective_says_it_counts_nowhere(site: Path) -> None:
    code, out = run_cli("checkin", "old", "--note", "we stopped this", "--site", str(site))
    assert code == 0, out
    assert "old is dropped" in said(out) and "counts nowhere" in said(out)
    assert len(files_in(site / "content/checkins/old")) == 1


def test_the_same_checkin_run_twice_is_written_once(site: Path) -> None:
    args = ["checkin", "faster-support", "--set", "self-serve=38", "--note", "same"]
    args += ["--date", "2026-11-23T10:00", "--site", str(site)]
    code, out = run_cli(*args)
    assert code == 0, out
    code, out = run_cli(*args)
    assert code == 0, out
    assert "is this same check-in" in said(out) and "not written twice" in said(out)
    folder = site / "content/checkins/company/faster-support"
    assert files_in(folder) == ["2026-11-10.md", "2026-11-23.md"]
    code, out = run_cli(*args[:-4], "--note", "other", *args[-4:])
    assert code == 0, out
    assert len(files_in(folder)) == 3
