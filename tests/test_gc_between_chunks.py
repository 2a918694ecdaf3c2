"""The cyclic garbage collector while pages render (okrsite.gcpause).

Rendering runs with the collector paused. These tests hold the three things
that let a build skip most collections without keeping garbage: the default
theme's pages make no reference cycles (the macros a partial defines are
dropped after it renders), a probe's collection notices a site whose own
templates do make cycles and collects after every chunk from then on, and a
forked worker never walks what it inherited from the parent.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import copy_example, write_site
from jinja2.runtime import Context

from okrsite import fork_pool, render_plan
from okrsite.build import build_site
from okrsite.gcpause import CYCLES_FOUND, PROBE_EVERY, ChunkCollections, paused_gc


def _cyclic_garbage_of_build(site: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Build ``site`` in this process with the collector paused and the
    render's collections between chunks left out, then name the templates
    whose render contexts a full collection finds unreachable: renders the
    build left in reference cycles. (The environment itself, with the
    modules of ``{% import %}``-ed templates it keeps, may be in cycles once
    the build is over; its contexts are not partials'.)"""
    uncollected = SimpleNamespace(**{name: getattr(gc, name) for name in dir(gc)})
    uncollected.collect = lambda generation=2: 0
    monkeypatch.setattr(render_plan, "gc", uncollected)
    monkeypatch.setattr(ChunkCollections, "after_chunk", lambda self: None)
    gc.collect()
    with paused_gc():
        result = build_site(site, as_of=date(2026, 11, 20), out_dir=out, jobs=1)
        assert result.ok, result.diagnostics
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found = [o.name for o in gc.garbage if isinstance(o, Context)]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    return found


def test_the_example_site_renders_without_macro_cycles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before the macros were dropped, this build left 186 Macro objects and 31
    # render contexts in cycles: the line chart's and history timeline's.
    site = copy_example(tmp_path / "site")
    found = _cyclic_garbage_of_build(site, tmp_path / "out", monkeypatch)
    assert not [name for name in found if name.startswith("partials/")]
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_site_template_with_a_top_level_macro_leaves_no_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a site's own progress bar partial that defines macros of its own, one
    # calling another, as a theme author writes them
    site = copy_example(tmp_path / "site")
    write_site(
        site,
        {
            "templates/partials/progress_bar.html": """\
                {%- macro width(p) -%}{{ (p * 100) | round | int }}{%- endmacro -%}
                {%- macro bar(p) -%}<span class="mine">{{ width(p) }}</span>{%- endmacro -%}
                {%- if progress is none -%}<span class="mine">–</span>
                {%- else -%}{{ bar(progress) }}{%- endif -%}
                """,
        },
    )
    found = _cyclic_garbage_of_build(site, tmp_path / "out", monkeypatch)
    assert "partials/progress_bar.html" not in found
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<span class="mine">' in page


def _cycles(n: int) -> None:
    """Make ``n`` objects in reference cycles (two per cycle), unreachable at once."""
    for _ in range(n // 2):
        a: list[object] = []
        b: list[object] = [a]
        a.append(b)


def test_a_process_that_exits_collects_only_probes_while_no_cycles_are_made() -> None:
    with paused_gc():
        collections = ChunkCollections(exits=True)
        kept = []
        for _ in range(PROBE_EVERY + 1):
            collections.before_chunk()
            kept.append([object() for _ in range(10)])  # what a chunk keeps
            collections.after_chunk()
        assert collections.probing  # no probe found cycles: still probing
        gc.unfreeze()


def test_a_probe_that_finds_cycles_makes_every_later_chunk_collected() -> None:
    with paused_gc():
        collections = ChunkCollections(exits=True)
        collections.before_chunk()
        _cycles(CYCLES_FOUND * 2)  # a theme that makes cycles
        collections.after_chunk()
        assert not collections.probing
        # from now on each chunk's cycles are freed after it
        collections.before_chunk()
        _cycles(4000)
        before = gc.get_count()[0]
        collections.after_chunk()
        assert gc.get_count()[0] < before
        gc.unfreeze()


def test_a_process_that_goes_on_collects_after_every_chunk() -> None:
    with paused_gc():
        collections = ChunkCollections(exits=False)
        frozen = gc.get_freeze_count()
        for _ in range(3):
            collections.before_chunk()
            _cycles(4000)
            assert gc.get_count()[0] >= 3000
            collections.after_chunk()
            assert gc.get_count()[0] < 100  # collected
        assert gc.get_freeze_count() == frozen  # nothing moved out of sight


def _worker_sees() -> tuple[int, int]:
    return gc.get_freeze_count(), len(gc.get_objects(0)) + len(gc.get_objects(1))


def test_a_forked_worker_freezes_what_it_inherited() -> None:
    if not fork_pool.can_fork():
        return
    gc.collect()
    with paused_gc():
        inherited = [[i] for i in range(50_000)]  # young objects of the parent
        with fork_pool.forked_pool(None, 1) as pool:
            frozen, young = pool.submit(_worker_sees).result()
    assert frozen >= len(inherited)
    assert young < 10_000
