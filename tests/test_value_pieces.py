"""What makes ``okrsite build`` after one edit cheaper, held to a cold build.

- The dashboard's entries (its week of changes and its attention list) are
  kept in the page cache by a print of their values, so a build after an
  edit draws only the entries whose values changed; a site's own version
  of such a partial that reads the portfolio is not kept.
- Records exactly as parsed are fingerprinted by the hash of their file.
"""

from __future__ import annotations

import pickle
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, copy_example
from markupsafe import Markup
from test_incremental import edit, write
from test_page_cache import AS_OF, files_of

from okrsite.build import build_site
from okrsite.page_store import read_pages
from okrsite.pipeline import ParseCache, load_site
from okrsite.value_prints import Printer, parsed_records, value_print
from okrsite.view.review import MoveView


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


def assert_same_as_cold(site: Path, tmp: Path) -> None:
    out = tmp / "cold"
    shutil.rmtree(out, ignore_errors=True)
    result = build_site(site, out_dir=out, as_of=AS_OF, history_cache=False)
    assert result.ok, result.diagnostics
    got, expected = files_of(site / "_site"), files_of(out)
    assert sorted(got) == sorted(expected)
    assert [k for k in expected if got[k] != expected[k]] == []


def stored_entries(site: Path) -> dict[bytes, object]:
    stored, _ = read_pages(site / ".okrsite-cache")
    assert stored is not None
    entries: dict[bytes, object] = stored[8]["entries"]
    return entries


def build(site: Path, jobs: int | None = None) -> None:
    result = build_site(site, as_of=AS_OF, jobs=jobs)
    assert result.ok, result.diagnostics


# a check-in inside the dashboard's week: one change entry
CHECKIN = "content/checkins/2026-11-19-sales-emea-new-logos.md"


def test_the_dashboard_entries_are_kept_by_value(site: Path, tmp_path: Path) -> None:
    build(site)
    first = stored_entries(site)
    assert first  # the example's dashboard lists changes and objectives needing attention
    page = (site / "_site" / "index.html").read_text(encoding="utf-8")
    assert page.count('<li class="change">') + page.count("obj attention") == len(first)
    edit(CHECKIN, "first-meetings: 74", "first-meetings: 75")(site)
    build(site)
    second = stored_entries(site)
    # the edited check-in's entry (and the objective's, if it needs attention) changed
    assert 0 < len(set(second) - set(first)) <= 2
    assert len(second) == len(first)  # the old entry is not kept any more
    assert_same_as_cold(site, tmp_path)


def test_dashboard_entries_drawn_in_forked_workers_are_stored(site: Path, tmp_path: Path) -> None:
    build(site, jobs=2)
    assert stored_entries(site)
    edit(CHECKIN, "first-meetings: 74", "first-meetings: 77")(site)
    build(site, jobs=2)
    assert_same_as_cold(site, tmp_path)


def test_a_partial_that_reads_the_portfolio_is_not_kept(site: Path, tmp_path: Path) -> None:
    """A site's own change.html shows each objective's progress, which no
    variable of the partial holds: it must be drawn again when that changes."""
    shipped = (REPO / "themes" / "default" / "templates" / "partials" / "change.html").read_text()
    own = shipped.replace(
        "</p>",
        "{% if change.target and change.target.id in objective_scores %}"
        " [{{ objective_scores[change.target.id].progress }}]{% endif %}</p>",
        1,
    )
    write("templates/partials/change.html", own)(site)
    build(site)
    assert "[0." in (site / "_site" / "index.html").read_text(encoding="utf-8")
    assert stored_entries(site) == {} or all(
        "[0." not in str(value) for value, _ in stored_entries(site).values()
    )
    # the progress moves, the check-in entries themselves do not
    edit("content/objectives/sales/lukas-dach-pipeline.md", "target: 25", "target: 50")(site)
    build(site)
    assert_same_as_cold(site, tmp_path)


@dataclass(frozen=True, slots=True)
class Pair:
    left: object
    right: object


@dataclass(frozen=True)
class Open:
    value: object


def test_value_prints_tell_values_apart() -> None:
    move = MoveView("Pipeline", "deals", 18.0, 19.0, 2.5, None)
    assert value_print(move) == value_print(MoveView("Pipeline", "deals", 18.0, 19.0, 2.5, None))
    distinct = [
        move,
        MoveView("Pipeline", "deals", 18.0, 19, 2.5, None),  # an int is not a float
        MoveView("Pipeline", "deals", 18.0, 19.0, 2.5, "steady"),
        Pair(1, (2, 3)),
        Pair(1, [2, 3]),
        Pair(1, ("tuple", (2, 3))),
        Pair((1,), 2),
        ("tuple", (1, 2)),
        (1, 2),
        Pair("a", date(2026, 11, 20)),
        Pair("a", "2026-11-20"),
    ]
    prints = [value_print(v) for v in distinct]
    assert len(set(prints)) == len(prints)


def test_a_dataclass_with_a_dict_is_printed_whole() -> None:
    one, two = Open(1), Open(1)
    object.__setattr__(two, "extra", 2)  # not a field: only a pickle sees it
    assert value_print(one) != value_print(two)


def test_records_as_parsed_are_printed_by_their_files_hash(site: Path) -> None:
    cache = ParseCache()
    load = load_site(site, AS_OF, cache=cache)
    objectives = load.scored.portfolio.objectives
    parsed = {id(pf.record): d for d, pf in cache.by_digest.items() if pf.record is not None}
    oid = next(o for o in objectives if id(objectives[o]) in parsed)
    plain = Printer().value(objectives[oid])
    parsed_records(((d, pf.record) for d, pf in cache.by_digest.items()), cache.key)
    try:
        by_file = Printer().value(objectives[oid])
        assert by_file != plain
        # another parse cache key (okrsite version, content folder): another print
        parsed_records(((d, pf.record) for d, pf in cache.by_digest.items()), ("other",))
        assert Printer().value(objectives[oid]) != by_file
        # a copy of the record (as resolving makes) is printed by its pickle
        copy = pickle.loads(pickle.dumps(objectives[oid]))
        assert Printer().value(copy) == plain
    finally:
        parsed_records(())
    assert Printer().value(objectives[oid]) == plain


def test_printing_many_dependencies_at_once_gives_each_ones_print(site: Path) -> None:
    from test_value_prints import recorded_deps, renderer

    rendered = renderer(site)
    deps = sorted(recorded_deps(rendered, site), key=repr)
    assert any(name.endswith("?") for name, _ in deps)
    collections = rendered.recorder.collections
    one_by_one = [Printer().dep(collections, dep) for dep in deps]
    assert Printer().deps(collections, deps) == one_by_one
    # a string that equals an id is not a Markup that does (nor a number a float)
    printer = Printer()
    assert printer.value(("a", "b")) != printer.value((Markup("a"), "b"))
    assert printer.value(Markup("a")) != printer.value("a")
    assert printer.value((1, 2)) != printer.value((1.0, 2))
