"""A branch's easing its merge did not keep is no easing on the timeline (fix 48).

A branch commit eased a target (100 → 60, "less ambitious"); the merge that
brought it in kept main's 100 (``git merge -s ours``, a conflict resolved in
favour of main). The merge's own entry said "the branch's change was not
kept in the merge" (``not_kept``), but the branch commit's entry still said
"less ambitious" as if the easing had landed: one easing counted that
``okrsite diff --fail-on less-ambitious`` of the merge does not find. Now the
branch's entry keeps its figures and says its judgement was not kept
(``not_kept_in``: the merge; ``less_ambitious`` false; ``note`` the
judgement). Real repositories built with git, real builds through the CLI.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_history_merge_resolutions import (
    DAY,
    OBJECTIVE,
    build,
    growth,
    merge,
    resolve,
    site,
    timeline,
)

from okrsite.cli import cli


def _rev(data: dict) -> list[dict]:  # type: ignore[type-arg]
    changes: list[dict] = data["objectives"]["growth"]["key_results"]["rev"]["changes"]  # type: ignore[type-arg]
    return changes


def test_an_easing_merged_with_s_ours_is_marked_not_kept(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(60))
    eased = repo.commit("Ease revenue to 60", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    merged = merge(repo, "ease", 5, 4, "-s", "ours")
    out = tmp_path / "out"
    data = build(repo, out)
    branch, kept = _rev(data)
    assert (branch["commit"], branch["old"], branch["new"]) == (eased, 100, 60)
    assert branch["less_ambitious"] is False
    assert branch["mid_cycle"] is False
    assert branch["not_kept_in"] == merged
    assert branch["note"] == "less ambitious"  # what its commit was judged, not landed
    assert kept["commit"] == merged and kept["not_kept"] is True
    entries = timeline(out)
    assert "target 100 → 60" in entries[1], entries
    assert "less ambitious, not kept in the merge" in entries[1], entries
    page = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    assert 'class="flag less-ambitious"' not in page
    assert "less-ambitious" not in page.split('<ol class="history-timeline"')[1].split("</ol>")[0]


def test_a_conflict_resolved_for_main_marks_only_the_branch_s_entry(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(80))
    branch_sha = repo.commit("Revenue to 80", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(90))
    main_sha = repo.commit("Revenue to 90", "alice", DAY.format(4))
    assert merge(repo, "ease", 8, 5) == ""
    repo.git("checkout", "--ours", "--", OBJECTIVE)
    merged = resolve(repo, "ease", 8, 5)
    out = tmp_path / "out"
    data = build(repo, out)
    main, branch, kept = _rev(data)
    # main's own easing landed and is counted; the branch's did not
    assert main["commit"] == main_sha and main["less_ambitious"] is True
    assert "not_kept_in" not in main
    assert branch["commit"] == branch_sha and branch["less_ambitious"] is False
    assert branch["not_kept_in"] == merged
    assert kept["not_kept"] is True
    assert sum(c["less_ambitious"] for c in _rev(data)) == 1
    de = tmp_path / "de"
    (repo.root / "okrsite.toml").write_text(
        (repo.root / "okrsite.toml").read_text(encoding="utf-8") + 'language = "de"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(de)])
    assert result.exit_code == 0, result.output
    html = (de / "objectives/growth/index.html").read_text(encoding="utf-8")
    assert "weniger ehrgeizig, beim Merge nicht übernommen" in html
