"""A check-in's time zone orders check-ins of one day, and the feed keeps it.

``date: 2026-11-23T17:00:00+01:00`` is 16:00 UTC and ``09:00:00-08:00`` is
17:00 UTC: the zone used to be read past, so the first counted as the later
one and the feed wrote both as UTC (``17:00:00Z``, ``09:00:00Z``), both
false. Check-ins of one day are ordered by the instant; a time without a
zone counts as written, as if in UTC. Sites as users write them, through
the CLI.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import run_cli, write_site
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

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


def site(tmp_path: Path, checkins: dict[str, str]) -> Path:
    files = {"okrsite.toml": 'as_of = "2026-12-01"\n', "content/objectives/brand.md": OBJECTIVE}
    files |= {f"content/checkins/brand/{name}": text for name, text in checkins.items()}
    return write_site(tmp_path / "site", files)


def logos(root: Path) -> float:
    """The key result's current value, as ``okrsite export`` gives it."""
    code, out = run_cli("export", "--site", str(root))
    assert code == 0, out
    (obj,) = json.loads(out)["objectives"]
    (kr,) = obj["key_results"]
    return float(kr["current"])


def feed_times(root: Path) -> list[str]:
    """The ``<updated>`` times of ``checkins.xml``: the feed's, then each entry's."""
    code, out = run_cli("build", "--site", str(root))
    assert code == 0, out
    return re.findall(r"<updated>([^<]*)</updated>", (root / "_site/checkins.xml").read_text())


ZONED = {
    "2026-11-23.md": checkin("2026-11-23T17:00:00+01:00", 10),  # 16:00 UTC
    "2026-11-23-2.md": checkin("2026-11-23T09:00:00-08:00", 11),  # 17:00 UTC: the later
}


def test_zoned_checkins_of_one_day_are_ordered_by_the_instant(tmp_path: Path) -> None:
    assert logos(site(tmp_path, ZONED)) == 11


def test_zoned_order_beats_file_names(tmp_path: Path) -> None:
    """The same two with the names the other way round: the instant still decides."""
    root = site(
        tmp_path,
        {
            "2026-11-23.md": checkin("2026-11-23T09:00:00-08:00", 11),  # 17:00 UTC
            "2026-11-23-2.md": checkin("2026-11-23T17:00:00+01:00", 10),  # 16:00 UTC
        },
    )
    assert logos(root) == 11


def test_feed_writes_the_newest_time_with_its_zone(tmp_path: Path) -> None:
    """The feed's own ``<updated>`` is the newest check-in's moment, with its offset."""
    assert feed_times(site(tmp_path, ZONED))[0] == "2026-11-23T09:00:00-08:00"


def test_feed_writes_each_entry_with_its_zone(tmp_path: Path) -> None:
    assert feed_times(site(tmp_path, ZONED))[1:] == [
        "2026-11-23T09:00:00-08:00",
        "2026-11-23T17:00:00+01:00",
    ]


def test_z_is_utc(tmp_path: Path) -> None:
    """``Z`` is +00:00: 16:30Z is after 17:00+01:00 (16:00 UTC)."""
    root = site(
        tmp_path,
        {
            "2026-11-23.md": checkin("2026-11-23T16:30:00Z", 12),
            "2026-11-23-2.md": checkin("2026-11-23T17:00:00+01:00", 10),
        },
    )
    assert logos(root) == 12
    assert feed_times(root)[0] == "2026-11-23T16:30:00+00:00"


def test_unzoned_checkins_are_ordered_as_written(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "2026-11-23.md": checkin("2026-11-23T17:00", 10),
            "2026-11-23-2.md": checkin("2026-11-23T09:00", 11),
        },
    )
    assert logos(root) == 10
    assert feed_times(root) == [
        "2026-11-23T17:00:00Z",
        "2026-11-23T17:00:00Z",
        "2026-11-23T09:00:00Z",
    ]


def test_a_time_without_a_zone_counts_as_utc_beside_a_zoned_one(tmp_path: Path) -> None:
    """16:30 (no zone) is after 17:00+01:00 (16:00 UTC), before 17:30+01:00
    (16:30 UTC is a tie of instants, so not used): as documented."""
    after = site(
        tmp_path / "a",
        {
            "2026-11-23.md": checkin("2026-11-23T16:30", 12),
            "2026-11-23-2.md": checkin("2026-11-23T17:00+01:00", 10),
        },
    )
    assert logos(after) == 12
    before = site(
        tmp_path / "b",
        {
            "2026-11-23.md": checkin("2026-11-23T16:30", 12),
            "2026-11-23-2.md": checkin("2026-11-23T17:45+01:00", 10),
        },
    )
    assert logos(before) == 10


def test_the_day_is_the_date_as_written(tmp_path: Path) -> None:
    """01:00+05:00 is 20:00 UTC the day before; the check-in stays on its own
    day, so it is after the day before's 23:00 check-in, and after the
    untimed one of its day (the start of the day)."""
    root = site(
        tmp_path,
        {
            "2026-11-22.md": checkin("2026-11-22T23:00", 9),
            "2026-11-23.md": checkin("2026-11-23", 10),
            "2026-11-23-2.md": checkin("2026-11-23T01:00+05:00", 11),
        },
    )
    assert logos(root) == 11


def test_okr311_names_the_zone_and_hints_a_time_in_it(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "2026-11-23.md": checkin("2026-11-23T09:00-08:00", 11),
            "2026-11-23-2.md": checkin("2026-11-23T17:00+01:00", 10),
            "2026-11-23-3.md": checkin("2026-11-23", 12),
        },
    )
    code, out = run_cli("check", "--site", str(root))
    assert (
        "check-in has no time of day, so it is read before 2026-11-23-2.md (17:00+01:00), "
        "2026-11-23.md (09:00-08:00) of the same day although its name sorts after them"
    ) in out  # in check-in order: 16:00 UTC, then 17:00 UTC
    assert "e.g. date: 2026-11-23T09:01-08:00, if it is the latest of the day" in out


def test_diff_lists_a_days_checkins_by_the_instant(tmp_path: Path) -> None:
    """``okrsite diff`` lists check-ins in the order the site reads them."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "base", {"okrsite.toml": "", "content/objectives/brand.md": OBJECTIVE})
    commit(repo, "two", {f"content/checkins/brand/{n}": t for n, t in ZONED.items()})
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            cli, ["diff", "HEAD~1", "HEAD", "--as-of", "2026-12-01", "--format", "json"]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    listed = [(c["id"], c["time"]) for c in json.loads(result.stdout)["checkins"]]
    assert listed == [("brand/2026-11-23", "17:00:00"), ("brand/2026-11-23-2", "09:00:00")]
