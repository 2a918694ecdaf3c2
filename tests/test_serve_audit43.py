"""Audit 43 of ``okrsite serve``: linked goal files, ``--allow-host``, the
preview's template-error hint, and OKR303's "did you mean".

The preview must equal a full build after every kind of edit: the symlink
cases here start a real preview (watcher and server) on a copy of the example
site, make the edit on disk, wait for the watcher's rebuild and compare every
file of the preview's folder, byte for byte, with ``okrsite build`` of the
same files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_example, run_cli, write_site
from test_serve import AS_OF, fetch, settle, wait_for

from okrsite.cli import cli
from okrsite.preview import Preview

OBJ = "content/objectives/sales/q4-bookings.md"
ALIAS = "content/objectives/sales/q4-bookings-alias.md"
CSV = "content/data/copilot-weekly-active.csv"


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def built(site: Path, out: Path) -> dict[str, bytes]:
    """Every file ``okrsite build`` makes of ``site`` as it is now."""
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", str(AS_OF))
    assert code == 0, output
    return files_of(out)


def assert_preview_equals_build(preview: Preview, site: Path, out: Path) -> None:
    expected = built(site, out)
    got = files_of(preview.out)
    assert sorted(got) == sorted(expected), (
        f"missing {sorted(set(expected) - set(got))[:10]}, extra {sorted(set(got) - set(expected))[:10]}"
    )
    differing = [k for k in expected if got[k] != expected[k]]
    assert differing == [], f"stale in the preview: {differing[:10]}"


def rebuilt_after(preview: Preview, edit: Callable[[], None], timeout: float = 15.0) -> None:
    """Make ``edit`` and wait until the watcher has rebuilt for it and is quiet."""
    before = preview.rebuilds
    time.sleep(0.05)
    edit()
    wait_for("a rebuild after the edit", lambda: preview.rebuilds > before, timeout=timeout)
    settle(preview)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def link_outside_content(site: Path, rel: str) -> Path:
    """Move ``rel`` to ``shared/`` (in the site, outside content/) and leave a
    relative link in its place; the moved file."""
    target = site / "shared" / Path(rel).name
    target.parent.mkdir(exist_ok=True)
    (site / rel).rename(target)
    (site / rel).symlink_to(os.path.relpath(target, (site / rel).parent))
    return target


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "site")


@pytest.fixture
def start_preview(site: Path) -> Iterator[Callable[[], Preview]]:
    started: list[Preview] = []

    def start() -> Preview:
        preview = Preview(site, port=0, as_of=AS_OF, echo=lambda _m: None)
        started.append(preview)
        preview.start()
        return preview

    try:
        yield start
    finally:
        for preview in started:
            preview.stop()


# -- 1. a new link beside a goal file ------------------------------------------


def test_a_new_link_beside_a_goal_file_gets_its_page_as_in_a_build(
    site: Path, start_preview: Callable[[], Preview], tmp_path: Path
) -> None:
    preview = start_preview()
    rebuilt_after(preview, lambda: (site / ALIAS).symlink_to("q4-bookings.md"))
    assert preview.last is not None and preview.last.ok, preview.last
    status, _ = fetch(preview.server.url + "objectives/sales/q4-bookings-alias/")
    assert status == 200
    assert_preview_equals_build(preview, site, tmp_path / "out")


def test_saving_the_file_a_link_beside_it_points_to_updates_the_link_page(
    site: Path, start_preview: Callable[[], Preview], tmp_path: Path
) -> None:
    (site / ALIAS).symlink_to("q4-bookings.md")
    preview = start_preview()
    rebuilt_after(preview, lambda: replace_in(site / OBJ, "title: ", "title: Renamed "))
    assert preview.last is not None and preview.last.ok, preview.last
    _, page = fetch(preview.server.url + "objectives/sales/q4-bookings-alias/")
    assert "Renamed " in page
    assert_preview_equals_build(preview, site, tmp_path / "out")


# -- 2. a link to a file outside content/ --------------------------------------


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        (OBJ, "title: ", "title: Shared "),
        (CSV, "2026-07-13,5", "2026-07-13,50"),
    ],
    ids=["goal file", "data CSV"],
)
def test_saving_a_linked_file_outside_content_rebuilds(
    site: Path,
    start_preview: Callable[[], Preview],
    tmp_path: Path,
    rel: str,
    old: str,
    new: str,
) -> None:
    target = link_outside_content(site, rel)
    preview = start_preview()  # inotify, the default: not --poll
    assert preview.last is not None and preview.last.ok, preview.last
    rebuilt_after(preview, lambda: replace_in(target, old, new))
    assert preview.last is not None and preview.last.ok, preview.last
    assert_preview_equals_build(preview, site, tmp_path / "out")


# -- 3. --allow-host with a name no Host header carries ------------------------


@pytest.mark.parametrize("name", ["team box", "mybox:8000", "box,evil.example", ""])
def test_allow_host_refuses_a_name_no_host_header_can_carry(
    site: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``okrsite serve`` through click's runner, in this process: the refusal
    is click's (exit code 2, the message on stderr), made before serve runs.
    Bounded: a name let through would start a preview and serve on and on,
    so starting one fails the test instead."""
    import okrsite.preview

    def started(*_args: object, **_kwargs: object) -> None:
        raise AssertionError(f"--allow-host {name!r} was accepted: serve started")

    monkeypatch.setattr(okrsite.preview, "Preview", started)
    done = CliRunner().invoke(
        cli, ["serve", "--site", str(site), "--port", "0", "--allow-host", name]
    )
    assert not isinstance(done.exception, AssertionError), done.exception
    assert done.exit_code == 2, done.output
    assert f"Invalid value for '--allow-host': {name!r} is not a host name" in done.stderr
    assert "Traceback" not in done.output


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("MyBox.local", True),
        ("team-box_1", True),
        ("192.168.1.7", True),
        ("::1", True),
        ("[::1]", True),
        ("team box", False),
        ("mybox:8000", False),
        ("", False),
    ],
)
def test_which_names_can_be_allowed(name: str, ok: bool) -> None:
    from okrsite.server_safety import can_be_allowed

    assert can_be_allowed(name) is ok


