"""Names in scripts other than Latin keep the marks that make their letters
(a Japanese dakuten, Cyrillic ``й`` and ``ё``): ``さとう`` and ``さどう`` are two
people, ``Андрей`` is not ``Андреи``, and ``データ基盤`` is not ``テータ基盤``.
Latin names still fold their accents (``José Álvarez`` is ``jose-alvarez``).
Each runs the real command on a site in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_site

_TOML = "as_of = 2026-11-20\n"


def _site(root: Path, files: dict[str, str]) -> Path:
    return write_site(root / "site", {"okrsite.toml": _TOML, **files})


def _names(site: Path, folder: str) -> list[str]:
    return sorted(p.name for p in (site / "content" / folder).iterdir())


def test_new_person_keeps_japanese_dakuten(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    code, out = run_cli("new", "person", "さとう はなこ", "--site", str(site))
    assert code == 0, out
    code, out = run_cli("new", "person", "さどう はなこ", "--site", str(site))
    assert code == 0, out
    assert "okrsite: 'さどう はなこ' is さどう-はなこ\n" in out, out
    assert "okrsite: wrote content/people/さどう-はなこ.md\n" in out, out
    assert _names(site, "people") == ["さとう-はなこ.md", "さどう-はなこ.md"]


def test_new_person_keeps_cyrillic_short_i_and_yo(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    for name in ("Андрей Зайцев", "Андреи Заицев", "Сергей Ёлкин"):
        code, out = run_cli("new", "person", name, "--site", str(site))
        assert code == 0, out
    assert "okrsite: 'Сергей Ёлкин' is сергей-ёлкин\n" in out, out
    assert _names(site, "people") == [
        "андреи-заицев.md",
        "андрей-зайцев.md",
        "сергей-ёлкин.md",
    ]


def test_owner_name_resolves_to_the_person_with_that_mark(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/people/さとう-はなこ.md": "---\ntitle: さとう はなこ\n---\n",
            "content/people/さどう-はなこ.md": "---\ntitle: さどう はなこ\n---\n",
            "content/objectives/データ基盤.md": (
                "---\ntitle: データ基盤\ncycle: Q4 2026\nowner: さどう はなこ\n"
                "key_results:\n  - {title: 売上を伸ばす, start: 0, target: 10}\n"
                "  - {title: ガガーリン, start: 0, target: 10}\n---\n"
            ),
        },
    )
    code, out = run_cli("build", "--no-cache", "--site", str(site))
    assert code == 0, out
    page = (site / "_site/objectives/データ基盤/index.html").read_text(encoding="utf-8")
    sadou = "people/%E3%81%95%E3%81%A9%E3%81%86-%E3%81%AF%E3%81%AA%E3%81%93/index.html"
    satou = "people/%E3%81%95%E3%81%A8%E3%81%86-%E3%81%AF%E3%81%AA%E3%81%93/index.html"
    assert sadou in page and satou not in page
    assert not (site / "_site/objectives/テータ基盤").exists()


def test_checkin_by_title_and_new_objective_keep_marks(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "content/people/uma.md": "---\ntitle: Uma\n---\n",
            "content/objectives/データ基盤.md": (
                "---\ntitle: データ基盤\ncycle: Q4 2026\nowner: Uma\n"
                "key_results:\n  - {title: 売上を伸ばす, start: 0, target: 10}\n"
                "  - {title: 売上を伸はす, start: 0, target: 10}\n---\n"
            ),
        },
    )
    code, out = run_cli(
        "checkin",
        "データ基盤",
        "--set",
        "売上を伸ばす=5",
        "--date",
        "2026-11-20",
        "--site",
        str(site),
    )
    assert code == 0, out
    assert "okrsite: '売上を伸ばす' is key result kr1\n" in out, out
    checkin = (site / "content/checkins/データ基盤/2026-11-20.md").read_text(encoding="utf-8")
    assert "kr1: 5" in checkin and "kr2" not in checkin, checkin
    code, out = run_cli("new", "objective", "ガガーリン計画", "--site", str(site))
    assert code == 0, out
    assert "okrsite: wrote content/objectives/ガガーリン計画.md\n" in out, out


def test_latin_names_still_fold_accents(tmp_path: Path) -> None:
    site = _site(tmp_path, {})
    for name in ("José Álvarez", "Søren Ærø", "Nguyễn Văn Đức", "Ａnna Groß"):
        code, out = run_cli("new", "person", name, "--site", str(site))
        assert code == 0, out
    assert _names(site, "people") == [
        "anna-gross.md",
        "jose-alvarez.md",
        "nguyen-van-duc.md",
        "soren-aero.md",
    ]
    code, out = run_cli("new", "person", "Jose Alvarez", "--site", str(site))
    assert code != 0, out
    assert "jose-alvarez" in out, out


def test_vowel_signs_and_tone_marks_stay_in_the_word(tmp_path: Path) -> None:
    """Devanagari's vowel signs and virama, Thai's vowels and tone marks are
    marks, not accents: ``अमित शर्मा`` is ``अमित-शर्मा`` (it was cut into
    ``अम-त-शर-म`` at each mark), and ``owner: अमित शर्मा`` is that person."""
    site = _site(tmp_path, {})
    for name in ("अमित शर्मा", "สมศักดิ์ ใจดี"):
        code, out = run_cli("new", "person", name, "--site", str(site))
        assert code == 0, out
    assert _names(site, "people") == ["अमित-शर्मा.md", "สมศักดิ์-ใจดี.md"]
    write_site(
        site,
        {
            "content/objectives/हिन्दी टीम/बिक्री.md": (
                "---\ntitle: बिक्री बढ़ाना\ncycle: Q4 2026\nowner: अमित शर्मा\n"
                "key_results:\n  - {title: सौदे, start: 0, target: 10, current: 5}\n"
                "  - {title: ลูกค้า, start: 0, target: 10, current: 5, owner: สมศักดิ์ ใจดี}\n---\n"
            ),
        },
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "OKR306" not in out and "OKR006" not in out, out
    out_dir = tmp_path / "out"
    code, out = run_cli("build", "--site", str(site), "--out", str(out_dir))
    assert code == 0, out
    assert (out_dir / "objectives/हिन्दी-टीम/बिक्री/index.html").is_file()
    assert (out_dir / "people/अमित-शर्मा/index.html").is_file()


def test_the_id_marks_class_is_every_mark_of_the_plane() -> None:
    """:data:`okrsite.id_marks.ID_MARKS` against :mod:`unicodedata`: every
    combining mark of the Basic Multilingual Plane is in it, and whatever else
    its ranges take in is a letter or digit an id takes anyway."""
    import re
    import unicodedata

    from okrsite.id_marks import ID_MARKS

    in_class = re.compile(f"[{ID_MARKS}]")
    for cp in range(0x10000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        mark = unicodedata.category(ch).startswith("M")
        if mark:
            assert in_class.fullmatch(ch), f"U+{cp:04X} is a mark the class lacks"
        elif in_class.fullmatch(ch):
            assert re.fullmatch(r"\w", ch), f"U+{cp:04X} is in the class but no mark or letter"
