"""Keys inside a milestone or an initiative read as a key result's are: in any
case (``Done:``, ``Link:``), and an unknown one warned of (OKR111) with the
closest known key; and a confidence YAML read as true or false quoted as
written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

Make = Callable[[dict[str, str | bytes]], Path]

OBJECTIVE = """\
    ---
    title: Ship it
    cycle: 2026-Q4
    owner: alex
    key_results:
      - id: launch
        title: Launch
        milestones:
          - {title: Alpha, done: true}
          - {title: Beta, Done: true}
          - {title: GA, doen: yes}
          - {Title: Step two, done: yes}
    initiatives:
      - {title: Second shift, Status: done, Link: "https://example.com/x", due: 15.11.2026, ownr: Alex}
      - title: Plain
        OWNER: alex
    ---
    """


def _site(make_site: Make, objective: str = OBJECTIVE) -> Path:
    return make_site(
        {
            "okrsite.toml": 'title = "Nested"\n',
            "content/objectives/ship.md": objective,
            "content/people/alex.md": "---\ntitle: Alex Example\n---\n",
        }
    )


def test_milestone_and_initiative_keys_fold_and_warn(make_site: Make) -> None:
    site = _site(make_site)
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "missing required key" not in out
    rel = "content/objectives/ship.md"
    # each unknown key at its own line and column, with the closest known key
    assert (
        f"{rel}:11:21: warning OKR111: unknown key 'doen' in a milestone is ignored "
        "(hint: did you mean 'done'?)"
    ) in out
    assert f"{rel}:14:72: warning OKR111: unknown key 'due' in an initiative is ignored" in out
    assert (
        f"{rel}:14:89: warning OKR111: unknown key 'ownr' in an initiative is ignored "
        "(hint: did you mean 'owner'?)"
    ) in out
    assert out.count("OKR111") == 3, out

    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    (kr,) = json.loads(out)["objectives"][0]["key_results"]
    assert (kr["current"], kr["target"]) == (3, 4)  # Alpha, Beta (Done:) and Step two (Title:)

    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/objectives/ship/index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.com/x"' in page
    assert '<bdi>Second shift</bdi></a> <span class="meta">done</span>' in page
    assert "Alex Example" in page  # OWNER: read as owner


def test_untitled_milestone_and_initiative_name_the_item(make_site: Make) -> None:
    site = _site(
        make_site,
        """\
        ---
        title: Ship it
        cycle: 2026-Q4
        key_results:
          - id: launch
            title: Launch
            milestones:
              - {title: Alpha, done: true}
              - {done: yes}
        initiatives:
          - {status: active}
        ---
        """,
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert "to the front matter" not in out
    assert (
        "content/objectives/ship.md:9:9: error OKR101: milestone 2 has no title: "
        "missing required key 'title'"
    ) in out
    assert (
        "content/objectives/ship.md:11:5: error OKR101: initiative 1 has no title: "
        "missing required key 'title'"
    ) in out


def test_confidence_read_as_true_is_quoted_as_written(make_site: Make) -> None:
    site = _site(make_site)
    (site / "content/checkins/ship").mkdir(parents=True)
    (site / "content/checkins/ship/2026-11-02.md").write_text(
        "---\ndate: 2026-11-02\nconfidence: yes  # sure\n---\n", encoding="utf-8"
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/ship/2026-11-02.md:3:13: error OKR102: confidence must be 0-10, "
        "low/medium/high, a traffic light or a percentage, got 'yes'"
    ) in out


def test_confidence_yes_typed_on_the_command_line_is_quoted_as_typed(make_site: Make) -> None:
    site = _site(make_site)
    code, out = run_cli(
        "checkin", "ship", "--site", str(site), "--note", "going well", "--confidence", "yes"
    )
    assert code == 1, out
    assert "got 'yes'" in out and "got True" not in out and "got 'true'" not in out
    assert not (site / "content/checkins").exists()


def test_shares_of_one_beside_a_percentage_are_warned_of(make_site: Make) -> None:
    """start 0.30 and target 0.45 pasted beside current 36% (a sheet's two
    columns): all read in percent, the key result would read done; OKR127
    says so with both ways to write it alike. Figures all alike: no warning."""
    objective = """\
        ---
        title: Conversion
        cycle: 2026-Q4
        owner: alex
        key_results:
          - {id: conv, title: Raise conversion, start: 0.30, target: 0.45, current: 36%}
          - {id: same, title: Alike, start: 30%, target: 45%, current: 36%}
          - {id: shares, title: Shares, start: 0.3, target: 0.45, current: 0.36}
        ---
        """
    site = _site(make_site, objective)
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert (
        "warning OKR127: start 0.3 and target 0.45 look like shares of one beside current 36%: "
        "all are read as percentages, so start is 0.3% and target is 0.45% "
        "(hint: write them alike: as percentages (start: 30%, target: 45%) or all as shares of one)"
    ) in out
    assert out.count("OKR127") == 1
