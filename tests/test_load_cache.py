"""The load side of the cache: a run after an edit answers as a cold run does.

``check`` (text and JSON, exit code) and ``build`` with the cache are compared
byte for byte with runs that do not use it, after each kind of edit a pull
request makes, run after run on the same cache, and after the cache is
damaged. Other tests hold that the work is really skipped: an unchanged site
is answered from the stored outcome without reading the parses, and an edit
re-parses one file and rescores only the objectives it touches.

The runs without the cache are a function of the site's files and the date
alone (they read and write no cache, and name the site's files relative to
it), so each is run once a test session for the same inputs and kept
(tests/reference_builds.py): the unedited site's, and each edit's that
several tests make (a key result's value: the damaged caches' and the
planted ones'), are compared with one run instead of one run per test.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import reference_builds
from click.testing import CliRunner

from okrsite.cache_checksum import sealed
from okrsite.cli import cli
from okrsite.load_cache import ParseCache
from okrsite.parse_store import stored_parse_cache
from okrsite.pipeline import FileTree, load_site

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    # long past: the stat signature is trusted (no "modified just now" re-hash),
    # so every edit below must be seen by its signature alone
    old = 1_700_000_000_000_000_000
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(old, old))
    return root


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def checks(site: Path, *extra: str) -> list[tuple[int, str]]:
    """Exit code and output of check in text and JSON (``extra``: e.g. --no-cache)."""
    base = ("check", "--site", str(site), "--as-of", AS_OF, *extra)
    return [run(*base), run(*base, "--format", "json"), run(*base, "--format", "github")]


def cold_checks(site: Path) -> list[tuple[int, str]]:
    """``checks(site, "--no-cache")``, run once a session for the same inputs
    (tests/reference_builds.py)."""
    return reference_builds.once(
        site, AS_OF, "okrsite check --no-cache, 3 formats", lambda: checks(site, "--no-cache")
    )


def written(path: Path, text: str) -> None:
    """Write ``text`` with a modification time of its own (as an editor's save gets)."""
    before = path.stat().st_mtime_ns if path.exists() else 1_700_000_000_000_000_000
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 7_000_000_000, before + 7_000_000_000))


def objective(site: Path) -> Path:
    return site / "content" / "objectives" / "sales" / "emea-new-logos.md"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    written(path, text.replace(old, new, 1))


def change_kr_value(site: Path) -> None:
    path = objective(site)
    text = path.read_text(encoding="utf-8")
    at = text.index("target:")
    end = text.index("\n", at)
    written(path, text[:at] + "target: 987" + text[end:])


def add_checkin(site: Path) -> None:
    path = site / "content" / "checkins" / "2026-11-19-sales-emea-new-logos.md"
    path.write_text(
        "---\nobjective: sales/emea-new-logos\ndate: 2026-11-19\nconfidence: 4\n---\nSlow week.\n",
        encoding="utf-8",
    )


def remove_checkin(site: Path) -> None:
    sorted((site / "content" / "checkins").glob("*sales-emea-new-logos.md"))[-1].unlink()


def rename_title(site: Path) -> None:
    path = objective(site)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = ["title: Win EMEA, renamed\n" if ln.startswith("title:") else ln for ln in lines]
    written(path, "".join(lines))


def break_file(site: Path) -> None:
    replace_in(objective(site), "title:", "title: [")


def break_then_fix(site: Path) -> None:
    path = objective(site)
    original = path.read_text(encoding="utf-8")
    break_file(site)
    assert run("check", "--site", str(site), "--as-of", AS_OF)[0] == 1
    written(path, original)


def delete_file(site: Path) -> None:
    (site / "content" / "people" / "aisha-bello.md").unlink()


def add_person(site: Path) -> None:
    (site / "content" / "people" / "zoe-quinn.md").write_text(
        "---\ntitle: Zoë Quinn\nteam: sales-na\nrole: Account Executive\n---\nNew in November.\n",
        encoding="utf-8",
    )


def change_config(site: Path) -> None:
    replace_in(site / "okrsite.toml", "stale_after_days = 14", "stale_after_days = 30")


def touch_only(site: Path) -> None:
    path = objective(site)
    written(path, path.read_text(encoding="utf-8"))


def edit_csv(site: Path) -> None:
    path = site / "content" / "data" / "copilot-weekly-active.csv"
    replace_in(path, "2026-07-13,5", "2026-07-13,oops")


def unknown_key(site: Path) -> None:
    replace_in(objective(site), "title:", "colour: teal\ntitle:")


