"""OKR411: an active objective aligned to a parent that counts nowhere
(audit 44, cascade, F4).

A dropped or draft parent objective, or a parent key result with
``status: dropped``, takes nothing of the child's work up the cascade; the
child's page still shows the parent. ``okrsite check`` said nothing; now it
warns at the child's ``parent:`` line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-11-20\n'


def _files(plan_status: str, dach_status: str) -> dict[str, str | bytes]:
    return {
        "okrsite.toml": TOML,
        "content/objectives/ops/old-plan.md": (
            "---\ntitle: Old real-estate plan\ncycle: 2026-Q4\nowner: Ann\n"
            f"status: {plan_status}\n"
            "key_results: [{id: x, title: Plan, target: 1}, {id: y, title: Y, target: 1}]\n---\n"
        ),
        "content/objectives/facilities/offices.md": (
            "---\ntitle: Open Berlin office\ncycle: 2026-Q4\nowner: Bo\nparent: ops/old-plan\n"
            "key_results: [{id: open, title: Office open, done: false}, "
            "{id: b, title: B, target: 2, current: 1}]\n---\n"
        ),
        "content/objectives/sales-emea/emea.md": (
            "---\ntitle: Grow EMEA\ncycle: 2026-Q4\nowner: Ann\nkey_results:\n"
            "  - {id: a, title: Win 10, target: 10, current: 5}\n"
            "  - {id: b, title: Win 20, target: 20, current: 5}\n"
            f"  - {{id: dach, title: DACH delivers, status: {dach_status}}}\n---\n"
        ),
        "content/objectives/sales-dach/dach.md": (
            "---\ntitle: DACH\ncycle: 2026-Q4\nowner: Cy\nparent: sales-emea/emea#dach\n"
            "key_results: [{id: a, title: A, target: 2, current: 1}, "
            "{id: b, title: B, target: 2, current: 1}]\n---\n"
        ),
    }


def _okr411(site: Path) -> tuple[int, list[str]]:
    code, output = run_cli("check", "--site", str(site), "--strict")
    return code, [line for line in output.splitlines() if " OKR411: " in line]


HINT = (
    "(hint: align it to an active objective or key result with 'parent:', "
    "or drop it too with 'status: dropped')"
)


@pytest.mark.parametrize(("status", "said"), [("dropped", "dropped"), ("draft", "a draft")])
def test_a_child_of_a_dropped_or_draft_parent_or_key_result_is_warned_of(
    make_site: MakeSite, status: str, said: str
) -> None:
    code, lines = _okr411(make_site(_files(status, "dropped")))
    assert code == 1  # --strict: a warning fails CI
    assert lines == [
        "content/objectives/facilities/offices.md:5:9: warning OKR411: the parent objective "
        f"'ops/old-plan' is {said}: this objective's progress counts nowhere above it " + HINT,
        "content/objectives/sales-dach/dach.md:5:9: warning OKR411: the parent key result "
        "'sales-emea/emea#dach' is dropped: this objective's progress counts nowhere above it "
        + HINT,
    ]


def test_an_active_parent_is_no_warning(make_site: MakeSite) -> None:
    _code, lines = _okr411(make_site(_files("active", "active")))
    assert lines == []
