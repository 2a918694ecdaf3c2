"""What a new commit costs ``okrsite serve``: the preview's rebuild after HEAD moves.

    python benchmarks/serve_commit.py [--repo DIR] [--commits 3] [--share 0.05]

Copies the history benchmark's repository (``benchmarks/corpus-history-10000``,
made by ``history.py``: 10,000 objectives, 201 commits) to a temporary folder,
starts :class:`okrsite.preview.Preview` on it (no watcher, no browser: each
rebuild is asked for, as the watcher asks after a commit) and times:

* ``first``: the preview's first rebuild (every page, the history read);
* ``after a commit``, ``--commits`` times: one commit that edits ``--share``
  of the objective files as ``history.py``'s commits do (made with git
  outside the preview, as a user commits in a terminal), then the rebuild.

For each: wall seconds, CPU seconds of this process, the pages rendered
(``RebuildReport.pages``) and the load average, because a shared machine's
other jobs show in every figure. Run it with ``PYTHONPATH`` set to the code
to measure, side by side with another checkout's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from history import commit, edit_some  # noqa: E402

AS_OF = date(2026, 11, 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE / "corpus-history-10000")
    parser.add_argument("--commits", type=int, default=3)
    parser.add_argument("--share", type=float, default=0.05)
    args = parser.parse_args(argv)
    from okrsite.preview import Preview

    print(f"okrsite from {Path(sys.modules['okrsite.preview'].__file__ or '').parent}")
    with tempfile.TemporaryDirectory(prefix="serve-commit-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(args.repo, repo, symlinks=True)
        files = sorted((repo / "content" / "objectives").rglob("*.md"))
        rng = random.Random(49)
        preview = Preview(repo, port=0, as_of=AS_OF, echo=lambda _m: None)
        try:
            for step in range(args.commits + 1):
                if step:
                    chosen = edit_some(repo, files, args.share, rng)
                    commit(repo, f"Serve benchmark commit {step}", 900 + step, chosen)
                load = os.getloadavg()[0]
                wall, cpu = time.perf_counter(), time.process_time()
                report = preview.rebuild()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                assert report.ok, [d for d in report.diagnostics if d.is_error][:3]
                name = "first" if not step else f"after commit {step}"
                print(
                    f"{name:>16}: {wall:7.2f} s wall {cpu:7.2f} s CPU "
                    f"{report.pages:6d} pages  load {load:.1f}"
                )
        finally:
            preview.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
