"""A history timeline known by what it reads: every kind of change still shows.

``okrsite build`` with its cache knows each objective's and KPI's timeline by
a fingerprint of what computing it reads (``timeline_key``), so that after a
new commit it neither computes nor prints the timelines the commit left
alone. A key that missed an input would publish a stale timeline. So this
test walks a site in git through every kind of change a timeline shows
(a target moved, an owner handed over and renamed, a team renamed, a check-in
written and then committed, a CSV row, a ``current:`` value, a file renamed,
another as_of), builds with the cache after each, and holds every output file
to a build without any cache of the same files.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from conftest import REPO
from gitrepo import Repo

from okrsite.build import build_site

AS_OF = date(2026, 11, 20)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def replace_in(repo: Repo, rel: str, old: str, new: str) -> None:
    path = repo.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(repo: Repo, rel: str, text: str) -> None:
    with (repo.root / rel).open("a", encoding="utf-8") as fh:
        fh.write(text)


def test_every_change_a_timeline_shows_reaches_the_cached_build(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    shutil.copytree(REPO / "content", repo.root / "content")
    shutil.copy(REPO / "okrsite.toml", repo.root / "okrsite.toml")
    repo.write(".gitignore", "_site/\n.okrsite-cache/\n")
    repo.commit("The portfolio", "alice", "2026-11-02T10:00:00+00:00")
    site = repo.root
    day = iter(range(3, 30))

    def commit(message: str, who: str = "bob") -> Callable[[], None]:
        def step() -> None:
            repo.commit(message, who, f"2026-11-{next(day):02d}T10:00:00+00:00")

        return step

    q4 = "content/objectives/sales/q4-bookings.md"
    checkin = "content/checkins/2026-11-20-sales-q4-bookings-late.md"
    steps: list[tuple[str, Callable[[], None]]] = [
        ("a target moved", lambda: replace_in(repo, q4, "target: 60", "target: 62")),
        ("... committed", commit("Ease the sales cycle target")),
        (
            "the owner handed over",
            lambda: replace_in(repo, q4, "owner: daniel-okafor", "owner: Sofia Lindqvist"),
        ),
        ("... committed", commit("Sofia takes Q4 bookings")),
        (
            "the new owner renamed (her file's title)",
            lambda: replace_in(
                repo,
                "content/people/sofia-lindqvist.md",
                "title: Sofia Lindqvist",
                "title: Sofia Lindqvist-Berg",
            ),
        ),
        ("the team changed", lambda: replace_in(repo, q4, "team: sales", "team: leadership")),
        ("... committed", commit("Bookings move to the leadership team")),
        (
            "that team renamed",
            lambda: replace_in(
                repo, "content/teams/leadership.md", "title: Leadership team", "title: Exec team"
            ),
        ),
        (
            "a check-in written, not committed yet",
            lambda: repo.write(
                checkin,
                "---\nobjective: sales/q4-bookings\ndate: 2026-11-20\nauthor: daniel-okafor\n"
                "values: {sales-cycle: 64}\n---\nDown to 64 days.\n",
            ),
        ),
        ("... committed a week late", commit("Late check-in", who="alice")),
        (
            "a CSV row of a KPI",
            lambda: append(repo, "content/data/copilot-weekly-active.csv", "2026-11-19,131\n"),
        ),
        ("... committed", commit("Copilot weekly actives")),
        (
            "a current: value",
            lambda: replace_in(
                repo,
                "content/objectives/company/trusted-platform.md",
                "current: 640",
                "current: 700",
            ),
        ),
        ("... committed", commit("Update the platform figure")),
        ("a commit outside the content", lambda: repo.write("NOTES.md", "Notes.\n")),
        ("... committed", commit("Notes")),
    ]
    result = build_site(site, as_of=AS_OF)
    assert result.ok, result.diagnostics
    seen: list[int] = []
    for name, step in [*steps, ("as_of a day later", lambda: None)]:
        step()
        as_of = date(2026, 11, 21) if name.startswith("as_of") else AS_OF
        cached = build_site(site, as_of=as_of)
        assert cached.ok, (name, cached.diagnostics)
        seen.append(int(cached.timings.get("timelines reused", 0)))
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        fresh = build_site(site, out_dir=cold, as_of=as_of, history_cache=False)
        assert fresh.ok, (name, fresh.diagnostics)
        got, expected = files_of(site / "_site"), files_of(cold)
        assert sorted(got) == sorted(expected), name
        stale = [k for k in expected if got[k] != expected[k]]
        assert stale == [], f"after {name!r}: stale {stale[:10]}"
    # the kept timelines were used along the way, not drawn again every time
    assert max(seen) > 0
    page = (site / "_site/objectives/sales/q4-bookings/index.html").read_text(encoding="utf-8")
    assert "Sofia Lindqvist-Berg" in page and "Exec team" in page
