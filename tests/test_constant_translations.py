"""Constant words translated at compile time render exactly as the calls did."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrsite.constant_translations import translation_key, use_language
from okrsite.theme import builtin_themes_dir, load_theme
from okrsite.translations import load_language

SOURCES = [
    '{{ _("Status") }}|{{ _("Status")|upper }}|{{ _("Status").lower() }}|{{ _("Status")[0] }}',
    "{{ _('done') if flag else _('not done') }} {{ {'a': _('red')}.get('a') }}",
    '{{ _("%(percent)s%% of target", percent=5) }} {{ _("100%% sure") }}',
    '{{ gettext("Owner") }} {{ x._("y") if false else "" }}',
    '{% set _ = upper %}{{ _("Status") }}',  # a template's own _: left alone
    '{% macro m(_) %}{{ _("Team") }}{% endmacro %}{{ m(upper) }}',
]


def _env(tmp_path: Path, code: str, fold: bool):
    env = load_theme("default", tmp_path).env
    language = load_language(code, [builtin_themes_dir() / "default"])
    callables = language.template_callables()
    env.globals.update(callables, upper=lambda text: "<" + text.upper() + ">")
    if fold:
        use_language(env, language, callables["_"])
    return env


@pytest.mark.parametrize("code", ["en", "de"])
@pytest.mark.parametrize("source", SOURCES)
def test_folded_templates_render_like_runtime_calls(tmp_path, code, source):
    runtime = _env(tmp_path, code, fold=False).from_string(source)
    folded_env = _env(tmp_path, code, fold=True)
    folded = folded_env.from_string(source)
    for flag in (True, False):
        assert folded.render(flag=flag) == runtime.render(flag=flag)


def test_constant_words_become_template_text(tmp_path):
    env = _env(tmp_path, "de", fold=True)
    code = env.compile('{{ _("Owner") }}', raw=True)
    assert "context.call" not in code  # no call left at render time
    assert env.from_string('{{ _("Owner") }}').render() == "Verantwortlich"  # translated


def test_the_compiled_code_depends_on_the_language(tmp_path):
    english = _env(tmp_path, "en", fold=True)
    german = _env(tmp_path, "de", fold=True)
    assert translation_key(english) != translation_key(german)
    assert translation_key(_env(tmp_path, "de", fold=False)) == ""
