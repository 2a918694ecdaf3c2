"""Links in bodies and check-in notes, as the built site needs them.

A site written by hand links a logo in ``static/`` relative to the Markdown
file, from the site's root (``/static/…``) and to files that are never
published (a content CSV). In the built site each link either works from the
page it is on (and from the feed) or is warning OKR314 at its line.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from conftest import run_cli, write_site

TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def objective(title: str, extra: str = "", body: str = "") -> str:
    return (
        f"---\ntitle: {title}\nowner: Uma Diaz\ncycle: 2026-Q4\n{extra}"
        "key_results:\n  - id: a\n    title: A\n    target: 10\n"
        "  - id: b\n    title: B\n    target: 10\n---\n" + body
    )


HANDBOOK = (
    "---\ntitle: Handbook\n---\n"  # body from line 4
    "![Logo](../../static/img/logo.png)\n\n"  # 4: works (relative to the file)
    "![Logo root](/static/img/logo.png)\n\n"  # 6: from the root
    "[Uptime](/objectives/platform/core/uptime/)\n\n"  # 8: from the root, a record's page
    "[uptime csv](../data/uptime.csv)\n\n"  # 10: a content file, never published
    "[Up](../objectives/up.md) [written for the output](../../objectives/platform/core/uptime/index.html)\n\n"
    "[Web](https://example.com/a.png) [mail](mailto:a@example.com) [top](#top)\n"
)
NOTE = (
    "---\nobjective: platform/core/uptime\ndate: 2026-11-10\nauthor: Uma Diaz\n"
    "values: {a: 3}\n---\n"  # notes from line 7
    "See ![graph](../../static/img/logo.png) and [the handbook](../pages/handbook.md),\n"
    "[data](../data/uptime.csv) and [wiki](https://wiki.example.com/x).\n"
)


def build(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[Path, list[str]]:
    site = write_site(tmp_path / "site", {"okrsite.toml": TOML, **files})
    out = tmp_path / "out"
    code, output = run_cli(
        "build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-20", "--no-history"
    )
    assert code == 0, output
    return out, [line for line in output.splitlines() if "OKR314" in line]


def addresses(page: Path, *, containing: str) -> list[str]:
    """The ``href``/``src`` addresses on ``page`` that contain ``containing``."""
    text = page.read_text(encoding="utf-8")
    found = re.findall(r'(?:href|src)="([^"]*)"', text)
    return [a.replace("&amp;", "&") for a in found if containing in a]


def works_from(page: Path, address: str) -> bool:
    """Whether the relative ``address`` names a file from the page's folder."""
    path = unquote(address.partition("#")[0])
    assert not path.startswith("/") and ":" not in path, address
    return (page.parent / posixpath.normpath(path)).is_file()


def site_files() -> dict[str, str | bytes]:
    return {
        "static/img/logo.png": PNG,
        "content/data/uptime.csv": "date,value\n2026-10-01,99.9\n",
        # its page is objectives/platform/core/uptime/: deeper than its file
        "content/objectives/up.md": objective(
            "Uptime",
            "id: platform/core/uptime\n",
            "![Logo](../../static/img/logo.png) and [handbook](../pages/handbook.md)\n",
        ),
        "content/pages/handbook.md": HANDBOOK,
        "content/checkins/2026-11-10-uptime.md": NOTE,
        "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
    }


def test_links_to_static_files_are_written_for_the_page_and_broken_ones_warned(
    tmp_path: Path,
) -> None:
    out, warned = build(tmp_path, site_files())
    up = out / "objectives/platform/core/uptime/index.html"
    logos = addresses(up, containing="logo.png")  # the body's and the note's
    assert set(logos) == {"../../../../static/img/logo.png"}, logos
    assert works_from(up, logos[0])
    for handbook_link in addresses(up, containing="handbook"):
        assert works_from(up, handbook_link), handbook_link

    page = out / "pages/handbook/index.html"
    logos = addresses(page, containing="logo.png")
    assert "../../static/img/logo.png" in logos and works_from(page, "../../static/img/logo.png")
    assert works_from(page, "../../objectives/platform/core/uptime/index.html")
    assert 'href="https://example.com/a.png"' in page.read_text(encoding="utf-8")
    assert 'href="mailto:a@example.com"' in page.read_text(encoding="utf-8")

    at = {int(line.split(":")[1]): line for line in warned if "handbook.md" in line}
    assert sorted(at) == [6, 8, 10], warned
    assert "'/static/img/logo.png'" in at[6] and "'../../static/img/logo.png'" in at[6]
    assert "'/objectives/platform/core/uptime/'" in at[8] and "'../objectives/up.md'" in at[8]
    assert "'../data/uptime.csv'" in at[10] and "static/" in at[10]
    assert not [line for line in warned if "up.md" in line.split(":")[0]]


