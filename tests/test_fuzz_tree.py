"""Hostile file trees and configuration: the real command in a subprocess, under a timeout.

Hypothesis picks a set of hostile changes to a small, valid site: links to a
secret outside the site (as a goal file, a KPI's data file, a static file, a
template; to ``/proc/self/environ`` holding a secret environment variable; to
a device), FIFOs where okrsite reads, dangling and looping links, a linked
folder, files nobody may read, hostile file names and hostile settings
(output folder over the sources, content folder outside the site, a theme
elsewhere). ``okrsite build`` then runs as a user runs it, and must:

* exit 0 or 1, without a traceback, within the timeout (a FIFO must not hang it);
* never show the secret: not on the terminal, not in the built site;
* write nothing outside its output folder, and nothing at all when it fails
  (so the previous output stays as it was).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from okrsite.build import build_site

SECRET = "CANARY-7f3a9c"
TIMEOUT = 60  # seconds per run; a hang shows as a failure, not a stuck CI job

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

GOOD = {
    "okrsite.toml": 'title = "Acme"\nas_of = "2026-02-15"\n',
    "content/objectives/sales.md": """\
        ---
        title: Grow sales
        cycle: 2026-Q1
        owner: uma-diaz
        key_results:
          - {id: deals, title: Close deals, start: 0, target: 10, current: 4}
          - {id: nps, title: Raise NPS, target: 50, current: 20}
        ---
        Body text.
        """,
    "content/kpis/nps.md": """\
        ---
        title: NPS
        target: 50
        data: data/nps.csv
        ---
        """,
    "content/data/nps.csv": "date,value\n2026-01-05,31\n2026-02-02,35\n",
    "static/extra.css": "body { color: black }\n",
    "templates/.keep": "",
}

HOSTILE_NAMES = st.sampled_from(
    [
        "-rf",
        "with space",
        "東京" * 20,
        "a" * 240,
        "new\nline",
        "tab\tname",
        "quote'\"",
        "%2e%2e",
        "...",
        "😀",
        "\u202eevil",
    ]
)

ACTIONS = st.sampled_from(
    [
        "link_goal_out",
        "link_csv_out",
        "link_csv_environ",
        "link_static_out",
        "link_static_device",
        "link_template_out",
        "fifo_goal",
        "fifo_csv",
        "fifo_static",
        "fifo_template",
        "fifo_config",
        "dangling_goal",
        "looping_goal",
        "linked_folder",
        "unreadable_goal",
        "socket_goal",
    ]
)
SETTINGS = st.sampled_from(
    [
        'output_dir = "templates"',
        'output_dir = "static"',
        'output_dir = "content"',
        'output_dir = "content/objectives"',
        'output_dir = "."',
        'output_dir = ".."',
        'output_dir = "/proc/okrsite"',
        'output_dir = "_site/../static/x"',
        'output_dir = "' + "o" * 260 + '"',
        'content_dir = "nope"',
        'content_dir = "../outside"',
        'content_dir = "/etc"',
        'theme = "../outside"',
        'theme = "/etc"',
        'theme = "nope"',
        "max_pages = 1",
        'title = "{{ 7 * 7 }}"',
    ]
)

COUNTS = {"examples": 0, "exit0": 0, "exit1": 0}


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def kpi_data(site: Path, name: str) -> Path:
    """A new KPI whose ``data:`` file is ``content/data/NAME.csv`` (returned, not created)."""
    write(site, {f"content/kpis/{name}.md": f"---\ntitle: K\ndata: data/{name}.csv\n---\n"})
    return site / f"content/data/{name}.csv"


def apply(action: str, site: Path, outside: Path) -> None:
    """Make one hostile change to the site (never outside it)."""
    objectives = site / "content/objectives"
    secret = outside / "secret.txt"
    if action == "link_goal_out":
        (objectives / "stolen.md").symlink_to(outside / "secret.md")
    elif action == "link_csv_out":
        kpi_data(site, action).symlink_to(secret)
    elif action == "link_csv_environ":
        kpi_data(site, action).symlink_to("/proc/self/environ")
    elif action == "link_static_out":
        (site / "static/leak.txt").symlink_to(secret)
    elif action == "link_static_device":
        (site / "static/zero.bin").symlink_to("/dev/zero")
    elif action == "link_template_out":
        (site / "templates/dashboard.html").symlink_to(secret)
    elif action == "fifo_goal":
        os.mkfifo(objectives / "pipe.md")
    elif action == "fifo_csv":
        os.mkfifo(kpi_data(site, action))
    elif action == "fifo_static":
        os.mkfifo(site / "static/pipe.css")
    elif action == "fifo_template":
        os.mkfifo(site / "templates/404.html")
    elif action == "fifo_config":
        (site / "okrsite.toml").unlink()
        os.mkfifo(site / "okrsite.toml")
    elif action == "dangling_goal":
        (objectives / "gone.md").symlink_to(site / "nowhere.md")
    elif action == "looping_goal":
        (objectives / "loop.md").symlink_to(objectives / "loop.md")
    elif action == "linked_folder":
        (objectives / "linked").symlink_to(outside / "folder", target_is_directory=True)
    elif action == "unreadable_goal":
        path = objectives / "locked.md"
        path.write_text("---\ntitle: Locked\ncycle: 2026-Q1\n---\n")
        path.chmod(0)
    elif action == "socket_goal":
        import socket

        sock = socket.socket(socket.AF_UNIX)
        with contextlib.suppress(OSError):  # path too long for a socket address
            sock.bind(os.fspath(objectives / "sock.md"))
        sock.close()


def snapshot(root: Path, skip: Path | None) -> dict[str, tuple[int, int, int]]:
    """(type, size, mtime) of everything below ``root`` except ``skip``, without opening files."""
    out: dict[str, tuple[int, int, int]] = {}
    skip_real = os.path.realpath(skip) if skip is not None else None
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if skip_real is not None:
            dirnames[:] = [
                d for d in dirnames if os.path.realpath(os.path.join(dirpath, d)) != skip_real
            ]
        for name in [*filenames, *dirnames]:
            path = os.path.join(dirpath, name)
            st_ = os.lstat(path)
            mtime = st_.st_mtime_ns if not os.path.isdir(path) else 0
            out[path] = (
                stat.S_IFMT(st_.st_mode),
                st_.st_size if not os.path.isdir(path) else 0,
                mtime,
            )
    return out


def output_folder(site: Path, setting: str | None) -> Path:
    if setting and setting.startswith("output_dir"):
        value = setting.split("=", 1)[1].strip().strip('"')
        return Path(os.path.normpath(site / value))
    return site / "_site"


@pytest.fixture(scope="module")
def good_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The good site with a good build (output and parse cache) beside it,
    built once: each example starts from a copy of it."""
    site = tmp_path_factory.mktemp("fuzz-tree-good") / "site"
    write(site, GOOD)
    assert build_site(site, jobs=1).ok
    return site


