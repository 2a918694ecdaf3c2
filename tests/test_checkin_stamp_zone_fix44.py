"""``okrsite checkin`` stamps the local time with its zone (audit 44, fiscal #3).

It stamped the local time without its zone, so a later check-in from New
York (01:02) was read before an earlier one from Berlin (07:02), as if
both were UTC, and its value lost. It now stamps ``01:02-05:00``; one
instant stamped in two zones is ordered by file name (the later ``-2.md``
last), not by the local clocks; and a day mixing zoned and unzoned times is
warned of (OKR311). Real files, through the real CLI.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_site

from okrsite import authoring_cli, authoring_prompts

FEB = """
    title = "Acme Fiscal Goals"
    fiscal_year_start = "February"
    as_of = "2026-12-05"
    """

GROW_ARR = """
    ---
    title: Grow ARR to $24M in FY27
    cycle: FY2027
    owner: Tom Lee
    key_results:
      - {id: arr, title: ARR from $18M to $24M, start: 18, target: 24, unit: $M}
    ---
    """

Q4_BOOKINGS = """
    ---
    title: Close the fiscal year strong
    cycle: FY27 Q4
    owner: Tom Lee
    parent: company/grow-arr
    key_results:
      - {id: bookings, title: Book $3M new ARR, start: 0, target: 3, unit: $M}
    ---
    """


def fiscal_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    return write_site(
        root,
        {
            "okrsite.toml": FEB,
            "content/objectives/company/grow-arr.md": GROW_ARR,
            "content/objectives/sales/q4-bookings.md": Q4_BOOKINGS,
            **(extra or {}),
        },
    )


class _AnyDatetime(type):
    """The clock's class: every ``datetime`` is an instance (the command
    asks ``isinstance(when, datetime)`` of the moment the clock gave)."""

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, datetime)


def clock_at(utc: datetime) -> type[datetime]:
    """A ``datetime`` whose ``now()`` is ``utc`` read in the process's zone
    (``TZ``), as the machine's clock would give it."""

    class Clock(datetime, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:  # type: ignore[override]
            return utc.astimezone(tz) if tz else utc.astimezone().replace(tzinfo=None)

    return Clock


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set the machine's zone and clock for one command."""

    def set_zone(name: str, utc: datetime) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()
        clock = clock_at(utc)
        monkeypatch.setattr(authoring_cli, "datetime", clock)
        monkeypatch.setattr(authoring_prompts, "datetime", clock)

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_a_later_checkin_from_another_zone_is_read_last(tmp_path: Path, zone: Any) -> None:
    """Berlin at 06:02:10 UTC, New York at 06:02:40 UTC: one minute, two
    zones. Each file names its instant, and the one written later is last."""
    root = fiscal_site(tmp_path / "s")
    for tz, seconds, value in (("Europe/Berlin", 10, "2.5"), ("America/New_York", 40, "2.6")):
        zone(tz, datetime(2026, 12, 5, 6, 2, seconds, tzinfo=timezone.utc))
        code, out = run_cli(
            "checkin", "sales/q4-bookings", "--set", f"bookings={value}", "--site", str(root)
        )
        assert code == 0, out
    folder = root / "content/checkins/sales/q4-bookings"
    assert "date: 2026-12-05T07:02+01:00\n" in (folder / "2026-12-05.md").read_text()
    assert "date: 2026-12-05T01:02-05:00\n" in (folder / "2026-12-05-2.md").read_text()
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    (kr,) = next(o for o in json.loads(out)["objectives"] if o["id"] == "sales/q4-bookings")[
        "key_results"
    ]
    assert kr["current"] == 2.6
    code, out = run_cli("check", "--no-cache", "--site", str(root))
    assert "OKR311" not in out, out  # both name their zone: nothing to warn of


def test_a_day_mixing_zoned_and_unzoned_times_is_warned(tmp_path: Path) -> None:
    checkin = "---\ndate: {}\nvalues: {{bookings: {}}}\n---\n"
    root = fiscal_site(
        tmp_path / "s",
        {
            "content/checkins/sales/q4-bookings/2026-12-01.md": checkin.format(
                "2026-12-01T16:30", 1
            ),
            "content/checkins/sales/q4-bookings/2026-12-01-2.md": checkin.format(
                "2026-12-01T17:00+01:00", 2
            ),
        },
    )
    code, out = run_cli("check", "--no-cache", "--site", str(root))
    assert code == 0, out
    assert (
        "content/checkins/sales/q4-bookings/2026-12-01.md:2:7: warning OKR311: check-in's "
        "time 16:30 names no zone, so it counts as if in UTC beside 2026-12-01-2.md "
        "(17:00+01:00) of the same day" in out
    ), out
    assert "e.g. date: 2026-12-01T16:30+01:00" in out


def test_a_time_typed_without_a_zone_is_the_local_time_of_its_day(
    tmp_path: Path, zone: Any
) -> None:
    """Audit 44 (verifya R1, verifyc D): in Berlin at 08:11, ``--date
    "2026-12-05 7:30 am"`` wrote ``07:30`` with no zone, read as 07:30 UTC,
    after the plain check-in stamped next (``08:11+01:00``, 07:11 UTC): the
    newer value 2 was lost under the 7:30 one, and the check warned of the
    file okrsite had just written (OKR311, "as okrsite checkin stamps it").
    A typed time is the writer's local time: it gets the offset of its day
    (summer time in July), a typed zone stays, and a date stays a date."""
    root = fiscal_site(tmp_path / "s")
    zone("Europe/Berlin", datetime(2026, 12, 5, 7, 11, tzinfo=timezone.utc))
    q4 = ("checkin", "sales/q4-bookings", "--site", str(root))
    code, out = run_cli(*q4, "--set", "bookings=1", "--date", "2026-12-05 7:30 am")
    assert code == 0 and "OKR311" not in out, out
    code, out = run_cli(*q4, "--set", "bookings=2")
    assert code == 0 and "OKR311" not in out, out
    folder = root / "content/checkins/sales/q4-bookings"
    assert "date: 2026-12-05T07:30+01:00\n" in (folder / "2026-12-05.md").read_text()
    assert "date: 2026-12-05T08:11+01:00\n" in (folder / "2026-12-05-2.md").read_text()
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    (kr,) = next(o for o in json.loads(out)["objectives"] if o["id"] == "sales/q4-bookings")[
        "key_results"
    ]
    assert kr["current"] == 2  # the later check-in is the current one

    arr = ("checkin", "company/grow-arr", "--site", str(root))
    for typed, value in (("2026-07-01 9:00", 19), ("2026-07-02T09:00Z", 20), ("2026-07-03", 21)):
        code, out = run_cli(*arr, "--set", f"arr={value}", "--date", typed)
        assert code == 0, out
    folder = root / "content/checkins/company/grow-arr"
    assert "date: 2026-07-01T09:00+02:00\n" in (folder / "2026-07-01.md").read_text()  # summer
    assert "date: 2026-07-02T09:00Z\n" in (folder / "2026-07-02.md").read_text()  # as typed
    assert "date: 2026-07-03\n" in (folder / "2026-07-03.md").read_text()  # a date alone
    code, out = run_cli("check", "--no-cache", "--site", str(root))
    assert code == 0 and "OKR311" not in out, out
