"""Compiled templates shared by every build of a process (okrsite.compiled_templates).

Builds in one process reuse each other's compiled templates; what a compiled
template depends on (its source, its file, the site's language and
translations) must still give a build exactly what a fresh process would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO

from okrsite.cli import cli
from okrsite.compiled_templates import COMPILED, CompiledTemplates
from okrsite.theme import load_theme

AS_OF = "2026-11-20"
PAGE = "objectives/sales/q4-bookings/index.html"


def build(root: Path, out: Path) -> str:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    return (out / PAGE).read_text(encoding="utf-8")


def site(root: Path, language: str = "en") -> Path:
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    toml = re.sub(r"(?m)^language = .*$", f'language = "{language}"', toml)
    (root / "okrsite.toml").write_text(toml, encoding="utf-8")
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_second_build_compiles_nothing_and_writes_the_same_bytes(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    COMPILED.clear()
    build(root, tmp_path / "one")
    compiled = dict(COMPILED.store)
    assert len(compiled) > 20  # every page template and partial the site used
    build(root, tmp_path / "two")
    assert COMPILED.store == compiled  # the same code objects: nothing compiled again
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    partial = root / "templates/partials/status_badge.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<span class="mine">{{ status }}</span>\n', encoding="utf-8")
    assert '<span class="mine">' in build(root, tmp_path / "one")
    partial.write_text('<span class="theirs">{{ status }}</span>\n', encoding="utf-8")
    page = build(root, tmp_path / "two")
    assert '<span class="theirs">' in page and '<span class="mine">' not in page


def test_languages_and_site_translations_do_not_share_compiled_words(tmp_path: Path) -> None:
    english = site(tmp_path / "en")
    german = site(tmp_path / "de", "de")
    own = site(tmp_path / "own", "de")
    (own / "translations").mkdir()
    (own / "translations/de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Key results"\nmsgstr "Ergebnisse"\n',
        encoding="utf-8",
    )
    first = build(english, tmp_path / "en1")
    assert '<h2 id="krs">Key results</h2>' in first
    assert '<h2 id="krs">Schlüsselergebnisse</h2>' in build(german, tmp_path / "de1")
    assert '<h2 id="krs">Ergebnisse</h2>' in build(own, tmp_path / "own1")
    assert build(english, tmp_path / "en2") == first
    assert '<h2 id="krs">Schlüsselergebnisse</h2>' in build(german, tmp_path / "de2")


def test_the_store_is_bounded(tmp_path: Path) -> None:
    store = CompiledTemplates(limit=3)
    env = load_theme("default").env
    env.bytecode_cache = store
    for i in range(5):
        name = f"t{i}.html"
        template = env.from_string(f"{i}")  # compiles without the loader
        bucket = store.get_bucket(env, name, name, str(i))
        assert bucket.code is None
        bucket.code = compile("x = 1", name, "exec")
        store.set_bucket(bucket)
        assert template.render() == str(i)
    assert 1 <= len(store.store) <= 3
    fresh = store.get_bucket(env, "t4.html", "t4.html", "4")
    assert fresh.code is not None
    assert store.get_bucket(env, "t4.html", "t4.html", "changed").code is None
