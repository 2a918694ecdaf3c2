"""``okrsite check`` refuses a theme ``okrsite build`` cannot find, so a typo
in ``theme =`` fails a pull request's review job, not the publishing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

OBJECTIVE = (
    "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
)


@pytest.mark.parametrize(
    ("theme", "said"),
    [
        ("nosuch", "theme 'nosuch' not found"),
        ("/usr", "theme '/usr' leads to /usr, which is no theme"),
    ],
)
def test_check_and_build_both_refuse_a_theme_that_is_not_there(
    tmp_path: Path, theme: str, said: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "x"\ntheme = "{theme}"\n',
            "content/objectives/grow.md": OBJECTIVE,
        },
    )
    for command in ("check", "build"):
        code, output = run_cli(command, "--site", str(site), "--as-of", "2026-11-20")
        assert code == 1, output
        assert f"okrsite.toml:2: error THM001: {said}" in output, output


def test_the_default_theme_and_a_site_theme_pass(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\ntheme = "mine"\n',
            "themes/mine/theme.toml": 'extends = "default"\n',
            "content/objectives/grow.md": OBJECTIVE,
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0 and "THM001" not in output, output


@pytest.mark.parametrize(
    ("extends", "said"),
    [
        ('"nosuch"', "theme 'nosuch' not found"),
        ('"mine"', "theme 'mine' extends itself: mine -> mine"),
        ("5", "extends must be a theme name"),
    ],
)
def test_a_broken_extends_is_located_in_its_theme_toml(
    tmp_path: Path, extends: str, said: str
) -> None:
    """The file to fix is the theme's ``theme.toml``, at its ``extends`` line,
    not ``okrsite.toml`` (whose ``theme =`` is right) with a hint to check it."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\ntheme = "mine"\n',
            "themes/mine/theme.toml": f"# our brand\n\nextends = {extends}\n",
            "content/objectives/grow.md": OBJECTIVE,
        },
    )
    for command in ("check", "build"):
        code, output = run_cli(command, "--site", str(site), "--as-of", "2026-11-20")
        assert code == 1, output
        assert f"themes/mine/theme.toml:3: error THM001: {said}" in output, output
        assert "check theme = … in okrsite.toml" not in output
