"""A French site as its team makes it: ``fr.po`` copied from the theme's
``messages.pot`` (which offers ``msgstr[0]`` and ``msgstr[1]`` for plurals,
where Babel's French rule has three forms), or made by ``pybabel init``
(which writes ``fr/LC_MESSAGES/messages.po`` unless told ``-o``), and
check-ins written in French (``25 novembre 2026``, ``partenaires: non``).
Each runs the real command on a site in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, run_cli, write_site

_POT = (REPO / "themes/default/translations/messages.pot").read_text(encoding="utf-8")
_FRENCH_RULE = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2"
_OBJECTIVE = (
    "---\ntitle: {title}\ncycle: 2026-Q4\nowner: Anne\nkey_results:\n"
    "  - {{id: chiffre, title: Chiffre, start: 0, target: 100}}\n"
    "  - {{id: partenaires, title: Partenaires, done: false}}\n---\n"
)


def _fr_po(header: str = "", objectives: tuple[str, ...] = ("objectif", "objectifs")) -> str:
    """``messages.pot`` copied to ``fr.po``, with the two plural slots it offers
    filled for two messages, and ``header`` lines added to its header."""
    po = _POT.replace(
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n',
        '"Language-Team: LANGUAGE <LL@li.org>\\n"\n' + header,
    )
    for one, many, filled in (
        ("%(num)d objective", "%(num)d objectives", objectives),
        ("%(num)d key result", "%(num)d key results", ("résultat clé", "résultats clés")),
    ):
        blank = f'msgid "{one}"\nmsgid_plural "{many}"\nmsgstr[0] ""\nmsgstr[1] ""\n'
        assert blank in po
        po = po.replace(
            blank,
            f'msgid "{one}"\nmsgid_plural "{many}"\n'
            f'msgstr[0] "%(num)d {filled[0]}"\nmsgstr[1] "%(num)d {filled[1]}"\n',
        )
    return po


def _line_of(po: str, text: str) -> int:
    return po.splitlines().index(text) + 1


def _site(root: Path, files: dict[str, str], toml: str = 'language = "fr"\n') -> Path:
    return write_site(
        root / "site",
        {
            "okrsite.toml": toml + "as_of = 2026-11-30\n",
            "content/people/anne.md": "---\ntitle: Anne\n---\n",
            "content/objectives/ventes.md": _OBJECTIVE.format(title="Ventes"),
            "content/objectives/achats.md": _OBJECTIVE.format(title="Achats"),
            **files,
        },
    )


def _cycles_page(site: Path) -> str:
    return (site / "_site/cycles/index.html").read_text(encoding="utf-8")


def test_plural_slots_messages_pot_offers_are_used(tmp_path: Path) -> None:
    po = _fr_po()
    site = _site(tmp_path, {"translations/fr.po": po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = _cycles_page(site)
    assert "2 objectifs" in page and "2 objectives" not in page
    line = _line_of(po, 'msgid "%(num)d objective"')
    assert (
        f"translations/fr.po:{line}: warning THM004: translation catalogue: 2 plural entries "
        f"have 2 filled msgstr slots, but the plural rule of 'fr' has 3 ({_FRENCH_RULE}): the last "
        "slot is used for the others (hint: give each plural entry a msgstr[N] for every "
        "form of the rule, or write the rule your slots follow in the header (French with "
        'two: "Plural-Forms: nplurals=2; plural=(n > 1);\\n"))\n'
    ) in out, out
    assert out.count("THM004") == 1, out


def test_catalogue_plural_forms_header_is_honoured(tmp_path: Path) -> None:
    po = _fr_po('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n')
    site = _site(tmp_path, {"translations/fr.po": po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    assert "THM004" not in out, out
    page = _cycles_page(site)
    assert "2 objectifs" in page and "2 objectives" not in page


def test_unusable_plural_forms_header_is_named_at_its_line(tmp_path: Path) -> None:
    po = _fr_po('"Plural-Forms: nplurals=2; plural=(n > 1) ? 2 : 0;\\n"\n')
    site = _site(tmp_path, {"translations/fr.po": po})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    line = _line_of(po, '"Plural-Forms: nplurals=2; plural=(n > 1) ? 2 : 0;\\n"')
    assert (
        f"translations/fr.po:{line}: warning THM004: translation catalogue: its Plural-Forms "
        f"rule '(n > 1) ? 2 : 0' does not fit nplurals=2; the pages use {_FRENCH_RULE} (hint:"
    ) in out, out
    assert "2 objectifs" in _cycles_page(site)


def test_pybabel_init_layout_is_read(tmp_path: Path) -> None:
    site = _site(tmp_path, {"translations/fr/LC_MESSAGES/messages.po": _fr_po()})
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    assert "CFG014" not in out, out
    assert "2 objectifs" in _cycles_page(site)
    line = _line_of(_POT, 'msgid "%(num)d objective"')
    assert f"translations/fr/LC_MESSAGES/messages.po:{line}: warning THM004:" in out, out


def test_language_po_wins_over_pybabel_layout(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "translations/fr.po": _fr_po(),
            "translations/fr/LC_MESSAGES/messages.po": _fr_po(objectives=("but", "buts")),
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = _cycles_page(site)
    assert "2 objectifs" in page and "2 buts" not in page
    assert "LC_MESSAGES" not in out, out


def _french_checkins(values: str = "partenaires: oui") -> dict[str, str]:
    return {
        "content/checkins/ventes/a.md": (
            "---\nobjective: ventes\ndate: 25 novembre 2026\n"
            "values: {chiffre: 40, partenaires: non}\n---\n"
        ),
        "content/checkins/ventes/b.md": (
            f"---\nobjective: ventes\ndate: 1er déc. 2026\nvalues: {{chiffre: 50, {values}}}\n---\n"
        ),
        "content/checkins/achats/a.md": (
            "---\nobjective: achats\ndate: 27 nov. 2026\nvalues: {chiffre: 10}\n---\n"
        ),
    }


def test_french_dates_and_yes_no_words_are_read_in_any_language(tmp_path: Path) -> None:
    for toml in ('language = "fr"\n', ""):
        site = _site(tmp_path / toml.strip(' ="\n'), _french_checkins(), toml=toml)
        code, out = run_cli("check", "--no-cache", "--site", str(site))
        assert code == 0, out
        assert "OKR104" not in out and "OKR307" not in out, out
        assert (
            "checked 7 files (2 objectives, 0 KPIs, 0 goals, 3 check-ins) as of 2026-11-30: 0 errors, 0 warnings"
            in out
        ), out
    code, out = run_cli(
        "checkin",
        "ventes",
        "--set",
        "partenaires=oui",
        "--date",
        "2 décembre 2026",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "okrsite: wrote content/checkins/ventes/2026-12-02.md\n" in out, out


def test_yes_no_hint_names_french_words_on_a_french_site(tmp_path: Path) -> None:
    site = _site(tmp_path, _french_checkins("partenaires: peut-être"))
    code, out = run_cli("check", "--no-cache", "--site", str(site))
    assert code == 1, out
    assert (
        "content/checkins/ventes/b.md:4:36: error OKR307: key result 'partenaires' is done or "
        "not: its check-in value must be 0 or 1, got 'peut-être' (hint: write 1, oui, yes or "
        "done if it is done; 0, non, no or not done if it is not)\n"
    ) in out, out
