"""Attribute reads the guard lets through, compiled in place, answer as Jinja's own."""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError
from jinja2.exceptions import SecurityError

from okrsite.template_guard import GuardedEnvironment


class _Owner:
    """An object whose reads take each way of the lookup."""

    def __init__(self) -> None:
        self.name = "owner <b>"
        self.child = {"title": "child", "items": 3}

    @property
    def broken(self) -> str:
        raise AttributeError("not here")

    def __getitem__(self, key: str) -> str:
        if key == "broken":
            return "from the item"
        raise KeyError(key)


class _Loud:
    """A read that fails with something other than AttributeError."""

    def __getattr__(self, name: str) -> Any:
        raise ValueError(name)


SOURCE = (
    "{{ o.name }}|{{ o.child.title }}|{{ o.child['items'] }}|{{ o.child.items is callable }}"
    "|{{ o.broken }}|{{ o.nothing is defined }}|{{ rows[1].name }}"
    "{% for r in rows %}|{{ r.name }}{% endfor %}"
    "{% macro m(x) %}{{ x.name }}{% endmacro %}|{{ m(o) }}"
    "|{{ d.kind }}|{{ d.get('kind') }}|{{ made().kind }}"
)


def test_reads_give_what_jinjas_own_environment_gives() -> None:
    """Attributes, a dict's keys and methods, an item behind a failing
    property, an undefined name, in loops and macros: the same text."""

    def made() -> dict[str, str]:
        return {"kind": "made"}

    values = {
        "o": _Owner(),
        "rows": [{"name": "a"}, {"name": "b"}],
        "d": {"kind": "target"},
        "made": made,
    }
    expected = Environment(autoescape=True).from_string(SOURCE).render(**values)
    assert GuardedEnvironment(autoescape=True).from_string(SOURCE).render(**values) == expected
    assert expected.startswith("owner &lt;b&gt;|child|3|True|from the item|False|b|a|b|")


def test_the_object_of_a_read_is_evaluated_once() -> None:
    """A read that falls back to the guard (a dict's key) does not call what
    gives the object again."""
    calls: list[int] = []

    def made() -> dict[str, str]:
        calls.append(1)
        return {"kind": "made"}

    out = GuardedEnvironment().from_string("{{ made().kind }}").render(made=made)
    assert out == "made" and len(calls) == 1


def test_errors_of_a_read_are_jinjas() -> None:
    env = GuardedEnvironment(undefined=StrictUndefined)
    with pytest.raises(UndefinedError):
        env.from_string("{{ o.missing }}").render(o=object())
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.name }}").render()
    with pytest.raises(ValueError, match="name"):
        env.from_string("{{ o.name }}").render(o=_Loud())


@pytest.mark.parametrize(
    "source",
    ["{{ o._secret }}", "{{ o.__class__ }}", "{{ o.mro }}", "{{ s.format }}", "{{ s.format_map }}"],
)
def test_names_the_guard_tests_still_go_through_it(source: str) -> None:
    """Only names the guard never tests compile in place; the others are
    refused as before (``mro`` of a type, ``format`` of a str, ``_…``)."""

    class Holder:
        _secret = 1

    env = GuardedEnvironment()
    with pytest.raises(SecurityError):
        env.from_string(source).render(o=type("T", (), {}) if "mro" in source else Holder(), s="x")
    code = env.compile(source, raw=True)
    assert "getattr(_attr_owner" not in code and "environment.getattr(" in code


def test_a_plain_name_compiles_to_the_builtin_read() -> None:
    code = GuardedEnvironment().compile("{{ o.title }}", raw=True)
    assert "getattr(_attr_owner := " in code and "'title', missing)" in code
