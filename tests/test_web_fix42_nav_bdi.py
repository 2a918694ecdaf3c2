"""Two defects of the built pages, each on a site written here and built by
the real ``okrsite build``:

4. the history's "Where the figures come from" wrote a source's label (a
   KPI's or key result's title) bare: ``<li>ציון NPS: <code>values:</code>
   entry …`` let a right-to-left title take the words after it along. The
   label now stands in a ``<bdi>``, as names do wherever they stand inline;
5. partials/nav.html had ``current`` only on a page that is a navigation
   entry itself: a theme could not mark the section of a team's page. It now
   gets ``section`` too, and the default theme marks that entry
   ``aria-current="true"``, keeping ``aria-current="page"`` for the page itself.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli


def build(site: Path) -> Path:
    out = site.parent / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def git(root: Path, *args: str) -> None:
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Uma Diaz",
        GIT_AUTHOR_EMAIL="uma@example.com",
        GIT_COMMITTER_NAME="Uma Diaz",
        GIT_COMMITTER_EMAIL="uma@example.com",
        GIT_AUTHOR_DATE="2026-11-02T10:00:00+00:00",
        GIT_COMMITTER_DATE="2026-11-02T10:00:00+00:00",
    )
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


# ------------------------------------------------- 4. a source's label in <bdi>
def test_a_history_source_label_is_a_bidi_isolate(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
            "content/kpis/nps.md": """
                ---
                title: ציון NPS
                unit: points
                values: {2026-10-01: 31}
                ---
                """,
            "content/objectives/growth.md": """
                ---
                title: Grow
                cycle: 2026-Q4
                owner: Uma Diaz
                key_results:
                  - {id: arr, title: הכנסה שנתית, start: 0, current: 40, target: 100}
                ---
                """,
        },
    )
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Goals")
    out = build(site)

    def sources(rel: str) -> list[str]:
        html = (out / rel).read_text(encoding="utf-8")
        return re.findall(r'<ul class="sources">\n(.*?)\n</ul>', html, re.S)

    commit = "committed by <bdi>Uma Diaz</bdi> on 2026-11-02 in <code>"
    [kpi] = sources("kpis/nps/index.html")
    assert kpi.startswith(
        "<li><bdi>ציון NPS</bdi>: <code>values:</code> entry 2026-10-01 in "
        f"<code>content/kpis/nps.md</code>, {commit}"
    ), kpi
    [objective] = sources("objectives/growth/index.html")
    assert objective.startswith(
        "<li><bdi>הכנסה שנתית</bdi>: <code>current:</code> in "
        f"<code>content/objectives/growth.md</code>, {commit}"
    ), objective


# ---------------------------------------------------- 5. the nav's section
def nav_site(root: Path) -> Path:
    """A site with a page of every kind, and 21 free pages: the navigation
    lists 20 and "More pages"."""
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n',
        "content/teams/support.md": "---\ntitle: Support\nlead: uma-diaz\n---\n",
        "content/people/uma-diaz.md": "---\nname: Uma Diaz\nteam: support\n---\n",
        "content/kpis/nps.md": "---\ntitle: NPS\nvalues: {2026-10-01: 31}\n---\n",
        "content/objectives/growth.md": """
            ---
            title: Grow
            cycle: 2026-Q4
            owner: uma-diaz
            team: support
            tags: [revenue]
            key_results:
              - {id: arr, title: ARR, start: 0, current: 40, target: 100}
              - {id: logos, title: Logos, start: 0, current: 4, target: 10}
            ---
            """,
        "content/goals/ramp.md": """
            ---
            type: goal
            title: Ramp
            owner: uma-diaz
            cycle: 2026-Q4
            measure: {start: 4, target: 12, current: 9}
            ---
            """,
        "content/checkins/2026-11-10-growth.md": (
            "---\nobjective: growth\ndate: 2026-11-10\nvalues: {arr: 45}\n---\n"
        ),
    }
    for n in range(1, 22):
        files[f"content/pages/page-{n:02}.md"] = f"---\ntitle: Page {n}\norder: {n}\n---\nText.\n"
    return write_site(root / "site", files)


@pytest.fixture(scope="module")
def nav_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(nav_site(tmp_path_factory.mktemp("nav")))


def marked(html: str) -> list[tuple[str, str]]:
    """The navigation's marked entries: (title, aria-current)."""
    nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]*" aria-current="([^"]*)">([^<]*)</a>', nav)


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("index.html", [("page", "Dashboard")]),
        ("teams/index.html", [("page", "Teams")]),
        ("teams/support/index.html", [("true", "Teams")]),
        ("people/uma-diaz/index.html", [("true", "People")]),
        ("objectives/growth/index.html", [("true", "Alignment")]),
        ("kpis/nps/index.html", [("true", "KPIs")]),
        ("goals/ramp/index.html", [("true", "SMART goals")]),
        ("cycles/2026-Q4/index.html", [("true", "Cycles")]),
        ("pages/page-03/index.html", [("page", "Page 3")]),
        ("pages/page-21/index.html", [("true", "More pages")]),
        ("pages/index.html", [("page", "More pages")]),
        ("tags/revenue/index.html", []),
        ("search/index.html", []),
    ],
)
def test_the_nav_marks_the_section_a_page_is_in(
    nav_out: Path, rel: str, expected: list[tuple[str, str]]
) -> None:
    assert marked((nav_out / rel).read_text(encoding="utf-8")) == expected
