"""Further authors of a commit: its ``Co-authored-by:`` trailers, named as authors are.

GitHub's squash merges, and teams that pair, record everyone who wrote a
change as ``Co-authored-by: Ana Costa <ana@acme.com>`` trailers under the
message. The timeline named only git's author and printed the trailer in
"Rest of the commit message", the address included, on a public page
(docs/site.md § Search: no page publishes a person's e-mail address).

So each commit's trailers are read as its further authors
(:attr:`okrsite.gitsource.CommitInfo.co_authors`), named through git's
mailmap as the author is (``git log``'s ``%aN``: one ``git check-mailmap
--stdin`` for every trailer of the history), by name only: an address is
never kept, and a trailer whose name is none (``<ana@acme.com>``, or an
address written as the name) names a co-author only where the mailmap
gives a name. The author themselves, and a name written twice, count
once. :mod:`okrsite.history_why` leaves the trailers out of the rest of
the message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from okrsite.gitsource import CommitInfo, _run
from okrsite.history_dates import clean_name

#: a trailer line (git's trailers take the key in any case)
TRAILER = re.compile(r"^\s*co-authored-by\s*:\s*(.*?)\s*$", re.IGNORECASE)
_CONTACT = re.compile(r"^([^<>]*?)\s*<([^<>\s]*)>$")
#: a name that is an address (``ana@acme.com``): never shown
_ADDRESS = re.compile(r"\S+@\S+")
#: the most co-authors kept of one commit
MAX_CO_AUTHORS = 20


def trailer_contacts(body: str) -> list[tuple[str, str]]:
    """``(name, address)`` of each ``Co-authored-by:`` line of ``body`` (the
    address empty where none is written)."""
    out: list[tuple[str, str]] = []
    for line in body.split("\n"):
        found = TRAILER.match(line)
        if found is None or not found.group(1):
            continue
        contact = _CONTACT.match(found.group(1))
        if contact is not None:
            out.append((clean_name(contact.group(1)), contact.group(2)))
        else:
            out.append((clean_name(found.group(1)), ""))
    return out[:MAX_CO_AUTHORS]


def with_co_authors(top: Path, commits: Sequence[CommitInfo]) -> list[CommitInfo]:
    """``commits`` with the co-authors their trailers name
    (:attr:`~okrsite.gitsource.CommitInfo.co_authors`); the same objects
    where a commit has none (most: one search of each message)."""
    said = {
        c.sha: contacts
        for c in commits
        if "o-authored-by" in c.body.lower() and (contacts := trailer_contacts(c.body))
    }
    if not said:
        return list(commits)
    mapped = _mailmapped(top, {contact for contacts in said.values() for contact in contacts})
    out: list[CommitInfo] = []
    for c in commits:
        written = said.get(c.sha)
        if written is None:
            out.append(c)
            continue
        names: list[str] = []
        for contact in written:
            name = mapped.get(contact, contact[0])
            if name and not _ADDRESS.search(name) and name != c.author and name not in names:
                names.append(name)
        out.append(replace(c, co_authors=tuple(names)) if names else c)
    return out


def _mailmapped(top: Path, contacts: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Each ``(name, address)`` as git's mailmap names it (one ``git
    check-mailmap --stdin``); those it cannot be asked about (no address,
    a name git would not read) keep their name."""
    asked = sorted(
        (name, address)
        for name, address in contacts
        if address and "\n" not in name and "<" not in name and ">" not in name
    )
    if not asked:
        return {}
    lines = "".join(
        f"{name} <{address}>\n" if name else f"<{address}>\n" for name, address in asked
    )
    proc = _run(["check-mailmap", "--stdin"], top, lines.encode("utf-8", "surrogateescape"))
    answers = proc.stdout.decode("utf-8", "replace").split("\n")
    if proc.returncode != 0 or len(answers) < len(asked):
        return {}
    out: dict[tuple[str, str], str] = {}
    for contact, answer in zip(asked, answers, strict=False):
        found = _CONTACT.match(answer.strip())
        out[contact] = clean_name(found.group(1)) if found is not None else contact[0]
    return out
