"""What reading the git history costs a build: first build, and a rebuild after one commit.

    python benchmarks/history.py [--objectives 10000] [--commits 200] [--share 0.05] [--repeat 3]

makes ``benchmarks/corpus-history-N/`` once: the generator's corpus of N
objectives (``generate.py``), committed, then ``--commits`` commits that each
edit ``--share`` of the objective files (a key result's target moved up or
down by a tenth, or the owner handed to someone else), by five authors a few
hours apart. Then it times ``okrsite build --as-of 2026-11-20`` into a fresh
folder each time (wall clock, median of ``--repeat`` runs):

* ``without``: ``--no-history``;
* ``first``: with history and no cache (``.okrsite-cache/`` removed first);
* ``after one commit``: one more such commit, then a build with history
  (the cache holds every commit but the new one) next to one without.

The targets: first build within 1.5x of the build without history, the
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
    else:  # naming the files spares git a scan of all 53,000
        listing = "".join(f"{p.relative_to(repo).as_posix()}\0" for p in paths)
        full = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        subprocess.run(
            ["git", "add", "--pathspec-from-file=-", "--pathspec-file-nul"],
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


def make_repo(n: int, commits: int, share: float) -> Path:
    repo = HERE / f"corpus-history-{n}"
    marker = repo / ".bench-done"
    if marker.is_file() and marker.read_text() == f"{commits} {share}":
        return repo
    if repo.exists():
        shutil.rmtree(repo)
    t = time.perf_counter()
    generate(repo, n)
    (repo / ".gitignore").write_text(".bench-done\ncorpus.json\n")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "The goals as generated", 0)
    files = sorted((repo / "content/objectives").rglob("*.md"))
    rng = random.Random(2026)
    for i in range(1, commits + 1):
        touched = edit_some(repo, files, share, rng)
        commit(repo, f"Quarterly review round {i}: {len(touched)} objectives", i, touched)
    marker.write_text(f"{commits} {share}")
    print(f"made {repo.name}: {commits + 1} commits in {time.perf_counter() - t:.0f} s")
    return repo


def build(repo: Path, *extra: str) -> float:
    out = Path(tempfile.mkdtemp(prefix="okrsite-bench-"))
    try:
        cmd = [sys.executable, "-m", "okrsite", "build", "--as-of", "2026-11-20"]
        t = time.perf_counter()
        subprocess.run(
            [*cmd, "--out", str(out / "site"), *extra],
            cwd=repo,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - t
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--objectives", "-n", type=int, default=10000)
    ap.add_argument("--commits", type=int, default=200)
    ap.add_argument("--share", type=float, default=0.05)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--after-only",
        action="store_true",
        help="only the rebuild after one commit (the cache must be there from an earlier run)",
    )
    args = ap.parse_args(argv)
    repo = make_repo(args.objectives, args.commits, args.share)
    cache = repo / ".okrsite-cache"
    without, first, after, after_without = [], [], [], []
    rng = random.Random(os.getpid())
    files = sorted((repo / "content/objectives").rglob("*.md"))
    for r in range(0 if args.after_only else args.repeat):
        without.append(build(repo, "--no-history"))
        shutil.rmtree(cache, ignore_errors=True)
        first.append(build(repo))
        print(f"run {r + 1}: without {without[-1]:.2f} s, first with history {first[-1]:.2f} s")
    for r in range(args.repeat):
        touched = edit_some(repo, files, args.share, rng)
        commit(repo, f"One more round {r}", args.commits + 1 + r, touched)
        after.append(build(repo))
        after_without.append(build(repo, "--no-history"))
        print(
            f"after one commit {r + 1}: {after[-1]:.2f} s, without history {after_without[-1]:.2f} s"
        )
    git(repo, "reset", "-q", "--hard", f"HEAD~{args.repeat}")  # leave the repository as made
    a, aw = statistics.median(after), statistics.median(after_without)
    if without:
        w, f = statistics.median(without), statistics.median(first)
        print(f"without history: {w:.2f} s")
        print(f"first build with history: {f:.2f} s = {f / w:.2f}x (target 1.5x)")
    print(
        f"rebuild after one commit: {a:.2f} s vs {aw:.2f} s without = {a / aw:.2f}x (target 1.1x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
