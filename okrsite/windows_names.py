"""Names a Windows folder cannot hold, and how an output folder name avoids them.

A site built on Linux or macOS is copied to, checked out on or served from
Windows too. Windows refuses a file or folder named after a device (``CON``,
``PRN``, ``AUX``, ``NUL``, ``COM1``-``COM9``, ``LPT1``-``LPT9``, in any case,
with or without an extension: ``aux.md``, ``nul.json``), drops a trailing
dot or space (``Ende.`` becomes ``Ende``, the folder of another page), and
forbids ``<>:"|?*`` and control characters. An objective ``Team/CON`` or a
tag ``Q?`` gave an output folder that could not be copied there at all.
:func:`windows_problem` says what is wrong with a name (the content files'
warning, OKR019); :func:`windows_safe` percent-encodes just the characters
that make a name unusable, as :func:`okrsite.urls.safe_path` does for ``..``.
"""

from __future__ import annotations

import re

__all__ = ["windows_problem", "windows_safe"]

_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {
        f"{port}{n}"
        for port in ("COM", "LPT")
        for n in ("1", "2", "3", "4", "5", "6", "7", "8", "9")
    }
    | {f"{port}{n}" for port in ("COM", "LPT") for n in ("\u00b9", "\u00b2", "\u00b3")}
)

#: what Windows forbids anywhere in a name, and a trailing dot or space
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')
_RISKY = re.compile(r'[<>:"|?*\x00-\x1f]|[. ]\Z')


def _pct(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def _device(name: str) -> int:
    """The length of the device name ``name`` starts with (``0``: none)."""
    head = name.partition(".")[0].rstrip(" ")
    return len(head) if len(head) <= 7 and head.upper() in _DEVICES else 0


def windows_problem(name: str) -> str | None:
    """Why Windows cannot hold a file or folder called ``name``, or ``None``."""
    if _device(name):
        return f"{name.partition('.')[0].rstrip(' ')!r} is the name of a Windows device"
    bad = _FORBIDDEN.search(name)
    if bad is not None:
        char = bad.group()
        shown = repr(char) if char.isprintable() else f"U+{ord(char):04X}"
        return f"Windows does not allow {shown} in a name"
    if name.endswith((".", " ")):
        return "Windows drops a trailing " + ("dot" if name.endswith(".") else "space")
    return None


def windows_safe(seg: str) -> str:
    """``seg`` (one folder name of an output path, ``%`` already written
    ``%25``) with what Windows cannot hold percent-encoded: each forbidden
    character, the last letter of a device name (``CO%4E``, ``com%31.x``) and
    a trailing dot or space (``Ende%2E``). Decoding gives ``seg`` back, so no
    two names meet."""
    if _RISKY.search(seg) is not None:
        seg = _FORBIDDEN.sub(lambda m: _pct(m.group()), seg)
        if seg.endswith((".", " ")):
            seg = seg[:-1] + _pct(seg[-1])
    end = _device(seg)
    if end:
        seg = seg[: end - 1] + _pct(seg[end - 1]) + seg[end:]
    return seg
