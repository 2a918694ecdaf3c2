"""A bare Python build of the corpus: read, parse, convert, write, nothing else.

    python benchmarks/floor.py [--size 10000] [--repeat 3] [--jobs 2] [--like okrsite]

Issue 15 asks for a cold ``okrsite build`` at 0.7 times Hugo's time on the
same files. This script measures how fast a minimal build with the standard
libraries is in Python on this machine (okrsite's own readers are faster
than libyaml and markdown-it-py on the plain forms goal files usually take,
so it is a budget, not a strict floor): for every one of the corpus' 53,000 Markdown files
it reads the bytes, splits off the front matter, loads it with libyaml
(PyYAML's ``CSafeLoader``), converts the body with markdown-it-py (the
parser okrsite uses) and writes one HTML page (the body inside a few lines
of fixed markup, no template engine, no scoring, no links between pages),
in ``--jobs`` forked processes. It is the "minimal Python pipeline" the
issue names. Each run is a fresh interpreter timed from outside (wall and
CPU seconds of the whole process tree), side by side with ``hugo --quiet``
on the Hugo copy of the same files (``corpus-N-hugo/``, made by ``run.py``),
alternating, after the same settling as ``run.py`` (dirty pages written
out, the page cache emptied, the inputs read back) where the runner may.

``--like okrsite`` writes what ``okrsite build`` writes instead of a page
per file: every file is still read, its front matter loaded and its body
converted (a check-in's notes are shown on its objective's page), but pages
are written only for objectives, KPIs, people, teams and pages, with one
small badge file per objective (``badges/<team>/<id>.svg``): 23,000 files
in 14,000 folders, as okrsite's output (Hugo writes 53,000 files in 64,000
folders). That is the floor under issue 11's "faster than Hugo" for
okrsite's own output.

``--one`` runs the pipeline itself in this process (what each timed run
executes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine_probe import describe  # noqa: E402
from run import (  # noqa: E402
    can_settle,
    ensure_corpus,
    ensure_hugo_site,
    find_hugo,
    library_folders,
    settle,
    wall_and_cpu,
)

PAGE = (
    "<!doctype html>\n<html lang=en><meta charset=utf-8><title>{title}</title>\n"
    "<main><h1>{title}</h1>\n{body}</main>\n"
)


BADGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text>{title}</text></svg>\n'
)


def _convert(files: list[tuple[Path, Path | None, Path | None]]) -> int:
    """Read, parse and convert ``files`` ((source, page, badge) triples) and
    write each one's page and badge, where it has them."""
    import html

    import yaml
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    loader = yaml.CSafeLoader
    for source, out, badge in files:
        text = source.read_bytes().decode("utf-8")
        meta: object = {}
        body = text
        if text.startswith("---\n"):
            end = text.find("\n---", 4)
            if end >= 0:
                meta = yaml.load(text[4 : end + 1], Loader=loader)
                body = text[text.find("\n", end + 4) + 1 :]
        title = meta.get("title", source.stem) if isinstance(meta, dict) else source.stem
        converted = md.render(body)
        if out is None:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        page = PAGE.format(title=html.escape(str(title)), body=converted)
        out.write_text(page, encoding="utf-8")
        if badge is not None:
            badge.parent.mkdir(parents=True, exist_ok=True)
            badge.write_text(BADGE.format(title=html.escape(str(title))), encoding="utf-8")
    return len(files)


def run_once(content: Path, out: Path, jobs: int, like: str = "hugo") -> int:
    """The pipeline over every ``.md`` file under ``content`` into ``out``:
    a page per file (``like="hugo"``), or the pages okrsite writes."""
    pairs: list[tuple[Path, Path | None, Path | None]] = []
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).with_suffix("")
        page: Path | None = out / rel / "index.html"
        badge = None
        if like == "okrsite":
            kind = rel.parts[0]
            if kind == "checkins":
                page = None
            elif kind == "objectives":  # and its badge, in a folder per team
                badge = out / "badges" / rel.relative_to("objectives").with_suffix(".svg")
        pairs.append((path, page, badge))
    if jobs <= 1:
        return _convert(pairs)
    import multiprocessing

    chunks = [pairs[i::jobs] for i in range(jobs)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return sum(pool.map(_convert, chunks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--hugo", default=None)
    ap.add_argument(
        "--like",
        choices=("hugo", "okrsite"),
        default="hugo",
        help="write a page per file (as Hugo does), or only the files okrsite writes",
    )
    ap.add_argument("--one", nargs=2, metavar=("CONTENT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        count = run_once(Path(args.one[0]), Path(args.one[1]), args.jobs, args.like)
        print(count)
        return 0
    corpus = ensure_corpus(args.size)
    hugo_site = ensure_hugo_site(corpus, args.size)
    hugo = find_hugo(args.hugo)
    print(describe())
    floor: list[tuple[float, float]] = []
    hugos: list[tuple[float, float]] = []
    settles = can_settle()
    python_inputs = [corpus / "content", *library_folders(sys.executable)]
    for r in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix="okrsite-floor-"))
        try:
            cmd = [sys.executable, __file__, "--jobs", str(args.jobs), "--like", args.like, "--one"]
            if settles:
                settle(python_inputs)
            floor.append(wall_and_cpu([*cmd, str(corpus / "content"), str(work / "py")], HERE))
            if hugo:
                if settles:
                    settle([hugo_site, Path(hugo)])
                hugos.append(wall_and_cpu([hugo, "--quiet", "-d", str(work / "hugo")], hugo_site))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        line = f"run {r + 1}: Python floor {floor[-1][0]:.2f} s wall, {floor[-1][1]:.2f} CPU s"
        if hugos:
            line += f"; Hugo {hugos[-1][0]:.2f} s wall, {hugos[-1][1]:.2f} CPU s"
        print(line, flush=True)
    wall = statistics.median(w for w, _c in floor)
    cpu = statistics.median(c for _w, c in floor)
    print(f"Python floor, median of {len(floor)}: {wall:.2f} s wall, {cpu:.2f} CPU s")
    if hugos:
        hugo_wall = statistics.median(w for w, _c in hugos)
        hugo_cpu = statistics.median(c for _w, c in hugos)
        print(f"Hugo, median of {len(hugos)}: {hugo_wall:.2f} s wall, {hugo_cpu:.2f} CPU s")
        print(
            f"floor / Hugo: {wall / hugo_wall:.2f}x wall (0.7x Hugo would be "
            f"{0.7 * hugo_wall:.2f} s), {cpu / hugo_cpu:.2f}x CPU"
        )
    print(describe())
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
