"""Reading one ``[[sources]]`` entry's text for ``okrsite pull``: running its
command, reading its file, fetching its URL, each bounded in time and size.

A source is input from elsewhere, so nothing it does may hang ``pull``: a
command is stopped with its process group at its timeout, and a URL has one
deadline for the whole request (connecting, TLS, redirects, headers and
body), not only for each read, since a server that sends a byte now and
then would otherwise keep every read alive forever. Every failure is a
:class:`~okrsite.pull_sources.SourceError` with what to do.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, Any

from okrsite.pull_sources import Source, SourceError
from okrsite.sitefiles import UnsafeFileError, excerpt, read_owned
from okrsite.text_sniff import utf16_form

__all__ = ["MAX_OUTPUT", "fetch"]

MAX_OUTPUT = 10 * 1024 * 1024  # a source printing more than this is not a list of readings


def fetch(source: Source, root: Path) -> str:
    """The source's text: the command's stdout, the file's or the URL's body."""
    if source.command:
        return _run(source, root)
    if source.file:
        return _read_file(source, root)
    return _get(source)


def _run(source: Source, root: Path) -> str:
    """Run the argv in the site folder, without a shell and without stdin.

    The command gets its own process group, so on a timeout the whole group is
    killed (a script's children too). A process that leaves the group on
    purpose (``setsid``, a daemon) cannot be found portably once its parent
    has exited; when one still holds the command's output after the kill,
    the message says so rather than claim that everything was stopped.
    """
    assert source.command is not None
    try:
        proc = subprocess.Popen(
            list(source.command),
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise SourceError(f"cannot run {source.command[0]!r}: {exc.strerror or exc}") from None
    assert proc.stdout is not None and proc.stderr is not None
    # read as the command writes, keeping only what can be used: its output up
    # to one byte past the limit (it is then stopped, not read to the end) and
    # the end of its error output, whose last line is quoted
    out = _Reader(proc.stdout, MAX_OUTPUT + 1)
    err = _Reader(proc.stderr, _ERR_TAIL, keep_end=True)
    command = excerpt(" ".join(source.command), 120)
    deadline = time.monotonic() + source.timeout
    out.thread.join(source.timeout)
    if out.full:
        _stop(proc, out, err)
        raise SourceError(
            f"{command} printed more than {MAX_OUTPUT // (1024 * 1024)} MB, more than a "
            "list of dated values; it was stopped"
        )
    try:
        if out.thread.is_alive():
            raise subprocess.TimeoutExpired(proc.args, source.timeout)
        proc.wait(timeout=max(deadline - time.monotonic(), 0.001))
    except subprocess.TimeoutExpired:
        escaped = _stop(proc, out, err)
        raise SourceError(
            f"{command} did not finish within {source.timeout:g} s (timeout); it was stopped"
            + (_ESCAPED if escaped else "")
        ) from None
    err.thread.join(_REAP_WAIT)
    _close(out, err)
    if proc.returncode != 0:
        text = err.data().decode("utf-8", "replace")
        last = next((ln.strip() for ln in reversed(text.splitlines()) if ln.strip()), "")
        # a short printable excerpt: the command's escapes never reach the terminal
        last = excerpt(last, 60)
        raise SourceError(
            f"{command} exited with code {proc.returncode}" + (f": {last}" if last else "")
        )
    return _decode(out.data(), "the command's output")


_ERR_TAIL = 64 * 1024  # of a command's error output, kept for its last line
_REAP_WAIT = 5.0  # seconds a stopped command's pipes are waited for


class _Reader:
    """Reads a pipe in a thread of its own, keeping at most about ``limit``
    bytes: the first ones (then ``full`` is set and reading stops), or with
    ``keep_end`` the last ones."""

    def __init__(self, pipe: IO[bytes], limit: int, keep_end: bool = False) -> None:
        self.pipe = pipe
        self.chunks: list[bytes] = []
        self.size = 0
        self.full = False
        self._limit, self._keep_end = limit, keep_end
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        read = getattr(self.pipe, "read1", self.pipe.read)
        try:
            while chunk := read(65536):
                self.chunks.append(chunk)
                self.size += len(chunk)
                if self.size < self._limit:
                    continue
                if not self._keep_end:
                    self.full = True
                    return
                tail = b"".join(self.chunks)[-self._limit :]
                self.chunks, self.size = [tail], len(tail)
        except (OSError, ValueError):  # the pipe closed under it
            return

    def data(self) -> bytes:
        return b"".join(self.chunks)


_ESCAPED = (
    ", but a process it started in a session of its own (setsid, a daemon) still "
    "holds its output and was not stopped: okrsite stops only the command's "
    "process group (hint: start no process that leaves it, or stop that process "
    "yourself)"
)


def _stop(proc: subprocess.Popen[bytes], *readers: _Reader) -> bool:
    """Kill the command's process group and wait for it, briefly: a process
    that left the group and holds a pipe open is not waited for. True when
    such a process still holds one (it is reported, since it runs on)."""
    _kill_group(proc)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=_REAP_WAIT)
    for reader in readers:
        reader.thread.join(_REAP_WAIT)
    _close(*readers)
    return any(reader.thread.is_alive() for reader in readers)


def _close(*readers: _Reader) -> None:
    """Close the pipes whose reading is over (one still read is left to its
    thread, which ends with the process holding it)."""
    for reader in readers:
        if not reader.thread.is_alive():
            reader.pipe.close()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    killpg = getattr(os, "killpg", None)  # POSIX; elsewhere only the command itself
    try:
        if killpg is None:
            proc.kill()
        else:
            killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # already gone
        proc.kill()


_SAVE_AS_CSV = "save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')"


def _decode(raw: bytes, what: str, name: str = "") -> str:
    """The text of a source, or what to do to get one: a spreadsheet
    workbook (by ``name``'s suffix or its first bytes) and UTF-16 text get
    the hints a KPI's data file gets (OKR208, OKR201), since only saving
    the sheet as CSV helps."""
    from okrsite.kpi_data_file import OLE, WORKBOOKS, ZIP

    if len(raw) > MAX_OUTPUT:
        raise SourceError(f"{what} is larger than {MAX_OUTPUT // (1024 * 1024)} MB")
    suffix = "." + name.rpartition(".")[2].lower() if "." in name else ""
    if suffix in WORKBOOKS or raw.startswith((ZIP, OLE)):
        kind = WORKBOOKS.get(suffix) or ("Excel 97-2003" if raw.startswith(OLE) else "Excel")
        stem = name.rpartition(".")[0] if "." in name else name
        then = f', then write file = "{stem}.csv" in okrsite.toml' if suffix != ".csv" else ""
        then = then if name else ""
        raise SourceError(
            f"{what} is a spreadsheet workbook ({kind}), not CSV or JSON text (hint: open "
            "it in the spreadsheet and save the readings as CSV (Excel: File > Save As > "
            f"'CSV UTF-8'; LibreOffice: File > Save As > 'Text CSV'){then})"
        )
    if utf16_form(raw) is not None:  # the shared sniff: with a byte order mark or without
        raise SourceError(
            f"{what} is UTF-16 text (as Excel saves 'Unicode Text'), not UTF-8 "
            f"(hint: {_SAVE_AS_CSV})"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"{what} is not UTF-8 text (line {line}, byte 0x{raw[exc.start]:02x}) "
            f"(hint: {_SAVE_AS_CSV})"
        ) from None


def _read_file(source: Source, root: Path) -> str:
    """A ``file`` source, read as the loader reads a site file
    (:func:`okrsite.sitefiles.read_owned`): checked on the open descriptor,
    so a file swapped for a link out of the site or a FIFO after the check
    is still refused, never read or waited on."""
    assert source.file is not None
    path = (root / source.file).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SourceError(f"file {source.file!r} lies outside the site folder")
    if not path.is_file():
        raise SourceError(f"file {source.file!r} does not exist or is not a regular file")
    try:
        raw = read_owned(root / source.file, [os.path.realpath(root)])
    except UnsafeFileError as exc:
        raise SourceError(f"cannot read file {source.file!r}: {exc.refusal.message}") from None
    return _decode(raw, f"file {source.file!r}", source.file)


def _get(source: Source) -> str:
    """A ``url`` source's body, fetched within one deadline for the whole
    request (:class:`_Deadline`), through redirects to http(s) only."""
    assert source.url is not None
    request = urllib.request.Request(source.url, headers={"User-Agent": "okrsite-pull"})
    if source.header and source.header_env:
        value = os.environ.get(source.header_env)
        if value is None:
            raise SourceError(f"environment variable {source.header_env} is not set")
        request.add_header(source.header, value)
    deadline = _Deadline(source.timeout)
    opener = urllib.request.build_opener(
        _HTTPHandler(deadline), _HTTPSHandler(deadline), _RedirectHandler()
    )
    try:
        with opener.open(request, timeout=source.timeout) as response:
            raw = response.read(MAX_OUTPUT + 1)
    except urllib.error.HTTPError as exc:
        if str(exc.reason).startswith(urllib.request.HTTPRedirectHandler.inf_msg):
            # urllib's own sentence, cut at 60 characters, lost what it meant
            raise SourceError(
                f"{source.label} redirected (HTTP {exc.code}) in a loop or more than "
                f"{urllib.request.HTTPRedirectHandler.max_redirections} times; not followed "
                "(hint: write the address the data is served from in url = …)"
            ) from None
        reason = excerpt(exc.reason, 60)  # the server's words: shown printable
        raise SourceError(f"{source.label} answered HTTP {exc.code} {reason}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        if deadline.expired:
            raise SourceError(_too_slow(source)) from None
        reason = excerpt(getattr(exc, "reason", exc) or type(exc).__name__, 120)
        raise SourceError(f"cannot fetch {source.label}: {reason}") from None
    finally:
        deadline.end()
    if deadline.expired:  # the body was cut short by the deadline
        raise SourceError(_too_slow(source))
    return _decode(raw, source.label)


def _too_slow(source: Source) -> str:
    return (
        f"{source.label} did not answer in full within {source.timeout:g} s (timeout); "
        "the request was stopped (hint: raise the source's timeout = … in okrsite.toml "
        "if the address is slow but answers)"
    )


class _Deadline:
    """One deadline for a whole request. A socket timeout bounds each read
    only, and a server sending a byte every half second keeps every read
    alive; so at the deadline a timer shuts the request's sockets down,
    which ends the read under way wherever it is (TLS handshake, headers,
    body). Each socket is watched through a duplicate of its descriptor,
    since TLS takes the descriptor over from the socket that connected."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        dup = sock.dup()
        with self._lock:
            self._socks.append(dup)
            expired = self.expired
        if expired:
            _shut(dup)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            _shut(sock)

    def end(self) -> None:
        """Stop the timer and let go of the duplicates."""
        self._timer.cancel()
        with self._lock:
            socks, self._socks = self._socks, []
        for sock in socks:
            sock.close()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    """``base`` whose every connection is watched by ``deadline``."""

    class Watched(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            connect: Any = getattr(self, "_create_connection")  # noqa: B009

            def create(*a: Any, **k: Any) -> socket.socket:
                sock: socket.socket = connect(*a, **k)
                deadline.watch(sock)
                return sock

            self._create_connection = create

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_watched(http.client.HTTPConnection, self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> Any:
        # the default TLS context, as urllib's own handler uses
        return self.do_open(_watched(http.client.HTTPSConnection, self._deadline), req)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to ``http://`` and ``https://`` only, the
    schemes a ``url`` source may name (urllib also follows ``ftp://``)."""

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any
    ) -> Any:
        # urllib refuses a redirect to file:// itself, before redirect_request,
        # with its own words ("Redirection to url ... is not allowed"), which a
        # message cut mid-word: the scheme is checked here first
        location = headers.get("location") or headers.get("uri")
        if location:
            newurl = urllib.parse.urljoin(req.full_url, location)
            if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
                fp.close()
                raise SourceError(_not_followed(req.full_url, code, newurl))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            fp.close()
            raise SourceError(_not_followed(req.full_url, code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _not_followed(url: str, code: int, newurl: str) -> str:
    """Why a redirect away from http(s) fails the source: the addresses are
    shortened, never the reason."""
    return (
        f"{excerpt(url, 120)} redirected (HTTP {code}) to {excerpt(newurl, 120)}: "
        "only http:// and https:// addresses are followed "
        "(hint: write the address the data is served from in url = …)"
    )
