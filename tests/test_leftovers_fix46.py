"""Session 46 leftovers, each through the real CLI: an e-mail address names
one person by one rule, whether a check-in's author or an imported owner
writes it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import run_cli, write_site


# ------------------------------------------------ 1. one rule for an address
@pytest.mark.parametrize(
    ("address", "email"),
    [
        ("eve.park@acme.com", None),
        ("eve_park@acme.com", None),
        ("Eve.Park@ACME.com", None),
        ("eve.park+okr@acme.com", None),
        ("ep@acme.com", "ep@acme.com"),
        ("EP@Acme.com", "ep@acme.com"),
        ("ep+okr@acme.com", "ep@acme.com"),
        # 4. only . _ - differ from the file's email: that person, no did-you-mean
        ("eve_park@acme.com", "eve.park@acme.com"),
        ("eve-park@acme.com", "eve.park@acme.com"),
    ],
)
def test_an_address_names_the_same_person_as_author_and_as_imported_owner(
    tmp_path: Path, address: str, email: str | None
) -> None:
    person = "---\ntitle: Eve Park\n" + (f"email: {email}\n" if email else "") + "---\n"
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nlanguage = "en"\ndefault_cycle = "2026-Q4"\n',
            "content/people/eve-park.md": person,
            "content/objectives/logos.md": (
                "---\ntitle: Win new logos\ncycle: 2026-Q4\nowner: Eve Park\n"
                "key_results:\n  - {id: n, title: New logos, start: 0, target: 10}\n---\n"
            ),
            "content/checkins/a.md": (
                f"---\nobjective: logos\ndate: 2026-11-16\nauthor: {address}\n"
                "values: {n: 2}\n---\n"
            ),
        },
    )
    sheet = tmp_path / "okrs.csv"
    sheet.write_text(
        "Objective,Key result,Owner,Team,Quarter,Start,Target,Current\n"
        f"Cut churn,Churn,{address},,Q4 2026,0,10,2\n",
        encoding="utf-8",
    )
    code, out = run_cli("import", str(sheet), "--site", str(site))
    assert code == 0, out
    assert f"owner {address!r} (row 2) is written as 'Eve Park'" in out, out
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    assert "OKR306" not in out, out
    people = sorted(p.name for p in (site / "_site/people").iterdir() if p.is_dir())
    assert people == ["eve-park"], people
    page = (site / "_site/people/eve-park/index.html").read_text(encoding="utf-8")
    assert "Cut churn" in page and "Win new logos" in page


# ------------------------------- 2. a point before three digits beside a code
@pytest.mark.parametrize("language", ["en", "de"])
def test_a_point_before_three_digits_beside_a_currency_code_groups_thousands(
    tmp_path: Path, language: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "T"\nlanguage = "{language}"\n',
            "content/objectives/o.md": (
                "---\ntitle: Revenue\ncycle: 2026-Q4\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: EUR 2.000}\n"
                "  - {id: b, title: B, start: 0, target: 2.000 EUR}\n"
                "  - {id: c, title: C, start: 0, target: 2.000 CHF}\n"
                "  - {id: d, title: D, start: 0, target: USD 2.000}\n"
                "  - {id: e, title: E, start: 0, target: GBP 2.000}\n"
                "  - {id: f, title: F, start: 0, target: €2.000}\n"
                "---\n"
            ),
            "content/checkins/c.md": (
                "---\nobjective: o\ndate: 2026-11-16\nvalues:\n"
                "  a: EUR 1.500\n  b: 1.500 EUR\n  c: CHF 1.500\n  d: 1.500 USD\n"
                "  e: 1.500 GBP\n  f: 1.500 €\n---\n"
            ),
        },
    )
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-20", "--no-history")
    assert code == 0, out
    assert "OKR124" not in out, out  # nothing read as 2 or 1.5
    text = (site / "_site/api/key-results.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["kr_id"]: (r["target"], r["current"]) for r in rows} == {
        k: ("2000", "1500") for k in "abcdef"
    }


# -------------------------- 3. a check-in named for no real day: the day meant
@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("2026-13-05", "2026-05-13"),  # day and month swapped
        ("2026-00-10", "2026-01-10"),
        ("2026-14-31", "2026-12-31"),
        ("2026-02-30", "2026-02-28"),
        ("0000-02-30", "1900-02-28"),  # was a traceback: there is no year 0
        ("9999-12-32", "2999-12-31"),  # was a traceback: no year after 9999
    ],
)
def test_a_check_in_named_for_no_real_day_is_told_the_nearest_real_day(
    tmp_path: Path, name: str, meant: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/objectives/o.md": (
                "---\ntitle: Revenue\ncycle: 2026-Q4\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 10}\n---\n"
            ),
            f"content/checkins/{name}.md": "---\nobjective: o\nvalues: {a: 6}\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 1, out
    assert "Traceback" not in out, out
    assert f"content/checkins/{name}.md:1: error OKR104:" in out, out
    assert f"e.g. {meant}.md, or add 'date: {meant}' (year-month-day)" in out, out
    assert "2026-02-10" not in out, out


# ------------------------------- 5. CODEOWNERS: a CRLF file stays CRLF when moved
def test_a_crlf_codeowners_gets_crlf_blank_lines_where_its_block_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner
    from gitrepo import Repo

    from okrsite import codeowners as co
    from okrsite.cli import cli

    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "x"\ndefault_cycle = "2026-Q4"\n')
    repo.write("content/people/uma.md", "---\ntitle: Uma Diaz\ngithub: uma\n---\n")
    repo.write(
        "content/objectives/renewals.md",
        "---\ntitle: Renewals\nowner: Uma Diaz\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 1}\n---\n",
    )
    repo.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    monkeypatch.chdir(repo.root)
    block = co.BEGIN + "/content/checkins/renewals/ @uma\n/content/objectives/renewals.md @uma\n"
    block = (block + co.END).replace("\n", "\r\n")
    owners = repo.root / "CODEOWNERS"
    for mine in ("* @acme/admins\r\n", "# admins\r\n* @acme/admins\r\n/docs/ @acme/docs\r\n"):
        owners.write_bytes((block + mine).encode())  # the catch-all overrides the block
        result = CliRunner().invoke(cli, ["codeowners", "--write"])
        assert result.exit_code == 0, result.output
        written = owners.read_bytes()
        assert written.count(b"\n") == written.count(b"\r\n"), written  # no LF line among CRLF
        result = CliRunner().invoke(cli, ["codeowners", "--check"])
        assert result.exit_code == 0, result.output


def _codeowners_repo(root: Path, files: dict[str, str]) -> Path:
    from gitrepo import Repo

    repo = Repo(root)
    repo.write("okrsite.toml", 'title = "x"\ndefault_cycle = "2026-Q4"\n')
    for path, text in files.items():
        repo.write(path, text)
    repo.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    return repo.root


def test_a_team_written_as_its_handle_is_that_team_in_codeowners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _codeowners_repo(
        tmp_path / "repo",
        {
            "content/teams/platform.md": '---\ntitle: Platform\ngithub: "@acme/platform"\n---\n',
            "content/objectives/infra.md": (
                '---\ntitle: Infra\nteam: "@acme/platform"\nkey_results:\n'
                "  - {id: a, title: A, start: 0, target: 1}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-11-20")
    assert code == 0, out
    assert "OKR306" not in out, out
    monkeypatch.chdir(root)
    code, out = run_cli("codeowners")
    assert code == 0, out
    assert "/content/objectives/infra.md @acme/platform" in out, out


@pytest.mark.parametrize(
    ("handle", "perhaps"),
    [("uma.diaz", "uma-diaz"), ("uma_diaz", "uma-diaz"), ("@acme/plat.form", "acme/plat-form")],
)
def test_a_github_handle_github_refuses_is_said_and_left_out_of_codeowners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handle: str, perhaps: str
) -> None:
    root = _codeowners_repo(
        tmp_path / "repo",
        {
            "content/people/uma.md": f'---\ntitle: Uma Diaz\ngithub: "{handle}"\n---\n',
            "content/objectives/infra.md": (
                "---\ntitle: Infra\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: a, title: A, start: 0, target: 1}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(root), "--as-of", "2026-11-20")
    assert code == 0, out
    assert (
        f"content/people/uma.md:3:9: warning OKR120: github handle {handle!r} is not a "
        "GitHub user or team (ignored)"
    ) in out, out
    assert f"(perhaps {perhaps!r})" in out, out
    monkeypatch.chdir(root)
    code, out = run_cli("codeowners")
    assert handle.removeprefix("@") not in out, out
