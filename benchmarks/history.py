"""What reading the git history costs a build: first build, and a rebuild after one commit.

    python benchmarks/history.py [--objectives 10000] [--commits 200] [--share 0.05] [--repeat 3]

makes ``benchmarks/corpus-history-N/`` once: the generator's corpus of N
objectives (``generate.py``), committed, then ``--commits`` commits that each
edit ``--share`` of the objective files (a key result's target moved up or
down by a tenth, or the owner handed to someone else), by five authors a few
hours apart, and its objects packed as git's automatic ``gc`` packs them. Then it times ``okrsite build --as-of 2026-11-20`` into a fresh
folder each time (wall clock and CPU seconds of the whole process tree,
median of ``--repeat`` runs). Every timed build gets its own copy of one
cache folder (``--cache-dir``), filled by an untimed build beforehand, so
builds with and without history start from the same parse cache:

* ``without``: ``--no-history``;
* ``first``: with history and none of it cached yet;
* ``first, nothing cached``: the same two builds from an empty cache folder,
  as a fresh clone, a CI job without a cache, or the first build after
  upgrading okrsite (a new version does not use the old parse cache) meets
  them: the first build with history a team actually runs;
* ``after one commit``: one more such commit, then a build with history
  (the cache holds every commit but the new one) next to one without, each
  from the cache folder its own kind of build left before the commit.

The targets: first build within 1.5x of the build without history (both
pairs are printed: with the parse cache warm and with nothing cached), the
rebuild after one commit within 1.1x.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from machine_probe import describe  # noqa: E402
from run import compile_package, wall_and_cpu  # noqa: E402

AUTHORS = [
    ("Ada Park", "ada@example.com"),
    ("Ben Cole", "ben@example.com"),
    ("Cleo Ruiz", "cleo@example.com"),
    ("Dev Shah", "dev@example.com"),
    ("Eli Wong", "eli@example.com"),
]
TARGET = re.compile(r"^(    target: )([0-9.]+)$", re.M)
OWNER = re.compile(r"^owner: (\S+)$", re.M)


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    full = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        **(env or {}),
    }
    proc = subprocess.run(
        ["git", *args], cwd=repo, env=full, capture_output=True, text=True, check=True
    )
    return proc.stdout


def commit(repo: Path, message: str, number: int, paths: list[Path] | None = None) -> None:
    name, email = AUTHORS[number % len(AUTHORS)]
    stamp = f"{1790000000 + number * 6 * 3600} +0000"
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    if paths is None:
        git(repo, "add", "-A", env=env)
    else:  # naming the files spares git a scan of all 53,000 (and a pathspec match per entry)
        listing = "".join(f"{p.relative_to(repo).as_posix()}\0" for p in paths)
        full = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        subprocess.run(
            ["git", "update-index", "--add", "-z", "--stdin"],
            cwd=repo,
            env=full,
            input=listing.encode(),
            check=True,
        )
    git(repo, "commit", "-q", "--no-verify", "-m", message, env=env)


def edit_some(repo: Path, files: list[Path], share: float, rng: random.Random) -> list[Path]:
    """Move a target or hand over ownership in ``share`` of the files."""
    chosen = rng.sample(files, max(1, int(len(files) * share)))
    owners = ["ada-park", "ben-cole", "cleo-ruiz"]
    for path in chosen:
        text = path.read_text("utf-8")
        if rng.random() < 0.7 and TARGET.search(text):
            m = TARGET.search(text)
            assert m is not None
            moved = round(float(m.group(2)) * rng.choice((0.9, 1.1)), 2)
            text = text[: m.start(2)] + str(moved) + text[m.end(2) :]
        else:
            text = OWNER.sub(f"owner: {rng.choice(owners)}", text, count=1)
        path.write_text(text, "utf-8")
    return chosen


def make_repo(n: int, commits: int, share: float, where: Path | None = None) -> Path:
    repo = where or HERE / f"corpus-history-{n}"
    marker = repo / ".bench-done"
    if marker.is_file() and marker.read_text() == f"{commits} {share}":
        pack(repo)
        return repo
    if repo.exists():
        shutil.rmtree(repo)
    t = time.perf_counter()
    generate(repo, n)
    (repo / ".gitignore").write_text(".bench-done\ncorpus.json\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "gc.auto", "0")  # no repack in the middle of making it
    commit(repo, "The goals as generated", 0)
    files = sorted((repo / "content/objectives").rglob("*.md"))
    rng = random.Random(2026)
    for i in range(1, commits + 1):
        touched = edit_some(repo, files, share, rng)
        commit(repo, f"Quarterly review round {i}: {len(touched)} objectives", i, touched)
    pack(repo)
    marker.write_text(f"{commits} {share}")
    print(f"made {repo.name}: {commits + 1} commits in {time.perf_counter() - t:.0f} s")
    return repo


def pack(repo: Path) -> None:
    """Pack the repository's objects, as git's automatic ``gc`` does in a user's
    repository (past 6,700 loose objects; the commits above leave 200,000).

    Reading 200,000 loose objects, one file each, is not what a team's
    clone looks like: measured on 2026-11-30, ``git log --raw`` of the 201
    commits took 2.2 s loose and 0.8 s packed.
    """
    loose = re.search(r"^count: (\d+)", git(repo, "count-objects", "-v"), re.M)
    if loose is None or int(loose[1]) > 6700:
        git(repo, "repack", "-a", "-d", "-q")
        git(repo, "prune-packed")


# Folders to remove after the last timed build, not between builds: on this
# machine's file system (ext4 without a journal) creating a file within
# minutes of removing many costs several times the kernel time
# (machine_probe.py), so a removal would slow the build after it.
TRASH: list[Path] = []


def discard(folder: Path) -> None:
    """Set ``folder`` aside (renamed, so its name is free again) for removal at the end."""
    if folder.exists():
        aside = Path(tempfile.mkdtemp(prefix="okrsite-bench-trash-"))
        folder.rename(aside / "x")
        TRASH.append(aside)


def build(repo: Path, cache: Path, *extra: str) -> tuple[float, float]:
    """(wall s, CPU s of the whole process tree) of one build into a fresh folder."""
    out = Path(tempfile.mkdtemp(prefix="okrsite-bench-"))
    TRASH.append(out)
    cmd = [sys.executable, "-m", "okrsite", "build", "--as-of", "2026-11-20"]
    return wall_and_cpu([*cmd, "--out", str(out / "site"), "--cache-dir", str(cache), *extra], repo)


def copy_cache(source: Path, dest: Path, history: bool) -> Path:
    """A copy of a cache folder, with or without what the history stored in it.

    Every timed build gets its own copy, so builds with and without history
    start from the same parse cache and neither writes into the other's.
    """
    discard(dest)
    shutil.copytree(source, dest)
    if not history:
        for entry in dest.iterdir():
            if entry.name.startswith("history"):
                (shutil.rmtree if entry.is_dir() else Path.unlink)(entry)
    return dest


def empty(folder: Path) -> Path:
    """An empty cache folder: a build from it parses every file and reads all history."""
    discard(folder)
    folder.mkdir()
    return folder


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    walls = ", ".join(f"{w:.2f}" for w, _ in runs)
    cpus = ", ".join(f"{c:.2f}" for _, c in runs)
    return f"{name}: wall {walls} s; CPU {cpus} s"


def _pair(
    title: str,
    prefix: str,
    without: list[tuple[float, float]],
    with_history: list[tuple[float, float]],
    target: float,
) -> None:
    """Both series of a pair, then their medians' ratios against the target."""
    print(_line(f"{prefix}without history", without))
    print(_line(f"{prefix}with history", with_history))
    (w, wc), (h, hc) = _median(without), _median(with_history)
    print(
        f"{title}: {h:.2f} s vs {w:.2f} s = {h / w:.2f}x wall, "
        f"{hc:.2f} vs {wc:.2f} CPU s = {hc / wc:.2f}x CPU (target {target}x)"
    )


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--objectives", "-n", type=int, default=10000)
    ap.add_argument("--commits", type=int, default=200)
    ap.add_argument("--share", type=float, default=0.05)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--repo",
        type=Path,
        help="where to make (or reuse) the repository; default benchmarks/corpus-history-N",
    )
    ap.add_argument("--make-only", action="store_true", help="make the repository, time nothing")
    ap.add_argument(
        "--after-only",
        action="store_true",
        help="time only the rebuild after one commit (one untimed first build fills the cache)",
    )
    args = ap.parse_args(argv)
    repo = make_repo(args.objectives, args.commits, args.share, args.repo)
    if args.make_only:
        return 0
    # bytecode written as README's install writes it (see run.compile_package)
    compile_package(sys.executable)
    work = Path(tempfile.mkdtemp(prefix="okrsite-bench-cache-"))
    before = describe()  # the machine's phase (machine_probe.py)
    print(before, flush=True)
    try:
        return _measure(repo, work, args)
    finally:
        print(f"before the runs: {before}\nafter the runs: {describe()}")
        for folder in [*TRASH, work]:
            shutil.rmtree(folder, ignore_errors=True)


