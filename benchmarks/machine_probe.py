"""What creating a file costs on this machine now, to read the other figures by.

On the 2-core benchmark machine the time the kernel takes to create a file
(allocate its inode) swings between about 20 µs and 850 µs from one minute
to the next, on the same disk and folder (measured 2026-12-03, 02:40-03:25
UTC: 20-22 µs in one minute, 330-600 µs a few minutes later, 855 µs at the
end of a benchmark). A build of 10,000 objectives creates 23,070 files and
13,740 folders, and Hugo on the same corpus about twice as many; at 500 µs
a file that is some 12 CPU seconds of kernel time for okrsite alone, much
of the difference between the machine's "fast" and "slow" phases that
earlier figures name. So ``run.py`` and ``history.py`` print this probe
before and after their runs:

    python benchmarks/machine_probe.py [FOLDER]

The cause (found 2026-12-04): the machine's root file system is ext4
*without a journal* (``/proc/fs/jbd2/`` is empty), and there ext4's inode
allocator skips every inode freed in the last minute (five more while its
inode-table block is still unwritten: ``recently_deleted`` in
``fs/ext4/ialloc.c``, seen with ``perf record -g``), reading each one's
block to know. Right after a build's 23,000 output files are removed, the
next build's every new file walks past thousands of them: 12,000 folders
and 23,000 files of 22 KB took 0.9 + 1.4 s of system CPU on a settled file
system and 4.7 + 9.8 s right after two like trees were removed. So neither
``run.py`` nor ``history.py`` removes an output folder until the last timed
run is over; the settling of ``run.py`` (``sync`` and emptying the page
cache, which drops the blocks that check reads) helps too. A journaled
file system, as most users have, has no such check.

The probe creates 2,000 files of 20 KB in a new folder under FOLDER
(default: the temporary folder, where the benchmarks write their output),
removes them,
and prints the median cost of one, in µs, of four rounds of 500; and the
time of a fixed piece of pure Python work, to tell a slow file system from
a slow processor.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def file_creation_us(folder: str | Path | None = None, files: int = 2000) -> float:
    """Median µs to create and write one 20 KB file (four rounds of files / 4)."""
    base = Path(tempfile.mkdtemp(prefix="okrbench-probe-", dir=folder))
    data = b"x" * 20_000
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    rounds = []
    try:
        per_round = max(1, files // 4)
        for r in range(4):
            sub = base / str(r)
            sub.mkdir()
            prefix = os.fspath(sub)
            started = time.perf_counter()
            for i in range(per_round):
                fd = os.open(f"{prefix}/{i}.html", flags, 0o666)
                os.write(fd, data)
                os.close(fd)
            rounds.append((time.perf_counter() - started) / per_round * 1e6)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return round(statistics.median(rounds), 1)


def python_loop_ms() -> float:
    """Median ms of three runs of a fixed piece of pure Python work (no system
    calls): the processor's own speed now, to tell a slow processor (another
    machine's load on the same host) from a slow file system."""
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i & 7
        rounds.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(rounds), 1)


def describe(folder: str | Path | None = None) -> str:
    """Both probes, in one line."""
    return (
        f"creating a file: {file_creation_us(folder):.0f} µs; "
        f"fixed Python work: {python_loop_ms():.0f} ms (machine_probe.py)"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(describe(args[0] if args else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
