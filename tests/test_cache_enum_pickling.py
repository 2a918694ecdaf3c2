"""The parse cache is reused on a Python whose enum pickles members by name.

Early Python 3.11 releases (3.11.2, Debian 12's ``python3``) pickle an enum
member as ``getattr(cls, name)``; later ones (3.11.7) as ``cls(value)``. The cache's
unpickler refuses ``builtins.getattr``, so on 3.11.2 every stored index (which
keeps the last check's diagnostics, each with its ``Severity``) read as
damaged, and no check or build reused anything. Here every enum okrsite keeps
that leaves its pickling to :mod:`enum` is given 3.11.2's, whatever Python
runs the tests; a check after an edit must still be answered from the stored
findings (:mod:`okrsite.pickled_enums`).
"""

from __future__ import annotations

import enum
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from test_edit_check import answered_from_findings, target
from test_load_cache import checks

from okrsite import diagnostics, model, parse
from okrsite.parse_store import stored_parse_cache

OLD = 1_700_000_000_000_000_000  # long past: stat signatures are trusted
ENUMS = sorted(
    {
        value
        for module in (model, parse, diagnostics)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, enum.Enum) and value is not enum.Enum
    },
    key=lambda cls: cls.__qualname__,
)


def _by_name(self: enum.Enum, protocol: object) -> tuple[Any, ...]:
    """``enum.Enum.__reduce_ex__`` of Python 3.11.2."""
    return getattr, (self.__class__, self._name_)


@pytest.fixture
def as_on_python_3_11_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each enum that pickles as :mod:`enum` does pickles as 3.11.2's :mod:`enum` does."""
    enums_own = vars(enum.Enum)["__reduce_ex__"]
    for cls in ENUMS:
        if vars(cls).get("__reduce_ex__", enums_own) in (enums_own, _by_name):
            monkeypatch.setattr(cls, "__reduce_ex__", _by_name)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))
    return root


def test_the_enums_kept_in_the_cache_exist() -> None:
    assert diagnostics.Severity in ENUMS  # else the tests below prove nothing


@pytest.mark.usefixtures("as_on_python_3_11_2")
def test_every_enum_the_cache_keeps_pickles_by_value() -> None:
    for cls in ENUMS:
        for member in cls:
            assert b"getattr" not in pickle.dumps(member, protocol=5), member


@pytest.mark.usefixtures("as_on_python_3_11_2")
def test_a_check_after_an_edit_is_answered_from_the_stored_findings(site: Path) -> None:
    cold = checks(site, "--no-cache")
    assert "OKR404" in cold[0][1]  # a warning: the stored outcome keeps a Severity
    assert checks(site) == cold  # fills the cache
    stored = stored_parse_cache(site)
    assert stored is not None
    assert stored.cache.outcome is not None and stored.cache.stats
    target(site)
    assert answered_from_findings(site)
    assert checks(site) == checks(site, "--no-cache")
