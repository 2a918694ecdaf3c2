"""One commit as every timeline entry it made shows it, worked out once per commit.

A timeline entry says which commit made the change: its day, its author
(and co-authors), its short hash and link, its pull request and link, and
why (the commit message's subject and ``Reason:`` line). All of that is the
commit's, not the change's, yet it was worked out for every entry: on the
history benchmark, 100,000 entries of 201 commits, each with its links
built and its line of the partial drawn again. The view model now makes one
:class:`CommitLine` per commit (:func:`commit_line`, memoised in a dict the
site's renderer keeps for its life) and every entry of the commit points
to it (``e.commit_line``); the partial draws the commit's part of an entry
once and keeps the markup on it (:meth:`CommitLine.keep`), so its next
entries reuse it. The markup is the theme's: Python only keeps what the
partial drew, for as long as the renderer (one theme, one language, one
history) lives. A figure's source says the same of the commit that wrote
it ("committed by … on … in …"): its :class:`OriginLine`
(``s.origin_line``, :func:`origin_line`) is drawn once per commit alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from okrsite.history import Change
from okrsite.history_why import Why
from okrsite.view.figure_sources import commit_url, pr_url

_Day = date  # inside CommitLine, ``date`` names its field


class _Drawings:
    """What :class:`CommitLine` and :class:`OriginLine` share: the partial's
    drawings of one commit, kept on the line (its ``drawn`` field)."""

    __slots__ = ()
    drawn: dict[str, Any]

    def keep(self, name: str, piece: Any) -> Any:
        """``piece``, kept as the partial's drawing ``name`` of this commit
        (``drawn[name]``) for the commit's next entry or source; returns it,
        so that a template writes ``{{ c.keep('head', head) }}``."""
        self.drawn[name] = piece
        return piece


@dataclass(slots=True, eq=False)
class CommitLine(_Drawings):
    """What every entry of one commit shows of it (the entry's fields of the
    same names are these), and the partial's drawings of it (:meth:`keep`).

    Compared by identity: its drawings belong to this object only."""

    commit: str
    short: str
    commit_url: str | None
    pr: str | None
    pr_url: str | None
    date: date
    author: str
    authored: _Day | None
    message: str | None
    reason: str | None
    detail: str | None
    co_authors: tuple[str, ...]
    #: what the partial drew of the commit, by the name it gave (``head``:
    #: day, author and links; ``why``: its message): :meth:`keep`
    drawn: dict[str, Any] = field(default_factory=dict)


#: what :func:`commit_line` keeps its lines by: every field a line takes from
#: the change, so two changes share a line only when it says the same of both
_LineKey = tuple[str, date, date | None, str, str | None]


def commit_line(
    change: Change,
    repo_url: str | None,
    why: Why | None,
    lines: dict[_LineKey, CommitLine],
) -> CommitLine:
    """The line of ``change``'s commit, made once per commit (and per day,
    author and pull request, which are the commit's) in ``lines``; ``why``
    is the commit's message (:mod:`okrsite.history_why`) and ``repo_url``
    the site's, the same for every change of one ``lines``."""
    key = (change.commit, change.date, change.authored, change.author, change.pr)
    line = lines.get(key)
    if line is None:
        line = lines[key] = CommitLine(
            commit=change.commit,
            short=change.commit[:7],
            commit_url=commit_url(repo_url, change.commit),
            pr=change.pr,
            pr_url=pr_url(repo_url, change.pr),
            date=change.date,
            author=change.author,
            authored=change.authored if change.authored != change.date else None,
            message=(why.message or None) if why is not None else None,
            reason=why.reason if why is not None else None,
            detail=why.detail if why is not None else None,
            co_authors=why.co_authors if why is not None else (),
        )
    return line


@dataclass(slots=True, eq=False)
class OriginLine(_Drawings):
    """What a timeline's figure source says of the commit that wrote the
    figure ("committed by Ana Costa on 5 Oct 2026 in 1a2b3c4"), and the
    partial's drawings of it (:meth:`keep`). The sources' fields of the same
    names are these. A figure's last commit is one of a few hundred, while
    a large site's timelines list tens of thousands of sources: drawn for
    each, that clause was a third of the sources' drawing.

    Compared by identity: its drawings belong to this object only."""

    commit: str
    short: str
    commit_url: str | None
    pr: str | None
    pr_url: str | None
    author: str
    committed: date
    #: the commit's co-authors, as the source names them (``co_authors``)
    co_authors: tuple[str, ...] = ()
    #: what the partial drew of it, by the name it gave (``committed``)
    drawn: dict[str, Any] = field(default_factory=dict)


def origin_line(source: dict[str, Any], lines: dict[tuple[Any, ...], OriginLine]) -> OriginLine:
    """The line of a committed figure source (a page's source, its dates
    dates: :func:`okrsite.view.figure_sources.dated_source`), made once in
    ``lines`` for every source that says the same of its commit: keyed by
    every field the line holds, so two sources share one only when it says
    the same of both."""
    key = (
        source["commit"],
        source["short"],
        source["commit_url"],
        source["pr"],
        source["pr_url"],
        source["author"],
        source["committed"],
        tuple(source.get("co_authors", ())),
    )
    line = lines.get(key)
    if line is None:
        line = lines[key] = OriginLine(*key)
    return line
