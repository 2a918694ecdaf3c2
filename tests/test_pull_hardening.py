"""okrsite pull writes and reads only inside the site, never blocks on a FIFO,
never echoes a command's terminal escapes: real files, links and FIFOs
in a tmp site, through the real CLI."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli

PY = sys.executable
KPI = "---\ntitle: NPS\nunit: points\ntarget: 45\ndata: data/nps.csv\n---\n"
KPI_NO_DATA = "---\ntitle: NPS\nunit: points\ntarget: 45\n---\n"
OBJECTIVE = """
    ---
    title: Faster support
    cycle: 2026-Q4
    key_results:
      - id: first-response
        title: First response under an hour
        start: 0
        target: 10
    ---
"""

needs_links = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


def pull(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["pull", "--site", str(site), *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def make(tmp_path: Path, kpi: str = KPI, name: str = "nps", **extra: str) -> tuple[Path, Path]:
    """A site pulling ``vals.csv`` into ``name``, and a folder outside it."""
    files = {
        "okrsite.toml": f'title = "x"\n[[sources]]\nname = "{name}"\nfile = "vals.csv"\n',
        "vals.csv": "date,value\n2026-11-01,40\n",
        "content/kpis/nps.md": kpi,
        **extra,
    }
    outside = tmp_path / "outside"
    outside.mkdir()
    return write_site(tmp_path / "site", files), outside


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = path.read_bytes()
        else:
            out[rel] = "dir"
    return out


# ---------------------------------------------------------------- 1: writing
@needs_links
def test_pull_never_follows_a_link_at_the_temp_name(tmp_path: Path) -> None:
    site, outside = make(tmp_path, **{"content/data/nps.csv": "date,value\n2026-10-01,38\n"})
    precious = outside / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    (site / "content/data/.nps.csv.okrsite-pull").symlink_to(precious)
    code, out = pull(site)
    assert code == 0, out
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    data = site / "content/data/nps.csv"
    assert not data.is_symlink()
    assert data.read_text(encoding="utf-8") == "date,value\n2026-10-01,38\n2026-11-01,40\n"
    leftovers = [p.name for p in data.parent.iterdir()]
    assert sorted(leftovers) == [".nps.csv.okrsite-pull", "nps.csv"]


@needs_links
def test_pull_refuses_a_data_folder_linked_out_of_the_site(tmp_path: Path) -> None:
    site, outside = make(tmp_path, kpi=KPI_NO_DATA)
    shared = outside / "shared"
    shared.mkdir()
    (site / "content/data").symlink_to(shared, target_is_directory=True)
    before, kpi_before = snapshot(outside), (site / "content/kpis/nps.md").read_bytes()
    for args in ((), ("--dry-run",)):
        code, out = pull(site, *args)
        assert code == 1, out
        assert "content/data/nps.csv leads outside the site" in out
        assert "OKR012" in out and "nothing changed for it" in out
        assert snapshot(outside) == before == {"shared": "dir"}
        assert (site / "content/kpis/nps.md").read_bytes() == kpi_before  # no data: line


@needs_links
def test_pull_refuses_a_checkin_folder_linked_out_of_the_site(tmp_path: Path) -> None:
    site, outside = make(
        tmp_path,
        kpi=KPI_NO_DATA,
        name="company/faster-support#first-response",
        **{"content/objectives/company/faster-support.md": OBJECTIVE},
    )
    target = outside / "dir"
    target.mkdir()
    (site / "content/checkins/company").mkdir(parents=True)
    (site / "content/checkins/company/faster-support").symlink_to(target)
    code, out = pull(site)
    assert code == 1, out
    assert "content/checkins/company/faster-support/2026-11-01.md leads outside the site" in out
    assert list(target.iterdir()) == []


@needs_links
def test_pull_refuses_a_checkin_parent_linked_out_of_the_site(tmp_path: Path) -> None:
    """A linked folder above the one pull creates: nothing is created through it."""
    site, outside = make(
        tmp_path,
        kpi=KPI_NO_DATA,
        name="company/faster-support#first-response",
        **{"content/objectives/company/faster-support.md": OBJECTIVE},
    )
    (site / "content/checkins").symlink_to(outside, target_is_directory=True)
    code, out = pull(site)
    assert code == 1, out
    assert "leads outside the site" in out
    assert list(outside.iterdir()) == []


# ---------------------------------------------------------------- 2, 3: reading
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_pull_refuses_a_fifo_data_file_without_opening_it(tmp_path: Path) -> None:
    site, _ = make(tmp_path)
    (site / "content/data").mkdir()
    os.mkfifo(site / "content/data/nps.csv")
    try:  # a process of its own: opening the FIFO would block for good
        done = subprocess.run(
            [PY, "-m", "okrsite", "pull", "--site", str(site)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("okrsite pull blocked on the FIFO")
    code, out = done.returncode, done.stdout + done.stderr
    assert code == 1, out
    assert "OKR013" in out and "content/data/nps.csv" in out
    assert "named pipe" in out and "remove it" in out
    assert sorted(p.name for p in (site / "content/data").iterdir()) == ["nps.csv"]


def test_pull_refuses_a_data_file_over_the_size_limit(tmp_path: Path) -> None:
    site, _ = make(tmp_path)
    data = site / "content/data/nps.csv"
    data.parent.mkdir()
    with open(data, "wb") as fh:
        fh.write(b"date,value\n2026-10-01,38\n")
        fh.truncate(17 * 1024 * 1024)  # sparse: no 17 MB written
    size = data.stat().st_size
    code, out = pull(site)
    assert code == 1, out
    assert "OKR014" in out and "content/data/nps.csv" in out and "16 MB" in out
    assert data.stat().st_size == size
    assert sorted(p.name for p in data.parent.iterdir()) == ["nps.csv"]


@needs_links
def test_pull_refuses_a_data_file_linked_from_outside(tmp_path: Path) -> None:
    site, outside = make(tmp_path)
    other = outside / "other.csv"
    other.write_text("date,value\n2026-10-01,38\n", encoding="utf-8")
    (site / "content/data").mkdir()
    (site / "content/data/nps.csv").symlink_to(other)
    before = snapshot(site)
    code, out = pull(site)
    assert code == 1, out
    assert "OKR012" in out and "content/data/nps.csv" in out and "leads outside the site" in out
    assert snapshot(site) == before
    assert other.read_text(encoding="utf-8") == "date,value\n2026-10-01,38\n"


# ---------------------------------------------------------------- 4: stderr
def test_a_failing_commands_error_output_is_quoted_printable(tmp_path: Path) -> None:
    site, _ = make(tmp_path)
    (site / "fail.py").write_text(
        "import sys\n"
        r"sys.stderr.write('\x1b]0;pwned\x07\x1b[2K\x1b[1Aokrsite: added 5 values' + 'x' * 200)"
        "\nsys.exit(3)\n",
        encoding="utf-8",
    )
    (site / "okrsite.toml").write_text(
        f'title = "x"\n[[sources]]\nname = "nps"\ncommand = ["{PY}", "fail.py"]\n',
        encoding="utf-8",
    )
    code, out = pull(site)
    assert code == 1, out
    assert "\x1b" not in out and "\x07" not in out
    assert "exited with code 3: \\x1b]0;pwned\\x07" in out
    line = next(ln for ln in out.splitlines() if "exited with code 3" in ln)
    quoted = line.split("exited with code 3: ", 1)[1].split("; nothing changed")[0]
    assert len(quoted) <= 60 and quoted.endswith("…")


# ---------------------------------------------------------------- 5: digits
def test_pull_prints_every_digit_of_a_tiny_value(tmp_path: Path) -> None:
    site, _ = make(tmp_path, **{"vals.csv": "date,value\n2026-11-01,1e-10\n"})
    code, out = pull(site)
    assert code == 0, out
    assert "nps: 2026-11-01 0.0000000001 (new)" in out
    assert "2026-11-01,0.0000000001" in (site / "content/data/nps.csv").read_text(encoding="utf-8")


# ------------------------------------------------- 5: the source file itself
def _swap_after_check(monkeypatch: pytest.MonkeyPatch, target: Path, swap: object) -> None:
    """Replace ``target`` right after okrsite checked it is a regular file:
    the window between the check and the open that an attacker races."""
    real_is_file = Path.is_file

    def is_file(self: Path) -> bool:
        answer = real_is_file(self)
        if self == target.resolve() and answer:
            target.unlink()
            swap(target)  # type: ignore[operator]
        return answer

    monkeypatch.setattr(Path, "is_file", is_file)


def _feed_a_waiting_reader(fifo: Path) -> None:
    for _ in range(100):  # 5 s: opening for writing fails until a reader waits
        try:
            if not stat.S_ISFIFO(os.lstat(fifo).st_mode):  # not swapped yet
                raise FileNotFoundError(fifo)
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.05)
            continue
        os.write(fd, b"date,value\n2026-11-02,77\n")
        os.close(fd)
        return


def test_a_source_file_swapped_for_a_fifo_after_the_check_never_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, _ = make(tmp_path)
    fifo = site / "vals.csv"
    _swap_after_check(monkeypatch, fifo, os.mkfifo)
    # should okrsite open the FIFO and wait, a writer feeds it a reading
    # within a few seconds, so the test fails instead of hanging
    feeder = threading.Thread(target=_feed_a_waiting_reader, args=(fifo,), daemon=True)
    feeder.start()
    code, out = pull(site)
    feeder.join()
    assert code == 1, out
    assert "vals.csv" in out and "named pipe" in out
    assert not (site / "content/data").exists()


@needs_links
def test_a_source_file_swapped_for_a_link_out_of_the_site_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, outside = make(tmp_path)
    secret = outside / "secret.csv"
    secret.write_text("date,value\n2026-11-02,99\n", encoding="utf-8")
    _swap_after_check(monkeypatch, site / "vals.csv", lambda p: p.symlink_to(secret))
    code, out = pull(site)
    assert code == 1, out
    assert "vals.csv" in out and "outside the site" in out
    # nothing of the secret file is said (the value, its date); the path in the
    # message may hold any digits (pytest-299), so the reading is looked for
    assert "2026-11-02" not in out and ",99" not in out and " 99" not in out
    assert not (site / "content/data").exists()
