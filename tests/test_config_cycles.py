"""``okrsite.toml`` settings and cycle names."""

from __future__ import annotations

from datetime import date

import pytest

from okrsite import cycles as cycles_mod
from okrsite.config import SiteConfig, parse_config
from okrsite.model import Cycle, Settings
from okrsite.pipeline import load_tree


# ------------------------------------------------------------------ calendar cycles
@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-h2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_calendar_cycles(name: str, start: date, end: date) -> None:
    c = cycles_mod.calendar_cycle(name)
    assert c is not None and (c.start, c.end) == (start, end)


@pytest.mark.parametrize(
    "name",
    ["2026-Q5", "2026-Q0", "2026-H3", "2026-13", "2026-00", "26-Q1", "Q1", "0000", "FY26", ""],
)
def test_not_calendar_cycles(name: str) -> None:
    assert cycles_mod.calendar_cycle(name) is None
    assert cycles_mod.lookup(name, {}) is None


def test_custom_cycle_wins_over_calendar() -> None:
    fiscal = Cycle("2026", date(2025, 4, 1), date(2026, 3, 31))
    assert cycles_mod.lookup("2026", {"2026": fiscal}) is fiscal
    assert cycles_mod.lookup("2026-Q1", {"2026": fiscal}) == cycles_mod.calendar_cycle("2026-Q1")


def test_cycle_contains_first_and_last_day() -> None:
    q1 = cycles_mod.calendar_cycle("2026-Q1")
    assert q1 is not None
    assert q1.contains(date(2026, 1, 1)) and q1.contains(date(2026, 3, 31))
    assert not q1.contains(date(2025, 12, 31)) and not q1.contains(date(2026, 4, 1))


@pytest.mark.parametrize(
    ("as_of", "elapsed"),
    [
        (date(2026, 7, 1), 0.0),
        (date(2026, 8, 1), 31 / 92),
        (date(2026, 9, 30), 91 / 92),
        (date(2026, 10, 1), 1.0),  # the day after the last day
    ],
)
def test_elapsed_q3(as_of: date, elapsed: float) -> None:
    q3 = cycles_mod.calendar_cycle("2026-Q3")
    assert q3 is not None
    assert cycles_mod.elapsed(q3, as_of) == pytest.approx(elapsed)


def test_current_cycle() -> None:
    names = ["2026", "2026-H1", "2026-Q1", "2026-Q2"]
    known = {n: c for n in names if (c := cycles_mod.calendar_cycle(n)) is not None}
    assert cycles_mod.current_cycle(known, date(2026, 2, 1)).name == "2026-Q1"  # type: ignore[union-attr]
    # H1 ended and no half-year or quarter of the second half is in use: the
    # year running around them does not take the dashboard from H1's review ...
    assert cycles_mod.current_cycle(known, date(2026, 8, 1)).name == "2026-H1"  # type: ignore[union-attr]
    # ... for at most half as long as H1 lasted (181 days: until 28 September)
    assert cycles_mod.current_cycle(known, date(2026, 9, 28)).name == "2026-H1"  # type: ignore[union-attr]
    assert cycles_mod.current_cycle(known, date(2026, 9, 29)).name == "2026"  # type: ignore[union-attr]
    assert cycles_mod.current_cycle(known, date(2027, 2, 1)).name == "2026"  # type: ignore[union-attr]
    assert cycles_mod.current_cycle(known, date(2025, 2, 1)).name in ("2026", "2026-H1", "2026-Q1")  # type: ignore[union-attr]
    assert cycles_mod.current_cycle({}, date(2026, 1, 1)) is None


# ------------------------------------------------------------------ okrsite.toml
def test_no_file_all_defaults() -> None:
    config, diags = parse_config(None)
    assert config == SiteConfig() and diags == []
    assert config.settings == Settings(0.15, 0.30, 14, 0.7)


def test_every_setting() -> None:
    text = """
[site]
title = "X"
default_cycle = "2026-Q1"
as_of = 2026-02-15

[scoring]
on_track_threshold = 0.1
at_risk_threshold = 0.2
stale_after_days = 7
aspirational_success = 0.6

[cycles.FY26]
start = 2025-04-01
end = 2026-03-31
title = "Fiscal 2026"
"""
    config, diags = parse_config(text)
    assert diags == []
    assert config.title == "X" and config.default_cycle == "2026-Q1"
    assert config.as_of == date(2026, 2, 15)
    assert config.settings == Settings(0.1, 0.2, 7, 0.6)
    assert config.cycles == {
        "FY26": Cycle("FY26", date(2025, 4, 1), date(2026, 3, 31), "Fiscal 2026")
    }


