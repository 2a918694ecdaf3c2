"""The theme environment's cheaper template calls behave like Jinja's own."""

from __future__ import annotations

from jinja2 import pass_context, pass_environment

from okrsite.jinja_context import FastCallContext
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
