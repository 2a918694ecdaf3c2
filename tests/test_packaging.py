"""What the wheel ships: every folder of the package and the themes is named
in pyproject.toml, so setuptools neither warns on install nor leaves one out."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO

from okrsite import toml_reader as tomllib


def folders(root: Path, package: str) -> set[str]:
    """Dotted names of ``root`` and every folder under it that holds a file."""
    found = {package}
    for path in root.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.parent.relative_to(root)
            if rel.parts:
                found.add(".".join((package, *rel.parts)))
    return found


def test_every_shipped_folder_is_a_listed_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    shipped = folders(REPO / "okrsite", "okrsite") | folders(REPO / "themes", "okrsite.themes")
    assert shipped == listed
