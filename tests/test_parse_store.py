"""The parse cache kept between runs: never stale, never trusted blindly.

Each test runs the real ``okrsite`` commands on a copy of the example site
and compares a run that uses the cache with a run that does not, after the
kinds of edit a pull request makes.
"""

from __future__ import annotations

import gc
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import reference_builds
from click.testing import CliRunner, Result

from okrsite.cli import cli
from okrsite.parse_store import cache_file, load_parse_cache
from okrsite.pipeline import ParseCache

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-20"


def okrsite(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    # One objective takes its cycle from default_cycle, so changing that
    # setting changes what the file parses to. The example site leaves
    # default_cycle a comment (every objective of it names its cycle): the
    # copy sets it.
    config = root / "okrsite.toml"
    toml = config.read_text(encoding="utf-8")
    if not any(line.startswith("default_cycle") for line in toml.splitlines()):
        config.write_text('default_cycle = "2026-Q4"\n' + toml, encoding="utf-8")
    grow = root / "content" / "objectives" / "company" / "grow-arr.md"
    text = grow.read_text(encoding="utf-8")
    assert "cycle: 2026-Q4\n" in text
    grow.write_text(text.replace("cycle: 2026-Q4\n", "", 1), encoding="utf-8")
    return root


def cache_files(site: Path) -> list[Path]:
    return sorted((site / ".okrsite-cache").glob("parse-*.pickle"))


def check_json(site: Path, *extra: str) -> str:
    result = okrsite("check", "--site", str(site), "--as-of", AS_OF, "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(autouse=True)
def _reference_builds(cache_tests_reference_folder: Path) -> None:
    reference_builds.FOLDER = cache_tests_reference_folder


def cold_check_json(site: Path) -> str:
    """``check_json(site, "--no-cache")``, run once a session for the same
    inputs (tests/reference_builds.py)."""
    return reference_builds.once(
        site,
        AS_OF,
        "okrsite check --no-cache --format json",
        lambda: check_json(site, "--no-cache"),
    )


def built_files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def build(site: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = okrsite("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return built_files(out)


def first_objective(site: Path) -> Path:
    return sorted((site / "content" / "objectives").rglob("*.md"))[0]


def first_checkin(site: Path) -> Path:
    return sorted((site / "content" / "checkins").rglob("*.md"))[0]


def edit_first_line(path: Path, change: Callable[[str], str | None], what: str) -> None:
    """Replace the first line ``change`` gives a new text for (else fail), so
    that the edit is seen (:func:`bump_mtime`)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        new = change(line)
        if new is not None:
            lines[i] = new
            break
    else:
        raise AssertionError(f"no {what} in {path}")
    path.write_text("".join(lines), encoding="utf-8")
    bump_mtime(path)


def retitle(path: Path, title: str) -> None:
    edit_first_line(
        path, lambda line: f"title: {title}\n" if line.startswith("title:") else None, "title"
    )


def bump_mtime(path: Path) -> None:
    """Make an edit visible even where two writes share one mtime tick."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def edit_value(site: Path) -> None:
    path = first_checkin(site)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("confidence:", "confidence: 2\nold_confidence:", 1))
    bump_mtime(path)


def break_file(site: Path) -> None:
    path = first_objective(site)
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: [", 1))
    bump_mtime(path)


def add_objective(site: Path) -> None:
    (site / "content" / "objectives" / "added.md").write_text(
        "---\ntitle: Added later\ncycle: 2026-Q4\nowner: uma\n"
        "key_results:\n  - {id: a, title: A, start: 0, target: 4, current: 1}\n---\n",
        encoding="utf-8",
    )


def delete_checkin(site: Path) -> None:
    first_checkin(site).unlink()


def rename_objective(site: Path) -> None:
    path = first_objective(site)
    path.rename(path.with_name("renamed-" + path.name))


def change_default_cycle(site: Path) -> None:
    config = site / "okrsite.toml"
    text = config.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("default_cycle")]
    config.write_text('default_cycle = "2026-Q3"\n' + "\n".join(lines) + "\n", encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "retitle objective": lambda s: retitle(first_objective(s), "A new title"),
    "edit check-in": edit_value,
    "break a file": break_file,
    "add objective": add_objective,
    "delete check-in": delete_checkin,
    "rename objective": rename_objective,
    "change default cycle": change_default_cycle,
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_cached_check_equals_a_cold_check_after_each_edit(site: Path, edit: Callable) -> None:
    cold_before = check_json(site, "--no-cache")
    assert not (site / ".okrsite-cache").exists(), "--no-cache must not write a cache"
    assert check_json(site) == cold_before  # fills the cache
    assert cache_files(site), "check wrote no cache"
    assert check_json(site) == cold_before  # served from the cache
    edit(site)
    assert check_json(site) == check_json(site, "--no-cache")


def test_a_new_error_is_reported_through_the_cache(site: Path) -> None:
    check_json(site)
    (site / "content" / "objectives" / "orphan.md").write_text(
        "---\ntitle: Orphan\ncycle: 2026-Q4\nparent: no/such-parent\n---\n", encoding="utf-8"
    )
    break_file(site)
    warm = check_json(site)
    assert warm == check_json(site, "--no-cache")
    assert '"severity": "error"' in warm and "parent" in warm


def build_outcome(site: Path, out: Path, *extra: str) -> tuple[int, str, dict[str, bytes]]:
    """Exit code, the diagnostics printed, and the files of the output folder."""
    result = okrsite("build", "--site", str(site), "--as-of", AS_OF, "--out", str(out), *extra)
    report = result.output.split("okrsite: buil")[0]
    return result.exit_code, report, built_files(out) if result.exit_code == 0 else {}


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_cached_build_is_byte_equal_to_a_cold_build(
    site: Path, tmp_path: Path, edit: Callable
) -> None:
    before = build(site, tmp_path / "warm")  # fills the cache
    edit(site)
    warm = build_outcome(site, tmp_path / "warm")
    cold = build_outcome(site, tmp_path / "cold", "--no-cache")
    assert warm == cold
    assert warm[0] == 1 or warm[2] != before, "the edit changed nothing: the test proves nothing"


def test_the_cache_parses_only_what_changed(site: Path) -> None:
    check_json(site)
    retitle(first_objective(site), "Only this one")
    config_key = load_parse_cache(site / ".okrsite-cache", _key(site)).key
    stored = load_parse_cache(site / ".okrsite-cache", config_key)
    assert len(stored.by_digest) > 50
    from okrsite.pipeline import load_site

    load_site(site, None, cache=stored)
    assert stored.misses == 1, "exactly the edited file is parsed again"


def _key(site: Path) -> tuple[str, ...]:
    from okrsite.pipeline import FileTree, parse_cache_key, read_config

    return parse_cache_key(read_config(FileTree(site))[0])


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"okrsite-parse-cache 1\n" + b"\x80\x05garbage"),
        lambda p: p.write_bytes(os.urandom(4096)),
    ],
    ids=["truncated", "empty", "garbage", "random"],
)
def test_a_damaged_cache_falls_back_to_a_cold_load(site: Path, damage: Callable) -> None:
    cold = cold_check_json(site)
    check_json(site)
    index = sorted((site / ".okrsite-cache").glob("index-*.pickle"))
    assert len(index) == 1 and len(cache_files(site)) == 1
    for path in [*cache_files(site), *index]:
        damage(path)
    assert check_json(site) == cold
    assert check_json(site) == cold  # and the cache was rewritten whole
    assert load_parse_cache(site / ".okrsite-cache", _key(site)).by_digest


class _RunsCode:
    """An object whose unpickling would run a command (the classic pickle attack)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_cache_cannot_run_code(site: Path, tmp_path: Path) -> None:
    cold = cold_check_json(site)
    marker = tmp_path / "pwned"
    folder = site / ".okrsite-cache"
    folder.mkdir()
    target = cache_file(folder, _key(site))
    payload = (_key(site), {"x": _RunsCode(marker)}, {})
    target.write_bytes(b"okrsite-parse-cache 1\n" + pickle.dumps(payload))
    assert check_json(site) == cold
    assert not marker.exists(), "unpickling the cache ran a command"


def test_cache_dir_option_and_settings(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "ci-cache"
    check_json(site, "--cache-dir", str(elsewhere))
    assert list(elsewhere.glob("parse-*.pickle")) and not (site / ".okrsite-cache").exists()
    assert (elsewhere / ".gitignore").read_text().strip().endswith("*")

    config = site / "okrsite.toml"
    config.write_text("cache = false\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    check_json(site)
    assert not (site / ".okrsite-cache").exists()


@pytest.mark.parametrize("bad", ["/tmp/x", "../outside", "a/../../b", ""])
def test_a_cache_dir_outside_the_site_is_refused(site: Path, bad: str) -> None:
    config = site / "okrsite.toml"
    config.write_text(f'cache_dir = "{bad}"\n' + config.read_text(encoding="utf-8"))
    result = okrsite("check", "--site", str(site), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "CFG011" in result.output and "okrsite.toml:1" in result.output
    assert "Traceback" not in result.output
    assert not (site.parent / "outside").exists()


def test_a_cache_of_other_settings_is_not_used(site: Path) -> None:
    folder = site / ".okrsite-cache"
    check_json(site)
    other = load_parse_cache(folder, ("another", "key"))
    assert other == ParseCache(key=("another", "key"))


@pytest.mark.parametrize("swap", ["link out of the site", "fifo"])
def test_a_warm_cache_never_serves_a_file_swapped_for_a_link_out_or_a_fifo(
    site: Path, tmp_path: Path, swap: str
) -> None:
    """The cache trusts size and time only for a regular file inside the site: a
    goal file replaced by a link to the same bytes outside the site (size and
    time copied too) or by a FIFO is refused as a cold run refuses it."""
    goal = first_objective(site)
    rel = goal.relative_to(site).as_posix()
    old = 1_700_000_000_000_000_000  # long past: no "modified just now" re-hash
    os.utime(goal, ns=(old, old))
    first = check_json(site)
    assert cache_files(site) and "OKR012" not in first and "OKR013" not in first
    config_key = load_parse_cache(site / ".okrsite-cache", _key(site)).key
    assert len(load_parse_cache(site / ".okrsite-cache", config_key).stats) > 50, "cache not warm"
    outside = tmp_path / "outside" / goal.name
    outside.parent.mkdir()
    outside.write_bytes(goal.read_bytes())  # the same bytes: only the rules tell them apart
    os.utime(outside, ns=(old, old))
    goal.unlink()
    if swap == "fifo":
        os.mkfifo(goal)
    else:
        goal.symlink_to(outside)
        assert os.stat(goal).st_mtime_ns == old and os.stat(goal).st_size == outside.stat().st_size
    warm = check_json(site)
    assert warm == check_json(site, "--no-cache")
    code = "OKR013" if swap == "fifo" else "OKR012"
    assert code in warm and rel in warm, warm
    result = okrsite("build", "--site", str(site), "--as-of", AS_OF, "--out", str(tmp_path / "o"))
    assert result.exit_code == 1 and code in result.output
    assert not (tmp_path / "o").exists()


def test_a_build_saves_the_parse_cache_while_its_workers_render(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``okrsite build`` saves the parse cache in its own process while a
    forked worker renders pages (it was the last second of a cold build at
    10,000 objectives, on one core), once; the next build parses nothing."""
    import multiprocessing
    from datetime import date

    import okrsite.render_plan as render_plan
    from okrsite.build import build_site
    from okrsite.parse_store import stored_parse_cache

    monkeypatch.setattr(render_plan, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_plan, "CHUNK", 7)
    stored = stored_parse_cache(site, tmp_path / "cache")
    assert stored is not None
    seen: list[int] = []
    save = stored.save

    def saved_while_rendering() -> bool:
        seen.append(len(multiprocessing.active_children()))
        assert not cache_files(site) and not any((tmp_path / "cache").glob("parse-*"))
        return save()

    result = build_site(
        site,
        out_dir=tmp_path / "out",
        as_of=date(2026, 11, 20),
        jobs=2,
        cache=stored.cache,
        cache_dir=tmp_path / "cache",
        meanwhile=saved_while_rendering,
    )
    assert result.ok, result.diagnostics
    assert seen == [1]  # once, with the worker alive
    assert len(list((tmp_path / "cache").glob("parse-*.pickle"))) == 1
    written = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").glob("*.pickle")}
    assert stored.save()  # nothing new since: not written again
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache").glob("*.pickle")} == written

    again = stored_parse_cache(site, tmp_path / "cache")
    assert again is not None
    rebuilt = build_site(
        site, out_dir=tmp_path / "out", as_of=date(2026, 11, 20), jobs=2, cache=again.cache
    )
    assert rebuilt.ok and rebuilt.load is not None
    assert rebuilt.load.parsed_again == 0


def move_target(path: Path, by: int) -> None:
    """Raise the first numeric ``target:`` of an objective file by ``by``."""

    def moved(line: str) -> str | None:
        head, _, value = line.partition("target: ")
        return f"{head}target: {int(value) + by}\n" if value.strip().isdigit() else None

    edit_first_line(path, moved, "numeric target")


def test_scores_kept_with_their_prints_never_keep_a_stale_page(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``okrsite build`` keeps its scores, each with its fingerprint. The build
    after an edit that changes nothing the cross-file rules read swaps the
    edited objectives into the kept scores' portfolio instead of resolving
    every file again, and takes the kept prints for the scores it reuses
    instead of printing 10,000 again. Edits that move scores, one undone (the
    kept score object comes back while the last build's pages show the
    edited one), one that needs a full resolve, are each built byte-equal to
    a cold build."""
    from okrsite import pipeline, value_prints

    resolved: list[int] = []
    real_resolve = pipeline.resolve

    def counted(*args: object, **kwargs: object) -> object:
        resolved.append(1)
        return real_resolve(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "resolve", counted)

    objectives = sorted((site / "content" / "objectives").rglob("*.md"))
    leaf = next(p for p in objectives if "target: " in p.read_text(encoding="utf-8"))
    other = next(p for p in reversed(objectives) if p != leaf and "target: " in p.read_text())
    warm = tmp_path / "warm"
    build(site, warm)

    class Records(pickle.Unpickler):  # the records the scores name stay in the shards
        def find_class(self, module: str, name: str) -> object:
            if name == "_stored_record":
                return lambda digest: None
            return super().find_class(module, name)

    with cache_files(site)[0].open("rb") as fh:
        fh.readline()
        prints = Records(fh).load()[5]
    assert len(prints) == 22 and all(len(p) == 16 for p in prints.values())

    def new_owner() -> None:
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace("\nowner: ", "\nowner: uma\nold_owner: ", 1))
        bump_mtime(other)

    for step, resolves in (
        (lambda: move_target(leaf, 7), 0),
        (lambda: move_target(leaf, -7), 0),  # undone: the kept scores are right again
        (lambda: move_target(other, 3), 0),
        (new_owner, 1),  # the owner is read across files: resolved again
        (lambda: move_target(leaf, 2), 0),  # swapped into the scores of that build
    ):
        step()
        value_prints.known_prints(())
        resolved.clear()
        got = build(site, warm)
        assert len(resolved) == resolves
        scores = {id(v) for v, _ in value_prints._KNOWN.values()}
        assert len(scores) == 22, "the kept scores were not read with their prints"
        assert got == build(site, tmp_path / "cold", "--no-cache")


def test_after_an_edit_the_parse_cache_is_saved_apart_while_pages_render(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build after one edit renders its few pages in one process; a build
    in a process that ends after it (``freeze``, as ``okrsite build`` runs)
    saves the parse cache in a forked child meanwhile, waits for it, and
    says so (``meanwhile_done``), so the command does not save it again.
    The cache the child wrote serves the next build: it parses only the
    file edited since, and its output equals a cold build's."""
    from datetime import date

    import okrsite.build as build_module
    from okrsite.build import build_site
    from okrsite.parse_store import stored_parse_cache

    # a site this small saves in the process (SAVE_APART_FROM); the large
    # site's way is what is tested here
    monkeypatch.setattr(build_module, "SAVE_APART_FROM", 0)
    cache_dir, out = tmp_path / "cache", tmp_path / "out"

    def built() -> tuple[object, dict[str, bytes]]:
        stored = stored_parse_cache(site, cache_dir)
        assert stored is not None
        stored.print_scores = True
        ran_in: list[int] = []

        def save() -> bool:
            ran_in.append(os.getpid())
            return stored.save()

        try:
            result = build_site(
                site,
                out_dir=out,
                as_of=date(2026, 11, 20),
                jobs=1,
                cache=stored.cache,
                cache_dir=cache_dir,
                meanwhile=save,
                freeze=True,
            )
        finally:
            gc.unfreeze()  # freeze is for a process that ends: this one goes on testing
        assert result.ok, result.diagnostics
        assert result.meanwhile_done
        assert ran_in == []  # done in the child, never here
        return result, built_files(out)

    built()
    leaf = next(
        p
        for p in sorted((site / "content" / "objectives").rglob("*.md"))
        if "target: " in p.read_text(encoding="utf-8")
    )
    move_target(leaf, 3)
    written = {p: p.stat().st_mtime_ns for p in cache_dir.glob("index-*.pickle")}
    result, files = built()
    assert {p: p.stat().st_mtime_ns for p in cache_dir.glob("index-*.pickle")} != written
    move_target(leaf, 1)
    result, files = built()
    assert result.load.parsed_again == 1  # type: ignore[attr-defined]
    assert files == build(site, tmp_path / "cold", "--clean")


def test_temporary_files_of_a_killed_run_are_swept_and_a_fresh_one_is_kept(
    site: Path, tmp_path: Path
) -> None:
    """A run killed while writing the cache leaves its temporary file (as
    large as the file it was to replace); the next run that saves the cache
    removes those older than an hour, and never one another run writes now."""
    before = build(site, tmp_path / "out")
    cache = site / ".okrsite-cache"
    stale = [
        cache / ".okrsite-abc123.tmp",
        cache / ".pages-def456.tmp",
        cache / "history" / ".segment.tmp",
        cache / "pieces" / "history_timeline-0123.tmp",
    ]
    fresh = cache / ".okrsite-now999.tmp"
    mine = cache / "notes.tmp"  # not a name okrsite writes: never touched
    for path in [*stale, fresh, mine]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half written")
    hour_and_a_bit = os.stat(fresh).st_mtime - 3700
    for path in [*stale, mine]:
        os.utime(path, (hour_and_a_bit, hour_and_a_bit))
    retitle(first_objective(site), "Swept")
    after = build(site, tmp_path / "out")
    assert after != before
    assert [p.name for p in stale if p.exists()] == []
    assert fresh.exists() and mine.exists()
    assert after == build(site, tmp_path / "cold", "--no-cache")
