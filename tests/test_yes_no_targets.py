"""A launch written as a sheet writes it: ``target: done``, ``current: not done``.

Other OKR tools and spreadsheets have a yes/no key result as a target of
"done" and a current value of "not done" or "yes"; okrsite's own way is
``done: false``. These tests build hand-written sites and hold the two
alike: same kind, same figures in the JSON, and a check-in that ticks it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_site


def _site(tmp_path: Path, kr_lines: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Launches"\nas_of = 2026-11-20\n',
            "content/objectives/launch.md": f"""
                ---
                title: Launch the partner programme
                owner: Uma Diaz
                cycle: 2026-Q4
                key_results:
                  - title: Partner programme live
                {kr_lines}
                  - {{title: Partners signed, start: 0, target: 10, current: 5}}
                ---
            """,
        },
    )


def _krs(site: Path) -> list[dict[str, object]]:
    code, out = run_cli("build", "--site", str(site))
    assert code == 0, out
    data = json.loads((site / "_site/api/portfolio.json").read_text())
    return data["objectives"][0]["key_results"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("lines", "done"),
    [
        ("    target: done\n                    current: not done", False),
        ("    target: done\n                    current: done", True),
        ("    target: yes\n                    current: no", False),  # YAML booleans
        ("    target: Done\n                    current: Yes", True),
        ("    target: erledigt", False),  # no current yet: not done
        ("    done: false", False),  # okrsite's own way, for comparison
    ],
)
def test_a_yes_no_target_is_a_done_key_result(tmp_path: Path, lines: str, done: bool) -> None:
    kr = _krs(_site(tmp_path, lines))[0]
    assert kr["kind"] == "boolean"
    assert kr["progress"] == (1 if done else 0)
    assert kr["target"] is None and kr["start"] is None


def test_it_is_ticked_by_a_check_in(tmp_path: Path) -> None:
    site = _site(tmp_path, "    target: done\n                    current: not done")
    code, out = run_cli(
        "checkin", "--site", str(site), "launch", "--set", "kr1=done", "--date", "2026-11-19"
    )
    assert code == 0, out
    krs = _krs(site)
    assert krs[0]["progress"] == 1
    assert krs[1]["progress"] == 0.5


def test_a_figure_beside_a_yes_no_target_is_still_refused(tmp_path: Path) -> None:
    """``target: done`` with ``current: 40%`` mixes two ways: the figure's
    error stays, and names the line."""
    site = _site(tmp_path, "    target: done\n                    current: 40%")
    code, out = run_cli("check", "--site", str(site))
    assert code == 1
    assert "OKR102" in out and "target must be a number, got 'done'" in out
