"""Hostile audit 48, findings 5, 6, 7 and 9, through the real CLI.

- ``okrsite init`` checked its paths with ``Path.exists()``, False for a
  link that leads nowhere: a ``content`` link whose target is not checked
  out stopped init with a traceback after ``okrsite.toml`` and
  ``.gitignore`` were written (the next run refused the half-made site),
  and links named ``okrsite.toml`` or ``.gitignore`` were written through,
  creating files outside the folder. Such links are now refused (exit 2)
  before anything is written, and every file is made without following a
  link.
- ``okrsite checkin ID --date DAY`` after the day's last check-in at 23:59
  (or 23:59:30) stamped 23:59, not after it: the value just entered was not
  read as the day's latest, as the command said. It is now stamped the
  second after, written with its seconds, and refused when the last one is
  at 23:59:59.
- A cycle declared as ``[cycles."2026 H2 / Q3"]`` got nested page folders
  (``cycles/2026 H2%20/ Q3/``): its ``/`` is now encoded, one folder.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import run_cli as run

from okrsite.scaffold import init_site

DAY = "2026-11-20"


def _tree(folder: Path) -> list[str]:
    """Every entry under ``folder`` (links not followed), as relative paths."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ------------------------------------------------------------------ init
@pytest.mark.parametrize("name", ["content", "okrsite.toml", ".gitignore"])
def test_init_refuses_a_link_leading_nowhere_and_writes_nothing(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "goals"
    folder.mkdir()
    (folder / "README.md").write_text("# Goals\n", encoding="utf-8")
    outside = tmp_path / "victim"
    outside.mkdir()
    (folder / name).symlink_to(f"../victim/{name}")
    before = _tree(folder)
    code, out = run("init", str(folder))
    assert code == 2, out
    assert f"{folder / name} is a link to ../victim/{name}, which does not exist" in out, out
    assert "nothing was written" in out
    assert _tree(folder) == before and _tree(outside) == [], (_tree(folder), _tree(outside))
    # the link removed, init writes the site, which builds
    (folder / name).unlink()
    code, out = run("init", str(folder))
    assert code == 0, out
    code, out = run("build", "--site", str(folder), "--out", str(tmp_path / "out"))
    assert code == 0, out
    assert (tmp_path / "out/objectives/company/faster-support/index.html").exists()
    assert _tree(outside) == []


def test_init_refuses_a_folder_that_is_a_link_leading_nowhere(tmp_path: Path) -> None:
    (tmp_path / "goals").symlink_to("nowhere")
    code, out = run("init", str(tmp_path / "goals"))
    assert code == 2 and "is a link to nowhere, which does not exist" in out, out
    assert not (tmp_path / "nowhere").exists()


def test_init_leaves_a_gitignore_linked_to_a_file_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared-gitignore"
    shared.write_text("*.tmp\n", encoding="utf-8")
    folder = tmp_path / "goals"
    folder.mkdir()
    (folder / ".gitignore").symlink_to(shared)
    code, out = run("init", str(folder))
    assert code == 0, out
    assert "add the line '_site/' to your .gitignore" in out
    assert shared.read_text(encoding="utf-8") == "*.tmp\n"
    assert (folder / ".gitignore").is_symlink()
    assert (folder / "okrsite.toml").is_file() and not (folder / "okrsite.toml").is_symlink()


# ------------------------------------------------------------------ checkin --date
def _site_with_last_checkin_at(tmp_path: Path, moment: str) -> Path:
    site = tmp_path / "s"
    init_site(site, today=date(2026, 11, 15))
    (site / "content/checkins/weekly-sync.md").write_text(
        f"---\nobjective: company/faster-support\ndate: {DAY}T{moment}\n"
        "values: {self-serve: 25}\n---\n",
        encoding="utf-8",
    )
    return site


def _current_self_serve(site: Path) -> float:
    code, out = run("export", "--site", str(site), "--as-of", "2026-11-21")
    assert code == 0, out
    data = json.loads(out[out.index("{") :])
    obj = next(o for o in data["objectives"] if o["id"] == "company/faster-support")
    return float(next(k for k in obj["key_results"] if k["id"] == "self-serve")["current"])


@pytest.mark.parametrize(
    "last, stamped",
    [
        ("23:59+01:00", "2026-11-20T23:59:01+01:00"),
        ("23:59:30Z", "2026-11-20T23:59:31+00:00"),
        ("23:58:30+01:00", "2026-11-20T23:59+01:00"),
    ],
)
def test_checkin_dated_a_day_ending_at_2359_is_read_as_its_latest(
    tmp_path: Path, last: str, stamped: str
) -> None:
    site = _site_with_last_checkin_at(tmp_path, last)
    args = ("checkin", "company/faster-support", "--set", "self-serve=30", "--date", DAY)
    code, out = run(*args, "--site", str(site))
    assert code == 0, out
    written = site / f"content/checkins/company/faster-support/{DAY}.md"
    assert stamped in written.read_text(encoding="utf-8"), written.read_text(encoding="utf-8")
    assert f"stamped {stamped[11:]}, after it" in out, out
    assert _current_self_serve(site) == 30
    code, out = run("check", "--site", str(site), "--as-of", "2026-11-21", "--strict")
    assert code == 0, out
    # the same command again is that check-in, not a second one
    code, out = run(*args, "--site", str(site))
    assert code == 0 and "not written twice" in out, out
    code, out = run("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, out


def test_checkin_dated_a_day_ending_at_its_last_second_is_refused(tmp_path: Path) -> None:
    site = _site_with_last_checkin_at(tmp_path, "23:59:59+01:00")
    code, out = run(
        "checkin", "company/faster-support", "--set", "self-serve=30", "--date", DAY,
        "--site", str(site),
    )  # fmt: skip
    assert code == 2, out
    assert "the day's last second" in out and f'--date "{DAY} HH:MM"' in out, out
    assert "nothing was written" in out
    assert not (site / f"content/checkins/company/faster-support/{DAY}.md").exists()
    assert _current_self_serve(site) == 25


# ------------------------------------------------------------------ cycle names
def test_a_cycle_named_with_a_slash_gets_one_page_folder(tmp_path: Path) -> None:
    site = tmp_path / "s"
    site.mkdir()
    (site / "okrsite.toml").write_text(
        'title = "T"\nas_of = "2026-11-05"\n'
        '[cycles."2026 H2 / Q3"]\nstart = 2026-07-01\nend = 2026-09-30\n'
        '[cycles."2026/27"]\nstart = 2026-09-01\nend = 2027-08-31\n',
        encoding="utf-8",
    )
    (site / "content/objectives").mkdir(parents=True)
    (site / "content/objectives/grow.md").write_text(
        "---\ntitle: Grow\nowner: Uma\ncycle: 2026/27\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10, current: 5}\n"
        "  - {id: b, title: B, start: 0, target: 10, current: 5}\n---\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, said = run("build", "--site", str(site), "--out", str(out))
    assert code == 0, said
    folders = sorted(p.name for p in (out / "cycles").iterdir() if p.is_dir())
    assert folders == ["2026 H2 %2F Q3", "2026%2F27"], folders
    assert (out / "cycles/2026%2F27/index.html").is_file()
    assert (out / "api/cycles/2026%2F27.json").is_file()
    # the cycles page and the objective's page link to those very folders
    for page in (out / "cycles/index.html", out / "objectives/grow/index.html"):
        hrefs = re.findall(r'href="([^"#]*cycles/[^"#]+)"', page.read_text(encoding="utf-8"))
        assert any("%252F" in h for h in hrefs), hrefs
        for h in hrefs:
            assert (page.parent / unquote(h)).resolve().is_file(), (page, h)
    index = (out / "cycles/index.html").read_text(encoding="utf-8")
    assert "2026%20H2%20%252F%20Q3/index.html" in index and "2026%252F27/index.html" in index