def _measure(repo: Path, work: Path, args: argparse.Namespace) -> int:
    parse_only = work / "parse"
    held = work / "held"  # parse cache and the history of every commit but the newest
    build(repo, parse_only, "--no-history")  # untimed: fills the parse cache
    without: list[tuple[float, float]] = []
    first: list[tuple[float, float]] = []
    cold_without: list[tuple[float, float]] = []
    cold_first: list[tuple[float, float]] = []
    after: list[tuple[float, float]] = []
    after_without: list[tuple[float, float]] = []
    rng = random.Random(os.getpid())
    files = sorted((repo / "content/objectives").rglob("*.md"))
    for r in range(0 if args.after_only else args.repeat):
        without.append(build(repo, copy_cache(parse_only, work / "t", False), "--no-history"))
        first.append(build(repo, copy_cache(parse_only, work / "t", False)))
        print(f"run {r + 1}: without {without[-1]}, first with history {first[-1]} (wall, CPU s)")
        cold_without.append(build(repo, empty(work / "c"), "--no-history"))
        cold_first.append(build(repo, empty(work / "c")))
        print(
            f"run {r + 1}, nothing cached: without {cold_without[-1]}, "
            f"with history {cold_first[-1]} (wall, CPU s)"
        )
    if args.after_only:  # untimed: the history of every commit so far
        build(repo, copy_cache(parse_only, work / "t", False))
    discard(held)
    (work / "t").rename(held)
    # Each side of the rebuild pair starts from the cache its own kind of
    # build left: a site built without history keeps its pages' pieces under
    # settings without history, and a build without history from the cache
    # of a build with it keeps none of them (the settings differ), so it
    # would render every piece anew and flatter the ratio (sessions up to
    # 51 measured it so).
    held_without = work / "held-without"
    build(repo, copy_cache(parse_only, work / "u", False), "--no-history")  # untimed
    discard(held_without)
    (work / "u").rename(held_without)
    for r in range(args.repeat):
        touched = edit_some(repo, files, args.share, rng)
        commit(repo, f"One more round {r}", args.commits + 1 + r, touched)
        after.append(build(repo, copy_cache(held, work / "t", True)))
        after_without.append(
            build(repo, copy_cache(held_without, work / "u", False), "--no-history")
        )
        print(f"after one commit {r + 1}: {after[-1]}, without history {after_without[-1]}")
        for source, kept in ((work / "t", held), (work / "u", held_without)):
            discard(kept)
            source.rename(kept)
    git(repo, "reset", "-q", "--hard", f"HEAD~{args.repeat}")  # leave the repository as made
    if without:
        _pair("first build, parse cache warm", "", without, first, 1.5)
        _pair("first build, nothing cached", "nothing cached, ", cold_without, cold_first, 1.5)
    _pair("rebuild after one commit", "after one commit, ", after_without, after, 1.1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
