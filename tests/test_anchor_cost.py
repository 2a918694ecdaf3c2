"""A check-in's anchor is made from its id once per build, however many
pages and blocks show it (session 50's profile of the 10,000-objective
build: ``slug_anchor`` for check-ins, asked by every check-in block's notes,
its view and "Explain this score", was a cost of its own).

The example site, built with ``okrsite build``; every page still carries the
anchor it always did (the golden site's tests compare the bytes)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import copy_example, run_cli

from okrsite.view import anchors


def test_each_checkin_anchor_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = copy_example(tmp_path / "site")
    made: Counter[str] = Counter()
    original = anchors.slug_anchor

    def counted(kind: str, ident: str) -> str:
        if kind == "checkin":
            made[ident] += 1
        return original(kind, ident)

    monkeypatch.setattr(anchors, "slug_anchor", counted)
    out = tmp_path / "out"
    code, output = run_cli(
        "build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-25",
        "--no-cache", "--no-history", "-j", "1",
    )  # fmt: skip
    assert code == 0, output
    assert made, "no check-in anchor was made"
    # once to tell colliding ids apart (every check-in of the site), once
    # when a page first asks for it; never again per page or block
    assert max(made.values()) <= 2, made.most_common(3)
    # the pages carry them as before
    html = (out / "checkins/index.html").read_text(encoding="utf-8")
    shown = [cid for cid in made if f'id="{original("checkin", cid)}"' in html]
    assert shown, "the check-ins page lost its check-ins' anchors"
