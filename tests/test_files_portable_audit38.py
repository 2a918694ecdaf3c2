"""Files of a team sharing one repository across Windows, macOS and Linux,
each read by the real CLI from real files:

1. a goal file or ``okrsite.toml`` saved as UTF-16 (with or without a byte
   order mark) is said to be UTF-16, with the hint to save it as UTF-8, not
   "the control character U+0000"; an Office lock file ``~$name.md`` is
   ignored like the other droppings;
2. a sync tool's or file manager's copy beside its original is warning
   OKR018, naming both; the copy still counts, and the site still builds;
3. ids, tags and folders Windows cannot hold (``CON``, ``aux``, ``nul/``,
   ``Ende.``, ``Q?``) get percent-encoded output folders that Windows can
   hold, and content names Windows cannot hold are warning OKR019.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from conftest import run_cli, write_site

TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\n'


def objective(title: str, tags: str = "[]") -> str:
    return (
        f"---\ntitle: {title}\nowner: Uma Diaz\ncycle: 2026-Q4\ntags: {tags}\n"
        "key_results:\n  - id: a\n    title: A\n    target: 10\n"
        "  - id: b\n    title: B\n    target: 10\n---\n"
    )


def findings(site: Path) -> tuple[int, list[dict[str, object]]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-01", "--format", "json")
    found: list[dict[str, object]] = json.loads(out[out.index("[") : out.rindex("]") + 1])
    return code, found


def test_utf16_goal_files_are_named_utf16_with_the_hint_to_save_as_utf8(tmp_path: Path) -> None:
    text = objective("Kunden")
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/plain.md": text.encode("utf-16-le"),  # Notepad, no BOM
            "content/objectives/bom.md": text.encode("utf-16"),  # with a byte order mark
            "content/objectives/umlaut.md": objective("Größe").encode("utf-16-be"),
        },
    )
    code, found = findings(site)
    assert code == 1
    by_file = {d["file"]: d for d in found if d["severity"] == "error"}
    assert set(by_file) == {
        "content/objectives/plain.md",
        "content/objectives/bom.md",
        "content/objectives/umlaut.md",
    }
    for d in by_file.values():
        assert d["code"] == "OKR001", d
        assert "UTF-16" in str(d["message"]) and "U+0000" not in str(d["message"])
        assert "save it as UTF-8" in str(d["hint"])
    assert "UTF-16 LE" in str(by_file["content/objectives/plain.md"]["message"])
    assert "UTF-16 BE" in str(by_file["content/objectives/umlaut.md"]["message"])


def test_a_nul_in_a_utf8_file_is_still_a_control_character(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/o.md": objective("Ki\x00nd").encode(),
        },
    )
    code, found = findings(site)
    (d,) = [d for d in found if d["severity"] == "error"]
    assert (code, d["code"]) == (1, "OKR016") and "U+0000" in str(d["message"])


def test_an_office_lock_file_is_ignored(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/lf.md": objective("Lock"),
            # Word's owner file: the user's name, padded with NULs and control bytes
            "content/objectives/~$lf.md": b"\x09Uma Diaz" + b"\x00" * 45 + b"\x0b\x00U\x00m\x00a",
        },
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-01")
    assert code == 0, out
    assert "~$lf.md" not in out and "OKR016" not in out
    assert "1 objectives" in out or "(1 objective" in out, out


def test_a_utf16_okrsite_toml_says_so_and_how_to_save_it(tmp_path: Path) -> None:
    for raw, form in (
        (TOML.encode("utf-16-le"), "UTF-16 LE"),
        (TOML.encode("utf-16"), "UTF-16 LE"),
        (TOML.encode("utf-16-be"), "UTF-16 BE"),
    ):
        site = write_site(
            tmp_path / form.replace(" ", "") / str(len(raw)),
            {"okrsite.toml": raw, "content/objectives/o.md": objective("O")},
        )
        code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-01")
        assert code == 1
        assert f"CFG001: okrsite.toml is not valid UTF-8: it looks like {form} text" in out, out
        assert "save it as UTF-8" in out
    site = write_site(
        tmp_path / "latin1",
        {
            "okrsite.toml": 'title = "Größe"\n'.encode("latin-1"),
            "content/objectives/o.md": objective("O"),
        },
    )
    code, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-01")
    assert code == 1 and "okrsite.toml is not valid UTF-8 (hint: save it as UTF-8" in out, out


COPIES = {
    "crlf (Uma Diaz's conflicted copy 2026-11-03).md": "conflicted copy of Dropbox",
    "crlf.sync-conflict-20261103-101010-ABCDEF.md": "Syncthing",
    "crlf - Kopie.md": "Windows Explorer",
    "crlf - Copy.md": "Windows Explorer",
}


def test_sync_and_file_manager_copies_are_named_beside_their_original(tmp_path: Path) -> None:
    files = {"okrsite.toml": TOML, "content/objectives/win/crlf.md": objective("Kunden")}
    files.update({f"content/objectives/win/{name}": objective("Kunden") for name in COPIES})
    # names that only look alike, and a copy whose original is gone
    files["content/objectives/win/crlf-plan.md"] = objective("Plan")
    files["content/objectives/win/Ziel (1).md"] = objective("Ziel")
    # names people choose: ad copy, a second wave, a draft
    files["content/objectives/win/Marketing.md"] = objective("Marketing")
    files["content/objectives/win/Marketing copy.md"] = objective("Marketing copy")
    files["content/objectives/win/crlf (2).md"] = objective("Hiring wave 2")
    # a second phase, named so on purpose: no copy's name is "Phase 2.md"
    files["content/objectives/win/Phase.md"] = objective("Phase")
    files["content/objectives/win/Phase 2.md"] = objective("Phase 2")
    files["content/objectives/other/crlf - Copy.md"] = objective("Other")
    site = write_site(tmp_path / "site", files)
    code, found = findings(site)
    assert code == 0  # warnings: the site still builds
    copies = {d["file"]: d for d in found if d["code"] == "OKR018"}
    assert set(copies) == {f"content/objectives/win/{name}" for name in COPIES}
    for name, made_by in COPIES.items():
        d = copies[f"content/objectives/win/{name}"]
        assert d["severity"] == "warning"
        assert "copy of 'crlf.md'" in str(d["message"]) and made_by in str(d["message"]), d
        assert "delete the copy" in str(d["hint"])
    _, out = run_cli("check", "--site", str(site), "--as-of", "2026-11-01")
    assert "(13 objectives" in out, out  # the copies still count, as the warning says


def test_windows_names_get_output_folders_windows_can_hold(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/Team/CON.md": objective("Con", "[CON, Q?]"),
            "content/objectives/Team/aux.md": objective("Aux"),
            "content/objectives/Team/Prn.md": objective("Prn"),
            "content/objectives/Team/com1.md": objective("Com"),
            "content/objectives/nul/thing.md": objective("Thing"),
            "content/objectives/Messe.md": objective("Messe"),
            "content/objectives/Messe..md": objective("Messe Punkt"),
            # a free page: in every page's navigation
            "content/pages/CON.md": "---\ntitle: Con page\n---\nx\n",
        },
    )
    out_dir = tmp_path / "out"
    code, out = run_cli(
        "build", "--site", str(site), "--out", str(out_dir), "--as-of", "2026-11-01", "--no-history"
    )
    assert code == 0, out
    reserved = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
    for path in out_dir.rglob("*"):
        name = path.name
        assert not reserved.match(name), path
        assert not name.endswith((".", " ")), path
        assert not set(name) & set('<>:"|?*'), path
    for folder in (
        "objectives/Team/CO%4E",
        "objectives/Team/au%78",
        "objectives/Team/Pr%6E",
        "objectives/Team/com%31",
        "objectives/nu%6C/thing",
        "objectives/Messe",
        "objectives/Messe%2E",
        "tags/CO%4E",
        "tags/Q%3F",
        "pages/CO%4E",
    ):
        assert (out_dir / folder / "index.html").is_file(), folder
    # every link of the pages reaches its file from disk
    page = (out_dir / "objectives/Team/CO%4E/index.html").read_text(encoding="utf-8")
    for target in re.findall(r'href="(\.\./[^"#]*)"', page):
        from urllib.parse import unquote

        assert (out_dir / "objectives/Team/CO%4E" / unquote(target)).exists(), target
    assert "tags/Q%253F/index.html" in page
    assert "pages/CO%254E/index.html" in page  # the navigation's link to the free page
    home = (out_dir / "index.html").read_text(encoding="utf-8")
    for target in re.findall(r'href="([^"#:?]+)"', home):
        assert (out_dir / unquote(target)).exists(), target


def test_content_names_windows_cannot_hold_are_warned(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/Team/CON.md": objective("Con"),
            "content/objectives/Team/ok.md": objective("Ok"),
            "content/objectives/nul/a.md": objective("A"),
            "content/objectives/nul/b.md": objective("B"),
            "content/objectives/Warum?.md": objective("Warum"),
        },
    )
    code, found = findings(site)
    assert code == 0
    named = sorted((d["file"], str(d["message"])) for d in found if d["code"] == "OKR019")
    assert [f for f, _ in named] == [
        "content/objectives/Team/CON.md",
        "content/objectives/Warum?.md",
        "content/objectives/nul/a.md",  # the folder, once
    ]
    assert "file name 'CON.md'" in named[0][1] and "Windows device" in named[0][1]
    assert "'?'" in named[1][1]
    assert "folder name 'nul'" in named[2][1]


def test_links_to_goal_files_become_links_to_their_pages(tmp_path: Path) -> None:
    body = (
        "Siehe [Kunden](Kundenzufriedenheit%20steigern.md#ziel), [KPI](../../kpis/nps.md)\n"
        "und [alt](../Gibt%20es%20nicht.md).\n\n[ref]: <Kundenzufriedenheit steigern.md>\n"
        "[Web](https://example.com/x.md) [ref] [Datei](notes.txt)\n"
    )
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/Vertrieb/Kundenzufriedenheit steigern.md": objective("Kunden"),
            "content/objectives/Vertrieb/Messe.md": objective("Messe") + body,
            "content/kpis/nps.md": "---\ntitle: NPS\nowner: Uma Diaz\ntarget: 50\n---\n",
        },
    )
    code, found = findings(site)
    assert code == 0
    # the .md link to no record; [Datei](notes.txt), a file the site does not
    # publish, is OKR314 too (tests/test_body_links.py)
    (d,) = [d for d in found if d["code"] == "OKR314" and ".md" in str(d["message"])]
    assert (d["file"], d["line"]) == ("content/objectives/Vertrieb/Messe.md", 15)
    assert [d for d in found if d["code"] == "OKR314" and "notes.txt" in str(d["message"])]
    assert "'../Gibt%20es%20nicht.md'" in str(d["message"])
    out_dir = tmp_path / "out"
    code, out = run_cli(
        "build", "--site", str(site), "--out", str(out_dir), "--as-of", "2026-11-01", "--no-history"
    )
    assert code == 0, out
    page = (out_dir / "objectives/Vertrieb/Messe/index.html").read_text(encoding="utf-8")
    kunden = "../../../objectives/vertrieb/kundenzufriedenheit-steigern/index.html"
    assert f'href="{kunden}#ziel"' in page
    assert f'href="{kunden}"' in page  # the reference definition, written with <…>
    assert 'href="../../../kpis/nps/index.html"' in page
    assert 'href="../Gibt%20es%20nicht.md"' in page  # no record: as written (OKR314)
    assert 'href="https://example.com/x.md"' in page and 'href="notes.txt"' in page
    assert (out_dir / "objectives/Vertrieb/Messe" / kunden).is_file()


def test_a_link_added_by_an_edit_is_checked_with_the_parse_cache(tmp_path: Path) -> None:
    """A second check answered from the first's findings (one file edited)
    still finds a link the edit added, and drops one the edit removed."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            "content/objectives/a.md": objective("A"),
            "content/objectives/b.md": objective("B"),
        },
    )
    args = ("check", "--site", str(site), "--as-of", "2026-11-01")
    assert "OKR314" not in run_cli(*args)[1]
    (site / "content/objectives/a.md").write_text(objective("A") + "[x](c.md) [b](b.md)\n")
    _, out = run_cli(*args)
    assert "content/objectives/a.md:14: warning OKR314: the link to 'c.md'" in out, out
    assert "'b.md'" not in out
    (site / "content/objectives/a.md").write_text(objective("A") + "[b](b.md)\n")
    assert "OKR314" not in run_cli(*args)[1]


def test_a_link_typed_in_nfc_finds_a_file_named_in_nfd(tmp_path: Path) -> None:
    """macOS (and a zip or rsync from it) writes ``Größe.md`` in NFD; a link
    typed as people type it (NFC, also percent-encoded) names that file: it
    becomes a link to its page, not OKR314 and a broken link."""
    nfd = unicodedata.normalize("NFD", "Größe")
    body = "[a](Vertrieb/Größe.md) and [b](Vertrieb/Gr%C3%B6%C3%9Fe.md)\n"
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": TOML,
            f"content/objectives/Vertrieb/{nfd}.md": objective("Größe"),
            "content/pages/start.md": "---\ntitle: Start\n---\n"
            + body.replace("](", "](../objectives/"),
        },
    )
    code, found = findings(site)
    assert code == 0 and not [d for d in found if d["code"] == "OKR314"], found
    code, out = run_cli("build", "--site", str(site), "--as-of", "2026-11-01")
    assert code == 0, out
    page = (site / "_site/pages/start/index.html").read_text()
    assert ".md" not in page.split("<main", 1)[1].split("</main>", 1)[0], page
