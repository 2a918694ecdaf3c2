"""Parsing spread over processes gives exactly what parsing in one process gives.

* every record kind (and a parse result with diagnostics) survives pickling
  unchanged, as parse results do when a worker process sends them back;
* a site big enough to be parsed in several processes loads to the same
  diagnostics and scores with one, two or three processes, from disk, from
  memory and through the preview's parse cache;
* the folder walk and the file reads that feed the parser.
"""

from __future__ import annotations

import pickle
import textwrap
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from site_fixture import AS_OF, SITE

from okrsite import model, parallel_parse, pipeline
from okrsite.parse import parse_file
from okrsite.pipeline import FileTree, ParseCache, load_site, load_tree

MakeSite = Callable[[dict[str, str | bytes]], Path]


def site_files() -> dict[str, bytes]:
    return {
        rel: text if isinstance(text, bytes) else textwrap.dedent(text).lstrip("\n").encode()
        for rel, text in SITE.items()
    }


def every_record(scored: model.ScoredPortfolio) -> list[object]:
    p = scored.portfolio
    records: list[object] = [*p.objectives.values(), *p.kpis.values(), *p.goals.values()]
    records += [*p.checkins, *p.teams.values(), *p.people.values(), *p.pages.values()]
    records += list(p.cycles.values())
    for o in p.objectives.values():
        records += [*o.key_results, *o.initiatives]
        for kr in o.key_results:
            records += list(kr.milestones)
    records += [g.measure for g in p.goals.values() if g.measure is not None]
    return records


def round_trip(value: Any, protocol: int) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=protocol))


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_every_record_kind_pickles_to_an_equal_record(protocol: int) -> None:
    result = load_tree(site_files(), AS_OF)
    records = every_record(result.scored)
    kinds = {type(r) for r in records}
    parsed_kinds = {*typing.get_args(model.Record), model.KeyResult, model.Milestone}
    parsed_kinds |= {model.Initiative, model.Measure, model.Cycle}
    assert kinds == parsed_kinds  # the fixture site really has one of each
    for record in records:
        copy = round_trip(record, protocol)
        assert type(copy) is type(record)
        assert copy == record
        assert repr(copy) == repr(record)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_parse_results_with_and_without_records_pickle_unchanged(protocol: int) -> None:
    files = site_files()
    files["content/objectives/broken.md"] = b"---\ntitle: X\ncycle: 2026-Q1\nweight: heavy\n---\n"
    files["content/checkins/bad.md"] = b"---\nobjective: a\ndate: 2026-02-30\n---\n"
    results = [parse_file(rel, raw) for rel, raw in files.items() if rel.endswith(".md")]
    assert any(pf.diagnostics for pf in results) and any(pf.record for pf in results)
    copies = round_trip(results, protocol)
    assert copies == results
    assert repr(copies) == repr(results)  # also the fields left out of ==, like key_path


front_matter = st.dictionaries(
    st.sampled_from(["title", "cycle", "weight", "tags", "key_results", "objective", "date"]),
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=12,
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=front_matter, folder=st.sampled_from(["objectives", "checkins", "kpis", "goals"]))
def test_any_parse_result_pickles_unchanged(data: dict[str, Any], folder: str) -> None:
    raw = ("---\n" + yaml.safe_dump(data) + "---\nBody\n").encode()
    pf = parse_file(f"content/{folder}/x.md", raw, default_cycle="2026-Q1")
    copy = round_trip(pf, pickle.HIGHEST_PROTOCOL)
    assert copy == pf
    assert repr(copy) == repr(pf)


# ------------------------------------------------------------- parallel loads
def many_files() -> dict[str, bytes]:
    """The fixture site plus enough objectives and check-ins, some broken, to need batches."""
    files = site_files()
    for i in range(120):
        files[f"content/objectives/team/o{i:03d}.md"] = (
            f"---\ntitle: Objective {i}\ncycle: 2026-Q1\nparent: company/growth\n"
            f"key_results:\n  - {{id: kr, title: KR, start: 0, target: {i + 1}}}\n---\n"
        ).encode()
        files[f"content/checkins/team/o{i:03d}/2026-02-0{i % 9 + 1}.md"] = (
            f"---\nobjective: team/o{i:03d}\ndate: 2026-02-0{i % 9 + 1}\n"
            f"values: {{kr: {i % 7}}}\nconfidence: {i % 11}\n---\n"
        ).encode()
    files["content/objectives/team/o007.md"] = b"---\ntitle: Broken\ncycle: [\n---\n"
    files["content/checkins/team/o008/2026-02-09.md"] = b"---\ndate: 2026-02-31\n---\n"
    files["content/objectives/team/o009.md"] = b"\xff\xfe not utf-8"
    return files


