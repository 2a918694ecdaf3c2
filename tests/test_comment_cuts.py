"""OKR130: a ``#`` in an unquoted title or reference starts a YAML comment
(audit 44, cascade F1), and alignment errors that say what to do (F6).

``title: Become the #1 vendor in DACH`` was read as "Become the" on every
page and export, and ``parent: sales-emea/emea #dach`` aligned to the
objective instead of its key result, with no word. Each case builds a site
from files and runs the CLI.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import run_cli, write_site

from okrsite import yamlsource
from okrsite.plain_yaml import NOT_PLAIN, read_plain

TOML = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-20"\n'

NUMBER_ONE = """\
---
title: Become the #1 vendor in DACH
cycle: 2026-Q4
owner: Lena Vogt   # the lead
target_note: x
parent: sales-emea/emea #dach
key_results:
  - id: rank
    title: Rank #1 in the Gartner DACH report
    done: false
  - {id: x, title: Sign 3 logos, target: 3, current: 1}  # was 2
  - id: y
    title: "Close ticket #123"   # quoted: read whole
    target: 10  # was 8
    current: 2 #5
---
Body.
"""

EMEA = """\
---
title: Grow EMEA
cycle: 2026-Q4
owner: Ann
key_results:
  - id: dach
    title: DACH delivers
  - {id: b, title: B, target: 2, current: 1}
