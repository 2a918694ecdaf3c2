"""A checklist key result's milestones, and the title of an item of a list.

Split from :mod:`okrsite.parse_key_results`, which reads how a key result is
measured: this reads the items of its checklist (a mapping, or a line of a
Markdown task list, ``[x] Review``), and says of an item of a list without
a title (a milestone, an initiative, a key result) which item it is, where
"missing required key 'title'" alone sends a newcomer to the file's own
front matter, which has one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from okrsite import limits
from okrsite.model import Milestone
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_keys import MILESTONE_KEYS, respelled
from okrsite.parse_messages import shown_value

#: a milestone written as a Markdown task list item (``[x] Review``, ``[ ]
#: Draft``) or with a tick before it (``✅ Review``, ``✓ Review``)
_TICK = re.compile(r"\s*(?:\[(?P<box>[ xX✓✔]?)\]|(?P<tick>[✅✓✔☑]))\s*(?P<title>\S.*)", re.S)


def open_task(text: str) -> str | None:
    """The title of a milestone written as an unticked task list item
    (``[ ] Draft`` → ``Draft``); ``None`` for any other text."""
    found = _TICK.fullmatch(text)
    if found is None or found["tick"] is not None or (found["box"] or " ").strip():
        return None
    return found["title"].strip()


def _ticked(text: str) -> Milestone:
    """A milestone written as a line of text, done when it says so as a task
    list does (``[x] Review`` is done, ``[ ] Draft`` is not)."""
    found = _TICK.fullmatch(text)
    if found is None:
        return Milestone(text, False)
    done = found["tick"] is not None or (found["box"] or " ").strip() != ""
    return Milestone(found["title"].strip(), done)


def _boxed(sentence: str) -> dict[str, Any] | None:
    """A key result written as a task list item, as pasted from a checklist
    (``"[x] Launch new logo"``, ``"[ ] Launch new logo"``, ``✅ Launch``): a
    yes/no key result, done when its box is ticked, as ``{title: Launch new
    logo, done: true}`` is; ``None`` for any other sentence."""
    if _TICK.fullmatch(sentence) is None:
        return None
    milestone = _ticked(sentence)
    return {"title": milestone.title, "done": milestone.done}


def item_title(
    f: _Fields, item: Mapping[str, Any], path: Path_, what: str, hint: str
) -> str | None:
    """The ``title:`` of an item of a list (a milestone, an initiative, a key
    result), with a missing title said of that item (not of the file's front
    matter, which has its own)."""
    if item.get("title") is None:
        f.err("OKR101", f"{what} has no title: missing required key 'title'", path, hint=hint)
        return None
    return f.text(item, "title", path, required=True)


def _milestones(f: _Fields, raw: Any, path: Path_) -> tuple[Milestone, ...]:
    if not isinstance(raw, list) or not raw:
        f.err(
            "OKR106",
            f"milestones must be a non-empty list, got {shown_value(raw)}",
            path,
            hint="write '- {title: Shortlist, done: true}' entries",
        )
        return ()
    if f.too_many(raw, limits.MAX_MILESTONES, "milestones", path):
        return ()
    out = []
    for j, m in enumerate(raw):
        if isinstance(m, str):
            out.append(_ticked(m))
            continue
        if not isinstance(m, dict):
            f.err("OKR106", f"milestone {j + 1} must be a mapping with title and done", (*path, j))
            continue
        where: Path_ = (*path, j)
        m = respelled({str(k): v for k, v in m.items()}, MILESTONE_KEYS)
        f.unknown_keys(m, MILESTONE_KEYS, where, "a milestone")
        title = item_title(
            f, m, where, f"milestone {j + 1}", "write it as '- {title: …, done: false}'"
        )
        done = f.boolean(m, "done", where)
        if title is not None:
            out.append(Milestone(title, bool(done)))
    return tuple(out)
