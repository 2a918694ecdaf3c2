"""``repo_url`` as people paste it: the clone address of the "Code" button
becomes the repository's web address, so commit, pull-request and edit
links go where they should; an address that is none is warned of."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

from okrsite.repo_urls import web_address

MakeSite = Callable[[dict[str, str | bytes]], Path]

OBJECTIVE = (
    "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\n"
    "key_results:\n  - {id: arr, title: ARR, target: 100}\n  - {id: logos, title: Logos, target: 10}\n---\n"
)


@pytest.mark.parametrize(
    "pasted",
    [
        "git@github.com:acme/company.git",
        "https://github.com/acme/company.git",
        "https://github.com/acme/company/",
        "ssh://git@github.com/acme/company.git",
        "github.com/acme/company",
    ],
)
def test_a_pasted_clone_address_makes_working_edit_links(make_site: MakeSite, pasted: str) -> None:
    site = make_site(
        {
            "okrsite.toml": f'as_of = 2026-11-20\nrepo_url = "{pasted}"\n',
            "content/objectives/grow.md": OBJECTIVE,
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    assert "CFG015" not in output
    page = (out / "objectives/grow/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/company/edit/main/content/objectives/grow.md"' in page
    assert "company.git" not in page and "git@" not in page


@pytest.mark.parametrize(
    "value", ["data:image/png;base64,AAAA", "mailto:x@y.z", "ftp://x.y/z", "x.com/a b"]
)
def test_a_repo_url_of_another_scheme_makes_no_link(make_site: MakeSite, value: str) -> None:
    """CFG015 said "no link is made", and data: hrefs were made all the same."""
    site = make_site(
        {
            "okrsite.toml": f'as_of = 2026-11-20\nrepo_url = "{value}"\n',
            "content/objectives/grow.md": OBJECTIVE,
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0 and "CFG015" in output, output
    page = (out / "objectives/grow/index.html").read_text(encoding="utf-8")
    assert "/edit/main/" not in page
    assert f'href="{value.split(":")[0]}:' not in page.replace('href="data:,"', "")


def test_a_repo_url_that_is_no_web_address_is_warned_of(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'as_of = 2026-11-20\nrepo_url = "acme/company"\n',
            "content/objectives/grow.md": OBJECTIVE,
        }
    )
    code, output = run_cli("check", "--site", str(site))
    assert code == 0, output
    assert (
        "okrsite.toml:2: warning CFG015: repo_url 'acme/company' is not a web address: no "
        "commit, pull-request or edit link is made from it (hint: write the address your "
        'browser shows for the repository, e.g. repo_url = "https://github.com/acme/goals")'
    ) in output, output


def test_gitlab_addresses_keep_their_groups() -> None:
    assert (
        web_address("ssh://git@gitlab.example.com:2222/group/sub/proj.git")
        == "https://gitlab.example.com/group/sub/proj"
    )
    assert web_address("git@gitlab.com:group/sub/proj.git") == "https://gitlab.com/group/sub/proj"
    assert web_address("https://gitlab.com/group/proj") == "https://gitlab.com/group/proj"


def test_an_edit_link_to_a_file_named_with_spaces_is_a_valid_address(
    make_site: MakeSite,
) -> None:
    """``Grow ARR.md``, ``Größe.md``: the edit link percent-encodes the path
    (a space in an ``href`` is no valid URL, and the HTML checker says so)."""
    site = make_site(
        {
            "okrsite.toml": 'as_of = 2026-11-20\nrepo_url = "https://github.com/acme/company"\n',
            "content/objectives/Sales/Grow ARR.md": OBJECTIVE,
            "content/objectives/Größe.md": OBJECTIVE,
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    page = (out / "objectives/sales/grow-arr/index.html").read_text(encoding="utf-8")
    assert (
        'href="https://github.com/acme/company/edit/main/content/objectives/Sales/Grow%20ARR.md"'
        in page
    )
    page = (out / "objectives/Größe/index.html").read_text(encoding="utf-8")
    assert 'edit/main/content/objectives/Gr%C3%B6%C3%9Fe.md"' in page
