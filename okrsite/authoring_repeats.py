"""Check-ins that count for nothing, and the same check-in run twice.

A check-in of a dropped or draft objective is written (its owner may well
want the note kept), but no figure reads it: the objective counts nowhere
(:func:`okrsite.scoring_progress.counted_grade`), so the command says so
rather than seeming to have moved anything. A check-in identical to the
latest of its objective, KPI or goal, date and time included (the command
writes the time to the minute), is a repeated shell command far more often
than a second report: it would count twice in the check-in count and feed,
so it is not written, and the command says which file has it (exit 0: what
was asked is recorded already).
"""

from __future__ import annotations

import os
from pathlib import Path

from okrsite.model import Portfolio
from okrsite.resolve_checkins import natural_key


def counts_nowhere(p: Portfolio, kind: str, target: str) -> str | None:
    """What to say about a check-in of ``target`` that no figure reads
    (its objective is dropped or a draft), or ``None``."""
    obj = p.objectives.get(target) if kind == "objective" else None
    if obj is None or obj.status not in ("dropped", "draft"):
        return None
    until = " until its status is active" if obj.status == "draft" else ""
    return (
        f"okrsite: note: {target} is {obj.status} ({obj.file}): this check-in is kept, "
        f"but counts nowhere{until}"
    )


def same_checkin(root: Path, rel: str, text: str) -> str | None:
    """The site-relative path of the latest check-in of the same day in
    ``rel``'s folder when it is ``text`` exactly (line endings and a
    byte-order mark aside), else ``None``."""
    folder, _, name = rel.rpartition("/")
    day = name[:10]
    try:
        names = [n for n in os.listdir(root / folder) if n.startswith(day) and n.endswith(".md")]
    except OSError:
        return None
    if not names:
        return None
    latest = max(names, key=natural_key)
    try:
        written = (root / folder / latest).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return f"{folder}/{latest}" if written.replace("\r\n", "\n") == text else None
