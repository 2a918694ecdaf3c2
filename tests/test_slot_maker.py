"""okrsite.slot_maker: the fold's quick way to make a Change equals the class's own."""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from datetime import date

import pytest

from okrsite.history_records import Change, Origin
from okrsite.slot_maker import slot_maker


def _values(rng: random.Random, n: int) -> list[object]:
    pool: list[object] = [None, True, False, 0, 1.5, "kr1", "target", date(2026, 1, 2), ("a",)]
    return [rng.choice(pool) for _ in range(n)]


@pytest.mark.parametrize("cls", [Change, Origin])
def test_made_instances_equal_the_classes_own(cls: type) -> None:
    make = slot_maker(cls)
    rng = random.Random(7)
    count = len(fields(cls))
    for _ in range(500):
        values = _values(rng, count)
        made, own = make(*values), cls(*values)
        assert type(made) is cls
        assert made == own and hash(made) == hash(own) and repr(made) == repr(own)
        for f in fields(cls):
            assert getattr(made, f.name) is getattr(own, f.name)


def test_every_field_must_be_given() -> None:
    make = slot_maker(Origin)
    with pytest.raises(TypeError):
        make("abc", None, "Ada", date(2026, 1, 1), date(2026, 1, 1))  # co_authors missing


def test_made_instances_stay_frozen() -> None:
    made = slot_maker(Origin)("abc", None, "Ada", date(2026, 1, 1), date(2026, 1, 1), ())
    with pytest.raises(AttributeError):
        made.author = "Ben"  # type: ignore[misc]


def test_a_class_with_post_init_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        a: int
        b: int

        def __post_init__(self) -> None:
            assert self.a < self.b

    with pytest.raises(TypeError):
        slot_maker(Checked)
