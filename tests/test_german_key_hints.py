"""A German team's first files name keys in German (``datum:``,
``zuversicht:``, ``einheit:``): okrsite does not read them (several are
ambiguous, and a key read in two languages is read twice), but its
"did you mean" names the key meant, where edit similarity guessed another
(``einheit`` → ``weight``) or none (``zuversicht``)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site


def test_german_keys_are_told_the_key_they_mean(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Ziele"\nlanguage = "de"\n',
            "content/objectives/support.md": (
                "---\ntitle: Schneller antworten\ncycle: 2026-Q4\nowner: Jürgen Weiß\n"
                "key_results:\n  - id: antwort\n    title: Erste Antwort\n    start: 8\n"
                "    target: 2\n    einheit: h\n    zielwert: 3\n---\n"
            ),
            "content/checkins/support/a.md": (
                "---\nobjective: support\ndate: 2026-11-20\nautor: Jürgen Weiß\n"
                "zuversicht: 7\nnotiz: gut\nvalues: {antwort: 5}\n---\n"
            ),
        },
    )
    code, output = run_cli("check", "--site", str(site), "--as-of", "2026-11-20")
    assert code == 0, output
    hints = {
        line.split("unknown key ")[1].split(" ")[0]: line.rsplit("(hint: ", 1)[1]
        for line in output.splitlines()
        if "OKR111" in line
    }
    assert hints == {
        "'einheit'": "did you mean 'unit'?)",
        "'zielwert'": "did you mean 'target'?)",
        "'autor'": "did you mean 'author'?)",
        "'zuversicht'": "did you mean 'confidence'?)",
        "'notiz'": "did you mean 'note'?)",
    }, output
