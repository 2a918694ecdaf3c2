"""``okrsite carry 2026 2027`` onto an id that is taken (audit 46, finding 3).

At year end ``company/annual-2026`` carried into 2027 becomes
``company/annual-2027`` by the id rule (review.md, "Ids"), which teams have
often written already. carry said only "already exists", and then
"carried 0 of 1 objective into 2027 as drafts; review them and set status:
active" though nothing was written. Now the conflict says which rule made
the id and what to do, and a run that wrote nothing says so. Real site,
real CLI.
"""

from __future__ import annotations

from pathlib import Path

from conftest import files_of, run_cli, write_site

ANNUAL_2026 = """
    ---
    title: Grow the company
    cycle: 2026
    owner: Tom Lee
    key_results:
      - id: revenue
        title: Revenue from 1 to 3
        start: 1
        target: 3
        current: 2
    ---
    """

ANNUAL_2027 = """
    ---
    title: Expand into DACH
    cycle: 2027
    owner: Tom Lee
    key_results:
      - id: partners
        title: Sign 5 partners
        target: 5
    ---
    """


def test_a_taken_id_says_why_and_what_to_do(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/company/annual-2026.md": ANNUAL_2026,
            "content/objectives/company/annual-2027.md": ANNUAL_2027,
        },
    )
    before = files_of(root)
    for dry in (("--dry-run",), ()):
        code, said = run_cli(
            "carry", "2026", "2027", "--site", str(root), "--as-of", "2026-12-28", *dry
        )
        assert code == 1, said
        assert (
            "skipped content/objectives/company/annual-2027.md: objective 'company/annual-2027' "
            "already exists: it is the id the carried copy of company/annual-2026 takes (its "
            "suffix -2026 becomes -2027; see docs/review.md, Ids), and it is another objective: "
            "rename company/annual-2027 (its file and the references to it) and run okrsite "
            "carry again, or add the unfinished key results of company/annual-2026 to "
            "company/annual-2027 by hand"
        ) in said, said
        assert "review them and set status: active" not in said, said
    assert (
        "okrsite: carried 0 of 1 objective into 2027: nothing written; see the skipped lines above"
        in said
    )
    assert files_of(root) == before


def test_a_suffix_added_says_so(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/company/annual.md": ANNUAL_2026,
            "content/objectives/company/annual-2027.md": ANNUAL_2027,
        },
    )
    code, said = run_cli("carry", "2026", "2027", "--site", str(root), "--as-of", "2026-12-28")
    assert code == 1, said
    assert "takes (2027 added to its id as -2027; see docs/review.md, Ids)" in said, said


def test_a_second_run_says_nothing_was_written(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/company/annual-2026.md": ANNUAL_2026,
        },
    )
    code, said = run_cli("carry", "2026", "2027", "--site", str(root), "--as-of", "2026-12-28")
    assert code == 0 and "review them and set status: active" in said, said
    code, said = run_cli("carry", "2026", "2027", "--site", str(root), "--as-of", "2026-12-28")
    assert code == 0, said
    assert (
        "okrsite: carried 0 of 1 objective into 2027: nothing written (each was carried before)"
        in said
    )
    assert "review them and set status: active" not in said, said
