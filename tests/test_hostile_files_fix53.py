"""Hostile files (fix 53), each through the real CLI on a site in ``tmp_path``.

- A translation catalogue with a control character (a NUL or BEL byte, or
  a ``\\a`` escape) was used as it was: ten pages held the raw bytes and
  ``checkins.xml`` was no XML. Now THM003 at its line, from ``check`` and
  ``build``, before anything is written, in the site's catalogue and the
  theme's; ``\\t`` and ``\\n`` stay text. A ``charset=utf-16`` on a UTF-8
  catalogue gave Babel's "Unknown or misformatted keyword" without a line:
  now a located THM003 saying what to do.
- A goal file whose path is too long for the file system was left out
  without a word (``0 errors``, the objective missing): a folder too deep
  to be listed, or a file too long to be opened in one that is not, is
  OKR010.
- A staging folder of a killed build whose process was not reaped yet (a
  zombie: ``timeout -s KILL`` leaves one) was judged a build still running
  and kept by every later build: a zombie runs no more, nor does the maker
  of a folder whose id a later process took.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_example, run_cli, write_site

from okrsite.writer import STAGING_MARKER

_HEADER = (
    'msgid ""\nmsgstr ""\n"Project-Id-Version: okrsite\\n"\n'
    '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n\n'
)
# line 8 on: the header above is 7 lines


def _german_example(root: Path) -> Path:
    site = copy_example(root / "site")
    toml = site / "okrsite.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'language = "en"' in text
    toml.write_text(text.replace('language = "en"', 'language = "de"'), encoding="utf-8")
    return site


# ------------------------------------------------ 1. control characters in .po files
def test_a_catalogue_with_control_bytes_is_refused_by_check_and_build(tmp_path: Path) -> None:
    site = _german_example(tmp_path)
    po = _HEADER.encode() + b'msgid "check-ins"\nmsgstr "Check\x00ins \x07"\n'
    (site / "translations").mkdir()
    (site / "translations/de.po").write_bytes(po)
    for command in ("check", "build"):
        code, output = run_cli(command, "--site", str(site))
        assert code == 1, output
        assert (
            "translations/de.po:9: error THM003: translation catalogue: the file contains "
            "the control character U+0000 (column 14)"
        ) in output, output
    assert not (site / "_site").exists()
    assert not [p for p in site.iterdir() if ".okrsite-tmp-" in p.name]


def test_control_escapes_are_refused_at_their_line_and_tab_newline_are_text(
    tmp_path: Path,
) -> None:
    site = _german_example(tmp_path)
    po = _HEADER + (
        'msgid "check-ins"\nmsgstr "Check-ins"\n\n'  # 8-9
        'msgctxt "nav"\nmsgid "Objectives"\nmsgstr ""\n"Zie\\\\ale"\n"\\ae"\n\n'  # 11-15
        'msgid "Teams"\nmsgstr "Te\\tams\\n"\n\n'  # 17-18: a tab and a line break are text
        '#, fuzzy\nmsgid "Search"\nmsgstr "Su\\rche"\n'  # 20-22
    )
    (site / "translations").mkdir()
    (site / "translations/de.po").write_text(po, encoding="utf-8")
    code, output = run_cli("check", "--site", str(site))
    assert code == 1, output
    said = re.findall(r"translations/de\.po:(\d+): error THM003: ([^(]*)", output)
    assert said == [
        (
            "15",
            "translation catalogue: a string contains the control character U+0007, written \\a ",
        ),
        (
            "22",
            "translation catalogue: a string contains the control character U+000D, written \\r ",
        ),
    ], output
    assert "\\t for a tab" in output, output


def test_a_theme_catalogue_with_a_control_character_is_refused(tmp_path: Path) -> None:
    site = _german_example(tmp_path)
    text = (site / "okrsite.toml").read_text(encoding="utf-8")
    (site / "okrsite.toml").write_text(
        re.sub(r"(?m)^theme = .*\n", "", text).replace(
            'language = "de"', 'language = "de"\ntheme = "brand"'
        ),
        encoding="utf-8",
    )
    write_site(
        site,
        {
            "themes/brand/theme.toml": 'extends = "default"\n',
            "themes/brand/translations/de.po": _HEADER.encode()
            + b'msgid "check-ins"\nmsgstr "Check-\x1bins"\n',
        },
    )
    code, output = run_cli("build", "--site", str(site))
    assert code == 1, output
    assert (
        "themes/brand/translations/de.po:9: error THM003: translation catalogue: the file "
        "contains the control character U+001B"
    ) in output, output
    assert not (site / "_site").exists()


def test_a_utf16_charset_on_a_utf8_catalogue_is_located(tmp_path: Path) -> None:
    site = _german_example(tmp_path)
    po = _HEADER.replace("charset=UTF-8", "charset=utf-16") + 'msgid "Teams"\nmsgstr "Teams"\n'
    (site / "translations").mkdir()
    (site / "translations/de.po").write_text(po, encoding="utf-8")
    code, output = run_cli("check", "--site", str(site))
    assert code == 1, output
    assert "misformatted" not in output, output
    assert (
        "translations/de.po:5: error THM003: translation catalogue: its Content-Type names "
        "the charset 'utf-16', but the file is not written in it"
    ) in output, output
    assert "save the file as UTF-8" in output, output


def test_a_line_babel_cannot_read_is_located(tmp_path: Path) -> None:
    site = _german_example(tmp_path)
    (site / "translations").mkdir()
    (site / "translations/de.po").write_text(
        _HEADER + 'msgid "Teams"\nmsgstr "Teams"\nmsgsr "x"\n', encoding="utf-8"
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 1, output
    assert "translations/de.po:10: error THM003" in output, output


# ------------------------------------------------ 2. paths too long for the file system
_OBJECTIVE = b"---\ntitle: Deep down\nowner: Uma Diaz\nkey_results:\n  - {id: a, title: A, done: false}\n---\n"


def _deep(folder: Path, name: str, until: int, file: str) -> None:
    """Folders of 15 characters nested under ``folder`` until the folder's
    path is ``until`` bytes or longer, ``file`` in the last: made relative
    to an open folder, as a path that long cannot be named whole."""
    fd = os.open(folder, os.O_RDONLY)
    length = len(os.fsencode(folder))
    try:
        index = 0
        while length < until:
            part = f"{name}{index:04d}{'x' * 15}"[:15]
            os.mkdir(part, dir_fd=fd)
            inner = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, length, index = inner, length + 16, index + 1
        out = os.open(file, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, _OBJECTIVE)
        os.close(out)
    finally:
        os.close(fd)


@pytest.fixture
def deep_site(tmp_path: Path) -> Iterator[Path]:
    site = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\n', "content/objectives/.keep": ""},
    )
    yield site
    shutil.rmtree(site, ignore_errors=True)  # walks by folder, whatever the depth


def test_a_goal_file_in_a_folder_too_deep_to_list_is_reported(deep_site: Path) -> None:
    # some 260 levels: the last folder's path is over 4,096 bytes
    _deep(deep_site / "content/objectives", "a", 4200, "x.md")
    for command in ("check", "check", "build"):  # the second check with the cache
        code, output = run_cli(command, "--site", str(deep_site))
        assert code == 1, output
        assert "error OKR010: folder content/objectives/a0000xxxxxxxxxx/" in output, output
        assert "has a path too long for the file system" in output, output
    assert not (deep_site / "_site").exists()


def test_a_goal_file_whose_own_path_is_too_long_is_reported(deep_site: Path) -> None:
    # the folder can be listed (under 4,096 bytes), the file's path cannot be opened
    objectives = deep_site / "content/objectives"
    _deep(objectives, "b", 4080 - 16, "a-goal-file-with-a-rather-long-name.md")
    for command in ("check", "check"):
        code, output = run_cli(command, "--site", str(deep_site))
        assert code == 1, output
        assert re.search(r"error OKR010: path .* is too long for the file system", output), output


# ------------------------------------------------ 3. staging folders of killed builds
@pytest.fixture
def zombie() -> Iterator[int]:
    """A child process that has ended and is not waited for: a zombie."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            if fh.read().rpartition(b")")[2].split()[0] == b"Z":
                break
        time.sleep(0.01)
    yield pid
    os.waitpid(pid, 0)


