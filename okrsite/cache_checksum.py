"""A checksum on every cache file okrsite writes, so a damaged file is never used.

A cache file that still unpickles after a bit flipped on disk (or in a CI
cache's transfer) holds plausible values that are simply wrong: a folder
listing missing a file, a page cache naming a wrong hash, a check-in id
off by one character. Checking its shape cannot see that, so each cache
file ends in the CRC-32 of every byte before it (its header and its
pickle), taken as the file is written (:class:`SealedWriter`) and
verified before any of it is unpickled (:func:`opened_verified`): a file
whose bytes differ from what was written is treated as a missing one, and
the run does the work again.

The CRC is verified in one streaming pass over the file in fixed-size
chunks, before unpickling, so memory stays that of the unpickled value
(the largest file, ``pages.pickle``, is about 150 MB at 10,000
objectives) and nothing damaged reaches the unpickler. ``zlib.crc32``
runs at over 1 GB/s, a small share of the unpickling it guards. One
module for every cache format (the parse cache, the page cache, history
segments, kept pieces, the dataclass table), so they all agree on it.
"""

from __future__ import annotations

import contextlib
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["SealedWriter", "opened_verified", "sealed", "unsealed"]

#: the trailer: the CRC-32 of everything before it, big-endian
_SIZE = 4
#: the verifying pass reads this much at a time (memory stays flat)
_CHUNK = 1 << 18


def _trailer(crc: int) -> bytes:
    return crc.to_bytes(_SIZE, "big")


class SealedWriter:
    """A write-only file that keeps the CRC-32 of everything written through it;
    :meth:`seal` appends it. Pass it to ``pickle.dump`` or a ``Pickler``."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.crc = 0

    def write(self, data: Any) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.raw.write(data)

    def seal(self) -> None:
        """Write the trailer: call once, after the last byte of the contents."""
        self.raw.write(_trailer(self.crc))


def sealed(data: bytes) -> bytes:
    """``data`` with its trailer (for files written from bytes in memory)."""
    return data + _trailer(zlib.crc32(data))


def unsealed(data: bytes) -> bytes | None:
    """``data`` without its trailer, or ``None`` when the trailer does not match."""
    if len(data) < _SIZE:
        return None
    body = memoryview(data)[:-_SIZE]
    if _trailer(zlib.crc32(body)) != data[-_SIZE:]:
        return None
    return bytes(body)


def _verified(raw: io.FileIO) -> bool:
    """Whether the whole file's trailer matches its contents (one pass, fixed memory)."""
    remaining = os.fstat(raw.fileno()).st_size - _SIZE
    if remaining < 0:
        return False
    raw.seek(0)
    buffer = memoryview(bytearray(min(_CHUNK, remaining) or 1))
    crc = 0
    while remaining:
        got = raw.readinto(buffer[: min(len(buffer), remaining)])
        if not got:
            return False  # shrank while read
        crc = zlib.crc32(buffer[:got], crc)
        remaining -= got
    return raw.read(_SIZE + 1) == _trailer(crc)


@contextlib.contextmanager
def opened_verified(path: Path, header: bytes = b"") -> Iterator[IO[bytes] | None]:
    """``path`` opened just after ``header`` once its checksum is verified, or
    ``None`` when it starts with another header or its bytes are not those
    written (damaged, truncated, or of an okrsite that wrote no checksum).
    The contents end in the trailer, which an unpickler leaves unread.
    Errors opening the file (missing, unreadable) are raised."""
    with open(path, "rb", buffering=0) as raw:
        if raw.read(len(header)) != header or not _verified(raw):
            yield None
            return
        raw.seek(len(header))
        yield io.BufferedReader(raw)
