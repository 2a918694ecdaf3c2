"""The colon after a label is the translation's (audit 46, translator finding 3).

French writes a (narrow) no-break space before a colon ("Responsable : …",
"2 objectifs : 2 en bonne voie"). About twenty labels of the default theme
("Lead", "Value", "Source", "Other cycles", the objective counts of a
summary, the feed's title …) had their colon typed in the template after
the msgid, where no catalogue reaches it. Each goes through the msgid
``%(label)s:`` now; English and German output is byte for byte what it was
(the golden site; German writes ``%(label)s:``).

Builds the example site in French through the CLI, with a catalogue made
from messages.pot (docs/themes.md) in which only that msgid is translated.
"""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, copy_example, run_cli

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")
#: the colon as French typography writes it: a narrow no-break space before it
_COLON = "\u202f:"


def test_a_french_catalogue_puts_its_space_before_every_labels_colon(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "site")
    config = site / "okrsite.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('language = "en"', 'language = "fr"'),
        encoding="utf-8",
    )
    blank = 'msgid "%(label)s:"\nmsgstr ""\n'
    assert blank in _POT
    po = _POT.replace(blank, f'msgid "%(label)s:"\nmsgstr "%(label)s{_COLON}"\n')
    (site / "translations").mkdir()
    (site / "translations/fr.po").write_text(po, encoding="utf-8")
    code, out = run_cli("build", "--no-cache", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, out
    built = site / "_site"

    def page(rel: str) -> str:
        return (built / rel).read_text(encoding="utf-8")

    team = page("teams/sales/index.html")
    objective = page("objectives/sales/q4-bookings/index.html")
    expected = {
        "team lead": (team, f"Lead{_COLON} "),
        "summary counts": (team, f" objectives{_COLON} "),
        "team cycles": (team, f"Cycles{_COLON} "),
        "source": (objective, f"Source{_COLON} <code>"),
        "badge": (objective, f"badge{_COLON} <a"),
        "elapsed share": (objective, f"as of 20 nov. 2026){_COLON} "),
        "success level": (objective, f"success for a committed objective{_COLON} "),
        "check-in value": (page("checkins/index.html"), f"Value{_COLON} "),
        "feed title": (page("checkins.xml"), f"Goals{_COLON} check-ins</title>"),
        "dashboard cycles": (page("index.html"), f"Other cycles{_COLON}\n"),
    }
    missing = [what for what, (text, fragment) in expected.items() if fragment not in text]
    assert not missing, missing
    for text in (team, objective):
        for label in ("Lead", "Source", "badge", "Cycles", " objectives"):
            assert f"{label}: " not in text, label
