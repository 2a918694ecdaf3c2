"""``slugify``: the one function that turns a written name into an id."""

from __future__ import annotations

import pytest

from okrsite.slug import slugify


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Uma Diaz", "uma-diaz"),
        ("  uma   diaz ", "uma-diaz"),
        ("Úma Díaz", "uma-diaz"),
        ("Customer Success", "customer-success"),
        ("Product & Engineering", "product-engineering"),
        ("Renée O'Brien", "renee-o-brien"),
        ("Søren Kierkegaard", "soren-kierkegaard"),
        ("Łukasz Żółć", "lukasz-zolc"),
        ("Straße", "strasse"),
        ("Æsa Þórsdóttir", "aesa-thorsdottir"),
        ("snake_case name", "snake-case-name"),
        ("王伟", "王伟"),
        ("Ольга", "ольга"),
        ("???", ""),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_spellings_of_one_name_are_one_id() -> None:
    assert (
        len({slugify(n) for n in ("Søren Kierkegaard", "soren kierkegaard", "SØREN  KIERKEGAARD")})
        == 1
    )
