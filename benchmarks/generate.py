"""Deterministic generator of a synthetic okrsite corpus for the benchmarks.

    python benchmarks/generate.py OUT_DIR --objectives 10000

writes ``OUT_DIR/okrsite.toml`` and ``OUT_DIR/content/`` in the content format of
docs/content-format.md:

* N objectives in a four-level tree (company -> department -> team -> person,
  level sizes about N/400, N/40, N/8 and the rest), ~90% in cycle ``2026-Q4`` and
  ~10% in ``2026-Q3``; each aligned to an objective of the level above in the same
  cycle, some to a roll-up key result (``parent: obj#kr``) that has no measure of
  its own. 3-5 key results each, mixing numeric up/down, milestones, boolean
  ``done``, ``stay_above``/``stay_below`` and KPI-linked key results.
* 4 check-ins per objective (``content/checkins/<objective id>/<date>.md``) dated
  inside the objective's cycle and on or before 2026-11-20, whose ``values:`` name
  only plain numeric key results of that objective.
* about N/50 KPIs with values, thresholds, direction and ``drives:``; a few read a
  CSV file from ``content/data/``.
* a team file for every team and a person file for every person used.

Everything comes from a seeded ``random.Random`` and fixed dates, so the same
arguments always give byte-identical files. N=10,000 gives about 53,000 files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

GENERATOR_VERSION = 1
AS_OF = date(2026, 11, 20)
CYCLES = {
    "2026-Q4": (date(2026, 10, 1), date(2026, 12, 31)),
    "2026-Q3": (date(2026, 7, 1), date(2026, 9, 30)),
}
# Nominal check-in days per cycle (jittered by -3..+3 days, capped at AS_OF).
CHECKIN_DAYS = {
    "2026-Q4": (date(2026, 10, 7), date(2026, 10, 21), date(2026, 11, 4), date(2026, 11, 16)),
    "2026-Q3": (date(2026, 7, 15), date(2026, 8, 5), date(2026, 8, 26), date(2026, 9, 20)),
}

DEPARTMENTS = [
    "sales", "marketing", "engineering", "product", "support", "finance", "people",
    "legal", "operations", "data", "security", "design", "research", "partnerships",
    "infrastructure", "quality", "procurement", "communications", "strategy", "platform",
]  # fmt: skip
TEAM_WORDS = [
    "alpha", "atlas", "beacon", "comet", "delta", "ember", "falcon", "galaxy", "harbor",
    "iris", "juniper", "kestrel", "lumen", "meridian", "nova", "orbit", "pioneer", "quartz",
    "radiant", "summit", "tundra", "unity", "vector", "willow", "xenon", "yonder", "zephyr",
]  # fmt: skip
FIRST_NAMES = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
    "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "ursula", "victor",
    "walter", "yara", "zoe", "amir", "bea", "chen", "dana", "emeka", "fatima", "goran",
    "hana", "ines", "jonas", "kai", "lena", "malik", "nora", "oskar", "priya", "quinn",
    "rosa", "sven", "tariq", "uma", "vera", "wen", "ximena", "yusuf", "zainab",
]  # fmt: skip
LAST_NAMES = [
    "smith", "jones", "garcia", "muller", "rossi", "dubois", "tanaka", "kim", "silva",
    "novak", "okafor", "larsen", "kowalski", "haddad", "ivanova", "costa", "nguyen",
    "schmidt", "bauer", "moreau", "santos", "berg", "patel", "yilmaz",
]  # fmt: skip
VERBS = [
    "Expand", "Improve", "Accelerate", "Strengthen", "Simplify", "Grow", "Modernise",
    "Stabilise", "Delight", "Scale", "Streamline", "Launch", "Reduce friction in",
    "Build trust in", "Automate",
]  # fmt: skip
NOUNS = [
    "customer onboarding", "the partner ecosystem", "release quality", "enterprise sales",
    "the self-serve funnel", "data reliability", "team health", "hiring velocity",
    "the mobile experience", "cloud cost efficiency", "incident response", "brand awareness",
    "developer productivity", "billing accuracy", "the analytics platform", "retention",
    "security posture", "documentation", "the support experience", "market presence",
]  # fmt: skip
TAGS = [
    "growth", "quality", "efficiency", "customer", "people", "platform", "revenue",
    "risk", "innovation", "compliance", "cost", "reliability",
]  # fmt: skip
METRICS_UP = [
    ("Weekly active teams", "teams", 100.0, 5000.0),
    ("Qualified leads", "leads", 50.0, 2000.0),
    ("Net revenue retention", "%", 90.0, 130.0),
    ("Trial conversion", "%", 2.0, 20.0),
    ("Automated test coverage", "%", 30.0, 95.0),
    ("Signed partners", "partners", 0.0, 60.0),
    ("Monthly recurring revenue", "kUSD", 200.0, 5000.0),
    ("Employee engagement", "points", 50.0, 90.0),
]  # fmt: skip
METRICS_DOWN = [
    ("Monthly churn", "%", 6.0, 1.0),
    ("Time to first response", "hours", 48.0, 4.0),
    ("P1 incidents per month", "incidents", 20.0, 2.0),
    ("Cloud cost per customer", "USD", 40.0, 10.0),
    ("Build time", "minutes", 45.0, 8.0),
    ("Open critical vulnerabilities", "issues", 50.0, 0.0),
    ("Time to hire", "days", 60.0, 25.0),
]  # fmt: skip
MILESTONES = [
    "Shortlist vendors", "Write the proposal", "Get sign-off", "Run the pilot",
    "Roll out to all teams", "Publish the runbook", "Train the staff", "Retire the old system",
]  # fmt: skip
LINKS = [
    "https://example.com/wiki/strategy", "https://example.com/dashboards/main",
    "https://example.com/rfc/42", "https://example.com/handbook/okrs",
]  # fmt: skip
SENTENCES = [
    "This matters because our customers told us so in the last survey.",
    "We expect the biggest gains in the second half of the quarter.",
    "The work builds on what we learned in the previous cycle.",
    "Dependencies on other teams are tracked in the weekly sync.",
    "We will measure progress every two weeks and adjust the plan.",
    "The main risk is hiring; we have a fallback with contractors.",
    "Most of the effort goes into removing manual steps.",
    "Success here unlocks the next phase of the roadmap.",
    "We agreed on the baseline with finance at the start of the cycle.",
    "Early results from the pilot look encouraging.",
]  # fmt: skip
CHECKIN_NOTES = [
    "Good progress this week; the pilot went live for two more teams.",
    "Slower than planned because of the release freeze.",
    "We unblocked the integration and expect to catch up next sprint.",
    "Numbers moved in the right direction after the pricing change.",
    "Two people were out sick; confidence is a little lower.",
    "The new dashboard makes the trend much easier to follow.",
    "Blocked on a decision from the steering group.",
    "Shipped the first milestone and collected feedback.",
]  # fmt: skip


@dataclass
class Org:
    departments: list[str]
    teams: list[str]  # team ids "<dept>-<word>"
    team_dept: dict[str, str]
    people: list[str]
    person_team: dict[str, str]
    team_people: dict[str, list[str]]
    dept_head: dict[str, str]
    team_lead: dict[str, str]
    ceo: str


@dataclass
class Obj:
    id: str
    level: int
    cycle: str
    team: str
    owner: str
    dept: str
    parent: Obj | None = None
    parent_kr: str | None = None
    children: list[Obj] = field(default_factory=list)
    rollup: bool = False


@dataclass
class Kpi:
    id: str
    title: str
    unit: str
    direction: str
    lo: float
    hi: float
    values: list[tuple[date, float]] = field(default_factory=list)
    data_file: str | None = None


def _fmt(x: float) -> str:
    """A short, stable number: integers without a decimal point."""
    r = round(x, 2)
    if r == int(r):
        return str(int(r))
    return repr(r)


def build_org(rng: random.Random, n: int) -> Org:
    n_people = max(8, n // 4)
    n_teams = max(2, n_people // 8)
    n_depts = max(2, min(60, round(n_teams**0.5)))
    departments = []
    for i in range(n_depts):
        base = DEPARTMENTS[i % len(DEPARTMENTS)]
        departments.append(base if i < len(DEPARTMENTS) else f"{base}-{i // len(DEPARTMENTS)}")
    teams: list[str] = []
    team_dept: dict[str, str] = {}
    for i in range(n_teams):
        dept = departments[i % n_depts]
        j = i // n_depts
        word = TEAM_WORDS[j % len(TEAM_WORDS)]
        tid = f"{dept}-{word}" if j < len(TEAM_WORDS) else f"{dept}-{word}-{j // len(TEAM_WORDS)}"
        teams.append(tid)
        team_dept[tid] = dept
    people: list[str] = []
    person_team: dict[str, str] = {}
    team_people: dict[str, list[str]] = {t: [] for t in teams}
    seen: set[str] = set()
    for i in range(n_people):
        first = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
        last = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
        pid = f"{first}-{last}"
        k = 2
        while pid in seen:
            pid = f"{first}-{last}-{k}"
            k += 1
        seen.add(pid)
        team = teams[i % n_teams]
        people.append(pid)
        person_team[pid] = team
        team_people[team].append(pid)
    team_lead = {t: team_people[t][0] for t in teams}
    dept_head: dict[str, str] = {}
    for t in teams:
        dept_head.setdefault(team_dept[t], team_lead[t])
    return Org(
        departments, teams, team_dept, people, person_team, team_people, dept_head, team_lead,
        ceo=people[0],
    )  # fmt: skip


def level_sizes(n: int) -> list[int]:
    l0 = max(1, round(n / 400))
    l1 = max(1, round(n / 40))
    l2 = max(1, round(n / 8))
    l3 = max(0, n - l0 - l1 - l2)
    return [l0, l1, l2, l3]


def build_tree(rng: random.Random, n: int, org: Org) -> list[Obj]:
    """The objective tree: ids, cycles, owners and parent links (no text yet)."""
    sizes = level_sizes(n)
    objs: list[Obj] = []
    levels: list[list[Obj]] = []
    # Level 0: company.
    lvl: list[Obj] = []
    for i in range(sizes[0]):
        # Every 10th objective is in Q3; the last company one too, so Q3 has a root.
        q3 = i % 10 == 9 or (sizes[0] > 1 and i == sizes[0] - 1)
        cycle = "2026-Q3" if q3 else "2026-Q4"
        dept = org.departments[i % len(org.departments)]
        lvl.append(Obj(f"company/o{i + 1:03d}", 0, cycle, "leadership", org.dept_head[dept], dept))
    levels.append(lvl)

    def pick_parent(cands: list[list[Obj] | None]) -> Obj | None:
        for c in cands:
            if c:
                return c[rng.randrange(len(c))]
        return None

    # Level 1: departments; parent a company objective of the same cycle.
    by_cycle0: dict[str, list[Obj]] = {}
    for o in levels[0]:
        by_cycle0.setdefault(o.cycle, []).append(o)
    lvl = []
    counter: dict[str, int] = {}
    for i in range(sizes[1]):
        cycle = "2026-Q3" if i % 10 == 9 else "2026-Q4"
        dept = org.departments[i % len(org.departments)]
        counter[dept] = counter.get(dept, 0) + 1
        o = Obj(f"{dept}/o{counter[dept]:03d}", 1, cycle, dept, org.dept_head[dept], dept)
        o.parent = pick_parent([by_cycle0.get(cycle)])
        lvl.append(o)
    levels.append(lvl)

    # Level 2: teams; parent a department objective of the same dept and cycle.
    by_dept: dict[tuple[str, str], list[Obj]] = {}
    by_cycle1: dict[str, list[Obj]] = {}
    for o in levels[1]:
        by_dept.setdefault((o.cycle, o.dept), []).append(o)
        by_cycle1.setdefault(o.cycle, []).append(o)
    lvl = []
    counter = {}
    for i in range(sizes[2]):
        cycle = "2026-Q3" if i % 10 == 9 else "2026-Q4"
        team = org.teams[i % len(org.teams)]
        dept = org.team_dept[team]
        counter[team] = counter.get(team, 0) + 1
        o = Obj(f"{dept}/{team}/o{counter[team]:03d}", 2, cycle, team, org.team_lead[team], dept)
        o.parent = pick_parent([by_dept.get((cycle, dept)), by_cycle1.get(cycle)])
        lvl.append(o)
    levels.append(lvl)

    # Level 3: people; parent a team objective of the same team and cycle.
    by_team: dict[tuple[str, str], list[Obj]] = {}
    by_dept2: dict[tuple[str, str], list[Obj]] = {}
    by_cycle2: dict[str, list[Obj]] = {}
    for o in levels[2]:
        by_team.setdefault((o.cycle, o.team), []).append(o)
        by_dept2.setdefault((o.cycle, o.dept), []).append(o)
        by_cycle2.setdefault(o.cycle, []).append(o)
    lvl = []
    counter = {}
    for i in range(sizes[3]):
        cycle = "2026-Q3" if i % 10 == 9 else "2026-Q4"
        person = org.people[i % len(org.people)]
        team = org.person_team[person]
        dept = org.team_dept[team]
        counter[person] = counter.get(person, 0) + 1
        o = Obj(f"{dept}/{team}/{person}-o{counter[person]}", 3, cycle, team, person, dept)
        o.parent = pick_parent(
            [by_team.get((cycle, team)), by_dept2.get((cycle, dept)), by_cycle2.get(cycle)]
        )
        lvl.append(o)
    levels.append(lvl)

    for lv in levels:
        objs.extend(lv)
    for o in objs:
        if o.parent is not None:
            o.parent.children.append(o)
    # Roll-up key results: about a third of the objectives with 2+ children get a
    # key result "rollup" with no measure; its first child and about half of the
    # others align to it (so every roll-up key result has contributors).
    for o in objs:
        if len(o.children) >= 2 and rng.random() < 0.35:
            o.rollup = True
            for k, c in enumerate(o.children):
                if k == 0 or rng.random() < 0.5:
                    c.parent_kr = "rollup"
    return objs


def build_kpis(rng: random.Random, n: int, org: Org) -> list[Kpi]:
    n_kpis = max(3, n // 50)
    kpis: list[Kpi] = []
    counter: dict[str, int] = {}
    for i in range(n_kpis):
        dept = org.departments[i % len(org.departments)]
        counter[dept] = counter.get(dept, 0) + 1
        down = i % 3 == 2
        title, unit, a, b = (METRICS_DOWN if down else METRICS_UP)[
            rng.randrange(len(METRICS_DOWN if down else METRICS_UP))
        ]
        k = Kpi(f"{dept}/kpi-{counter[dept]:03d}", title, unit, "down" if down else "up", a, b)
        # Monthly values Jan..Nov 2026 drifting from lo towards hi, with noise.
        x = a + (b - a) * rng.uniform(0.0, 0.3)
        for month in range(1, 12):
            x += (b - a) * rng.uniform(-0.02, 0.06)
            k.values.append((date(2026, month, 1), x))
        if i % 25 == 7:  # a few KPIs read their values from a CSV file instead
            k.data_file = f"data/{dept}-kpi-{counter[dept]:03d}.csv"
        kpis.append(k)
    return kpis


def _body(rng: random.Random, title: str) -> str:
    s = rng.sample(SENTENCES, 5)
    items = rng.sample(MILESTONES, 3)
    link = LINKS[rng.randrange(len(LINKS))]
    paras = [
        f"{title} is one of our priorities this cycle. {s[0]} {s[1]}",
        "What we will do:\n\n" + "\n".join(f"- {x}" for x in items),
        f"{s[2]} See [the background notes]({link}) for details. {s[3]}",
    ]
    if rng.random() < 0.5:
        paras.append(s[4])
    return "\n\n".join(paras) + "\n"


@dataclass
class NumericKR:
    id: str
    start: float
    target: float


def render_objective(
    rng: random.Random, o: Obj, kpis: list[Kpi], org: Org
) -> tuple[str, list[NumericKR]]:
    verb = VERBS[rng.randrange(len(VERBS))]
    noun = NOUNS[rng.randrange(len(NOUNS))]
    title = f"{verb} {noun}"
    lines = ["---", f'title: "{title}"', f"cycle: {o.cycle}", f"owner: {o.owner}"]
    lines.append(f"team: {o.team}")
    if o.parent is not None:
        p = o.parent.id + (f"#{o.parent_kr}" if o.parent_kr else "")
        lines.append(f"parent: {p}")
    if rng.random() < 0.7:
        lines.append("commitment: committed")
    else:
        lines.append("commitment: aspirational")
    lines.append(f"weight: {rng.choice((1, 1, 1, 2, 3))}")
    tags = rng.sample(TAGS, rng.randint(1, 3))
    lines.append(f"tags: [{', '.join(tags)}]")
    lines.append("key_results:")
    numeric: list[NumericKR] = []
    n_kr = rng.randint(3, 5)
    kinds: list[str] = []
    if o.rollup:
        kinds.append("rollup")
    kinds.append("up")  # every objective has a plain numeric key result for check-ins
    pool = ["down", "milestones", "done", "stay", "kpi", "up", "down"]
    while len(kinds) < n_kr:
        kinds.append(pool[rng.randrange(len(pool))])
    for idx, kind in enumerate(kinds, start=1):
        kid = "rollup" if kind == "rollup" else f"kr{idx}"
        w = rng.choice((1, 1, 1, 2))
        if kind == "rollup":
            lines += [
                f"  - id: {kid}",
                f'    title: "Teams deliver their part of {noun}"',
                f"    weight: {w}",
            ]
        elif kind in ("up", "down"):
            metrics = METRICS_UP if kind == "up" else METRICS_DOWN
            mtitle, unit, a, b = metrics[rng.randrange(len(metrics))]
            start = a + (b - a) * rng.uniform(0.0, 0.2)
            target = a + (b - a) * rng.uniform(0.6, 1.0)
            start, target = round(start, 1), round(target, 1)
            if start == target:
                target = round(target + (1 if kind == "up" else -1), 1)
            verb_ = "Raise" if kind == "up" else "Cut"
            lines += [
                f"  - id: {kid}",
                f'    title: "{verb_} {mtitle.lower()} to {_fmt(target)} {unit}"',
                f"    start: {_fmt(start)}",
                f"    target: {_fmt(target)}",
                f'    unit: "{unit}"',
                f"    weight: {w}",
            ]
            if rng.random() < 0.3:
                cur = start + (target - start) * rng.uniform(0.0, 0.5)
                lines.append(f"    current: {_fmt(cur)}")
            numeric.append(NumericKR(kid, start, target))
        elif kind == "milestones":
            ms = rng.sample(MILESTONES, rng.randint(3, 5))
            lines += [
                f"  - id: {kid}",
                '    title: "Deliver the rollout plan"',
                f"    weight: {w}",
                "    milestones:",
            ]
            for m in ms:
                lines.append(
                    f'      - {{title: "{m}", done: {"true" if rng.random() < 0.5 else "false"}}}'
                )
        elif kind == "done":
            lines += [
                f"  - id: {kid}",
                f'    title: "Public launch of {noun} happened"',
                f"    done: {'true' if rng.random() < 0.4 else 'false'}",
                f"    weight: {w}",
            ]
        elif kind == "stay":
            if rng.random() < 0.5:
                thr = rng.choice((99.0, 99.5, 99.9))
                cur = thr + rng.uniform(-0.3, 0.09)
                lines += [
                    f"  - id: {kid}",
                    f'    title: "Keep availability above {_fmt(thr)}%"',
                    f"    stay_above: {_fmt(thr)}",
                    f"    current: {_fmt(cur)}",
                    '    unit: "%"',
                ]
            else:
                thr = rng.choice((200.0, 300.0, 500.0))
                cur = thr * rng.uniform(0.7, 1.1)
                lines += [
                    f"  - id: {kid}",
                    f'    title: "Keep p95 latency below {_fmt(thr)} ms"',
                    f"    stay_below: {_fmt(thr)}",
                    f"    current: {_fmt(cur)}",
                    '    unit: "ms"',
                ]
        else:  # kpi-linked
            k = kpis[rng.randrange(len(kpis))]
            start = k.values[8][1]  # September value as the baseline
            span = abs(k.hi - k.lo) * rng.uniform(0.1, 0.3)
            target = start + span if k.direction == "up" else start - span
            lines += [
                f"  - id: {kid}",
                f'    title: "Move {k.title.lower()} to {_fmt(target)}"',
                f"    kpi: {k.id}",
                f"    start: {_fmt(start)}",
                f"    target: {_fmt(target)}",
                f'    unit: "{k.unit}"',
                f"    weight: {w}",
            ]
    if rng.random() < 0.3:
        lines += [
            "initiatives:",
            f'  - {{title: "Kick-off with {o.team}", status: active, link: "{LINKS[0]}"}}',
        ]
    lines.append("---")
    return "\n".join(lines) + "\n" + _body(rng, title), numeric


def checkin_dates(rng: random.Random, cycle: str) -> list[date]:
    out = []
    for d in CHECKIN_DAYS[cycle]:
        x = d + timedelta(days=rng.randint(-3, 3))
        out.append(min(x, AS_OF))
    return out


def render_checkin(
    rng: random.Random, o: Obj, d: date, step: int, numeric: list[NumericKR], org: Org
) -> str:
    start, end = CYCLES[o.cycle]
    frac = (d - start).days / ((end - start).days + 1)
    vals = []
    for kr in numeric:
        if rng.random() < 0.8:
            p = frac * rng.uniform(0.5, 1.3)
            vals.append(f"{kr.id}: {_fmt(kr.start + (kr.target - kr.start) * p)}")
    if not vals:
        kr = numeric[0]
        vals.append(f"{kr.id}: {_fmt(kr.start + (kr.target - kr.start) * frac)}")
    words = ("low", "medium", "high")
    conf = rng.choice(words) if rng.random() < 0.2 else str(rng.randint(3, 9))
    team_people = org.team_people.get(o.team)
    author = o.owner if not team_people or rng.random() < 0.7 else rng.choice(team_people)
    note = CHECKIN_NOTES[rng.randrange(len(CHECKIN_NOTES))]
    return (
        f"---\nobjective: {o.id}\ndate: {d.isoformat()}\nauthor: {author}\n"
        f"confidence: {conf}\nvalues: {{{', '.join(vals)}}}\n---\n"
        f"Check-in {step + 1}. {note}\n\n- Next: keep going\n- Risk: none new\n"
    )


def render_kpi(rng: random.Random, k: Kpi, kpis: list[Kpi], owner: str, team: str) -> str:
    lo, hi = k.lo, k.hi
    if k.direction == "up":
        green, red = lo + (hi - lo) * 0.6, lo + (hi - lo) * 0.3
        target = hi
    else:  # lo > hi for "down" metrics: lower is better
        green, red = hi + (lo - hi) * 0.3, hi + (lo - hi) * 0.6
        target = hi
    lines = [
        "---",
        f'title: "{k.title}"',
        f'unit: "{k.unit}"',
        f"direction: {k.direction}",
        f"indicator: {'leading' if rng.random() < 0.5 else 'lagging'}",
        f"owner: {owner}",
        f"team: {team}",
        f"target: {_fmt(target)}",
        f"thresholds: {{green: {_fmt(green)}, red: {_fmt(red)}}}",
    ]
    others = [x for x in rng.sample(kpis, min(3, len(kpis))) if x.id != k.id][:2]
    if others:
        lines.append(f"drives: [{', '.join(x.id for x in others)}]")
    if k.data_file:
        lines.append(f"data: {k.data_file}")
    else:
        vals = ", ".join(f"{d.isoformat()}: {_fmt(v)}" for d, v in k.values)
        lines.append(f"values: {{{vals}}}")
    lines.append("---")
    return "\n".join(lines) + f"\n{k.title} for the whole organisation, updated monthly.\n"


class Writer:
    """Writes files, creating each directory once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dirs: set[str] = set()
        self.count = 0

    def write(self, rel: str, text: str) -> None:
        path = os.path.join(self.root, rel)
        d = os.path.dirname(path)
        if d not in self.dirs:
            os.makedirs(d, exist_ok=True)
            self.dirs.add(d)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        self.count += 1


