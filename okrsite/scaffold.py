"""The text of new sites and files: ``okrsite init`` and ``okrsite new``.

Generated files are written with PyYAML's dumper, so titles with colons,
quotes or ``#`` come out as valid YAML. :mod:`okrsite.authoring` runs the
real loader over each generated file before it is written, so a command never
leaves a file that ``okrsite check`` would reject. Existing files are never
overwritten.
"""

from __future__ import annotations

import contextlib
import os
import re
import textwrap
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from okrsite.cycle_names import quarter_of, quarter_span
from okrsite.cycles import calendar_cycle, lookup
from okrsite.goal_yaml import QuotingDumper
from okrsite.model import Cycle
from okrsite.parse import ID_RE
from okrsite.parse_people import HANDLE_RE
from okrsite.path_probe import NAME_MAX_BYTES, name_too_long
from okrsite.sitefiles import create_new
from okrsite.stub_bodies import body_for

KINDS = {
    "objective": "objectives",
    "kpi": "kpis",
    "goal": "goals",
    "checkin": "checkins",
    "person": "people",
    "team": "teams",
}


class ScaffoldError(Exception):
    """A user mistake in an authoring command (message says what to do)."""


def title_from_id(rid: str) -> str:
    """The title an id's last part gives: a slug's words (``grow-revenue``:
    "Grow revenue"); a part typed with capitals is a name as written, whose
    hyphens belong to it (``Datenschutz-Audit``, ``E-Mail-Kampagne``)."""
    last = rid.rsplit("/", 1)[-1]
    if any(ch.isupper() for ch in last):
        return re.sub(r"_+", " ", last).strip() or rid
    words = re.sub(r"[-_.]+", " ", last).strip()
    return words[:1].upper() + words[1:] if words else rid


def front_matter(data: dict[str, Any], body: str) -> str:
    """Front matter with one key per line, lists and mappings inline.

    Each value goes through PyYAML's dumper, so text with colons, quotes or
    ``#`` is quoted as YAML needs.
    """
    lines = [yaml_line(key, value) for key, value in data.items()]
    head = "---\n" + "\n".join(lines) + "\n---\n"
    # no note: the file ends with its front matter, not with a blank line
    return head + f"{body.rstrip()}\n" if body.strip() else head


def yaml_line(key: str, value: Any) -> str:
    """``key: value`` on one line, lists and mappings inline, quoted as YAML needs."""
    return f"{key}: {_inline(value)}"


def _inline(value: Any) -> str:
    dumped = yaml.dump(
        value,
        Dumper=QuotingDumper,
        default_flow_style=True,
        allow_unicode=True,
        width=float("inf"),
        sort_keys=False,
    )
    return dumped.strip().removesuffix("...").strip()


def check_id(rid: str) -> None:
    if not ID_RE.match(rid) or rid.endswith(".md"):
        raise ScaffoldError(
            f"{rid!r} is not a usable id: use names separated by '/', made of letters, digits, '-', '_' and '.', "
            "without .md (e.g. sales/emea)"
        )


# ------------------------------------------------------------------ new
# What a new file leaves to its author, as comments: examples, never values.
# Each is a line of YAML behind ``# ``, what it means in a comment of its own
# after it, so taken out of its comment as it is, it is valid and means what
# it says. What it names is what a site ``okrsite init`` wrote has (Alex
# Example, the team company, company/faster-support), and its dates lie in
# the file's own cycle (a reading of today, a goal due when its cycle ends):
# uncommented as it is, no line gives ``okrsite check`` anything to report.
def _hints(
    kind: str, rid: str, today: date, cycle: str | None, cycles: Mapping[str, Cycle] | None
) -> list[tuple[str, str]]:
    """The commented examples of a new ``kind`` file: (YAML line, what it means)."""
    owner = ("owner: Alex Example", "the one accountable person: a name or a person id")
    if kind == "objective":
        return [
            owner,
            ("key_results:", "2 to 5; see docs/content-format.md"),
            ("  - id: revenue", ""),
            ("    title: Grow revenue from 1.2 to 1.5 M EUR", ""),
            ("    start: 1.2", ""),
            ("    target: 1.5", ""),
            ("    unit: M EUR", ""),
            ("  - id: partners", ""),
            ("    title: Launch the partner programme", ""),
            ("    done: false", "a yes/no key result"),
        ]
    if kind == "kpi":
        return [
            owner,
            ("unit: points", ""),
            ("direction: up", "or down, when lower is better"),
            ("target: 45", ""),
            ("thresholds: {green: 40, red: 20}", ""),
            (f"values: {{{today.isoformat()}: 31}}", "readings by date"),
        ]
    if kind == "goal":
        known = lookup(cycle, cycles or {}) if cycle else None
        due = known.end if known is not None else quarter_span(today, cycles).end
        return [
            owner,
            (f"due: {due.isoformat()}", "a deadline of its own, else its cycle's last day"),
            ("supports: company/faster-support", "an objective, objective#key-result or KPI id"),
            ("measure: {start: 0, target: 12, current: 0, unit: chapters}", ""),
        ]
    handle = rid.replace("/", "-")  # the file's own, so no two files give the same example
    if not (HANDLE_RE.match(handle) and handle.isascii()):
        handle = "uma-diaz" if kind == "person" else "customer-success"
    if kind == "person":
        return [
            ("team: Company", "a team's name or id"),
            ("role: Head of Support", ""),
            (f"email: {handle}@example.com", ""),
            (f"github: {handle}", "GitHub user, for okrsite codeowners"),
        ]
    return [
        ("lead: Alex Example", "a person's name or id"),
        ("parent: company", "the team it belongs to"),
        ("members: [Alex Example]", "people beside those whose file names this team"),
        (f'github: "@acme/{handle}"', "GitHub team, for okrsite codeowners"),
    ]