def test_top_level_keys_and_quoted_dates() -> None:
    config, diags = parse_config('title = "Y"\nstale_after_days = 3\nas_of = "2026-02-15"\n')
    assert diags == []
    assert config.title == "Y" and config.settings.stale_after_days == 3
    assert config.as_of == date(2026, 2, 15)


def test_as_of_today_in_the_settings_is_the_default() -> None:
    """``--as-of today`` works on the command line; the same word in
    okrsite.toml was refused. It pins nothing; ``yesterday`` (a day that
    moves) is refused with the command line's way to say it."""
    config, diags = parse_config('as_of = "Today"\n')
    assert (diags, config.as_of) == ([], None)
    _config, diags = parse_config('as_of = "yesterday"\n')
    assert [(d.code, d.hint) for d in diags] == [
        (
            "CFG005",
            "a setting is one fixed day; to judge at yesterday run okrsite build --as-of yesterday",
        )
    ]


def test_a_date_in_the_settings_is_read_as_a_check_in_s_date_is() -> None:
    """``as_of = "20.11.2026"`` is taken as a check-in's ``date: 20.11.2026``
    and ``--as-of 20.11.2026`` are; a day no reading pins (03/01/2026) is
    refused with how to write it, not with the range of dates."""
    for written in ("20.11.2026", "Nov 20, 2026", "2026-11-20"):
        config, diags = parse_config(f'as_of = "{written}"\n')
        assert (diags, config.as_of) == ([], date(2026, 11, 20)), written
    _config, diags = parse_config('as_of = "03/01/2026"\n')
    assert [(d.code, d.hint) for d in diags] == [
        ("CFG005", "write the day year first, as 2026-11-20; remove the line to judge at today")
    ]
    _config, diags = parse_config('as_of = "1800-01-01"\n')
    assert [d.hint for d in diags] == [
        "dates run from 1900-01-01 to 2999-12-31; remove the line to judge at today"
    ]
    # a TOML date out of range is named as written, not as Python's repr
    _config, diags = parse_config("as_of = 9999-12-31\n")
    assert [d.message for d in diags] == ["as_of must be a date like 2026-02-15, got 9999-12-31"]


@pytest.mark.parametrize(
    ("text", "code", "line", "message"),
    [
        ('title = "x"\nfoo = \n', "CFG001", 2, "okrsite.toml is not valid TOML: Invalid value"),
        ("title = 3\n", "CFG003", 1, "title must be a string, got 3"),
        ('\nallow_html = "yes"\n', "CFG003", 2, "allow_html must be true or false, got 'yes'"),
        (
            "stale_after_days = 1.5\n",
            "CFG004",
            1,
            "stale_after_days must be a whole number of days (0 or more), got 1.5",
        ),
        (
            "[scoring]\non_track_threshold = -0.1\n",
            "CFG004",
            2,
            "on_track_threshold must be a non-negative number, got -0.1",
        ),
        (
            "aspirational_success = 1.5\n",
            "CFG004",
            1,
            "aspirational_success must be a number above 0 and at most 1, got 1.5",
        ),
        (
            'as_of = "tomorrow"\n',
            "CFG005",
            1,
            "as_of must be a date like 2026-02-15, got 'tomorrow'",
        ),
        ("cycles = 3\n", "CFG006", 1, "[cycles] must be a table of tables"),
        (
            "[cycles]\nZ = 3\n",
            "CFG006",
            2,
            "cycle 'Z' must be a table with start and end dates",
        ),
        ("[cycles.Y]\nstart = 2026-05-01\n", "CFG007", 1, "cycle 'Y' needs start and end dates"),
        (
            "[cycles.X]\nstart = 2026-05-01\nend = 2026-04-01\n",
            "CFG008",
            1,
            "cycle 'X' ends (2026-04-01) before it starts (2026-05-01)",
        ),
        (
            "on_track_threshold = 0.4\nat_risk_threshold = 0.2\n",
            "CFG009",
            2,
            "at_risk_threshold must not be smaller than on_track_threshold",
        ),
        ("site = 4\n", "CFG002", 1, "[site] must be a table"),
    ],
)
def test_config_errors(text: str, code: str, line: int, message: str) -> None:
    _, diags = parse_config(text)
    assert [(d.code, d.line, d.message) for d in diags] == [(code, line, message)]
    assert diags[0].is_error and diags[0].file == "okrsite.toml"


