"""Further authors of a commit: its ``Co-authored-by:`` trailers, named as authors are.

GitHub's squash merges, and teams that pair, record everyone who wrote a
change as ``Co-authored-by: Ana Costa <ana@acme.com>`` trailers under the
message. The timeline named only git's author and printed the trailer in
"Rest of the commit message", the address included, on a public page
(docs/site.md § Search: no page publishes a person's e-mail address).

So each commit's trailers (git's trailer block, the message's last
paragraph, as :mod:`okrsite.commit_trailers` finds it: a line quoted in
the middle of a message credits nobody) are read as its further authors
(:attr:`okrsite.gitsource.CommitInfo.co_authors`), named through git's
mailmap as the author is (``git log``'s ``%aN``: one ``git check-mailmap
--stdin`` for every trailer of the history), by name only: an address is
never kept, and a trailer whose name is none (``<ana@acme.com>``, or an
address written as the name) names a co-author only where the mailmap
gives a name. One person counts once: a co-author whose mailmapped
address is the author's, or another co-author's, is that person, and so is
one whose name, case and blanks folded, is theirs (``Thomas Lee
<tom@acme.com>`` is the author ``Tom Lee <tom@acme.com>``; ``ana costa`` is
``Ana Costa``). :mod:`okrsite.history_why` leaves the trailers out of the rest of
the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from okrsite.commit_trailers import split_trailers
from okrsite.gitsource import CommitInfo, _run
from okrsite.history_dates import clean_name

#: the trailer's key, folded (git's trailers take the key in any case)
CO_AUTHOR_KEY = "co-authored-by"
_CONTACT = re.compile(r"^([^<>]*?)\s*<([^<>\s]*)>$")
#: a name that is an address (``ana@acme.com``): never shown
_ADDRESS = re.compile(r"\S+@\S+")
#: the most co-authors kept of one commit
MAX_CO_AUTHORS = 20


def trailer_contacts(body: str) -> list[tuple[str, str]]:
    """``(name, address)`` of each ``Co-authored-by:`` trailer of ``body``'s
    trailer block (the address empty where none is written), the first
    :data:`MAX_CO_AUTHORS`."""
    out: list[tuple[str, str]] = []
    for entry in split_trailers(body)[1]:
        if entry.key is None or entry.key.casefold() != CO_AUTHOR_KEY or not entry.value:
            continue
        contact = _CONTACT.match(entry.value)
        if contact is not None:
            out.append((clean_name(contact.group(1)), contact.group(2)))
        else:
            out.append((clean_name(entry.value), ""))
        if len(out) == MAX_CO_AUTHORS:
            break
    return out


def folded(name: str) -> str:
    """A name as compared with another: compatibility forms, case and blanks folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def with_co_authors(top: Path, commits: Sequence[CommitInfo]) -> list[CommitInfo]:
    """``commits`` with the co-authors their trailers name
    (:attr:`~okrsite.gitsource.CommitInfo.co_authors`); the same objects
    where a commit has none (most: one search of each message)."""
    said = {
        c.sha: contacts
        for c in commits
        if CO_AUTHOR_KEY in c.body.lower() and (contacts := trailer_contacts(c.body))
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
        # the author and each co-author named, by address and by folded name
        addresses = {c.email.casefold()} if c.email else set()
        seen = {folded(c.author)}
        for contact in written:
            name, address = mapped.get(contact, contact)
            address = address.casefold()
            if not name or _ADDRESS.search(name):
                continue
            if (address and address in addresses) or folded(name) in seen:
                continue
            names.append(name)
            seen.add(folded(name))
            if address:
                addresses.add(address)
        out.append(replace(c, co_authors=tuple(names)) if names else c)
    return out


def _mailmapped(
    top: Path, contacts: set[tuple[str, str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Each ``(name, address)`` as git's mailmap gives it (one ``git
    check-mailmap --stdin``); those it cannot be asked about (no address,
    a name git would not read) are as written."""
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
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for contact, answer in zip(asked, answers, strict=False):
        found = _CONTACT.match(answer.strip())
        out[contact] = (
            (clean_name(found.group(1)), found.group(2)) if found is not None else contact
        )
    return out