# -- 4. a template error in the preview ----------------------------------------


@pytest.mark.parametrize(
    ("template", "hint_end"),
    [
        ("{% if progress %}<b>{{ progress }</b>", "fix the template and save it: the preview"),
        ("{{ progress.nope.x }}", "fix the template and save it again"),
    ],
    ids=["syntax", "while rendering"],
)
def test_a_template_error_in_the_preview_says_to_save_again(
    site: Path, start_preview: Callable[[], Preview], template: str, hint_end: str
) -> None:
    preview = start_preview()
    partial = site / "templates/partials/progress_bar.html"

    def save() -> None:
        partial.parent.mkdir(parents=True)
        partial.write_text(template, encoding="utf-8")

    rebuilt_after(preview, save)
    assert preview.last is not None and not preview.last.ok
    (thm,) = [d for d in preview.last.diagnostics if d.code == "THM002"]
    assert thm.file == "templates/partials/progress_bar.html" and thm.line == 1
    assert thm.column is None  # Jinja gives no column: none is made up
    assert thm.hint is not None and hint_end in thm.hint and "okrsite build" not in thm.hint
    # okrsite build still says to run it again
    code, output = run_cli("build", "--site", str(site), "--as-of", str(AS_OF))
    assert code == 1 and "run okrsite build again" in output, output


# -- 5. OKR303's "did you mean" --------------------------------------------------

GOAL = """\
---
title: {title}
cycle: 2026-Q4
owner: uma
{parent}key_results:
  - {{id: a, title: Win 10 deals, start: 0, target: 10}}
  - {{id: b, title: Ship 3 things, start: 0, target: 3}}
---
"""


@pytest.mark.parametrize(
    ("ids", "parent", "hint"),
    [
        # a deleted objective: a neighbour sharing only the folder is no guess
        (
            ["customer-success/grossere-zufriedenheit-kopie"],
            "customer-success/retention",
            "check the id",
        ),
        (["sales/emea-new-logos"], "sales/retention", "check the id"),
        # a slip in the last part, or in the folder, is still guessed
        (
            ["customer-success/retention", "customer-success/nps"],
            "customer-success/retension",
            "did you mean 'customer-success/retention'?",
        ),
        (
            ["customer-success/retention"],
            "custmer-success/retention",
            "did you mean 'customer-success/retention'?",
        ),
        (["sales/q4-bookings"], "sales/q4-booking", "did you mean 'sales/q4-bookings'?"),
        (["company/grow-arr"], "grow-arr", "did you mean 'company/grow-arr'?"),
    ],
)
def test_okr303_guesses_only_an_id_whose_last_part_is_near(
    tmp_path: Path, ids: list[str], parent: str, hint: str
) -> None:
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "S"\n',
        "content/people/uma.md": "---\ntitle: Uma\n---\n",
        "content/objectives/child/leaf.md": GOAL.format(title="Leaf", parent=f"parent: {parent}\n"),
    }
    for oid in ids:
        files[f"content/objectives/{oid}.md"] = GOAL.format(title=oid, parent="")
    site = write_site(tmp_path / "site", files)
    code, output = run_cli("check", "--site", str(site), "--as-of", str(AS_OF))
    assert code == 1, output
    (line,) = [ln for ln in output.splitlines() if "OKR303" in ln]
    assert f"parent objective {parent!r} does not exist" in line
    assert f"(hint: {hint}" in line, line