def test_unknown_setting_is_a_warning() -> None:
    config, diags = parse_config('title = "x"\n\n[scoring]\nstale_days = 3\n')
    (d,) = diags
    assert (d.code, d.line, d.is_error) == ("CFG010", 4, False)
    assert d.message == "unknown setting 'stale_days' is ignored"
    assert config.settings.stale_after_days == 14


def test_bad_value_falls_back_to_default() -> None:
    config, _ = parse_config('stale_after_days = "x"\ntitle = "ok"\n')
    assert config.settings.stale_after_days == 14 and config.title == "ok"


# ------------------------------------------------------------------ settings reach the pipeline
OBJ = b"---\ntitle: T\nowner: al\nkey_results:\n  - {id: a, title: A, target: 100, current: 30}\n  - {id: b, title: B, target: 100, current: 30}\n---\n"


def test_config_as_of_default_cycle_and_custom_cycle() -> None:
    toml = b'default_cycle = "FY26"\nas_of = 2025-10-01\n[cycles.FY26]\nstart = 2025-04-01\nend = 2026-03-31\n'
    r = load_tree({"okrsite.toml": toml, "content/objectives/o.md": OBJ})
    assert r.as_of == date(2025, 10, 1)
    s = r.scored.objectives["o"]
    assert r.scored.portfolio.objectives["o"].cycle == "FY26"
    # 2025-04-01 .. 2026-03-31 is 365 days; 183 of them are past on 2025-10-01
    assert s.expected == pytest.approx(183 / 365)
    assert s.status == "at-risk"  # behind 0.2014
    # --as-of (the argument) beats the file
    assert load_tree(
        {"okrsite.toml": toml, "content/objectives/o.md": OBJ}, date(2026, 4, 1)
    ).as_of == date(2026, 4, 1)


def test_threshold_settings_change_status() -> None:
    files = {"content/objectives/o.md": OBJ.replace(b"title: T\n", b"title: T\ncycle: 2026-Q1\n")}
    # as of 2026-02-15 expected 0.5, progress 0.3: behind 0.2
    assert load_tree(files, date(2026, 2, 15)).scored.objectives["o"].status == "at-risk"
    files["okrsite.toml"] = b"[scoring]\non_track_threshold = 0.2\n"
    assert load_tree(files, date(2026, 2, 15)).scored.objectives["o"].status == "on-track"
    files["okrsite.toml"] = b"[scoring]\non_track_threshold = 0.05\nat_risk_threshold = 0.1\n"
    assert load_tree(files, date(2026, 2, 15)).scored.objectives["o"].status == "off-track"


def test_config_not_utf8() -> None:
    r = load_tree({"okrsite.toml": b'title = "\xff"\n'}, date(2026, 1, 1))
    (d,) = r.diagnostics
    assert (d.code, d.line, d.message) == ("CFG001", 1, "okrsite.toml is not valid UTF-8")


def test_a_setting_of_another_site_generator_says_what_okrsite_does_instead() -> None:
    """Hugo's ``baseURL`` and MkDocs' ``site_url``/``site_dir`` come along with
    people who used them; ``base_url`` was answered "did you mean repo_url?",
    which sets the edit links, not where the site lives."""
    text = (
        'base_url = "https://example.com/okr/"\nbaseURL = "x"\nsite_dir = "out"\nstale_days = 5\n'
    )
    _, diags = parse_config(text)
    hints = {d.line: d.hint for d in diags if d.code == "CFG010"}
    assert hints[1] == hints[2] and hints[1] is not None
    assert hints[1].startswith("okrsite needs no base URL: every link it writes is relative")
    assert "repo_url" not in hints[1]
    assert hints[3] == 'write output_dir = "..." for the output folder'
    assert hints[4] == "did you mean stale_after_days?"
