"""What the import tests share: a site to import into (``okrsite.toml`` with
an as_of and a default cycle, an empty objectives folder), a sheet written
as text, and ``okrsite import`` run through the real CLI."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

TOML = """\
title = "Acme Goals"
language = "en"
default_cycle = "2026-Q4"
as_of = "2026-11-20"
"""


def site_at(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"okrsite.toml": TOML, "content/objectives/.keep": ""})


def sheet(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(site: Path, path: Path, *more: str) -> tuple[int, str]:
    return run_cli("import", str(path), "--site", str(site), *more)
