"""The render plan: one place where template mistakes become located diagnostics,
in one process and inside forked render workers alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough pages (over 400) for the forked render path."""
    site = tmp_path_factory.mktemp("gen") / "site"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks/generate.py"), str(site), "--objectives", "300"],
        check=True,
        capture_output=True,
    )
    # a partial every objective page uses, with a mistake on its second line
    partial = site / "templates" / "partials" / "kr_row.html"
    partial.parent.mkdir(parents=True)
    partial.write_text("<tr>\n<td>{{ no_such_thing.title }}</td>\n</tr>\n", encoding="utf-8")
    return site


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_template_error_is_located_in_every_render_path(big_site: Path, jobs: str) -> None:
    out = big_site.parent / f"out{jobs}"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--site",
            str(big_site),
            "--as-of",
            "2026-11-20",
            "--out",
            str(out),
            "--jobs",
            jobs,
        ],
    )
    assert result.exit_code == 1
    assert "templates/partials/kr_row.html:2: error THM002" in result.output
    assert "'no_such_thing' is undefined" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing published


def test_template_error_in_the_parents_share_stops_the_workers(tmp_path: Path) -> None:
    """With two jobs the building process renders the site-wide files itself
    while a forked worker renders pages: a mistake in the feed (a site-wide
    file) is located as one in a worker is, the worker is stopped, and
    nothing is published."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks/generate.py"), str(site), "--objectives", "300"],
        check=True,
        capture_output=True,
    )
    feed = site / "templates" / "checkins.xml"
    feed.parent.mkdir(parents=True)
    feed.write_text('<?xml version="1.0"?>\n<feed>{{ no_such_thing.title }}</feed>\n')
    out = tmp_path / "out"
    args = ["build", "--site", str(site), "--as-of", "2026-11-20", "--out", str(out), "-j", "2"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "templates/checkins.xml:2: error THM002" in result.output
    assert "'no_such_thing' is undefined" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