def generate(out: Path, n: int, seed: int = 2026) -> dict[str, int]:
    """Write the corpus into ``out`` and return counts per kind of file."""
    rng = random.Random(seed)
    org = build_org(rng, n)
    objs = build_tree(rng, n, org)
    kpis = build_kpis(rng, n, org)
    w = Writer(out)
    counts = {"objectives": 0, "checkins": 0, "kpis": 0, "csv": 0, "teams": 0, "people": 0}

    w.write(
        "okrsite.toml",
        "[site]\n"
        f'title = "Synthetic portfolio ({n} objectives)"\n'
        'default_cycle = "2026-Q4"\n'
        "as_of = 2026-11-20\n",
    )
    used_people: set[str] = set()
    used_teams: set[str] = {"leadership"}
    for o in objs:
        text, numeric = render_objective(rng, o, kpis, org)
        w.write(f"content/objectives/{o.id}.md", text)
        counts["objectives"] += 1
        used_people.add(o.owner)
        used_teams.add(o.team)
        for step, d in enumerate(checkin_dates(rng, o.cycle)):
            ci = render_checkin(rng, o, d, step, numeric, org)
            w.write(f"content/checkins/{o.id}/{d.isoformat()}.md", ci)
            counts["checkins"] += 1
        # check-in authors are owners or members of the owner's team
        used_people.update(org.team_people.get(o.team, ()))
    for i, k in enumerate(kpis):
        dept = k.id.split("/")[0]
        team = next(t for t in org.teams if org.team_dept[t] == dept)
        owner = org.dept_head[dept] if i % 2 == 0 else org.team_lead[team]
        used_people.add(owner)
        used_teams.add(team)
        w.write(f"content/kpis/{k.id}.md", render_kpi(rng, k, kpis, owner, team))
        counts["kpis"] += 1
        if k.data_file:
            rows = "".join(f"{d.isoformat()},{_fmt(v)}\n" for d, v in k.values)
            w.write(f"content/{k.data_file}", "date,value\n" + rows)
            counts["csv"] += 1
    w.write(
        "content/teams/leadership.md",
        f'---\ntitle: "Leadership"\nlead: {org.ceo}\n---\nThe leadership team.\n',
    )
    used_people.add(org.ceo)
    counts["teams"] += 1
    for t in org.teams:
        if t not in used_teams:
            continue
        dept = org.team_dept[t]
        title = t.replace("-", " ").title()
        parent = f"parent: {dept}\n" if dept in used_teams else ""
        w.write(
            f"content/teams/{t}.md",
            f'---\ntitle: "{title}"\nlead: {org.team_lead[t]}\n{parent}---\n'
            f"The {title} team in {dept}.\n",
        )
        used_people.add(org.team_lead[t])
        counts["teams"] += 1
    for dept in org.departments:
        # department-level objectives use the department id as their team
        if dept in used_teams:
            w.write(
                f"content/teams/{dept}.md",
                f'---\ntitle: "{dept.title()}"\nlead: {org.dept_head[dept]}\n'
                f"parent: leadership\n---\nThe {dept} department.\n",
            )
            used_people.add(org.dept_head[dept])
            counts["teams"] += 1
    for p in org.people:
        if p not in used_people:
            continue
        name = " ".join(x.capitalize() for x in p.split("-") if not x.isdigit())
        role = "Team lead" if org.team_lead[org.person_team[p]] == p else "Engineer"
        w.write(
            f"content/people/{p}.md",
            f'---\ntitle: "{name}"\nteam: {org.person_team[p]}\nrole: {role}\n'
            f"email: {p}@example.com\n---\n",
        )
        counts["people"] += 1
    counts["files"] = w.count
    meta = {"generator_version": GENERATOR_VERSION, "objectives": n, "seed": seed, **counts}
    # Outside content/, so neither okrsite nor Hugo reads it; counts itself in "files".
    w.write("corpus.json", json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--objectives", "-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument(
        "--force", action="store_true", help="delete OUT_DIR/content first if it exists"
    )
    args = ap.parse_args(argv)
    if args.objectives < 1:
        ap.error("--objectives must be at least 1")
    content = args.out_dir / "content"
    if content.exists():
        if not args.force:
            print(f"{content} exists; use --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(content)
    t0 = time.perf_counter()
    counts = generate(args.out_dir, args.objectives, args.seed)
    dt = time.perf_counter() - t0
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"wrote {args.out_dir}: {summary} in {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