def _hints_left(
    kind: str, rid: str, today: date, data: dict[str, Any], cycles: Mapping[str, Cycle] | None
) -> str:
    """The commented examples of the keys ``data`` does not write: an example
    of a key the file already has a value for would only mislead."""
    examples = [
        (line, note)
        for line, note in _hints(kind, rid, today, data.get("cycle"), cycles)
        if line.split(":", 1)[0] not in data
    ]
    width = max((len(line) for line, note in examples if note), default=0)
    return "".join(
        f"# {line.ljust(max(width, 22))}  # {note}\n" if note else f"# {line}\n"
        for line, note in examples
    )


def new_record_text(
    content_dir: str,
    kind: str,
    rid: str,
    *,
    title: str | None = None,
    parent: str | None = None,
    cycle: str | None = None,
    owner: str | None = None,
    team: str | None = None,
    today: date | None = None,
    language: str | None = None,
    cycles: Mapping[str, Cycle] | None = None,
) -> tuple[str, str]:
    """The site-relative path and text of a new objective, KPI or goal.

    Only what was given (or is required: title, an objective's or goal's
    cycle, the current quarter unless ``cycle`` is given) is written as a
    value; what the author still has to decide is shown as commented
    examples, so nothing invented counts as data. ``cycles``: the site's;
    where it has ``fiscal_year_start`` the current quarter is the fiscal
    one (``FY2027-Q4``), as the rest of the site counts quarters.
    """
    check_id(rid)
    today = today or date.today()
    if kind in ("person", "team"):
        return _named_record_text(
            content_dir, kind, rid, title, parent, owner, team, today, language
        )
    data: dict[str, Any] = {"type": "goal"} if kind == "goal" else {}
    data["title"] = title or title_from_id(rid)
    if kind in ("objective", "goal"):  # a goal's cycle is its time bound (T) until it has a due:
        data["cycle"] = cycle or quarter_of(today, cycles)
    if owner:
        data["owner"] = owner
    if team:
        data["team"] = team
    if parent:
        data["parent" if kind == "objective" else "supports"] = parent
    rel = f"{content_dir.strip('/')}/{KINDS[kind]}/{rid}.md"
    head = front_matter(data, "").removesuffix("---\n")
    body = body_for(kind, language)
    return rel, f"{head}{_hints_left(kind, rid, today, data, cycles)}---\n{body}\n"


def _named_record_text(
    content_dir: str,
    kind: str,
    rid: str,
    title: str | None,
    parent: str | None,
    owner: str | None,
    team: str | None,
    today: date,
    language: str | None = None,
) -> tuple[str, str]:
    """A person's or team's file: ``title`` is the name as the person typed
    it (pages show it), the file is named after the id that name becomes
    (``people/jose-alvarez.md``), so every ``owner: José Álvarez`` names it.
    A person's ``--team`` is their team; a team's ``--owner`` is its lead
    and ``--parent`` the team it belongs to."""
    data: dict[str, Any] = {"title": title or title_from_id(rid)}
    if kind == "person":
        if owner or parent:
            raise ScaffoldError("a person takes --team (their team), not --owner or --parent")
        if team:
            data["team"] = team
    else:
        if team:
            raise ScaffoldError(
                "a team takes --owner (its lead) and --parent (the team it belongs to), not --team"
            )
        if owner:
            data["lead"] = owner
        if parent:
            data["parent"] = parent
    rel = f"{content_dir.strip('/')}/{KINDS[kind]}/{rid}.md"
    head = front_matter(data, "").removesuffix("---\n")
    hints = _hints_left(kind, rid, today, data, None)
    body = body_for(kind, language)
    return rel, f"{head}{hints}---\n" + (f"{body}\n" if body else "")


# ------------------------------------------------------------------ init
#: what ``okrsite init`` writes at the top of its folder (``.gitignore`` too,
#: but an existing one is left as it is): where one of them is there already,
#: the folder holds a site (or something else in its place), and the sample
#: files would be mixed into it
_SITE_TOP = ("okrsite.toml", "content")