def test_links_in_checkin_notes_work_on_every_page_that_shows_them(tmp_path: Path) -> None:
    out, warned = build(tmp_path, site_files())
    pages = [
        out / "objectives/platform/core/uptime/index.html",  # depth 4
        out / "people/uma-diaz/index.html",  # depth 2
        out / "checkins/index.html",  # depth 1
    ]
    for page in pages:
        graphs = addresses(page, containing="logo.png")
        assert graphs and all(works_from(page, a) for a in graphs), (page, graphs)
        handbooks = [a for a in addresses(page, containing="handbook") if a != "#"]
        assert handbooks, page
        for handbook in handbooks:
            assert handbook.endswith("pages/handbook/index.html"), handbook
            assert works_from(page, handbook), (page, handbook)
    feed = (out / "checkins.xml").read_text(encoding="utf-8")
    assert "src=&#34;static/img/logo.png&#34;" in feed or 'src="static/img/logo.png"' in feed
    assert "pages/handbook/index.html" in feed and "handbook.md" not in feed
    assert "wiki.example.com/x" in feed
    (data,) = [line for line in warned if "checkins/" in line]
    assert data.startswith("content/checkins/2026-11-10-uptime.md:8:")
    assert "'../data/uptime.csv'" in data


def test_a_check_builds_nothing_and_warns_the_same(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"okrsite.toml": TOML, **site_files()})
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, output
    assert output.count("OKR314") == 4, output


def test_a_link_to_a_deleted_static_file_is_warned(tmp_path: Path) -> None:
    files = site_files()
    files["content/pages/guides/setup.md"] = (
        "---\ntitle: Setup\n---\n![d](../../../static/img/diagram.svg)\n"
    )
    _, warned = build(tmp_path, files)
    (line,) = [line for line in warned if "setup.md" in line]
    assert line.startswith("content/pages/guides/setup.md:4:") and "diagram.svg" in line


def test_links_into_static_are_checked_against_what_is_published(tmp_path: Path) -> None:
    """``okrsite check`` lists static/ as the build publishes it: the site's
    own files and its theme's (``static/style.css`` of the default theme),
    for bodies and check-in notes alike; a file added later is found by the
    next check, although no goal file changed (the load's reuse is keyed by
    the listing too)."""
    files = site_files()
    files["content/pages/guides/setup.md"] = (
        "---\ntitle: Setup\n---\n"
        "![d](../../../static/img/diagram.svg) and [css](../../../static/style.css)\n"
    )
    files["content/checkins/2026-11-12-uptime.md"] = (
        "---\nobjective: platform/core/uptime\ndate: 2026-11-12\n---\n"
        "The [runbook](../../static/docs/runbook.pdf) is missing.\n"
    )
    site = write_site(tmp_path / "site", {"okrsite.toml": TOML, **files})
    args = (
        "check",
        "--site",
        str(site),
        "--as-of",
        "2026-11-20",
        "--cache-dir",
        str(tmp_path / "c"),
    )
    code, output = run_cli(*args)
    assert code == 0, output
    missing = "which is not in static/"
    warned = sorted(line for line in output.splitlines() if missing in line)
    assert len(warned) == 2, output
    assert warned[0].startswith("content/checkins/2026-11-12-uptime.md:5:")
    assert "'static/docs/runbook.pdf', which is not in static/" in warned[0]
    assert warned[1].startswith("content/pages/guides/setup.md:4:") and "diagram.svg" in warned[1]
    # the files arrive: the same check, with the cache of the last, warns of neither
    (site / "static/img/diagram.svg").write_text("<svg/>", encoding="utf-8")
    (site / "static/docs").mkdir()
    (site / "static/docs/runbook.pdf").write_bytes(b"%PDF-1.4\n")
    code, output = run_cli(*args)
    assert code == 0 and missing not in output, output
    assert output.count("OKR314") == 4, output  # the fixture's own, as before
    # and one is deleted again
    (site / "static/docs/runbook.pdf").unlink()
    code, output = run_cli(*args)
    assert [line[:40] for line in output.splitlines() if missing in line] == [
        "content/checkins/2026-11-12-uptime.md:5:"
    ], output