---
x
"""


def _site(root: Path, files: dict[str, str]) -> Path:
    return write_site(root, {"okrsite.toml": TOML, **files})


def _found(site: Path, code: str) -> list[dict[str, object]]:
    _, out = run_cli("check", "--site", str(site), "--no-cache", "--format", "json")
    found = json.loads(out[out.index("[") :])
    return [d for d in found if d["code"] == code]


def test_a_hash_in_a_title_or_parent_is_warned_at_the_hash(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "s",
        {
            "content/objectives/number-one.md": NUMBER_ONE.replace("target_note: x\n", ""),
            "content/objectives/sales-emea/emea.md": EMEA,
        },
    )
    cuts = _found(site, "OKR130")
    assert [(d["line"], d["column"]) for d in cuts] == [(2, 19), (5, 25), (8, 17)], cuts
    title, parent, kr_title = cuts
    assert title["severity"] == "warning"
    assert "title: is read as 'Become the'" in str(title["message"])
    assert "'#1 vendor in DACH' is left out" in str(title["message"])
    assert 'title: "Become the #1 vendor in DACH"' in str(title["hint"])
    assert "did you mean parent: sales-emea/emea#dach?" in str(parent["hint"])
    assert 'title: "Rank #1 in the Gartner DACH report"' in str(kr_title["hint"])
    # the owner's note ('# the lead'), a number's ('# was 8', '#5'), a flow
    # line's and a quoted title's are no finding: a comment is plainly meant

    # written as the hints say, the file checks clean of OKR130 and keeps its words
    fixed = (
        NUMBER_ONE.replace("target_note: x\n", "")
        .replace("title: Become the #1 vendor in DACH", 'title: "Become the #1 vendor in DACH"')
        .replace("title: Rank #1 in", 'title: "Rank #1 in')
        .replace("DACH report\n", 'DACH report"\n')
        .replace("sales-emea/emea #dach", "sales-emea/emea#dach")
    )
    (site / "content/objectives/number-one.md").write_text(fixed, encoding="utf-8")
    assert _found(site, "OKR130") == []
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    exported = json.loads(out)
    mine = next(o for o in exported["objectives"] if o["id"] == "number-one")
    assert mine["title"] == "Become the #1 vendor in DACH"
    assert mine["parent"] == "sales-emea/emea#dach"
    assert [k["title"] for k in mine["key_results"]][:1] == ["Rank #1 in the Gartner DACH report"]
    code, out = run_cli("build", "--site", str(site), "--no-cache")
    assert code == 0, out
    page = (site / "_site" / "objectives" / "number-one" / "index.html").read_text("utf-8")
    assert "Become the #1 vendor in DACH" in page


def test_both_readers_of_front_matter_give_the_same_warning(tmp_path: Path) -> None:
    """A file the quick reader reads and the same file with an anchor, which
    only PyYAML reads: the same OKR130 findings at the same places."""
    plain = NUMBER_ONE
    anchored = NUMBER_ONE.replace("target_note: x", "target_note: &n x")
    assert read_plain(yamlsource.split(plain).front_matter) is not NOT_PLAIN  # type: ignore[union-attr]
    assert read_plain(yamlsource.split(anchored).front_matter) is NOT_PLAIN  # type: ignore[union-attr]
    seen = []
    for name, text in (("plain", plain), ("anchored", anchored)):
        site = _site(
            tmp_path / name,
            {
                "content/objectives/number-one.md": text,
                "content/objectives/sales-emea/emea.md": EMEA,
            },
        )
        seen.append(
            [(d["line"], d["column"], d["message"], d["hint"]) for d in _found(site, "OKR130")]
        )
    assert len(seen[0]) == 3
    assert seen[0] == seen[1]


def test_check_in_references_and_team_names_are_warned_too(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "s",
        {
            "content/objectives/sales-emea/emea.md": EMEA,
            "content/checkins/2026-11-10.md": textwrap.dedent(
                """\
                ---
                objective: sales-emea/emea #dach
                values: {b: 2}
                ---
                """
            ),
            "content/goals/g.md": textwrap.dedent(
                """\
                ---
                title: Goal
                owner: Ann
                team: Team #2
                due: 2026-12-01
                supports:
                  - sales-emea/emea #dach
                measure: {target: 1, current: 0}
                ---
                """
            ),
        },
    )
    cuts = _found(site, "OKR130")
    where = {(d["file"], d["line"]) for d in cuts}
    assert where == {
        ("content/checkins/2026-11-10.md", 2),
        ("content/goals/g.md", 4),
        ("content/goals/g.md", 7),
    }, cuts
    supports = next(d for d in cuts if d["line"] == 7)
    assert "did you mean supports: sales-emea/emea#dach?" in str(supports["hint"])


OBJECTIVE = """\
---
title: {title}
cycle: 2026-Q4
owner: Ann
{extra}
key_results: [{{id: a, title: A, target: 2}}, {{id: b, title: B, target: 2}}]
---
x
"""


def _alignment_check(tmp_path: Path) -> list[str]:
    site = _site(
        tmp_path / "s",
        {
            "content/objectives/payroll/self.md": OBJECTIVE.format(
                title="Self", extra="parent: payroll/self"
            ),
            "content/objectives/payroll/k.md": OBJECTIVE.format(title="K", extra="parent: nps"),
            "content/objectives/payroll/al.md": OBJECTIVE.format(
                title="Al",
                extra="aligned_to: payroll/k\naligns_to: payroll/k\n"
                "contributes_to: payroll/k\nParent Objective: payroll/k",
            ),
            "content/kpis/nps.md": "---\ntitle: NPS\nunit: points\ntarget: 40\n---\n",
        },
    )
    code, out = run_cli("check", "--site", str(site), "--no-cache")
    assert code == 1
    return out.splitlines()


def test_an_objective_aligned_to_itself_is_told_what_to_do(tmp_path: Path) -> None:
    itself = next(line for line in _alignment_check(tmp_path) if "OKR308" in line)
    assert "(hint: remove 'parent:' or name the objective above this one)" in itself


def test_a_parent_naming_a_kpi_says_it_is_a_kpi_and_how_to_link_one(tmp_path: Path) -> None:
    kpi = next(line for line in _alignment_check(tmp_path) if "OKR303" in line)
    assert "'nps' is a KPI" in kpi
    assert "supports: (supports: [nps]), or link a key result to it with kpi: nps" in kpi


def test_other_tools_words_for_parent_are_told_parent(tmp_path: Path) -> None:
    words = [line for line in _alignment_check(tmp_path) if "OKR111" in line]
    assert len(words) == 4, words
    assert all("did you mean 'parent'?" in line for line in words), words
