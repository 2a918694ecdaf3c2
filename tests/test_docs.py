"""The docs stand alone: their examples are valid files, and they cite nothing missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okrsite.pipeline import load_tree

REPO = Path(__file__).resolve().parent.parent
FORMAT = REPO / "docs" / "content-format.md"

# where each front-matter example of content-format.md is put, in order
EXAMPLE_PATHS = [
    "content/objectives/sales/emea.md",
    "content/checkins/sales-emea.md",
    "content/checkins/nps.md",
    "content/kpis/nps.md",
    "content/goals/complaints.md",
    "content/teams/customer-success.md",
    "content/people/uma-diaz.md",
    "content/pages/how-we-work.md",
]
# what the examples refer to
NEIGHBOURS = {
    "content/objectives/company/market-leader.md": (
        "---\ntitle: Lead\ncycle: 2026-Q1\nkey_results:\n  - {id: revenue, title: R, target: 3}\n---\n"
    ),
    "content/objectives/marketing/brand.md": "---\ntitle: Brand\ncycle: 2026-Q1\n---\n",
    "content/objectives/support/loyalty.md": (
        "---\ntitle: Loyal\ncycle: 2026-Q1\nkey_results:\n  - {id: csat, title: C, target: 3}\n---\n"
    ),
    "content/kpis/revenue.md": "---\ntitle: Revenue\n---\n",
    "content/teams/company.md": "---\ntitle: Company\n---\n",
    "content/data/nps.csv": "date,value\n2026-03-01,39\n2026-04-01,41\n",
}


def test_every_example_of_the_format_is_a_valid_file() -> None:
    text = FORMAT.read_text(encoding="utf-8")
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("---\n")]
    assert len(examples) == len(EXAMPLE_PATHS)
    files = {**NEIGHBOURS, **dict(zip(EXAMPLE_PATHS, examples, strict=True))}
    result = load_tree({k: v.encode() for k, v in files.items()})
    errors = [d.format_text() for d in result.diagnostics if d.is_error]
    assert errors == []
    p = result.scored.portfolio
    assert p.objectives["sales/emea"].owner == "alice-ng"
    assert p.person_names["alice-ng"] == "Alice Ng"
    assert {kr.id for kr in p.objectives["sales/emea"].key_results} >= {"pilot", "partners"}
    assert len(p.checkins) == 2


@pytest.mark.parametrize(
    "path", [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))], ids=lambda p: p.name
)
def test_no_page_cites_a_document_that_is_not_here(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"PRODUCT\.md|product brief|\bthe brief\b", text, re.I)
    for target in re.findall(r"\]\(([^)#]+?\.md)(?:#[^)]*)?\)", text):
        if not target.startswith("http"):
            assert (path.parent / target).is_file(), target


def _user_docs() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in [REPO / "README.md", *(REPO / "docs").rglob("*.md")]
    )


def test_every_option_of_every_command_is_documented() -> None:
    """An option ``--help`` lists and no page names is one a user cannot learn about."""
    import click

    from okrsite.cli import cli

    docs = _user_docs()
    missing = []
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            longs = [o for o in param.opts if o.startswith("--") and o != "--help"]
            if longs and not any(re.search(re.escape(o) + r"(?![\w-])", docs) for o in longs):
                missing.append(f"okrsite {name} {longs[0]}")
    assert missing == []


def test_every_documented_option_exists() -> None:
    """An option a page shows after ``okrsite COMMAND`` (up to the end of its
    code span, line or table cell) is one the command takes."""
    from okrsite.cli import cli

    known = {
        name: {o for p in command.params for o in getattr(p, "opts", [])} | {"--help", "-h"}
        for name, command in cli.commands.items()
    }
    wrong = []
    for line in re.findall(r"okrsite (\w[\w-]*)\b((?:\\\||[^`\n|])*)", _user_docs()):
        command, rest = line
        if command not in known:
            continue
        for option in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", rest):
            if option not in known[command]:
                wrong.append(f"okrsite {command} ... {option}")
    assert sorted(set(wrong)) == []


def _codes_in(text: str) -> set[str]:
    codes = set(re.findall(r"\b([A-Z]{3,4})(\d{3})\b", text))
    for family, first, last in re.findall(r"\b([A-Z]{3,4})(\d{3})[–-]\1(\d{3})\b", text):
        codes |= {(family, f"{n:03d}") for n in range(int(first), int(last) + 1)}
    return {f + n for f, n in codes}


def test_every_diagnostic_code_the_code_emits_is_documented_and_none_is_dead() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "okrsite").rglob("*.py"))
    # a code is a string of its own ("OKR102"), or printed in a message ("error PULL001:")
    emitted = set(re.findall(r"[\"']([A-Z]{3,4}\d{3})[\"']", source))
    emitted |= set(re.findall(r"(?:error|warning) ([A-Z]{3,4}\d{3}):", source))
    documented = _codes_in((REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8"))
    assert emitted - documented == set()
    assert documented - emitted == set()
