"""A figure's decimals beside its limits are decided once per figure and
limits, however often the pages show it (session 50's profile of the
10,000-objective build: ``places_beside`` was a cost of its own, asked for
every value of every key result's sparkline and again for its row).

The site is written as a user writes it, a key result checked in with the
same figures week after week, and built with ``okrsite build``; what the
pages say is the same as ever (2.99996 beside a target of 3 keeps its fifth
decimal), and the figures are written out to be compared only a few times,
not once per value and limit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli, write_site

from okrsite import limit_places

OBJECTIVE = """---
title: Serve customers
owner: Uma Diaz
cycle: 2026-Q4
key_results:
  - {id: nps, title: NPS, start: 0, target: 3}
---
"""


def _checkins(figure_of_day: Callable[[int], float]) -> dict[str, str]:
    """Ten check-ins three days apart in October, each with its figure."""
    return {
        f"content/checkins/q4/2026-10-{day:02d}.md": (
            f"---\nobjective: q4\ndate: 2026-10-{day:02d}\n"
            f"values: {{nps: {figure_of_day(day)}}}\n---\n"
        )
        for day in range(1, 31, 3)
    }


def _built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checkins: dict[str, str]
) -> tuple[Path, Counter[tuple[float, int]]]:
    """The site built in this process (one worker), counting each figure
    written out to be compared (``limit_places._shown``) by figure and decimals."""
    root = write_site(
        tmp_path / "site",
        {"okrsite.toml": 'title = "R"\n', "content/objectives/q4.md": OBJECTIVE, **checkins},
    )
    shown: Counter[tuple[float, int]] = Counter()
    original = limit_places._shown

    def counted(value: float, places: int) -> float:
        shown[value, places] += 1
        return original(value, places)

    monkeypatch.setattr(limit_places, "_shown", counted)
    out = tmp_path / "out"
    code, output = run_cli(
        "build", "--site", str(root), "--out", str(out), "--as-of", "2026-11-25",
        "--no-cache", "--no-history", "-j", "1",
    )  # fmt: skip
    assert code == 0, output
    return out, shown


@pytest.fixture()
def built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Counter[tuple[float, int]]]:
    """Check-ins that say one of two figures, one a hair below the target:
    the line's values repeat, as a key result's do between real changes."""
    return _built(tmp_path, monkeypatch, _checkins(lambda day: 2.99996 if day > 20 else 2.5))


def test_repeated_figures_are_written_out_to_compare_a_few_times(
    built: tuple[Path, Counter[tuple[float, int]]],
) -> None:
    out, shown = built
    html = (out / "objectives/q4/index.html").read_text(encoding="utf-8")
    # what the page says is what it always said
    assert "to 2.99996 on 2026-10-28" in html, "the sparkline's label lost its fifth decimal"
    # the limits 0 and 3 and the figures 2.5 and 2.99996 (at 4 and 5
    # decimals): each written out a few times in the whole build (once per
    # distinct question: the line's order of limits and the row's differ),
    # not once per check-in, limit and page as before (2.5 was written 14
    # times)
    assert shown, "no figure was decided beside its limits"
    assert max(shown.values()) <= 6, shown


def test_figures_far_from_their_limits_are_not_written_out_to_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 0.5, 0.8 … 3.2 beside start 0 and target 3: none within a thousandth of
    # either, so four decimals keep each on its side without writing it out
    out, shown = _built(tmp_path, monkeypatch, _checkins(lambda day: round(day / 10 + 0.4, 1)))
    html = (out / "objectives/q4/index.html").read_text(encoding="utf-8")
    assert "to 3.2 on 2026-10-28" in html, "the sparkline's label changed"
    figures = {value for value, _ in shown} - {0.0, 3.0}
    assert not figures, shown