EDITS: dict[str, Callable[[Path], None]] = {
    "change a key result value": change_kr_value,
    "add a check-in": add_checkin,
    "remove a check-in": remove_checkin,
    "rename a title": rename_title,
    "break a file": break_file,
    "break and fix a file": break_then_fix,
    "delete a file": delete_file,
    "add a person": add_person,
    "change okrsite.toml": change_config,
    "touch a file": touch_only,
    "add an unknown key": unknown_key,
    "break a KPI's CSV data": edit_csv,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_cached_check_output_equals_a_cold_check_after_each_edit(
    site: Path, edit: Callable[[Path], None]
) -> None:
    before = cold_checks(site)
    assert checks(site) == before  # fills the cache
    assert checks(site) == before  # answered from it
    edit(site)
    cold = cold_checks(site)
    assert checks(site) == cold
    assert checks(site) == cold  # and again, from what the edited run stored
    if edit in (break_file, delete_file, change_config, unknown_key, edit_csv):
        assert cold != before, "the edit changed no diagnostic: the test proves less"


def test_edits_one_after_another_on_one_cache(site: Path) -> None:
    """Each run starts from what the previous edited run left, never from scratch."""
    checks(site)
    for name, edit in EDITS.items():
        if edit is break_then_fix:
            continue
        edit(site)
        assert checks(site) == cold_checks(site), name


def test_a_changed_as_of_is_a_changed_input(site: Path) -> None:
    checks(site)
    for day in ("2026-10-15", AS_OF, "2026-12-31"):
        base = ("check", "--site", str(site), "--as-of", day, "--format", "json")
        assert run(*base) == run(*base, "--no-cache"), day


def build_outcome(site: Path, out: Path, *extra: str) -> tuple[int, str, dict[str, bytes]]:
    code, output = run("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out), *extra)
    files = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }
    return code, output.split("okrsite: buil")[0], files if code == 0 else {}


def cold_build_outcome(site: Path, out: Path) -> tuple[int, str, dict[str, bytes]]:
    """``build_outcome(site, out, "--no-cache")``, run once a session for the
    same inputs (tests/reference_builds.py; ``out``'s name is in no file nor
    in the output before its last line, which is cut)."""
    return reference_builds.once(
        site,
        AS_OF,
        "okrsite build --no-cache outcome",
        lambda: build_outcome(site, out, "--no-cache"),
    )


@pytest.mark.parametrize(
    "edit",
    [
        change_kr_value,
        add_checkin,
        rename_title,
        break_file,
        delete_file,
        touch_only,
        change_config,
        add_person,
    ],
    ids=["kr value", "add check-in", "rename", "break", "delete", "touch", "config", "person"],
)
def test_cached_build_equals_a_cold_build(
    site: Path, tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    first = build_outcome(site, tmp_path / "warm")
    assert build_outcome(site, tmp_path / "warm") == first  # nothing changed: from the cache
    edit(site)
    warm = build_outcome(site, tmp_path / "warm")
    assert warm == cold_build_outcome(site, tmp_path / "cold")
    assert warm == build_outcome(site, tmp_path / "warm")


def test_a_build_after_a_check_uses_the_check_s_cache(site: Path, tmp_path: Path) -> None:
    """check stores no portfolio when nothing changed; build then loads it from the parses."""
    checks(site)
    checks(site)
    warm = build_outcome(site, tmp_path / "warm")
    assert warm == cold_build_outcome(site, tmp_path / "cold")


def cache_folder(site: Path) -> Path:
    return site / ".okrsite-cache"


@pytest.mark.parametrize("which", ["index", "parse"])
@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[:40] + os.urandom(2048)),
        lambda p: p.unlink(),
    ],
    ids=["truncated", "empty", "garbage", "deleted"],
)
def test_a_damaged_cache_file_never_changes_the_answer(
    site: Path, tmp_path: Path, which: str, damage: Callable[[Path], None]
) -> None:
    checks(site)
    build_outcome(site, tmp_path / "warm")
    (path,) = cache_folder(site).glob(f"{which}-*.pickle")
    damage(path)
    change_kr_value(site)
    cold = cold_checks(site)
    assert checks(site) == cold
    assert checks(site) == cold
    assert build_outcome(site, tmp_path / "warm") == cold_build_outcome(site, tmp_path / "cold")


def stored(site: Path) -> ParseCache:
    opened = stored_parse_cache(site)
    assert opened is not None
    return opened.cache


def test_an_unchanged_site_is_answered_without_reading_the_parses(site: Path) -> None:
    checks(site)
    (big,) = cache_folder(site).glob("parse-*.pickle")
    big.write_bytes(b"")  # if the run needed it, it would parse every file again
    cache = stored(site)
    result = load_site(site, date.fromisoformat(AS_OF), cache=cache)
    assert cache.fill is not None, "the large file was read"
    assert result.parsed_again == 0 and cache.misses == 0
    assert result.counts[0] == len(list((site / "content" / "objectives").rglob("*.md")))


