"""Compiled templates: kept for the whole process (okrsite.compiled_templates)
and shipped compiled for the built-in theme (okrsite.shipped_templates).

Builds in one process reuse each other's compiled templates, and a new
process takes the built-in theme's from the package; what a compiled
template depends on (its source, its file, the site's language and
translations) must still give a build exactly what compiling would. The
shipped code must be exactly what Jinja generates now, and never stand in
for a template or translation a site brings itself.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner
from conftest import REPO

import okrsite.compiled_templates as compiled_templates
from okrsite.cli import cli
from okrsite.compiled_templates import COMPILED, CompiledTemplates
from okrsite.constant_translations import use_language
from okrsite.shipped_templates import (
    LANGUAGES,
    generate,
    module_folder,
    shipped_code,
    shipped_file,
)
from okrsite.theme import available_builtin, load_theme
from okrsite.translations import load_language

AS_OF = "2026-11-20"
PAGE = "objectives/sales/q4-bookings/index.html"


def build(root: Path, out: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the output."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", AS_OF, "--out", str(out), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def page(root: Path, out: Path) -> str:
    """The objective page of a built site."""
    return build(root, out)[PAGE].decode("utf-8")


def site(root: Path, language: str = "en") -> Path:
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    toml = re.sub(r"(?m)^language = .*$", f'language = "{language}"', toml)
    (root / "okrsite.toml").write_text(toml, encoding="utf-8")
    return root


def own_catalogue(root: Path) -> Path:
    """The site's own German for "Key results"."""
    (root / "translations").mkdir()
    (root / "translations/de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Key results"\nmsgstr "Ergebnisse"\n',
        encoding="utf-8",
    )
    return root


def test_a_second_build_compiles_nothing_and_writes_the_same_bytes(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    COMPILED.clear()
    first = build(root, tmp_path / "one")
    compiled = dict(COMPILED.store)
    assert len(compiled) > 20  # every page template and partial the site used
    assert build(root, tmp_path / "two") == first
    assert COMPILED.store == compiled  # the same code objects: nothing compiled again


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    partial = root / "templates/partials/status_badge.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<span class="mine">{{ status }}</span>\n', encoding="utf-8")
    assert '<span class="mine">' in page(root, tmp_path / "one")
    partial.write_text('<span class="theirs">{{ status }}</span>\n', encoding="utf-8")
    second = page(root, tmp_path / "two")
    assert '<span class="theirs">' in second and '<span class="mine">' not in second


def test_languages_and_site_translations_do_not_share_compiled_words(tmp_path: Path) -> None:
    english = site(tmp_path / "en")
    german = site(tmp_path / "de", "de")
    own = own_catalogue(site(tmp_path / "own", "de"))
    first = page(english, tmp_path / "en1")
    assert '<h2 id="krs">Key results</h2>' in first
    assert '<h2 id="krs">Schlüsselergebnisse</h2>' in page(german, tmp_path / "de1")
    assert '<h2 id="krs">Ergebnisse</h2>' in page(own, tmp_path / "own1")
    assert page(english, tmp_path / "en2") == first
    assert '<h2 id="krs">Schlüsselergebnisse</h2>' in page(german, tmp_path / "de2")


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


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the templates Jinja compiles from source, from a clean memory."""
    names: list[str] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        names.append(str(name))
        return real(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    COMPILED.clear()
    yield names
    COMPILED.clear()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme", available_builtin())
def test_the_shipped_code_is_what_jinja_generates_now(theme: str, language: str) -> None:
    shipped = json.loads(shipped_file(theme, language).read_text(encoding="utf-8"))
    if shipped["jinja"] != jinja2.__version__:
        pytest.skip(
            f"shipped for Jinja {shipped['jinja']}, installed {jinja2.__version__}: "
            "it is not used; run scripts/precompile_templates.py"
        )
    index, modules = generate(theme, language)
    assert shipped == index, "run scripts/precompile_templates.py"
    folder = module_folder(theme, language)
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.py")}
    assert on_disk == modules, "run scripts/precompile_templates.py"
    every = {n for n in load_theme(theme).env.list_templates() if ":" not in n}
    assert set(index["templates"]) == every


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_build_takes_the_shipped_code_and_writes_the_same_bytes(
    tmp_path: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    root = site(tmp_path / "site", language)
    shipped = build(root, tmp_path / "shipped")
    assert compiles == []  # every template the site used came compiled
    assert len(COMPILED.store) > 20
    monkeypatch.setattr(compiled_templates, "shipped_code", lambda *args: None)
    COMPILED.clear()
    compiled = build(root, tmp_path / "compiled")
    assert len(compiles) > 20
    assert shipped == compiled


def test_a_site_template_is_compiled_from_its_own_source(
    tmp_path: Path, compiles: list[str]
) -> None:
    root = site(tmp_path / "site")
    partial = root / "templates/partials/status_badge.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<span class="mine">{{ status }}</span>\n', encoding="utf-8")
    assert '<span class="mine">' in page(root, tmp_path / "out")
    assert compiles == ["partials/status_badge.html"]


def test_a_site_translation_file_means_compiling(tmp_path: Path, compiles: list[str]) -> None:
    root = own_catalogue(site(tmp_path / "site", "de"))
    assert '<h2 id="krs">Ergebnisse</h2>' in page(root, tmp_path / "out")
    assert len(compiles) > 20


def test_only_the_recorded_source_and_file_match() -> None:
    theme = load_theme("default")
    env = theme.env
    english = load_language("en", [path for _, path in theme.chain])
    use_language(env, english, english.template_callables()["_"])
    name = "partials/status_badge.html"
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, name)
    checksum = COMPILED.get_source_checksum(source)
    code = shipped_code(env, name, filename, checksum)  # English, no catalogue
    assert code is not None and code.co_filename == filename
    assert shipped_code(env, name, filename, COMPILED.get_source_checksum(source + " ")) is None
    assert shipped_code(env, "partials/health_badge.html", filename, checksum) is None
    copy = Path(str(filename)).with_name("copy.html")
    assert shipped_code(env, name, str(copy), checksum) is None
