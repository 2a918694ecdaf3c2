"""The history cache is read only by the code that wrote it (audit 44,
upgrader): its key named okrsite's version but not its code, so a cache
written by this morning's build of the same version was read by this
afternoon's, whose owners are read otherwise ("owner tbd → diaz" on a
timeline where a cold read says "— → Uma Diaz"); and every version, default
cycle and language left its own files, so the folder only grew. Segment
files now carry the code's fingerprint, and a save drops other code's.

Real builds through the CLI in a real git repository, the second one by a
copy of okrsite whose source differs by one comment (another code, the same
version; the first build, by this code, runs in the test's own process)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import copy_example, run_cli
from gitrepo import Repo

ROOT = Path(__file__).resolve().parents[1]


def _build(code: Path, site: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-m", "okrsite", "build", "--site", str(site), "--out", str(out)],
        env=env,
        cwd=site.parent,  # python -m puts the working folder first on the path
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


def test_other_codes_history_segments_are_neither_read_nor_kept(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    copy_example(repo.root)
    repo.commit("The example site", "alice", "2026-10-01T10:00:00+00:00")
    history = repo.root / ".okrsite-cache/history"

    # this code's build in this process: only the other code needs its own
    code, output = run_cli("build", "--site", str(repo.root), "--out", str(tmp_path / "one"))
    assert code == 0, output
    first = sorted(p.name for p in history.glob("*.pickle"))
    assert first, "the build kept no history segment"

    other = tmp_path / "other"
    shutil.copytree(
        ROOT / "okrsite", other / "okrsite", ignore=shutil.ignore_patterns("__pycache__")
    )
    module = other / "okrsite/history_events.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# another build of okrsite\n")
    shutil.copytree(ROOT / "themes", other / "themes")
    _build(other, repo.root, tmp_path / "two")
    second = sorted(p.name for p in history.glob("*.pickle"))
    assert second and not set(first) & set(second), (first, second)
    tags = {name.split("-")[0] for name in second}
    assert len(tags) == 1 and tags != {name.split("-")[0] for name in first}

    # the pages the other code built read the history itself: the same
    # timeline as a build without any cache
    _build(other, repo.root, tmp_path / "three")
    page = "objectives/company/grow-arr/index.html"
    assert (tmp_path / "two" / page).read_bytes() == (tmp_path / "three" / page).read_bytes()
