"""The English words pages and reports show for okrsite's own names: a
changed field's label (``current`` is "current value") and a status in
words (``on-track`` is "on track"). Each is a msgid of the theme's
catalogues, so a page's history timeline, its status badges and
``okrsite diff``'s text and Markdown reports say one thing the same way in
every language."""

from __future__ import annotations

#: how a history timeline and the diff report name a changed field
FIELD_LABELS = {
    "title": "title",
    "owner": "owner",
    "team": "team",
    "parent": "parent",
    "cycle": "cycle",
    "commitment": "commitment",
    "status": "status",
    "start": "start",
    "target": "target",
    "threshold": "threshold",
    "unit": "unit",
    "kind": "kind",
    "current": "current value",
    "direction": "direction",
    "green": "healthy threshold",
    "red": "critical threshold",
}

#: statuses in words (templates show them through ``status_word``, translated)
STATUS_WORDS = {
    "on-track": "on track",
    "at-risk": "at risk",
    "off-track": "off track",
    "done": "done",
    "achieved": "achieved",
    "missed": "missed",
    "upcoming": "upcoming",
    "draft": "draft",
    "dropped": "dropped",
}
