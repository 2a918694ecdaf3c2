"""A key result removed from an objective and added back later with an easier
target is judged across the gap, as ``okrsite diff`` across both commits
judges it, in real git repositories built here and read by the real
``okrsite build``: the entry of the commit that added it back says "target
90 → 80, less ambitious" on the page and in ``api/history.json``, whether it
came back under its id or, under its title, with a new one (which ``okrsite
diff`` pairs as a renamed key result). ``okrsite diff`` of that commit
alone sees a key result added (docs/diff.md says so).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo
from test_history_audit36 import entries

from okrsite.cli import cli


def objective(b: str = "") -> str:
    return (
        "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: a, title: A, target: 10}}\n{b}---\n"
    )


def kr(kid: str, title: str, target: int) -> str:
    return f"  - {{id: {kid}, title: {title}, target: {target}}}\n"


FILE = "content/objectives/o.md"
DAY_MERGED = "2026-11-21T10:00:00+00:00"


def removed_and_back(tmp_path: Path, back: str, merged: bool = False) -> Repo:
    """Key result b (target 90) committed on 2026-10-02, removed on
    2026-11-10 and ``back`` added on 2026-11-20 (on a branch merged as pull
    request #7 on 2026-11-21 when ``merged``)."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-12-06"\n')
    repo.write(FILE, objective(kr("b", "B", 90)))
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write(FILE, objective())
    repo.commit("drop b", "bob", "2026-11-10T10:00:00+00:00")
    if merged:
        repo.git("checkout", "-q", "-b", "back")
    repo.write(FILE, objective(back))
    repo.commit("b back", "carol", "2026-11-20T10:00:00+00:00")
    if merged:
        repo.git("checkout", "-q", "main")
        message = "Merge pull request #7 from acme/back\n\nBring B back"
        repo.git("merge", "-q", "--no-ff", "back", "-m", message, who="dave", when=DAY_MERGED)
    return repo


def build(repo: Repo, out: Path) -> tuple[dict[str, Any], list[str]]:
    """``okrsite build``: the objective's key results in api/history.json and
    its page's timeline entries as text, newest first."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--as-of", "2026-12-06"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    html = (out / "objectives/o/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    return data["objectives"]["o"]["key_results"], entries(section[: section.index("</section>")])


def plain(changes: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (c["date"], c["field"], c["old"], c["new"], c["less_ambitious"], c["mid_cycle"], c["pr"])
        for c in changes
    ]


def diff(repo: Repo, base: str, *more: str) -> tuple[int, str]:
    args = ["diff", base, "HEAD", "--site", str(repo.root), "--as-of", "2026-12-06"]
    result = CliRunner().invoke(cli, [*args, "--format", "text", *more])
    return result.exit_code, result.output


def test_a_key_result_added_back_easier_is_less_ambitious(tmp_path: Path) -> None:
    repo = removed_and_back(tmp_path, kr("b", "B", 80))
    krs, shown = build(repo, tmp_path / "out")
    assert plain(krs["b"]["changes"]) == [
        ("2026-11-10", "key_result", "B", None, False, True, None),
        ("2026-11-20", "key_result", None, "B", False, True, None),
        ("2026-11-20", "target", 90, 80, True, True, None),
    ]
    assert krs["a"]["changes"] == []
    assert krs["b"]["changes"][-1]["message"] == "b back"
    assert len(shown) == 4, shown
    assert shown[0].startswith("2026-11-20 · Carol Diaz"), shown
    assert "“B” target 90 → 80 less ambitious mid-cycle" in shown[0], shown
    assert "key result added: “B”" in shown[1], shown
    assert "key result removed: “B”" in shown[2], shown
    # what okrsite diff says across both commits
    code, said = diff(repo, "HEAD~2", "--fail-on", "less-ambitious")
    assert code == 1 and "target: 90 → 80 (less ambitious)" in said, said
    # the commit that added it back alone compares with its parent, which
    # lacks the key result: an addition, not an easing (docs/diff.md)
    code, said = diff(repo, "HEAD~1", "--fail-on", "less-ambitious")
    assert code == 0 and "+ key result b B" in said and "less ambitious" not in said, said


def test_a_key_result_added_back_under_a_new_id_is_judged_as_diff_pairs_it(
    tmp_path: Path,
) -> None:
    repo = removed_and_back(tmp_path, kr("b2", "B", 80), merged=True)
    krs, shown = build(repo, tmp_path / "out")
    # api/history.json follows the key result to its new id, as a rename
    assert "b" not in krs
    assert plain(krs["b2"]["changes"]) == [
        ("2026-11-10", "key_result", "B", None, False, True, None),
        ("2026-11-21", "key_result", None, "B", False, True, "#7"),
        ("2026-11-21", "id", "b", "b2", False, True, "#7"),
        ("2026-11-21", "target", 90, 80, True, True, "#7"),
    ]
    assert krs["b2"]["changes"][-1]["message"] == "b back"  # the commit that made it
    assert "“B” target 90 → 80 less ambitious mid-cycle" in shown[0], shown
    assert "(#7)" in shown[0], shown
    assert "key result id from b to b2" in shown[1], shown
    # the pull request alone (the merge against main before it) adds a key
    # result; across the removal and the pull request it is renamed and eased
    code, said = diff(repo, "HEAD~1", "--fail-on", "less-ambitious")
    assert code == 0 and "+ key result b2 B" in said, said
    code, said = diff(repo, "HEAD~2", "--fail-on", "less-ambitious")
    assert code == 1, said
    assert "renamed from b" in said and "target: 90 → 80 (less ambitious)" in said, said


def test_a_key_result_added_back_as_it_was_or_another_one_is_no_easing(tmp_path: Path) -> None:
    repo = removed_and_back(tmp_path, kr("b", "B", 90) + kr("c", "C", 20))
    krs, shown = build(repo, tmp_path / "out")
    assert [c["field"] for c in krs["b"]["changes"]] == ["key_result", "key_result"]
    assert [c["field"] for c in krs["c"]["changes"]] == ["key_result"]
    assert not any("less ambitious" in e for e in shown), shown
    # another title under a new id is another key result, as okrsite diff has it
    other = removed_and_back(tmp_path / "other", kr("z", "Z", 80))
    krs, shown = build(other, tmp_path / "out-other")
    assert [c["field"] for c in krs["z"]["changes"]] == ["key_result"]
    assert [c["field"] for c in krs["b"]["changes"]] == ["key_result"]
    assert not any("less ambitious" in e or "id from" in e for e in shown), shown


def test_a_key_result_back_with_its_whole_file_is_judged_across_both_gaps(
    tmp_path: Path,
) -> None:
    """Removed from the objective, then the file removed, then the file
    added back with the key result: compared with its last version."""
    repo = removed_and_back(tmp_path, kr("c", "C", 20))
    repo.git("rm", "-q", FILE)
    repo.git("commit", "-q", "-m", "drop O", who="dave", when="2026-11-25T10:00:00+00:00")
    repo.write(FILE, objective(kr("b", "B", 70)))
    repo.commit("O back", "eve", "2026-11-30T10:00:00+00:00")
    krs, shown = build(repo, tmp_path / "out")
    assert plain(krs["b"]["changes"]) == [
        ("2026-11-10", "key_result", "B", None, False, True, None),
        ("2026-11-30", "key_result", None, "B", False, True, None),
        ("2026-11-30", "target", 90, 70, True, True, None),
    ]
    (eased,) = [e for e in shown if "target 90 → 70" in e]
    assert eased.startswith("2026-11-30 · Eve Moss"), eased
    assert "“B” target 90 → 70 less ambitious mid-cycle" in eased, eased
