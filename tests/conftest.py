"""Shared fixtures: small inline sites written to ``tmp_path``."""

from __future__ import annotations

import os
import shutil
import signal
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The machine's zone is UTC in every test (a test may set another, see
# test_checkin_stamp_zone_fix44.py): okrsite checkin writes a time typed
# without a zone with the machine's UTC offset (2026-11-18T16:30+00:00), so
# what a test expects in a file must not hang on the zone it is run in.
os.environ["TZ"] = "UTC"
time.tzset()


def pytest_configure(config: pytest.Config) -> None:
    """Let the serve tests stop their servers with SIGINT in a background job.

    A shell starts a background job (``bash .ci/run &``) with SIGINT ignored,
    and an ignored signal stays ignored across ``exec``: every ``okrsite
    serve`` the tests start would then never see the Ctrl-C they send, and
    hang until the test's timeout. A signal the parent handles is reset to
    its default at ``exec``, so handling it here gives each child Python's
    usual KeyboardInterrupt.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def copy_example(root: Path) -> Path:
    """A private copy of the example site under ``root``: its content and okrsite.toml."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    return root


def run_cli(*args: str, input: str | None = None) -> tuple[int, str]:
    """``okrsite ARGS`` through click's runner: (exit code, output), failing on
    a traceback or any exception but the exit itself."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a site but its built output, by path: what a command
    that refused to write must leave exactly as it was."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and "_site" not in p.parts
    }


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text}`` under ``root``; text is dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    def make(files: dict[str, str | bytes]) -> Path:
        return write_site(tmp_path / "site", files)

    return make


@pytest.fixture(scope="session")
def cache_tests_reference_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the cache tests (test_page_cache.py, test_kept_pieces.py, ...)
    keep the digests of their cold reference builds (tests/reference_builds.py):
    one folder for the whole session, which every xdist worker shares."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, above each worker's own
    folder = base / "cache-tests-reference-builds"
    folder.mkdir(exist_ok=True)
    return folder
