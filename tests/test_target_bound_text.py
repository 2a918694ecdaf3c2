"""A key result's target that starts like a bound but has no number after it.

``target: "< 2"`` and ``target: ">= 99.9"`` are bounds; ``target: "<img
src=x onerror=alert(1)>"`` (pasted HTML) or ``target: ">= lots"`` is no
bound at all but a target that is no number, and ``okrsite check`` says
just that, naming the value as written, with what a target may be. It is
an error, so a build writes no page that could show the value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

HINT = (
    "(hint: write a number, e.g. 50, 12.5 % or 1,000,000, or a level to keep with its "
    'number: target: ">= 99.9" or "<= 2")'
)

OBJECTIVE = """\
---
title: Keep the service up
cycle: 2026-Q1
owner: alice
key_results:
  - id: html
    title: HTML pasted as a target
    target: "<img src=x onerror=alert(1)>"
  - id: above
    title: Above a word
    target: "> ten"
  - id: at-most
    title: At most a word
    target: "<= lots"
  - id: at-least
    title: At least words
    target: ">= many things"
  - id: sign
    title: A sign alone
    target: "<"
  - id: words
    title: A bound in words with a word after it
    target: at least plenty
---
"""

GOOD = """\
---
title: Bounds that are bounds
cycle: 2026-Q1
owner: alice
key_results:
  - id: uptime
    title: Keep uptime at 99.9% or more
    target: ">= 99.9%"
  - id: hours
    title: Answer within 5 h
    target: at most 5 h
  - id: floor
    title: Keep at least 5 sites
    target: minimum 5
  - id: days
    title: Deliver within 2 days
    target: "<= 2 days"
    unit: days
---
"""


def _site(make_site: MakeSite) -> Path:
    return make_site(
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\n',
            "content/objectives/ops.md": OBJECTIVE,
            "content/objectives/bounds.md": GOOD,
        }
    )


def test_check_says_the_target_is_no_number(make_site: MakeSite) -> None:
    site = _site(make_site)
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if " error " in line]
    where = "content/objectives/ops.md"
    assert errors == [
        f"{where}:8:13: error OKR102: target must be a number, "
        f"got '<img src=x onerror=alert(1)>' {HINT}",
        f"{where}:11:13: error OKR102: target must be a number, got '> ten' {HINT}",
        f"{where}:14:13: error OKR102: target must be a number, got '<= lots' {HINT}",
        f"{where}:17:13: error OKR102: target must be a number, got '>= many things' {HINT}",
        f"{where}:20:13: error OKR102: target must be a number, got '<' {HINT}",
        f"{where}:23:13: error OKR102: target must be a number, got 'at least plenty' {HINT}",
    ]
    # the bounds written with a number stay bounds: nothing is said of them
    # (but that the objective has no check-in yet)
    said = [line for line in result.output.splitlines() if "bounds.md" in line]
    assert [line for line in said if "OKR404" not in line] == []
    assert "strict bound" not in result.output


def test_a_strict_bound_with_a_number_is_still_refused_as_one(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-02-15\n',
            "content/objectives/ops.md": OBJECTIVE.split("  - id: html")[0]
            + '  - id: errors\n    title: Errors below 2\n    target: "< 2"\n---\n',
        }
    )
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if " error " in line]
    assert errors == [
        "content/objectives/ops.md:8:13: error OKR102: target '< 2' is a strict bound: "
        "the value must stay below 2 without reaching it (hint: write stay_below: with the "
        'last figure that still counts (it may equal it), or target: "<= 2")'
    ]


def test_build_refuses_it_and_writes_no_page(make_site: MakeSite) -> None:
    site = _site(make_site)
    out = site / "_site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "target must be a number, got '<img src=x onerror=alert(1)>'" in result.output
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any("<img src=x" in p.read_text("utf-8", "replace") for p in written)
    assert not (out / "objectives" / "ops" / "index.html").exists()