@settings(
    max_examples=20,
    deadline=None,
    # each example is a subprocess: shrinking a failure would take minutes,
    # and the failing example is printed as found
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    actions=st.lists(ACTIONS, min_size=1, max_size=3, unique=True),
    names=st.lists(HOSTILE_NAMES, max_size=2, unique=True),
    setting=st.none() | SETTINGS,
)
def test_hostile_trees_never_crash_hang_leak_or_write_outside(
    good_built: Path, actions: list[str], names: list[str], setting: str | None
) -> None:
    COUNTS["examples"] += 1
    with tempfile.TemporaryDirectory(prefix="okrsite-tree-") as tmp:
        base = Path(tmp)
        outside, site = base / "outside", base / "site"
        write(outside, {"secret.txt": f"{SECRET}\n", "folder/x.md": f"---\ntitle: {SECRET}\n---\n"})
        (outside / "secret.md").write_text(f"---\ntitle: {SECRET}\ncycle: 2026-Q1\n---\n{SECRET}\n")
        # a previous, good build: it must survive a failed one untouched
        shutil.copytree(good_built, site, symlinks=True)
        for action in actions:
            apply(action, site, outside)
        for name in names:
            with contextlib.suppress(OSError):  # the file system may refuse the name itself
                (site / "content/objectives" / f"{name}.md").write_text(
                    "---\ntitle: Named\ncycle: 2026-Q1\n---\n"
                )
        if setting is not None and (site / "okrsite.toml").is_file():
            with open(site / "okrsite.toml", "a", encoding="utf-8") as fh:
                fh.write(setting + "\n")
        out = output_folder(site, setting)
        before = snapshot(base, None)
        env = {**os.environ, "OKRSITE_FUZZ_SECRET": SECRET}
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "okrsite", "build", "--site", str(site), "-j", "2"],
                capture_output=True,
                timeout=TIMEOUT,
                env=env,
                cwd=base,
            )
        finally:
            for path in site.rglob("locked.md"):
                path.chmod(0o644)
        output = (proc.stdout + proc.stderr).decode("utf-8", "replace")
        assert proc.returncode in (0, 1), output
        assert "Traceback" not in output, output
        assert SECRET not in output, output
        COUNTS[f"exit{proc.returncode}"] += 1
        # The parse cache (.okrsite-cache/) is written by failed builds too, on
        # purpose: it is the one thing besides the output a build may write,
        # and it never holds what was refused.
        cache = site / ".okrsite-cache"
        for path in cache.rglob("*") if cache.is_dir() else ():
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path
        after_all = _without(snapshot(base, None), cache)
        if proc.returncode == 1:
            assert after_all == _without(before, cache), "a failed build changed files"
        else:
            assert _without(snapshot(base, out), cache) == {
                k: v for k, v in _without(before, cache).items() if not _under(k, out)
            }, "a build wrote outside its output folder"
            for path in out.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    assert SECRET.encode() not in path.read_bytes(), path


def _without(
    files: dict[str, tuple[int, int, int]], folder: Path
) -> dict[str, tuple[int, int, int]]:
    """``files`` except ``folder`` and what lies below it."""
    top = os.fspath(folder)
    return {k: v for k, v in files.items() if k != top and not k.startswith(top + os.sep)}


def _under(path: str, folder: Path) -> bool:
    real = os.path.realpath(folder)
    parent = os.path.realpath(os.path.dirname(path))
    full = os.path.join(parent, os.path.basename(path))
    return full == real or full.startswith(real + os.sep)
