"""Save → browser latency of ``okrsite serve`` (live preview).

    python benchmarks/serve_latency.py                      # the example site, 20 saves
    python benchmarks/serve_latency.py --site benchmarks/corpus-10000   # 10 saves

Copies the site (``content/`` and ``okrsite.toml``) to a temporary folder, starts
:class:`okrsite.preview.Preview` on it (127.0.0.1, a free port), opens one
objective's page in headless Chromium (Debian's ``/usr/bin/chromium`` through
Playwright) and then, N times, rewrites that objective's ``title:`` on disk with
a unique token. Each latency is timed from just before the write to the moment
``page.wait_for_function`` sees the token in the document: the page reloads
itself (the server pushes a reload over Server-Sent Events), nothing is done in
the page by the benchmark. Between saves it waits until the watcher is idle and
the reloaded page listens again, so each figure is one save on a quiet preview.

Reported: min / median / p95 / max of the latencies (p95 by nearest rank), the
server-side rebuild time of each save (``preview.last.seconds``) and its split
into load (read, parse, resolve, score), plan (theme, which pages the change
touched), pages and assets (rendering) and sync (writing changed files),
measured by wrapping those calls; when the rebuild wrote the page in view
first and reloaded the tab before rendering the rest, ``server_ms`` runs to
that moment and ``rebuild_total_ms`` to the end of the rebuild; plus the load average
(``os.getloadavg()``) before and after, because a shared machine's other jobs
show up in every figure. The result is written to
``benchmarks/results/serve-latency-<name>.json``.

Targets (from the issue): p95 < 300 ms on the example site, < 1.5 s at 10,000
objectives. ``benchmarks/corpus-<N>`` is generated with ``generate.py`` when
missing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
CHROMIUM = "/usr/bin/chromium"
AS_OF = date(2026, 11, 20)
#: Target p95 (ms) by site name; other sites are measured without a target.
TARGETS_MS = {"example": 300.0, "corpus-10000": 1500.0}
#: The example site's objective (a team objective with a parent and check-ins).
EXAMPLE_OBJECTIVE = "content/objectives/sales/q4-bookings.md"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 1),
        "median": round(statistics.median(values), 1),
        "p95": round(percentile(values, 95), 1),
        "max": round(max(values), 1),
    }


def ensure_site(site: Path) -> None:
    """Generate ``benchmarks/corpus-N`` if it is missing."""
    if (site / "okrsite.toml").exists():
        return
    found = re.fullmatch(r"corpus-(\d+)", site.name)
    if not found:
        sys.exit(f"{site}: no okrsite.toml")
    n = found.group(1)
    print(f"generating {site} ({n} objectives) ...", flush=True)
    subprocess.run(
        [sys.executable, str(BENCH_DIR / "generate.py"), str(site), "--objectives", n],
        check=True,
    )


def copy_site(site: Path, dest: Path) -> None:
    shutil.copytree(site / "content", dest / "content")
    shutil.copy2(site / "okrsite.toml", dest / "okrsite.toml")


def pick_objective(site: Path) -> str:
    """The objective to edit: the example's, else the middle one in path order."""
    if (site / EXAMPLE_OBJECTIVE).is_file():
        return EXAMPLE_OBJECTIVE
    files = sorted((site / "content/objectives").rglob("*.md"))
    if not files:
        sys.exit(f"{site}: no objectives under content/objectives/")
    return files[len(files) // 2].relative_to(site).as_posix()


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^title: .*$", lambda _: f"title: {title}", text, count=1)
    if n != 1:
        raise SystemExit(f"{path}: no title: line")
    path.write_text(new, encoding="utf-8")


class Phases:
    """Times load / render / sync of each rebuild by wrapping the three calls.

    Also keeps when the first of them started and the last one ended
    (``perf_counter`` seconds), to split a latency into noticing the save,
    rebuilding, and the browser's part.
    """

    def __init__(self) -> None:
        self.current: dict[str, float] = {}
        self.started: float | None = None
        self.ended: float | None = None

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            if self.started is None:
                self.started = started
            try:
                return fn(*args, **kwargs)
            finally:
                self.ended = time.perf_counter()
                self.current[name] = self.current.get(name, 0.0) + self.ended - started

        return timed

    def take(self) -> tuple[dict[str, float], float | None, float | None]:
        got, started, ended = self.current, self.started, self.ended
        self.current, self.started, self.ended = {}, None, None
        return {k: round(v * 1000, 1) for k, v in got.items()}, started, ended


@contextmanager
def instrumented(phases: Phases) -> Iterator[None]:
    import okrsite.preview as preview_module
    import okrsite.render as render_module

    cls = preview_module.Preview
    renderer = render_module.SiteRenderer
    saved = (preview_module.load_site, cls.plan, renderer.render_pages, renderer.render_assets)
    preview_module.load_site = phases.wrap("load", saved[0])  # type: ignore[assignment]
    cls.plan = phases.wrap("plan", saved[1])  # type: ignore[assignment,method-assign]
    renderer.render_pages = phases.wrap("pages", saved[2])  # type: ignore[assignment,method-assign]
    renderer.render_assets = phases.wrap("assets", saved[3])  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        preview_module.load_site = saved[0]  # type: ignore[assignment]
        cls.plan = saved[1]  # type: ignore[method-assign]
        renderer.render_pages = saved[2]  # type: ignore[method-assign]
        renderer.render_assets = saved[3]  # type: ignore[method-assign]


def wait_idle(preview: Any, quiet: float, timeout: float = 120.0) -> None:
    """Until no rebuild ran or started for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    count, since = preview.rebuilds, time.monotonic()
    while True:
        now = time.monotonic()
        if preview.watcher.busy or preview.rebuilds != count:
            count, since = preview.rebuilds, now
        elif now - since >= quiet:
            return
        if now > deadline:
            raise SystemExit("the preview never went quiet")
        time.sleep(0.01)


def wait_listening(page: Any, preview: Any, timeout: float = 60.0) -> None:
    page.wait_for_function("window.__okrsiteLiveReload === true", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while preview.server.client_count < 1:
        if time.monotonic() > deadline:
            raise SystemExit("the page never opened its event stream")
        time.sleep(0.01)


def _ms(end: float | None, start: float | None) -> float | None:
    if end is None or start is None:
        return None
    return round((end - start) * 1000, 1)


SEES_TOKEN = (
    "t => document.title.includes(t) || (!!document.body && document.body.textContent.includes(t))"
)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from okrsite.preview import Preview

    site = args.site.resolve()
    ensure_site(site)
    name = args.name or ("example" if site == REPO else site.name)
    runs = args.runs or (
        10 if sum(1 for _ in (site / "content/objectives").rglob("*.md")) > 1000 else 20
    )
    rel = args.objective or pick_objective(site)
    objective_id = rel.removeprefix("content/objectives/").removesuffix(".md")
    page_rel = f"objectives/{objective_id}/index.html"

    load_before = os.getloadavg()
    phases = Phases()
    latencies: list[float] = []
    samples: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="okrsite-serve-bench-") as tmp:
        copy = Path(tmp) / "site"
        copy_site(site, copy)
        target = copy / rel
        messages: list[str] = []
        with instrumented(phases):
            preview = Preview(copy, port=0, as_of=args.as_of, echo=messages.append)
            preview.writer.sync = phases.wrap("sync", preview.writer.sync)  # type: ignore[method-assign]
            started = time.perf_counter()
            preview.start()
            try:
                first_build_s = time.perf_counter() - started
                first_phases = phases.take()[0]
                if not (preview.out / page_rel).is_file():
                    raise SystemExit(f"no page {page_rel} for {rel}")
                print(
                    f"{name}: first build {first_build_s:.2f} s, serving {preview.server.url}{page_rel}",
                    flush=True,
                )
                with sync_playwright() as p:
                    browser = p.chromium.launch(
                        executable_path=CHROMIUM,
                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                    )
                    try:
                        page = browser.new_page()
                        page.goto(preview.server.url + page_rel)
                        wait_listening(page, preview)
                        for i in range(runs):
                            wait_idle(preview, args.quiet)
                            wait_listening(page, preview)
                            time.sleep(args.quiet)
                            token = f"latency{i:02d}x{uuid.uuid4().hex[:10]}"
                            before = preview.rebuilds
                            t0 = time.perf_counter()
                            set_title(target, f"Benchmark title {token}")
                            page.wait_for_function(
                                SEES_TOKEN, arg=token, timeout=args.timeout * 1000, polling=5
                            )
                            seen = time.perf_counter()
                            ms = (seen - t0) * 1000
                            wait_idle(preview, args.quiet)
                            split, rebuild_start, rebuild_end = phases.take()
                            last = preview.last
                            assert last is not None
                            # the tabs were told to reload when the pages in view were
                            # written (or, failing that, at the end of the rebuild)
                            reload_sent = (
                                rebuild_start + last.shown_after
                                if last.shown_after is not None and rebuild_start is not None
                                else rebuild_end
                            )
                            sample = {
                                "latency_ms": round(ms, 1),
                                "rebuild_ms": round(last.seconds * 1000, 1),
                                "rebuilds": preview.rebuilds - before,
                                "ok": last.ok,
                                "pages_changed": len(last.changed),
                                "parsed_again": last.parsed_again,
                                "phases_ms": split,
                                # write → first rebuild starts (watcher + debounce)
                                "notice_ms": _ms(rebuild_start, t0),
                                # rebuild start → tabs told to reload (pages in view written)
                                "server_ms": _ms(reload_sent, rebuild_start),
                                # reload sent → token seen (SSE, reload, page load)
                                "browser_ms": _ms(seen, reload_sent),
                                # all rebuilds for this save (normally one), to the end
                                "rebuild_total_ms": _ms(rebuild_end, rebuild_start),
                            }
                            latencies.append(ms)
                            samples.append(sample)
                            print(
                                f"  save {i + 1:2d}: {ms:7.1f} ms = notice {sample['notice_ms']:.0f}"
                                f" + server {sample['server_ms']:.0f}"
                                f" + browser {sample['browser_ms']:.0f}  (rebuild {sample['rebuild_ms']:.0f} ms: "
                                + ", ".join(f"{k} {v:.0f}" for k, v in sample["phases_ms"].items())
                                + f"; {sample['pages_changed']} pages written)",
                                flush=True,
                            )
                    finally:
                        browser.close()
            finally:
                preview.stop()
    load_after = os.getloadavg()

    rebuild = [s["rebuild_ms"] for s in samples]
    phase_names = sorted({k for s in samples for k in s["phases_ms"]})
    phase_medians = {
        k: round(statistics.median(s["phases_ms"].get(k, 0.0) for s in samples), 1)
        for k in phase_names
    }
    split_medians = {
        k: round(statistics.median(s[k] for s in samples if s[k] is not None), 1)
        for k in ("notice_ms", "server_ms", "browser_ms")
        if any(s[k] is not None for s in samples)
    }
    target = TARGETS_MS.get(name)
    lat = summary(latencies)
    result: dict[str, Any] = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "site": name,
        "site_path": str(site),
        "objective": rel,
        "page": page_rel,
        "runs": runs,
        "as_of": args.as_of.isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in load_after],
        },
        "first_build_ms": round(first_build_s * 1000, 1),
        "first_build_phases_ms": first_phases,
        "latency_ms": lat,
        "rebuild_ms": summary(rebuild),
        "rebuild_phase_median_ms": phase_medians,
        "latency_split_median_ms": split_medians,
        "target_p95_ms": target,
        "target_met": None if target is None else lat["p95"] < target,
        "samples": samples,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--site", type=Path, default=REPO, help="site folder (default: the example)")
    ap.add_argument(
        "--runs", "-n", type=int, default=0, help="saves (default 20; 10 above 1000 objectives)"
    )
    ap.add_argument("--objective", help="objective file to edit, relative to the site")
    ap.add_argument("--name", help="name in the result file (default: example / the folder's name)")
    ap.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    ap.add_argument("--quiet", type=float, default=0.3, help="idle seconds before each save")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one save")
    ap.add_argument("--out", type=Path, default=BENCH_DIR / "results")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"needs {CHROMIUM}", file=sys.stderr)
        return 2

    result = run(args)
    lat, reb = result["latency_ms"], result["rebuild_ms"]
    load = result["machine"]
    print()
    print(f"site {result['site']}: {result['runs']} saves of {result['objective']}")
    print(
        f"  save → browser  min {lat['min']:.0f}  median {lat['median']:.0f}  "
        f"p95 {lat['p95']:.0f}  max {lat['max']:.0f} ms"
    )
    print(
        f"  server rebuild  min {reb['min']:.0f}  median {reb['median']:.0f}  "
        f"p95 {reb['p95']:.0f}  max {reb['max']:.0f} ms   median split: "
        + ", ".join(f"{k} {v:.0f} ms" for k, v in result["rebuild_phase_median_ms"].items())
    )
    print(
        "  latency split (medians): "
        + ", ".join(
            f"{k.removesuffix('_ms')} {v:.0f} ms"
            for k, v in result["latency_split_median_ms"].items()
        )
    )
    print(
        f"  load average {', '.join(f'{x:.2f}' for x in load['loadavg_before'])} before, "
        f"{', '.join(f'{x:.2f}' for x in load['loadavg_after'])} after ({load['cpus']} cpus)"
    )
    if result["target_p95_ms"] is not None:
        verdict = "MET" if result["target_met"] else "MISS"
        print(f"  target p95 < {result['target_p95_ms']:.0f} ms: {verdict}")
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"serve-latency-{result['site']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"  wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
