"""Names and messages of commits as text, whatever bytes a commit holds.

okrsite asks git for names and messages in UTF-8 (``i18n.logOutputEncoding``
is pinned: :mod:`okrsite.git_command`), and git converts every commit that
says its encoding (an ``encoding ISO-8859-1`` header). A commit that does not
say is passed on as its bytes: git takes them for UTF-8. Old Windows clients
and imports from CVS or Subversion wrote such commits in Latin-1 (Windows'
cp1252), and reading their bytes as UTF-8 put U+FFFD where "René Löwe" had
its accents. So a field that is not valid UTF-8 is read as Windows writes it
(cp1252, which is Latin-1 but for the printable characters it puts at
0x80-0x9F, such as "€"), the fallback gitk and GitHub use; the few bytes
cp1252 leaves undefined are read as Latin-1. Valid UTF-8 is always UTF-8:
a name in another encoding is seldom valid UTF-8 by chance.
"""

from __future__ import annotations


def commit_text(raw: bytes) -> str:
    """One field of a commit (a name, a subject, a body) as text (see the module)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 or 0x9D: no cp1252 character
        return "".join(_windows_char(b) for b in raw)


def _windows_char(byte: int) -> str:
    """One byte as cp1252 reads it, as Latin-1 where cp1252 has no character."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def log_fields(out: bytes) -> list[str]:
    """The NUL-separated fields of ``git log -z`` output as text, each field
    decoded on its own (:func:`commit_text`) when the output is not all UTF-8:
    one commit in Latin-1 leaves every other commit's UTF-8 as it is."""
    try:
        return out.decode("utf-8").split("\0")
    except UnicodeDecodeError:
        return [commit_text(field) for field in out.split(b"\0")]
