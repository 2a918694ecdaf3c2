"""The theme environment's cheaper template calls behave like Jinja's own."""

from __future__ import annotations

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError, pass_context, pass_environment
from markupsafe import Markup

from okrsite.jinja_context import FastCallContext, FastTemplate
from okrsite.theme import load_theme


def test_calls_pass_context_environment_and_plain_arguments_like_jinja(tmp_path):
    env = load_theme("default", tmp_path).env
    assert issubclass(env.context_class, FastCallContext)

    @pass_context
    def who(context, suffix):
        return context["name"] + suffix

    @pass_environment
    def autoescapes(environment):
        return str(environment.autoescape)

    class Counter:
        @pass_context
        def __call__(self, context):
            return context["name"].upper()

    env.globals.update(who=who, autoescapes=autoescapes, shout=Counter(), twice=lambda s: s * 2)
    template = env.from_string(
        "{% for i in [1, 2] %}{{ who('!') }}{{ twice(name) }}{{ shout() }}"
        "{{ autoescapes() }}{{ i }}{% endfor %}{{ '%s'|format(twice('<')) }}"
    )
    assert template.render(name="ab") == "ab!ababABTrue1ab!ababABTrue2&lt;&lt;"
    # and again, now answered from memory
    assert template.render(name="x") == "x!xxXTrue1x!xxXTrue2&lt;&lt;"


def test_each_environment_remembers_its_own_callables(tmp_path):
    first = load_theme("default", tmp_path).env
    second = load_theme("default", tmp_path).env
    first.globals["f"] = lambda text: text.upper()
    first.from_string("{{ f('a') }}").render()
    assert first.context_class._plain
    assert not second.context_class._plain


FAST_ESCAPE_SOURCES = [
    "{{ text }}|{{ html }}|{{ number }}|{{ none }}|{{ text ~ html }}",
    "{% macro m(x) %}<b>{{ x }}</b>{% endmacro %}{{ m(text) }}{{ m(html)|length }}",
    "{% set block %}{{ text }}{% endset %}{{ block }}|{{ block|length }}|{{ block|e }}",
    "{% filter upper %}{{ text }}{% endfilter %}{% for c in text %}{{ c }}{% endfor %}",
    "{% autoescape false %}{{ text }}{% endautoescape %}{{ '%s'|format(text) }}",
    "{% set a = text ~ ': ' ~ html %}{{ a }}|{{ a|length }}|{{ (text ~ number)|e }}",
    "{% set b = number ~ none ~ text %}{{ b }}{{ b ~ html }}{{ (html ~ html)|length }}",
]


@pytest.mark.parametrize("source", FAST_ESCAPE_SOURCES)
def test_output_escape_gives_the_text_jinja_gives(tmp_path, source):
    fast = load_theme("default", tmp_path).env
    assert issubclass(fast.template_class, FastTemplate)
    plain = Environment(autoescape=True, undefined=StrictUndefined)
    values = {"text": "a<b>&\"'", "html": Markup("<i>x</i>"), "number": 1.5, "none": None}
    assert fast.from_string(source).render(values) == plain.from_string(source).render(values)


class _HasHtml:
    def __html__(self):
        return "<em>safe</em>"

    def __str__(self):
        return "<plain>"


@pytest.mark.parametrize(
    "pieces",
    [
        ("a", "<b>", 1),
        ("a<", Markup("<i>"), 2.5, None),
        (_HasHtml(), "x<"),
        (Markup("<"), _HasHtml(), "&"),
        (),
    ],
)
def test_markup_join_gives_what_jinjas_gives(pieces):
    from jinja2.runtime import markup_join

    from okrsite.jinja_context import _markup_join

    ours, jinjas = _markup_join(pieces), markup_join(pieces)
    assert ours == jinjas
    assert type(ours) is type(jinjas)


def test_undefined_output_still_fails(tmp_path):
    env = load_theme("default", tmp_path).env
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.parametrize(
    ("value", "args", "kwargs"),
    [
        (Markup("<bdi>%s</bdi>"), ("a<b>&",), {}),
        (Markup('<a href="%s%s">%s</a>'), ("../", "x?a=1&b", Markup("<i>n</i>")), {}),
        (Markup("%s: %s%%"), (_HasHtml(), 1.5), {}),
        (Markup("100%%s <%s>"), (None,), {}),
        (Markup("%d of %s"), (3, "<"), {}),
        (Markup("%(name)s"), (), {"name": "<x>"}),
        ("<plain %s>", ("<",), {}),
        (Markup("%s"), (("a", "<"),), {}),
    ],
)
def test_markup_format_gives_what_jinjas_format_gives(value, args, kwargs):
    from jinja2.filters import do_format

    from okrsite.jinja_context import markup_format

    for _ in range(2):  # once learning the format string, once from memory
        ours, jinjas = markup_format(value, *args, **kwargs), do_format(value, *args, **kwargs)
        assert ours == jinjas
        assert type(ours) is type(jinjas)


@pytest.mark.parametrize("args", [("a", "b"), ()])
def test_markup_format_fails_like_jinjas_format(args):
    from jinja2.filters import do_format

    from okrsite.jinja_context import markup_format

    value = Markup("<bdi>%s</bdi>")
    with pytest.raises(TypeError) as jinjas:
        do_format(value, *args)
    with pytest.raises(TypeError) as ours:
        markup_format(value, *args)
    assert str(ours.value) == str(jinjas.value)
