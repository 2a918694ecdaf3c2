"""A check-in's value read against its key result, as people write it.

``$3k`` for a key result in ``%`` was read as 3,000 (300,000%: done), where
``45 percent`` for the same key result was refused; and the hint for a
value given to a checklist suggested a line YAML cannot read.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml
from conftest import run_cli, write_site

OBJECTIVE = """
    ---
    title: Self-serve help
    cycle: 2026-Q4
    key_results:
      - {id: self-serve, title: Self-serve share, start: 10, target: 40, unit: "%"}
      - id: launch
        title: Launch the help centre
        milestones: ["Go-Live: Europa", Beta]
    ---
"""


def _check(tmp_path: Path, values: str) -> tuple[int, str]:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/objectives/help.md": OBJECTIVE,
            "content/checkins/help/2026-11-18.md": f"---\ndate: 2026-11-18\nvalues: {values}\n---\n",
        },
    )
    return run_cli("check", "--site", str(site))


def test_money_for_a_percentage_is_refused(tmp_path: Path) -> None:
    for written in ("$3k", '"$3,000"', "€30"):
        code, out = _check(tmp_path / written.strip('"'), f"{{self-serve: {written}}}")
        assert code == 1, out
        assert "OKR312" in out, out


def test_a_percentage_for_a_percentage_is_read(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "{self-serve: 30%}")
    assert code == 0, out


def test_the_hint_for_a_checklist_value_is_yaml_a_person_can_paste(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "{launch: go-live}")
    assert code == 1 and "OKR307" in out, out
    line = out.split("tick it in content/objectives/help.md: - ", 1)[1].split(" under ", 1)[0]
    assert yaml.safe_load(line) == {"title": "Go-Live: Europa", "done": True}, line
    command = out.split("or run ", 1)[1].split(")", 1)[0].strip()
    assert shlex.split(command)[-1] == "launch=Go-Live: Europa", command
