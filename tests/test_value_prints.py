"""The page cache's fingerprints: each record hashed once, and still exact.

:class:`okrsite.value_prints.Printer` hashes a list of records by its
members' hashes instead of pickling the list whole. These tests hold it to
what a fingerprint must do, on portfolios loaded from real files: two loads
of the same files (distinct objects) give equal prints for every
dependency a build recorded, and an edit changes exactly the prints whose
values differ (judged by comparing the values themselves).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO

from okrsite import value_prints
from okrsite.dependencies import EVERY, RecordedTuple, value_of
from okrsite.pipeline import load_site
from okrsite.render import SiteRenderer
from okrsite.render_plan import render_files
from okrsite.theme import load_theme
from okrsite.value_prints import Printer, fingerprint

AS_OF = date(2026, 11, 20)


def renderer(root: Path) -> SiteRenderer:
    load = load_site(root, AS_OF)
    assert not load.failed(False), load.diagnostics
    theme = load_theme(load.config.theme, root)
    return SiteRenderer(load.scored, load.config, root, theme=theme)


def recorded_deps(site: SiteRenderer, root: Path) -> set[tuple[str, object]]:
    render_files(site, root, site.page_keys())
    deps: set[tuple[str, object]] = set()
    for read in site.page_deps.values():
        deps |= read
    return deps


def copy_site(tmp: Path) -> Path:
    root = tmp / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    return root


def test_equal_values_give_equal_prints_and_changed_values_changed_prints(
    tmp_path: Path,
) -> None:
    root = copy_site(tmp_path)
    before = renderer(root)
    deps = sorted(recorded_deps(before, root), key=repr)
    assert len(deps) > 500
    assert any(key == EVERY for _, key in deps)
    old = {dep: Printer().dep(before.recorder.collections, dep) for dep in deps}
    shared = Printer()  # one printer for all, as a render worker keeps it
    assert {dep: shared.dep(before.recorder.collections, dep) for dep in deps} == old

    again = renderer(root)  # the same files loaded again: new objects, equal values
    printer = Printer()
    assert {dep: printer.dep(again.recorder.collections, dep) for dep in deps} == old

    # A check-in's confidence changed, the way a person edits it.
    checkin = sorted((root / "content" / "checkins").rglob("*.md"))[0]
    text = checkin.read_text(encoding="utf-8")
    assert "confidence:" in text
    lines = [
        "confidence: 2" if line.startswith("confidence:") else line for line in text.splitlines()
    ]
    checkin.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = renderer(root)
    printer = Printer()
    changed = set()
    for dep in deps:
        new_value = value_of(after.recorder.collections, dep)
        old_value = value_of(again.recorder.collections, dep)
        differs = printer.dep(after.recorder.collections, dep) != old[dep]
        if dep[0] != "history":
            assert differs == (new_value != old_value), dep
        if differs:
            changed.add(dep[0])
    assert "portfolio.checkins" in changed
    assert "index.checkins_by_objective" in changed


def test_lists_of_records_are_told_apart_by_kind_order_and_members(tmp_path: Path) -> None:
    site = renderer(copy_site(tmp_path))
    records = list(site.scored.portfolio.objectives.values())[:3]
    printer = Printer()
    prints = {
        printer.value(records),
        printer.value(tuple(records)),
        printer.value(records[::-1]),
        printer.value(records[:2]),
        printer.value([(r.id, r) for r in records]),
        printer.value([("other", r) for r in records]),
        printer.value([*records, "not a record"]),
    }
    assert len(prints) == 7
    assert printer.value(records[0]) == fingerprint(records[0])
    assert printer.value(["a", "b"]) == fingerprint(["a", "b"])
    assert printer.value([]) == fingerprint([])


def _counted_fingerprints(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every value :func:`value_prints.fingerprint` pickles from now on, in order."""
    pickled: list[object] = []
    real = value_prints.fingerprint

    def counted(value: object) -> bytes:
        pickled.append(value)
        return real(value)

    monkeypatch.setattr(value_prints, "fingerprint", counted)
    return pickled


def test_a_recorded_tuple_is_printed_as_its_members_without_recording_a_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every check-in as pages read it is a tuple that records reads: it is
    printed as the plain tuple it holds (each record's print once), not
    pickled whole, and printing it inside a page's recording adds no read."""
    site = renderer(copy_site(tmp_path))
    checkins = site.scored.portfolio.checkins
    assert isinstance(checkins, RecordedTuple) and len(checkins) > 20
    plain = tuple(tuple.__iter__(checkins))
    printer = Printer()
    expected = printer.value(plain)
    pickled = _counted_fingerprints(monkeypatch)
    got, deps = site.recorder.capture(lambda: printer.value(checkins))
    assert got == expected and deps == frozenset()
    assert pickled == []  # every member's print was known: nothing pickled again
    assert Printer().value(checkins) == expected
    assert Printer().value(plain[:-1]) != expected


def test_scores_printed_before_forking_are_their_prints_taken_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The objective scores a build prints before its render processes fork
    get the very prints a printer would take, and neither a printer made
    after nor the parse cache's save (``print_of``) pickles them again."""
    site = renderer(copy_site(tmp_path))
    scores = list(site.scored.objectives.values())
    assert len(scores) > 5
    expected = [fingerprint(score) for score in scores]
    pickled = _counted_fingerprints(monkeypatch)
    try:
        value_prints.printed_before_forking(scores)
        assert len(pickled) == len(scores)
        pickled.clear()
        printer = Printer()
        assert [printer.value(score) for score in scores] == expected
        assert [value_prints.print_of(score) for score in scores] == expected
        assert pickled == []
    finally:
        value_prints.printed_before_forking(())
    assert Printer().value(scores[0]) == expected[0]
    assert pickled == [scores[0]]  # forgotten: printed again