def init_site(target: Path, today: date | None = None) -> list[str]:
    """Write a small sample site into ``target``; returns the files written.

    ``target`` may be new, empty, or any existing folder in which none of
    the paths it writes exists yet (``okrsite.toml``, ``content/``): a goals
    repository with its README, CONTRIBUTING.md and ``docs/`` gets the site
    beside them, as nothing of theirs is touched. A folder holding one of
    them is refused, saying the ways forward (a sub-folder, ``--site``):
    nothing is ever overwritten, and sample objectives added to an existing
    ``content/`` would be counted with its own. An existing ``.gitignore``
    is left as it is. A link at one of those paths counts as there even
    when it leads nowhere, and is refused before anything is written
    (:func:`_refuse_links`): a file written at it would land outside
    ``target``.
    """
    today = today or date.today()
    if name_too_long(str(target)):  # asked, the system answers with an error, not "no"
        raise ScaffoldError(
            f"folder name {str(target)[:60]!r}… is too long for a file system (at most "
            f"{NAME_MAX_BYTES} bytes between '/'); nothing was written (hint: choose a shorter name)"
        )
    _refuse_links(target)
    if target.exists():
        there = [name for name in _SITE_TOP if os.path.lexists(target / name)]
        if there:
            shown = ", ".join(name + ("/" if (target / name).is_dir() else "") for name in there)
            raise ScaffoldError(
                f"{target} already has {shown}, which okrsite init would write; it never "
                "overwrites a file, so nothing was written (hint: to start the site in a "
                "sub-folder, run okrsite init goals, then cd goals, or pass --site goals to "
                "every command; if this folder is your site already, run okrsite check here)"
            )
    q = quarter_of(today)
    quarter = calendar_cycle(q)
    assert quarter is not None
    q_start, q_end = quarter.start, quarter.end
    # the quarter before: a KPI "asked every quarter" has read twice, so its
    # usual interval says it is not stale between readings
    previous_q = date(q_start.year - (q_start.month == 1), (q_start.month - 4) % 12 + 1, 1)
    # default_cycle stays a comment: set to this quarter, it would file next
    # quarter's ``okrsite new`` objectives into a cycle already over
    files = {
        "okrsite.toml": f"""\
            # okrsite settings: every key is optional. See docs/configuration.md.
            title = "Our goals"
            description = "Objectives, key results and KPIs, built with okrsite."
            # default_cycle = "{q}"   # for objectives without cycle:; unset, okrsite new writes the current quarter
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
            values: {{{previous_q.isoformat()}: 28, {q_start.isoformat()}: 31}}
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
    return _write_all(target, {rel: textwrap.dedent(text) for rel, text in files.items()})


def _refuse_links(target: Path) -> None:
    """Refuse, before anything is written, a link where init would write:
    ``target`` itself when it leads nowhere, or ``okrsite.toml``,
    ``content`` or a ``.gitignore`` leading nowhere in it. A link that
    leads nowhere does not "exist", yet a file written at it lands where it
    points, out of the folder (a committed ``okrsite.toml -> ../x``), and a
    ``content`` link whose target is not checked out stopped init half-way.
    A ``.gitignore`` that is a link to a file is left as any is."""
    if os.path.islink(target) and not target.exists():
        raise ScaffoldError(
            f"{target} is a link to {os.readlink(target)}, which does not exist; okrsite init "
            "writes through no link, so nothing was written (hint: make the folder it leads "
            "to first, or give okrsite init a folder that is not a link)"
        )
    for name in (*_SITE_TOP, ".gitignore"):
        path = target / name
        if os.path.islink(path) and (name != ".gitignore" or not path.exists()):
            leads = os.readlink(path)
            gone = "" if path.exists() else ", which does not exist"
            hint = (
                "make the file it leads to, or remove the link, and run okrsite init again"
                if name == ".gitignore"
                else f"if it leads to your site's files, make {leads} reachable and run "
                "okrsite check here; else remove the link and run okrsite init again, or "
                "start the site in a sub-folder: okrsite init goals"
            )
            raise ScaffoldError(
                f"{path} is a link to {leads}{gone}; okrsite init writes only into {target} "
                f"itself, never through a link, so nothing was written (hint: {hint})"
            )


def _write_all(target: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` (site-relative path: text) into ``target``: each as a
    new file that follows no link (:func:`okrsite.sitefiles.create_new`),
    all or none. An existing ``.gitignore`` is left as it is (``content/``
    and ``okrsite.toml`` were refused already), and a file that appeared
    since (a link made meanwhile) undoes what was written and is refused."""
    written: list[str] = []
    made: list[Path] = []
    rel = ""
    try:
        target.mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            if rel == ".gitignore" and os.path.lexists(target / rel):
                continue
            with os.fdopen(create_new(target, rel, made), "w", encoding="utf-8") as out:
                out.write(text)
            written.append(rel)
    except OSError as exc:
        for done in reversed(written):
            with contextlib.suppress(OSError):
                (target / done).unlink()
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        why = exc.strerror or str(exc)
        if isinstance(exc, FileExistsError):
            why = "it exists (a file or link made while init ran); okrsite init overwrites nothing"
        raise ScaffoldError(
            f"cannot write {target / rel if rel else target}: {why}; nothing was written"
        ) from None
    return written
