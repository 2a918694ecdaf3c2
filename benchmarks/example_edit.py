"""``okrsite build`` after one edit of the example site, with the cache (issue 15: under 0.3 s).

    python benchmarks/example_edit.py [--okrsite EXE ...] [--runs 10] [--git]
                                      [--site DIR] [--as-of DATE]

Copies the repository's example site (``content/`` and ``okrsite.toml``) to a
temporary folder, builds it once per executable with its own output and
cache folders (untimed), then, run after run, moves one key result's target
of ``customer-success/retention.md`` between two values and times
``okrsite build --out OUT --cache-dir CACHE`` for each executable in turn,
so each figure has its neighbours beside it. ``--git`` makes the copy a git
repository with one commit, so the build reads its history too, as README's
build of ``content/`` in this repository does. ``--site DIR`` takes another
site instead (``benchmarks/corpus-10000``, say: issue 15's "under 2 s at
10,000 objectives"), whose first objective file with a numeric target is
the one edited, as ``run.py``'s ``build-edit`` edits it; ``--as-of`` passes
a date to every build (``run.py`` builds the corpora as of 2026-11-20).
Prints every run and each executable's minimum and median wall time and
median CPU seconds. Each executable's package is byte-compiled first, as
``pip install .`` compiles it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import compile_package, interpreter_of, wall_and_cpu  # noqa: E402

REPO = HERE.parent
EDITED = Path("content/objectives/customer-success/retention.md")
TARGET = re.compile(r"^([ \t]+target: )([0-9]+(?:\.[0-9]+)?)$", re.M)


def edited_file(site: Path, given: bool) -> Path:
    """The example's objective, or a given site's first objective file with a target."""
    if not given:
        return site / EDITED
    for path in sorted((site / "content" / "objectives").rglob("*.md")):
        if TARGET.search(path.read_text(encoding="utf-8")):
            return path
    sys.exit(f"{site}: no objective with a numeric key result target")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--okrsite", action="append", help="okrsite executable (repeatable)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--git", action="store_true", help="build in a git repository (history read)")
    ap.add_argument("--site", type=Path, help="another site to copy (default: the example)")
    ap.add_argument("--as-of", help="as_of date for every build (YYYY-MM-DD)")
    args = ap.parse_args(argv)
    exes = args.okrsite or [str(Path(sys.executable).parent / "okrsite")]
    for exe in exes:
        python = interpreter_of(exe)
        if python:
            compile_package(python)
    with tempfile.TemporaryDirectory(prefix="okrsite-example-edit-") as tmp:
        site = Path(tmp) / "site"
        source = args.site or REPO
        shutil.copytree(source / "content", site / "content")
        shutil.copy2(source / "okrsite.toml", site / "okrsite.toml")
        if args.git:
            env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
            for cmd in (
                ["git", "init", "-q"],
                ["git", "add", "-A"],
                [
                    "git",
                    "-c",
                    "user.name=B",
                    "-c",
                    "user.email=b@example.com",
                    "commit",
                    "-qm",
                    "x",
                ],
            ):
                subprocess.run(cmd, cwd=site, env=env, check=True)
        file = edited_file(site, args.site is not None)
        original = file.read_text(encoding="utf-8")
        match = TARGET.search(original)
        if match is None:
            sys.exit(f"{file}: no key result target to change")
        values = [match.group(2), str(float(match.group(2)) + 1)]
        folders = [(Path(tmp) / f"out-{i}", Path(tmp) / f"cache-{i}") for i in range(len(exes))]

        def build(exe: str, out: Path, cache: Path) -> tuple[float, float]:
            cmd = [exe, "build", "--out", str(out), "--cache-dir", str(cache)]
            if args.as_of:
                cmd += ["--as-of", args.as_of]
            return wall_and_cpu(cmd, site)

        for exe, (out, cache) in zip(exes, folders, strict=True):
            build(exe, out, cache)  # untimed: fills the output and cache folders
        walls: dict[str, list[float]] = {exe: [] for exe in exes}
        cpus: dict[str, list[float]] = {exe: [] for exe in exes}
        for run in range(1, args.runs + 1):
            for exe, (out, cache) in zip(exes, folders, strict=True):
                value = values[run % 2]  # each build sees a change from its last
                file.write_text(TARGET.sub(rf"\g<1>{value}", original, count=1), encoding="utf-8")
                wall, cpu = build(exe, out, cache)
                walls[exe].append(wall)
                cpus[exe].append(cpu)
                print(f"run {run}: {exe}: {wall:.3f} s wall, {cpu:.3f} CPU s", flush=True)
        for exe, times in walls.items():
            print(
                f"{exe}: min {min(times):.3f} s, median {statistics.median(times):.3f} s, "
                f"median {statistics.median(cpus[exe]):.3f} CPU s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