def outcome(result: pipeline.LoadResult) -> tuple[str, str, int]:
    return repr(result.diagnostics), repr(result.scored), result.files_read


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use processes and many batches even for a site of a few hundred files."""
    monkeypatch.setattr(parallel_parse, "PARALLEL_THRESHOLD", 20)
    monkeypatch.setattr(parallel_parse, "BATCH_SIZE", 7)


@pytest.mark.usefixtures("small_batches")
def test_loading_from_disk_in_several_processes_gives_the_same_result(make_site: MakeSite) -> None:
    site = make_site(dict(many_files()))
    serial = outcome(load_site(site, AS_OF, jobs=1))
    assert "OKR003" in serial[0] and "OKR001" in serial[0] and "OKR104" in serial[0]
    for jobs in (2, 3):
        assert outcome(load_site(site, AS_OF, jobs=jobs)) == serial


@pytest.mark.usefixtures("small_batches")
def test_loading_from_memory_and_cache_in_several_processes_gives_the_same_result(
    make_site: MakeSite,
) -> None:
    files = many_files()
    serial = outcome(pipeline.load(pipeline.MappingTree(files), AS_OF, jobs=1))
    assert outcome(pipeline.load(pipeline.MappingTree(files), AS_OF, jobs=2)) == serial
    site = make_site(dict(files))
    cache = ParseCache()
    cached = load_site(site, AS_OF, cache=cache, jobs=2)
    assert cached.parsed_again == len([r for r in files if r.endswith(".md")])
    assert outcome(cached) == outcome(load_site(site, AS_OF, jobs=1))


# ------------------------------------------------------------- walk and read
def test_walk_lists_markdown_outside_hidden_and_underscore_folders(make_site: MakeSite) -> None:
    site = make_site(
        {
            "content/a.md": "x",
            "content/objectives/b.md": "x",
            "content/objectives/deep/er/c.md": "x",
            "content/objectives/notes.txt": "x",
            "content/objectives/.hidden.md": "x",
            "content/.git/d.md": "x",
            "content/_drafts/e.md": "x",
        },
    )
    tree = FileTree(site)
    assert tree.markdown_files("content") == [
        "content/a.md",
        "content/objectives/b.md",
        "content/objectives/deep/er/c.md",
    ]
    assert tree.markdown_files("content/") == tree.markdown_files("content")
    assert tree.markdown_files("missing") == []


def test_read_returns_whole_files_and_none_for_what_is_not_a_file(tmp_path: Path) -> None:
    big = bytes(range(256)) * 1000  # several reads' worth
    (tmp_path / "big.md").write_bytes(big)
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "folder.md").mkdir()
    tree = FileTree(tmp_path)
    assert tree.read("big.md") == big
    assert tree.read("empty.md") == b""
    assert tree.read("folder.md") is None
    assert tree.read("missing.md") is None


# ------------------------------------------------------------- a cold parse cache
@pytest.mark.usefixtures("small_batches")
def test_a_cold_cache_hashed_in_workers_holds_what_hashing_here_gives(
    make_site: MakeSite, tmp_path: Path
) -> None:
    """A parse cache that knows no file has every file read, hashed and parsed
    in the workers while the folder is walked: it ends up holding exactly
    what one process scanning first and parsing after puts there, with the
    same refusals (a FIFO, a link out of the site) and a link inside kept."""
    import os

    site = make_site(dict(many_files()))
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: secret\n---\n")
    objectives = site / "content" / "objectives"
    (objectives / "leak.md").symlink_to(outside)
    (objectives / "alias.md").symlink_to(objectives / "team" / "o001.md")
    os.mkfifo(objectives / "pipe.md")

    here = ParseCache()
    serial = load_site(site, AS_OF, cache=here, jobs=1)
    spread = ParseCache()
    parallel = load_site(site, AS_OF, cache=spread, jobs=2)
    assert outcome(parallel) == outcome(serial)
    assert "OKR010" not in repr(serial.diagnostics)  # the refusals are of other kinds
    assert "leak.md" in repr(serial.diagnostics) and "pipe.md" in repr(serial.diagnostics)
    assert spread.stats == here.stats and "content/objectives/alias.md" in spread.stats
    assert spread.by_digest == here.by_digest
    assert (spread.misses, spread.hits) == (here.misses, here.hits)
    assert parallel.parsed_again == serial.parsed_again == spread.misses
    assert parallel.inputs == serial.inputs

    again = load_site(site, AS_OF, cache=spread, jobs=2)  # the cache is warm now
    assert outcome(again) == outcome(serial)
    assert again.parsed_again == 0
