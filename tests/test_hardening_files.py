"""Reading only what the site owns; skipped files are reported, never silently dropped.

Every file okrsite reads goes through :mod:`okrsite.sitefiles`. These tests
put links, FIFOs, sockets and unreadable files where a site's goals, data,
static files, templates and settings live, and drive the real commands.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrsite import sitefiles
from okrsite.cli import cli
from okrsite.pipeline import load_site

SECRET = "CANARY-5150"

OBJECTIVE = """\
---
title: Grow sales
cycle: 2026-Q1
owner: uma-diaz
key_results:
  - {id: deals, title: Close deals, target: 10, current: 4}
  - {id: calls, title: Make calls, target: 100, current: 40}
---
"""
KPI = "---\ntitle: NPS\ntarget: 50\ndata: data/nps.csv\n---\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/kpis").mkdir()
    (root / "content/data").mkdir()
    (root / "okrsite.toml").write_text('title = "Acme"\nas_of = "2026-02-15"\n')
    (root / "content/objectives/sales.md").write_text(OBJECTIVE)
    (root / "content/kpis/nps.md").write_text(KPI)
    (root / "content/data/nps.csv").write_text("date,value\n2026-01-05,31\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.txt").write_text(f"{SECRET}\nsecond line\n")
    (tmp_path / "outside/secret.md").write_text(f"---\ntitle: {SECRET}\ncycle: 2026-Q1\n---\n")
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output


def codes(root: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in load_site(root, jobs=1).diagnostics:
        found.setdefault(d.code, []).append(d.file or "")
    return found


def test_a_goal_file_linked_from_outside_is_refused_naming_the_link(site: Path) -> None:
    (site / "content/objectives/stolen.md").symlink_to(site.parent / "outside/secret.md")
    code, out = run("check", "--site", str(site))
    assert code == 1
    assert "content/objectives/stolen.md" in out and "OKR012" in out
    assert SECRET not in out


def test_a_data_file_linked_to_the_environment_never_prints_it(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRSITE_TEST_SECRET", SECRET)
    (site / "content/data/nps.csv").unlink()
    (site / "content/data/nps.csv").symlink_to("/proc/self/environ")
    code, out = run("check", "--site", str(site))
    assert code == 1 and "OKR012" in out
    assert SECRET not in out
    code, out = run("build", "--site", str(site))
    assert code == 1 and SECRET not in out


def test_static_and_template_links_out_of_the_site_are_not_copied_or_loaded(site: Path) -> None:
    (site / "static").mkdir()
    (site / "static/leak.txt").symlink_to(site.parent / "outside/secret.txt")
    code, out = run("build", "--site", str(site))
    assert code == 1 and "static/leak.txt" in out and SECRET not in out
    assert not (site / "_site").exists()
    (site / "static/leak.txt").unlink()
    (site / "templates").mkdir()
    (site / "templates/dashboard.html").symlink_to(site.parent / "outside/secret.txt")
    code, out = run("build", "--site", str(site))
    assert code == 1 and "templates/dashboard.html" in out and SECRET not in out


@pytest.mark.parametrize("theme", ["../outside", "ABS"])
def test_a_theme_elsewhere_does_not_let_the_site_link_into_its_folder(
    site: Path, theme: str
) -> None:
    """A theme outside the site (``theme = "../shared"``, or a pull request's
    ``theme = "/etc"``) is read for its own templates; a link in the site's
    templates/ or static/ into that folder is still a link out of the site."""
    outside = site.parent / "outside"
    (outside / "templates").mkdir()
    (outside / "templates/base.html").write_text("{% block main %}{% endblock %}")
    name = str(outside) if theme == "ABS" else theme
    config = site / "okrsite.toml"
    config.write_text(config.read_text() + f'theme = "{name}"\n')
    (site / "templates").mkdir()
    (site / "templates/dashboard.html").symlink_to(outside / "secret.txt")
    code, out = run("build", "--site", str(site))
    assert code == 1 and "templates/dashboard.html" in out and SECRET not in out
    assert not (site / "_site").exists()
    (site / "templates/dashboard.html").unlink()
    (site / "static").mkdir()
    (site / "static/leak.txt").symlink_to(outside / "secret.txt")
    code, out = run("build", "--site", str(site))
    assert code == 1 and "static/leak.txt" in out and SECRET not in out
    assert not (site / "_site").exists()


def test_a_link_inside_the_site_is_followed(site: Path) -> None:
    (site / "content/data/copy.csv").symlink_to(site / "content/data/nps.csv")
    (site / "content/kpis/nps.md").write_text(KPI.replace("nps.csv", "copy.csv"))
    code, out = run("build", "--site", str(site))
    assert code == 0, out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    "rel",
    ["content/objectives/pipe.md", "content/data/nps.csv", "okrsite.toml", "static/pipe.css"],
)
def test_a_fifo_is_refused_without_being_opened(site: Path, rel: str) -> None:
    """Run in a subprocess with a timeout: opening a FIFO would block forever."""
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    proc = subprocess.run(
        [sys.executable, "-m", "okrsite", "build", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert rel in proc.stdout + proc.stderr and "named pipe" in proc.stdout + proc.stderr


def test_a_socket_in_content_is_refused(site: Path) -> None:
    import socket

    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(os.fspath(site / "content/objectives/s.md"))
        assert codes(site)["OKR013"] == ["content/objectives/s.md"]
    finally:
        sock.close()


def test_dangling_looping_links_and_linked_folders_are_warnings_with_their_path(
    site: Path,
) -> None:
    objectives = site / "content/objectives"
    (objectives / "gone.md").symlink_to(site / "nowhere.md")
    (objectives / "loop.md").symlink_to(objectives / "loop.md")
    (objectives / "linked").symlink_to(site.parent / "outside", target_is_directory=True)
    code, out = run("check", "--site", str(site))
    assert code == 0, out
    for rel in ("gone.md", "loop.md", "linked"):
        assert f"content/objectives/{rel}" in out
    assert out.count("OKR011") == 3
    assert "points nowhere" in out and "loops back" in out and "not followed" in out


def test_a_file_that_cannot_be_read_is_an_error(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = site / "content/objectives/locked.md"
    locked.write_text(OBJECTIVE)
    real_open = os.open

    def deny(path: str, flags: int, *args: int) -> int:
        if str(path).endswith("locked.md"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(sitefiles.os, "open", deny)
    diags = [d for d in load_site(site, jobs=1).diagnostics if d.code == "OKR015"]
    assert [(d.file, d.is_error) for d in diags] == [("content/objectives/locked.md", True)]
    assert "permission denied" in diags[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_an_error(site: Path) -> None:
    locked = site / "content/objectives/locked.md"
    locked.write_text(OBJECTIVE)
    locked.chmod(0)
    try:
        assert codes(site)["OKR015"] == ["content/objectives/locked.md"]
    finally:
        locked.chmod(0o644)


def test_messages_quote_a_short_printable_excerpt() -> None:
    shown = sitefiles.excerpt("x" * 500 + "\x1b[31m")
    assert len(shown) <= 60 and "\x1b" not in shown
    assert sitefiles.excerpt("a\nb\x00c") == "a\\nb\\x00c"


# A link's target, as a user might write it: relative or absolute, climbing
# out with .., into sibling folders, or staying inside.
TARGETS = st.lists(st.sampled_from(["..", "content", "data", "outside", "x.csv", "."]), max_size=5)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=TARGETS, absolute=st.booleans())
def test_any_link_is_read_only_if_it_resolves_inside_the_site(
    site: Path, parts: list[str], absolute: bool
) -> None:
    """The rule, against an oracle: read iff the link resolves to a regular file in the root."""
    for rel in ("content/data/x.csv", "content/x.csv", "x.csv"):
        (site / rel).write_text("date,value\n")
    (site.parent / "outside/x.csv").write_text(SECRET)
    link = site / "content/data/link.csv"
    link.unlink(missing_ok=True)
    target = os.path.join(*parts) if parts else "."
    link.symlink_to(os.path.join(link.parent, target) if absolute else target)
    root = os.path.realpath(site) + os.sep
    try:  # what the kernel resolves: a link that works and lands in the site must be read
        os.stat(link)
        kernel_inside = os.path.realpath(link).startswith(root) and os.path.isfile(link)
    except OSError:
        kernel_inside = False
    try:
        data = sitefiles.read_owned(link, sitefiles.owned_roots(site))
    except sitefiles.UnsafeFileError as exc:
        assert not kernel_inside, exc
        assert SECRET not in str(exc)
    else:  # whatever was read lies inside the site
        assert os.path.realpath(link).startswith(root)
        assert SECRET.encode() not in data


def refusal_code(make: Callable[[Path], None], target: Path) -> str:
    make(target)
    with pytest.raises(sitefiles.UnsafeFileError) as info:
        sitefiles.read_owned(target, sitefiles.owned_roots(target.parent))
    return info.value.refusal.code


def test_devices_and_folders_are_not_regular_files(tmp_path: Path) -> None:
    assert refusal_code(lambda p: p.mkdir(), tmp_path / "folder") == "OKR013"
    assert refusal_code(lambda p: p.symlink_to("/dev/null"), tmp_path / "null") == "OKR012"


def test_the_preview_refuses_a_static_link_out_of_the_site(site: Path) -> None:
    from okrsite.preview import Preview

    (site / "static").mkdir()
    (site / "static/leak.txt").symlink_to(site.parent / "outside/secret.txt")
    preview = Preview(site, port=0, echo=lambda message: None)
    try:
        report = preview.rebuild()
        assert not report.ok
        assert [d.file for d in report.diagnostics if d.code == "OKR012"] == ["static/leak.txt"]
        assert not any(SECRET in p.read_text() for p in preview.out.rglob("*.txt"))
    finally:
        preview.stop()


def test_a_file_name_with_control_characters_is_shown_escaped(site: Path) -> None:
    (site / "content/objectives/evil\x1b[2Jname\n.md").write_text(OBJECTIVE)
    code, out = run("check", "--site", str(site))
    assert "\x1b" not in out
    assert "evil\\x1b[2Jname\\n.md" in out


def test_a_translation_linked_out_of_the_site_stops_the_build(site: Path) -> None:
    (site / "okrsite.toml").write_text('title = "Acme"\nas_of = "2026-02-15"\nlanguage = "de"\n')
    (site / "translations").mkdir()
    (site / "translations/de.po").symlink_to(site.parent / "outside/secret.txt")
    code, out = run("build", "--site", str(site))
    assert code == 1 and "OKR012" in out and "translations/de.po" in out, out
    assert SECRET not in out and not (site / "_site").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_translation_that_is_a_fifo_is_refused_without_being_opened(site: Path) -> None:
    (site / "okrsite.toml").write_text('title = "Acme"\nas_of = "2026-02-15"\nlanguage = "de"\n')
    (site / "translations").mkdir()
    os.mkfifo(site / "translations/de.po")
    proc = subprocess.run(
        [sys.executable, "-m", "okrsite", "build", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    shown = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in shown, shown
    assert "translations/de.po" in shown and "named pipe" in shown
