"""The hint of CFG001 when ``okrsite.toml`` sets a key, or declares a table, twice."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from okrsite import toml_reader
from okrsite.preview import Preview
from okrsite.server_livereload import EVENTS_PATH

TWICE = 'title = "Goals"\nlanguage = "de"\nlanguage = "en"\n'


def decode_error(text: str) -> tuple[str, int]:
    with pytest.raises(toml_reader.TOMLDecodeError) as caught:
        toml_reader.loads(text)
    message = str(caught.value)
    line = int(message.rsplit("line ", 1)[1].split(",")[0])
    return message, line


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (TWICE, "language is already set on line 2; keep one of the two lines"),
        ('"lang" = 1\nlang = 2\n', "lang is already set on line 1"),
        ("a.b = 1\na . b = 2\n", "a.b is already set on line 1"),
        ("x = 1\n[t]\nx = 2\nx = 3\n", "x is already set on line 3"),
        ('[site]\ntitle = "a"\n\n[site]\nx = 1\n', "[site] is already declared on line 1"),
    ],
)
def test_a_second_setting_names_the_line_of_the_first(text: str, hint: str) -> None:
    message, line = decode_error(text)
    got = toml_reader.duplicate_hint(text, message, line)
    assert got is not None and got.startswith(hint), got


def test_other_mistakes_get_no_duplicate_hint() -> None:
    text = "title = Goals\n"
    message, line = decode_error(text)
    assert toml_reader.duplicate_hint(text, message, line) is None


def errors_sent(port: int) -> list[dict[str, object]]:
    """The first ``errors`` event of the preview's event stream."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", EVENTS_PATH)
        resp = conn.getresponse()
        event = ""
        while True:
            line = resp.readline().decode("utf-8")
            assert line, "the stream closed before any errors"
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event == "errors":
                data: list[dict[str, object]] = json.loads(line[5:])
                return data
    finally:
        conn.close()


def test_serve_shows_which_line_set_the_key_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "okrsite.toml").write_text(TWICE, encoding="utf-8")
    messages: list[str] = []
    preview = Preview(site, port=0, echo=messages.append)
    try:
        preview.start()
        sent = errors_sent(preview.server.port)
    finally:
        preview.stop()
    cfg = [d for d in sent if d["code"] == "CFG001"]
    assert len(cfg) == 1, sent
    assert cfg[0]["line"] == 3
    assert str(cfg[0]["hint"]).startswith(
        "language is already set on line 2; keep one of the two lines"
    ), cfg[0]
    assert "language is already set on line 2" in "\n".join(messages)
