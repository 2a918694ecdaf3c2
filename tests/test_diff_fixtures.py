"""Real git repositories for the ``okrsite diff`` tests.

The diff reads git objects, so the tests build actual repositories with
actual commits instead of faking git's output: that is what catches quoting,
prefix and shallow-clone mistakes.
"""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

GIT_ENV_ARGS = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]


# fixed dates make commit ids reproducible, so the golden report can name them
GIT_DATES = {
    "GIT_AUTHOR_DATE": "2026-01-05T09:00:00Z",
    "GIT_COMMITTER_DATE": "2026-01-05T09:00:00Z",
}


def git(repo: Path, *args: str, when: str | None = None) -> str:
    dates = GIT_DATES if when is None else {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    proc = subprocess.run(
        ["git", *GIT_ENV_ARGS, *args],
        cwd=repo,
        env={**os.environ, **dates},
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout.strip()


def init_repo(path: Path, branch: str = "main") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", branch)
    return path


def write(root: Path, files: dict[str, str | None]) -> None:
    """Write (dedented) files; ``None`` deletes the file."""
    for rel, text in files.items():
        p = root / rel
        if text is None:
            if p.exists():
                p.unlink()
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def commit(
    repo: Path, message: str, files: dict[str, str | None] | None = None, when: str | None = None
) -> str:
    if files:
        write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD")


CONFIG = """
title = "Acme"
default_cycle = "2026-Q1"
"""

# ---------------------------------------------------------------- the realistic change
BASE_FILES: dict[str, str | None] = {
    "okrsite.toml": CONFIG,
    "content/objectives/company/growth.md": """
        ---
        title: Grow the business
        owner: ceo
        ---
        Company objective; its progress rolls up from the objectives aligned to it.
        """,
    "content/objectives/sales/emea.md": """
        ---
        title: Expand into new markets
        owner: alice
        team: sales
        parent: company/growth
        key_results:
          - id: countries
            title: Launch operations in 2 new countries
            start: 0
            target: 2
            unit: countries
          - id: churn
            title: Reduce churn to 2%
            start: 5
            target: 2
            unit: "%"
          - id: uptime
            title: Keep uptime above 99.9%
            stay_above: 99.9
            current: 99.95
        ---
        Why EMEA matters.
        """,
    "content/objectives/sales/apac.md": """
        ---
        title: Open APAC through resellers
        owner: bob
        parent: company/growth
        key_results:
          - id: resellers
            title: Sign 4 resellers
            start: 0
            target: 4
            current: 2
          - id: partners
            title: Train 10 partner engineers
            start: 0
            target: 10
            current: 0
        ---
        """,
    "content/objectives/product/cost.md": """
        ---
        title: Cut cloud cost
        owner: carol
        parent: company/growth
        key_results:
          - id: spend
            title: Monthly spend down to 50k
            start: 200
            target: 50
            current: 150
            unit: kUSD
        ---
        """,
    "content/objectives/product/asia-launch.md": """
        ---
        title: Launch the product in Japan
        owner: dan
        key_results:
          - id: launch
            title: Public launch happened
            done: false
        ---
        """,
    "content/objectives/old/ops.md": """
        ---
        id: ops/reliability
        title: Run a reliable platform
        owner: erin
        key_results:
          - title: Incidents resolved within SLA
            start: 0
            target: 100
            current: 80
        ---
        """,
    "content/objectives/sales/legacy.md": """
        ---
        title: Sunset the legacy plan
        owner: bob
        key_results:
          - title: Migrate customers
            start: 0
            target: 30
            current: 10
        ---
        """,
    "content/kpis/nps.md": """
        ---
        title: Net Promoter Score
        unit: points
        direction: up
        thresholds: {green: 40, red: 20}
        values: {2026-01-01: 35}
        ---
        """,
    "content/goals/complaints.md": """
        ---
        type: goal
        title: Resolve 95% of complaints within 48 hours
        owner: carol
        due: 2026-03-31
        supports: sales/emea
        measure: {start: 70, target: 95, current: 82, unit: "%"}
        ---
        Specific description of what will be done.
        """,
    "content/checkins/2026-01-20-emea.md": """
        ---
        objective: sales/emea
        date: 2026-01-20
        author: alice
        confidence: 7
        values: {countries: 1, churn: 4.1}
        ---
        Good start.
        """,
}

HEAD_FILES: dict[str, str | None] = {
    "content/objectives/sales/emea.md": """
        ---
        title: Expand into new markets in EMEA
        owner: bob
        team: sales
        parent: company/growth
        commitment: aspirational
        supports: [product/cost]
        key_results:
          - id: countries
            title: Launch operations in 3 new countries
            start: 0
            target: 3
            unit: countries
          - id: churn
            title: Reduce churn to 2%
            start: 5
            target: 3
            unit: "%"
          - id: nps
            title: Lift NPS to 45
            kpi: nps
            start: 35
            target: 45
        ---
        Why EMEA matters.
        """,
    "content/objectives/sales/apac.md": """
        ---
        title: Open APAC through resellers
        owner: bob
        parent: company/growth
        key_results:
          - id: resellers
            title: Sign 4 resellers
            start: 0
            target: 4
            current: 2
        ---
        """,
    "content/objectives/product/cost.md": """
        ---
        title: Cut cloud cost
        owner: carol
        parent: sales/emea
        key_results:
          - id: spend
            title: Monthly spend down to 100k
            start: 200
            target: 100
            current: 150
            unit: kUSD
        ---
        """,
    "content/objectives/old/ops.md": None,
    "content/objectives/ops/reliability.md": """
        ---
        id: ops/reliability
        title: Run a reliable platform
        owner: erin
        key_results:
          - title: Incidents resolved within SLA
            start: 0
            target: 100
            current: 80
        ---
        """,
    "content/objectives/sales/legacy.md": None,
    "content/objectives/support/tickets.md": """
        ---
        title: Answer | every <ticket> in a day
        owner: frank
        key_results:
          - title: First response under 24h
            start: 0
            target: 100
            current: 40
        ---
        """,
    "content/kpis/nps.md": """
        ---
        title: Net Promoter Score
        unit: points
        direction: up
        thresholds: {green: 35, red: 20}
        values: {2026-01-01: 35, 2026-02-01: 38}
        ---
        """,
    "content/goals/complaints.md": """
        ---
        type: goal
        title: Resolve 95% of complaints within 48 hours
        owner: carol
        due: 2026-03-31
        supports: sales/emea
        measure: {start: 70, target: 90, current: 82, unit: "%"}
        ---
        Specific description of what will be done.
        """,
    "content/checkins/2026-02-10-emea.md": """
        ---
        objective: sales/emea
        date: 2026-02-10
        author: bob
        confidence: 5
        values: {countries: 2, churn: 3.9}
        ---
        Second country live.
        """,
}

AS_OF = "2026-02-15"


def realistic_repo(path: Path) -> tuple[Path, str, str]:
    """A repository with a base commit and a head commit that changes everything at once.

    The head also renames ``product/asia-launch`` to ``apac/japan-launch`` with
    ``git mv`` (same title, new path-derived id).
    """
    repo = init_repo(path)
    base = commit(repo, "base", BASE_FILES)
    write(repo, HEAD_FILES)
    (repo / "content/objectives/apac").mkdir(parents=True, exist_ok=True)
    git(
        repo,
        "mv",
        "content/objectives/product/asia-launch.md",
        "content/objectives/apac/japan-launch.md",
    )
    head = commit(repo, "head")
    return repo, base, head


# ---------------------------------------------------------------- a key result deleted under check-ins
EMEA = "content/objectives/sales/emea-expansion.md"


def _emea(owner: str, team: str, krs: str) -> str:
    return (
        "---\ntitle: Expand into EMEA\n"
        f"owner: {owner}\nteam: {team}\nkey_results:\n{krs}---\nWhy EMEA.\n"
    )


_COUNTRIES = "  - {id: countries, title: Launch in 3 countries, start: 0, target: 3}\n"
_CHURN = '  - {id: churn, title: Churn down to 2%, start: 5, target: 2, unit: "%"}\n'


def _revenue(target: str) -> str:
    return f"  - {{id: revenue, title: Revenue to 1M, start: 0, target: {target}, unit: EUR}}\n"


def _emea_checkin(day: str, author: str, confidence: int, values: str) -> str:
    return (
        f"---\nobjective: sales/emea-expansion\ndate: {day}\nauthor: {author}\n"
        f"confidence: {confidence}\nvalues: {{{values}}}\n---\n"
    )


EMEA_BASE: dict[str, str | None] = {
    "okrsite.toml": CONFIG,
    "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
    "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
    "content/teams/sales.md": "---\ntitle: Sales EMEA\n---\n",
    "content/teams/emea.md": "---\ntitle: EMEA Growth\n---\n",
    EMEA: _emea("uma-diaz", "sales", _COUNTRIES + _CHURN + _revenue("1000000")),
    "content/checkins/2026-01-07-emea.md": _emea_checkin(
        "2026-01-07", "uma-diaz", 7, "revenue: 250000"
    ),
    "content/checkins/2026-01-14-emea.md": _emea_checkin(
        "2026-01-14", "uma-diaz", 6, "countries: 1, churn: 4.5, revenue: 150000"
    ),
}

# on the branch: churn is deleted while the 2026-01-14 check-in still gives a
# value for it (so head refuses that check-in: OKR304), the owner, the team
# and the revenue target change, and a new check-in follows
EMEA_HEAD: dict[str, str | None] = {
    EMEA: _emea("tom-lee", "emea", _COUNTRIES + _revenue("800000")),
    "content/checkins/2026-02-04-emea.md": _emea_checkin(
        "2026-02-04", "tom-lee", 5, "countries: 2, revenue: 420000"
    ),
}


def refused_checkin_repo(path: Path) -> tuple[Path, str, str]:
    """Base on ``main``, the change on ``feature`` (checked out)."""
    repo = init_repo(path)
    base = commit(repo, "base", EMEA_BASE)
    git(repo, "checkout", "-q", "-b", "feature")
    head = commit(repo, "drop churn", EMEA_HEAD)
    return repo, base, head
