"""Fixes of the audit 45 verification (verifyb), each through the real CLI.

* OKR021 counted table-shaped text inside a code block (an export pasted
  between fences, or indented by four spaces) as table cells and refused a
  body that renders as code in milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_site

SITE = 'title = "Verify"\ndefault_cycle = "2026-Q4"\n'

# -- OKR021 counts only tables markdown-it renders as tables -------------------

COLUMNS = 100
EXPORT = "|" + "h|" * COLUMNS + "\n|" + "-|" * COLUMNS + "\n" + ("|" + "1|" * COLUMNS + "\n") * 300


@pytest.mark.parametrize(
    "body",
    [
        "Export as pasted:\n\n```\n" + EXPORT + "```\n",
        "Export as pasted:\n~~~text\n" + EXPORT + "~~~\n\nThat was it.\n",
        "Export as pasted:\n\n" + "".join("    " + line + "\n" for line in EXPORT.splitlines()),
    ],
    ids=["fenced", "tilde-fenced", "indented"],
)
def test_a_table_shaped_export_in_a_code_block_is_not_counted_as_table_cells(
    tmp_path: Path, body: str
) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": SITE,
            "content/objectives/wide.md": "---\ntitle: Wide\n---\n" + body,
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert "OKR021" not in out, out
    out_dir = tmp_path / "out"
    code, out = run_cli("build", "--site", str(site), "--out", str(out_dir))
    assert code == 0, out
    page = (out_dir / "objectives" / "wide" / "index.html").read_text(encoding="utf-8")
    assert "<table" not in page and "|h|h|" in page
    # the same text as a real table, or in a list item (where four spaces
    # are no code block), is still refused
    for table in ("Export:\n\n" + EXPORT, "- Export:\n\n    " + EXPORT.replace("\n", "\n    ")):
        (site / "content" / "objectives" / "wide.md").write_text(
            "---\ntitle: Wide\n---\n" + table, encoding="utf-8"
        )
        code, out = run_cli("check", "--site", str(site))
        assert code == 1 and "30,100 table cells" in out, out
