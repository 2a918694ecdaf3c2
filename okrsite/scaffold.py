"""Authoring: ``okrsite init``, ``okrsite new`` and ``okrsite checkin``.

Generated files are written with PyYAML's dumper, so titles with colons,
quotes or ``#`` come out as valid YAML, and each generated file is parsed
back with the real parser before it is written: a command never leaves a file
that ``okrsite check`` would reject. Existing files are never overwritten.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from okrsite.cycles import calendar_cycle
from okrsite.parse import ID_RE, parse_file

KINDS = {"objective": "objectives", "kpi": "kpis", "goal": "goals", "checkin": "checkins"}


class ScaffoldError(Exception):
    """A user mistake in an authoring command (message says what to do)."""


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def title_from_id(rid: str) -> str:
    words = re.sub(r"[-_.]+", " ", rid.rsplit("/", 1)[-1]).strip()
    return words[:1].upper() + words[1:] if words else rid


def front_matter(data: dict[str, Any], body: str) -> str:
    dumped = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
    )
    return f"---\n{dumped}---\n{body.rstrip()}\n"


def write_new(path: Path, text: str, rel: str, content_dir: str) -> None:
    """Validate ``text`` with the real parser, then create ``path`` (never overwrite)."""
    parsed = parse_file(rel, text.encode("utf-8"), content_dir=content_dir)
    errors = [d for d in parsed.diagnostics if d.is_error]
    if errors:
        raise ScaffoldError("; ".join(d.message for d in errors))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(
            f"{rel} already exists; okrsite never overwrites a file: choose another id"
        ) from None


def check_id(rid: str) -> None:
    if not ID_RE.match(rid) or rid.endswith(".md"):
        raise ScaffoldError(
            f"{rid!r} is not a usable id: use names separated by '/', made of letters, digits, '-', '_' and '.', "
            "without .md (e.g. sales/emea)"
        )


# ------------------------------------------------------------------ new
@dataclass(frozen=True)
class NewFile:
    path: Path
    rel: str


def new_record(
    site_root: Path,
    content_dir: str,
    kind: str,
    rid: str,
    *,
    title: str | None = None,
    parent: str | None = None,
    cycle: str | None = None,
    owner: str | None = None,
    today: date | None = None,
) -> NewFile:
    check_id(rid)
    today = today or date.today()
    folder = KINDS[kind]
    data: dict[str, Any]
    if kind == "objective":
        data = {"title": title or title_from_id(rid), "cycle": cycle or quarter_of(today)}
        if owner:
            data["owner"] = owner
        if parent:
            data["parent"] = parent
        data["key_results"] = [
            {"id": "kr1", "title": "First measurable result", "start": 0, "target": 10, "unit": ""},
            {
                "id": "kr2",
                "title": "Second measurable result",
                "start": 0,
                "target": 100,
                "unit": "%",
            },
        ]
        body = "Why this objective matters, and what success looks like."
        rel_id = rid
    elif kind == "kpi":
        data = {
            "title": title or title_from_id(rid),
            "unit": "",
            "direction": "up",
            "indicator": "lagging",
            "thresholds": {"green": 80, "red": 50},
            "values": {},
        }
        if owner:
            data["owner"] = owner
        body = "What this KPI measures, where the number comes from, and why it matters."
        rel_id = rid
    elif kind == "goal":
        data = {"type": "goal", "title": title or title_from_id(rid)}
        if owner:
            data["owner"] = owner
        data["cycle"] = cycle or quarter_of(today)
        if parent:
            data["supports"] = parent
        data["measure"] = {"start": 0, "target": 100, "current": 0, "unit": "%"}
        body = "Specific description of what will be done and why it is achievable."
        rel_id = rid
    else:  # checkin: the id names the objective
        data = {"objective": rid, "date": today, "confidence": 5, "values": {}}
        body = "Progress, plans, problems."
        rel_id = f"{rid}/{today.isoformat()}"
    rel = f"{content_dir}/{folder}/{rel_id}.md"
    path = site_root / rel
    write_new(path, front_matter(data, body), rel, content_dir)
    return NewFile(path, rel)


# ------------------------------------------------------------------ checkin
def checkin_path(site_root: Path, content_dir: str, objective: str, day: date) -> tuple[Path, str]:
    base = f"{content_dir}/checkins/{objective}/{day.isoformat()}"
    rel = f"{base}.md"
    n = 2
    while (site_root / rel).exists():
        rel = f"{base}-{n}.md"
        n += 1
    return site_root / rel, rel


def checkin_text(
    objective: str,
    day: date,
    values: dict[str, float],
    confidence: float | None,
    author: str | None,
    note: str | None,
) -> str:
    data: dict[str, Any] = {"objective": objective, "date": day}
    if author:
        data["author"] = author
    if confidence is not None:
        data["confidence"] = int(confidence) if float(confidence).is_integer() else confidence
    data["values"] = {k: (int(v) if float(v).is_integer() else v) for k, v in values.items()}
    return front_matter(data, note or "")


# ------------------------------------------------------------------ init
def init_site(target: Path, today: date | None = None) -> list[str]:
    """Write a small sample site into ``target`` (new or empty folder)."""
    today = today or date.today()
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(
            f"{target} is not empty; okrsite init writes only into a new or empty folder"
        )
    q = quarter_of(today)
    quarter = calendar_cycle(q)
    assert quarter is not None
    q_start, q_end = quarter.start, quarter.end
    files = {
        "okrsite.toml": f"""\
            # okrsite settings: every key is optional. See docs/configuration.md.
            title = "Our goals"
            description = "Objectives, key results and KPIs, built with okrsite."
            default_cycle = "{q}"
            # repo_url = "https://github.com/you/goals"   # adds "edit this file" links
            # stale_after_days = 14
            """,
        ".gitignore": "_site/\n",
        "content/teams/company.md": """\
            ---
            title: Company
            lead: alex
            ---
            Everyone.
            """,
        "content/people/alex.md": """\
            ---
            title: Alex Example
            team: company
            role: CEO
            ---
            """,
        "content/objectives/company/delight-customers.md": f"""\
            ---
            title: Delight our customers
            cycle: {q}
            owner: alex
            team: company
            key_results:
              - id: nps
                title: Raise NPS from 30 to 45
                kpi: nps
                start: 30
                target: 45
                unit: points
              - id: onboarding
                title: Ship the new onboarding
                milestones:
                  - {{title: Design approved, done: true}}
                  - {{title: Beta with 10 customers, done: false}}
                  - {{title: General availability, done: false}}
            ---
            Customers who love the product stay and tell others.
            """,
        "content/objectives/company/faster-support.md": f"""\
            ---
            title: Answer support tickets faster
            cycle: {q}
            owner: alex
            team: company
            parent: company/delight-customers
            key_results:
              - id: first-response
                title: Cut first response time from 8 to 2 hours
                start: 8
                target: 2
                unit: h
              - id: self-serve
                title: Resolve 40% of questions through the help centre
                start: 10
                target: 40
                unit: "%"
            ---
            Slow answers are the top complaint in our last survey.
            """,
        f"content/checkins/company/faster-support/{max(q_start, today).isoformat()}.md": f"""\
            ---
            objective: company/faster-support
            date: {max(q_start, today).isoformat()}
            author: alex
            confidence: 7
            values: {{first-response: 6, self-serve: 18}}
            ---
            Added a second shift; help-centre articles for the top 10 questions are live.
            """,
        f"content/checkins/company/delight-customers/{max(q_start, today).isoformat()}.md": f"""\
            ---
            objective: company/delight-customers
            date: {max(q_start, today).isoformat()}
            author: alex
            confidence: high
            ---
            Onboarding design is approved; beta invitations go out next week.
            """,
        "content/kpis/nps.md": f"""\
            ---
            title: Net Promoter Score
            unit: points
            direction: up
            indicator: lagging
            owner: alex
            target: 45
            thresholds: {{green: 40, red: 20}}
            values: {{{q_start.isoformat()}: 31}}
            ---
            Asked every quarter of every active customer.
            """,
        "content/goals/support-handbook.md": f"""\
            ---
            type: goal
            title: Publish a support handbook
            owner: alex
            due: {q_end.isoformat()}
            supports: company/faster-support
            measure: {{start: 0, target: 12, current: 3, unit: chapters}}
            ---
            Twelve chapters covering every ticket category, reviewed by the team.
            """,
        "content/pages/about.md": """\
            ---
            title: How we use OKRs
            order: 1
            ---
            We set objectives each quarter, check in weekly, and grade at the end.
            """,
    }
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        written.append(rel)
    return written
