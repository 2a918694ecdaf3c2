"""A check-in's time zone is shown where its time is, and kept by ``okrsite checkin``.

Pages showed ``date: 2026-11-23T17:00+01:00`` and ``…T09:00-08:00`` as
17:00 and 09:00, as if the later (17:00 UTC) were the earlier (16:00 UTC),
and ``<time datetime>`` held neither zone. ``okrsite checkin --date
"2026-11-23T17:00+01:00"`` wrote ``2026-11-23T17:00``, which the loader
reads as 17:00 UTC, another instant. Now each time is shown with its zone
(``17:00 (UTC+01:00)``), one without a zone as before, and the command
writes the zone as typed. Sites as users write them, through the CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import files_of, run_cli, write_site

OBJECTIVE = """
    ---
    title: Brand
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: logos, title: Logos shipped, target: 20}
    ---
    """


def checkin(date: str, logos: int) -> str:
    return f"""
        ---
        date: {date}
        values: {{logos: {logos}}}
        ---
        """


def site(tmp_path: Path, checkins: dict[str, str], language: str = "en") -> Path:
    files = {
        "okrsite.toml": f'as_of = "2026-12-01"\nlanguage = "{language}"\n',
        "content/objectives/brand.md": OBJECTIVE,
    }
    files |= {f"content/checkins/brand/{name}": text for name, text in checkins.items()}
    return write_site(tmp_path / "site", files)


#: two zoned check-ins of one day (16:00 and 17:00 UTC) and one without a zone
ONE_DAY = {
    "2026-11-23.md": checkin("2026-11-23T17:00:00+01:00", 10),
    "2026-11-23-2.md": checkin("2026-11-23T09:00-08:00", 11),
    "2026-11-23-3.md": checkin("2026-11-23T12:00", 9),
}


def times(page: Path) -> list[tuple[str, str]]:
    """Each ``<time>`` of a built page: (its ``datetime``, its text)."""
    return re.findall(r'<time datetime="([^"]*)">([^<]*)</time>', page.read_text("utf-8"))


def built(root: Path) -> Path:
    code, out = run_cli("build", "--site", str(root))
    assert code == 0, out
    return root / "_site"


SHOWN = [  # newest first: 17:00 UTC, 16:00 UTC, 12:00 (as if UTC)
    ("2026-11-23T09:00-08:00", "2026-11-23 09:00 (UTC-08:00)"),
    ("2026-11-23T17:00+01:00", "2026-11-23 17:00 (UTC+01:00)"),
    ("2026-11-23T12:00", "2026-11-23 12:00"),
]


@pytest.mark.parametrize(
    "page", ["objectives/brand/index.html", "checkins/index.html", "index.html"]
)
def test_each_checkin_time_is_shown_with_its_zone(tmp_path: Path, page: str) -> None:
    """The objective's check-ins (partials/checkin.html), the check-ins page
    and the dashboard's latest check-ins (partials/checkin_line.html)."""
    out = built(site(tmp_path, ONE_DAY))
    assert [t for t in times(out / page) if "T" in t[0]] == SHOWN


def test_a_german_site_shows_the_zone_too(tmp_path: Path) -> None:
    out = built(site(tmp_path, ONE_DAY, "de"))
    assert [t for t in times(out / "objectives/brand/index.html") if "T" in t[0]] == [
        ("2026-11-23T09:00-08:00", "23.11.2026 09:00 (UTC-08:00)"),
        ("2026-11-23T17:00+01:00", "23.11.2026 17:00 (UTC+01:00)"),
        ("2026-11-23T12:00", "23.11.2026 12:00"),
    ]


def test_z_is_shown_as_utc(tmp_path: Path) -> None:
    out = built(site(tmp_path, {"2026-11-23.md": checkin("2026-11-23T16:30:00Z", 12)}))
    assert ("2026-11-23T16:30+00:00", "2026-11-23 16:30 (UTC+00:00)") in times(
        out / "objectives/brand/index.html"
    )


# ------------------------------------------------------------ okrsite checkin --date


def logos(root: Path) -> float:
    """The key result's current value, as ``okrsite export`` gives it."""
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    (obj,) = json.loads(out)["objectives"]
    (kr,) = obj["key_results"]
    return float(kr["current"])


def date_written(root: Path, name: str) -> str:
    text = (root / "content/checkins/brand" / name).read_text("utf-8")
    (line,) = [line for line in text.splitlines() if line.startswith("date:")]
    return line.removeprefix("date:").strip()


@pytest.mark.parametrize("command", [("checkin",), ("new", "checkin")])
def test_checkin_writes_the_zone_as_typed(tmp_path: Path, command: tuple[str, ...]) -> None:
    """17:00+01:00 (16:00 UTC), then 09:00-08:00 (17:00 UTC): the second is
    the day's latest, as the files read back say; without the zones the
    first (17:00) would be."""
    root = site(tmp_path, {})
    for date, value in (("2026-11-23T17:00+01:00", 10), ("2026-11-23T09:00-08:00", 11)):
        code, out = run_cli(
            *command, "brand", "--set", f"logos={value}", "--date", date, "--site", str(root)
        )
        assert code == 0, out
    assert date_written(root, "2026-11-23.md") == "2026-11-23T17:00+01:00"
    assert date_written(root, "2026-11-23-2.md") == "2026-11-23T09:00-08:00"
    assert logos(root) == 11
    assert [t for t in times(built(root) / "objectives/brand/index.html") if "T" in t[0]] == [
        ("2026-11-23T09:00-08:00", "2026-11-23 09:00 (UTC-08:00)"),
        ("2026-11-23T17:00+01:00", "2026-11-23 17:00 (UTC+01:00)"),
    ]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("2026-11-23T16:30Z", "2026-11-23T16:30Z"),
        ("2026-11-23 4:30 pm -08:00", "2026-11-23T16:30-08:00"),
        ("2026-11-23T16:30", "2026-11-23T16:30+00:00"),  # the machine's (UTC here)
    ],
)
def test_checkin_keeps_z_and_writes_the_local_zone_where_none_was_typed(
    tmp_path: Path, typed: str, written: str
) -> None:
    root = site(tmp_path, {})
    code, out = run_cli(
        "checkin", "brand", "--set", "logos=3", "--date", typed, "--site", str(root)
    )
    assert code == 0, out
    assert date_written(root, "2026-11-23.md") == written


@pytest.mark.parametrize("zone", ["+25:00", "+01:60"])
def test_checkin_refuses_a_zone_no_clock_shows(tmp_path: Path, zone: str) -> None:
    root = site(tmp_path, {})
    before = files_of(root)
    code, out = run_cli(
        "checkin",
        "brand",
        "--set",
        "logos=3",
        "--date",
        f"2026-11-23T17:00{zone}",
        "--site",
        str(root),
    )
    assert code == 2, out
    assert f"names the time zone {zone}, which no clock shows" in out
    assert "write a zone from -14:00 to +14:00" in out
    assert files_of(root) == before
