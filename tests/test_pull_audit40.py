"""``okrsite pull`` into a KPI's own data file whose header it cannot read:
the message is located and hinted as ``okrsite check``'s OKR202 is, since a
German export's ``Monat;Umsatz`` header is the usual way to get there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli


def test_a_data_file_with_a_header_pull_cannot_read_gets_line_and_hint(tmp_path: Path) -> None:
    root = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n'
            '[[sources]]\nname = "umsatz"\nfile = "exports/u.csv"\n',
            "exports/u.csv": "date,value\n2026-11-01,1350000\n",
            "content/kpis/umsatz.md": "---\ntitle: Umsatz\nunit: €\ndata: data/umsatz.csv\n---\n",
            "content/data/umsatz.csv": "Monat;Umsatz;Bemerkung\nOkt 2026;1.350.000,00 €;x\n",
        },
    )
    result = CliRunner().invoke(cli, ["pull", "--site", str(root)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert (
        "content/data/umsatz.csv:1: the header must name 'date' and 'value' columns, "
        "got 'Monat;Umsatz;Bemerkung' (hint: 3 columns: name the one that holds the readings 'value'"
    ) in result.output, result.output
    # nothing was written
    assert (root / "content/data/umsatz.csv").read_text(encoding="utf-8").startswith("Monat;Umsatz")
