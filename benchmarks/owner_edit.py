"""`okrsite check` after an owner edit: the edit that makes the cross-file rules run again.

    python benchmarks/owner_edit.py SITE [--okrsite EXE ...] [--runs 4]

Before each run, sets the ``owner:`` of the site's first objective file (in
path order) to a name used nowhere else, so the last check's findings cannot
answer it, then times ``okrsite check --as-of 2026-11-20`` with its own cache
folder per executable. Several ``--okrsite`` executables are run in turn,
run by run, so each figure has its neighbours beside it. The file is put
back afterwards; each executable's package is byte-compiled first, as
``run.py`` does. On the history benchmark's repository
(``history.py --make-only --repo R``) the owners its commits hand over are
not in ``content/people/``: 9,478 warnings at 10,000 objectives.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import compile_package, interpreter_of, wall_and_cpu  # noqa: E402

OWNER = re.compile(r"^owner: .*$", re.M)


def timed_check(exe: str, site: Path, cache: Path) -> tuple[float, float]:
    """(wall s, CPU s of the process tree) of one ``okrsite check``."""
    cmd = [exe, "check", "--as-of", "2026-11-20", "--cache-dir", str(cache)]
    return wall_and_cpu(cmd, site, check=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("site", type=Path)
    ap.add_argument("--okrsite", action="append", help="okrsite executable (repeatable)")
    ap.add_argument("--runs", type=int, default=4)
    args = ap.parse_args(argv)
    exes = args.okrsite or [str(Path(sys.executable).parent / "okrsite")]
    target = sorted((args.site / "content" / "objectives").rglob("*.md"))[0]
    original = target.read_bytes()
    text = original.decode("utf-8")
    if not OWNER.search(text):
        sys.exit(f"{target}: no 'owner:' line to change")
    for exe in exes:  # bytecode written as README's install writes it
        python = interpreter_of(exe)
        if python:
            compile_package(python)
    with tempfile.TemporaryDirectory(prefix="okrsite-owner-edit-") as tmp:
        caches = [Path(tmp) / f"cache-{i}" for i in range(len(exes))]
        try:
            for exe, cache in zip(exes, caches, strict=True):
                timed_check(exe, args.site, cache)  # untimed: fills the cache
            for run in range(1, args.runs + 1):
                for n, (exe, cache) in enumerate(zip(exes, caches, strict=True)):
                    edited = OWNER.sub(f"owner: nobody-{n}-{run}", text, count=1)
                    target.write_text(edited, encoding="utf-8")
                    wall, cpu = timed_check(exe, args.site, cache)
                    print(f"run {run}: {exe}: {wall:.2f} s wall, {cpu:.2f} CPU s", flush=True)
        finally:
            target.write_bytes(original)
    return 0


if __name__ == "__main__":
    sys.exit(main())