def test_one_edit_parses_one_file_and_rescores_its_chain(site: Path) -> None:
    checks(site)
    change_kr_value(site)
    cache = stored(site)
    result = load_site(site, date.fromisoformat(AS_OF), cache=cache)
    assert result.parsed_again == 1 and cache.misses == 1
    assert cache.fill is not None, "check after the edit read every parse"
    portfolio = result.scored.portfolio  # a build asks for the scores: only then scored
    memo = cache.scores
    assert memo is not None and memo.rescored is not None
    chain = {"sales/emea-new-logos"}
    parent = portfolio.objectives["sales/emea-new-logos"].parent_objective
    while parent is not None:
        chain.add(parent)
        parent = portfolio.objectives[parent].parent_objective
    assert memo.rescored == chain
    assert len(chain) < len(portfolio.objectives)


def test_a_file_swapped_in_place_with_the_same_size_and_time_is_seen(site: Path) -> None:
    """A new inode is a change even when size and modification time are the same."""
    checks(site)
    path = objective(site)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    swapped = text.replace("title:", "title:", 1).replace("EMEA", "EMEX", 1)
    assert swapped != text and len(swapped) == len(text)
    spare = path.with_name("spare.tmp")
    spare.write_text(swapped, encoding="utf-8")
    os.utime(spare, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(spare, path)
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    assert checks(site) == checks(site, "--no-cache")
    cache = stored(site)
    load_site(site, date.fromisoformat(AS_OF), cache=cache)
    assert cache.stats[path.relative_to(site).as_posix()][2] == path.stat().st_ino


class _RunsCode:
    """An object whose unpickling would run a command (the classic pickle attack)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("which", ["index", "parse"])
def test_a_planted_cache_file_cannot_run_code(site: Path, tmp_path: Path, which: str) -> None:
    from okrsite.parse_store import _FORMAT, _INDEX_FORMAT

    checks(site)
    marker = tmp_path / "pwned"
    (path,) = cache_folder(site).glob(f"{which}-*.pickle")
    header = _INDEX_FORMAT if which == "index" else _FORMAT
    path.write_bytes(sealed(header + pickle.dumps((_RunsCode(marker),) * 5)))
    change_kr_value(site)  # so that the large file is needed too
    assert checks(site) == cold_checks(site)
    assert not marker.exists(), "unpickling the cache ran a command"


def test_a_planned_edit_is_loaded_from_its_planned_bytes_not_the_cached_stat(site: Path) -> None:
    """``okrsite checkin``/``import`` load the site with their planned files laid over
    it, through the cache of the load before: a replaced file keeps its disk
    ``stat`` (it is not written yet), which must not bring back the old parse."""
    from okrsite.overlay import OverlayTree
    from okrsite.pipeline import FileTree, load

    cache = ParseCache()
    before = load(FileTree(site), date.fromisoformat(AS_OF), cache=cache, jobs=1)
    assert not [d for d in before.diagnostics if d.is_error]
    rel = objective(site).relative_to(site).as_posix()
    text = objective(site).read_text(encoding="utf-8").replace("key_results:", "key_resluts:", 1)
    after = load(
        OverlayTree(site, {rel: text.encode()}), date.fromisoformat(AS_OF), cache=cache, jobs=1
    )
    cold = load(OverlayTree(site, {rel: text.encode()}), date.fromisoformat(AS_OF), jobs=1)
    assert [d for d in after.diagnostics if d.file == rel]
    assert after.diagnostics == cold.diagnostics


def test_the_signatures_taken_while_listing_are_those_stat_signature_gives(tmp_path: Path) -> None:
    """A load with a cache takes each file's (mtime, size, inode) from the folder
    entry it just listed; for every kind of entry that is what
    ``stat_signature`` says, and nothing for what it would not vouch for."""
    site = tmp_path / "site"
    objectives = site / "content" / "objectives" / "team"
    objectives.mkdir(parents=True)
    (objectives / "plain.md").write_text("---\nid: plain\n---\n", encoding="utf-8")
    (objectives / "linked.md").symlink_to(objectives / "plain.md")
    os.mkfifo(objectives / "fifo.md")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.md").write_text("---\nid: far\n---\n", encoding="utf-8")
    (site / "content" / "linked-folder").symlink_to(outside)
    (site / "content" / ".hidden.md").write_text("x", encoding="utf-8")

    listed, signatures = FileTree(site).listed_with_signatures("content")
    tree = FileTree(site)
    assert tree.markdown_files("content") == listed
    expected = {rel: tree.stat_signature(rel) for rel in listed}
    assert signatures == {rel: sig for rel, sig in expected.items() if sig is not None}
    assert set(signatures) == {"content/objectives/team/plain.md"}
    assert set(listed) == {
        "content/objectives/team/plain.md",
        "content/objectives/team/linked.md",
        "content/objectives/team/fifo.md",
    }