def _leftover(site: Path, pid: int, name: str) -> Path:
    folder = site / f"._site.okrsite-tmp-{pid}-{name}"
    folder.mkdir()
    (folder / STAGING_MARKER).write_text(f"{pid}\n")
    (folder / "api").mkdir()
    (folder / "checkins.xml").write_text("<feed/>")
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_killed_builds_staging_folder_goes_with_incremental_builds(
    tmp_path: Path, zombie: int
) -> None:
    site = copy_example(tmp_path / "site")
    code, output = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, output
    left = _leftover(site, zombie, "1")
    code, output = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0 and "0 written" in output, output  # answered by the page cache
    assert not left.exists()
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == [".okrsite-cache"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_folder_whose_process_id_was_taken_later_goes_a_running_ones_stays(
    tmp_path: Path,
) -> None:
    site = copy_example(tmp_path / "site")
    code, output = run_cli("build", "--site", str(site), "--no-history")
    assert code == 0, output
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        running = _leftover(site, sleeper.pid, "1")
        taken = _leftover(site, sleeper.pid, "2")
        hour_ago = time.time() - 3600  # marked an hour before its process started
        os.utime(taken / STAGING_MARKER, (hour_ago, hour_ago))
        code, output = run_cli("build", "--site", str(site), "--no-history")
        assert code == 0, output
        assert running.exists() and (running / "checkins.xml").exists()
        assert not taken.exists()
    finally:
        sleeper.send_signal(signal.SIGKILL)
        sleeper.wait()
