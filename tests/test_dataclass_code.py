"""The kept bytecode of dataclasses' methods (okrsite.dataclass_code) changes no class.

The table is a speed-up only: a class whose methods came from it must be the
class ``dataclasses`` would make without it, the table must survive nothing
it cannot read, and a second process must find every method it needs.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

import okrsite
from okrsite import dataclass_code

REPO = Path(__file__).resolve().parent.parent


def test_the_hook_is_installed_by_importing_okrsite() -> None:
    assert dataclasses.exec is dataclass_code._exec  # type: ignore[attr-defined]


def test_the_table_is_the_bytecode_file_of_a_module_of_the_package() -> None:
    """pip removes each module's bytecode file when it removes the package
    (``cache_from_source`` of every ``.py`` it installed): a file of any other
    name would be left in ``site-packages/okrsite/__pycache__/``, and that
    folder would hide an editable install of okrsite from Python."""
    stub = Path(okrsite.__file__).parent / "_dataclass_methods.py"
    assert stub.is_file()
    assert Path(importlib.util.cache_from_source(str(stub))) == dataclass_code.TABLE_PATH


def test_every_kept_method_is_the_code_a_fresh_compile_gives(tmp_path: Path) -> None:
    assert dataclass_code.TABLE_PATH is not None
    assert dataclass_code.write_table() == 0
    table = dataclass_code._read_table(dataclass_code.TABLE_PATH)
    assert len(table) > 400  # okrsite's records and views: some 90 classes, six methods each
    for text, code in table.items():
        assert marshal.dumps(code) == marshal.dumps(compile(text, "<string>", "exec", 0, True)), (
            text
        )


def _methods(cls: type) -> dict[str, bytes]:
    return {
        name: marshal.dumps(getattr(cls, name).__code__)
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
        if hasattr(getattr(cls, name), "__code__")
    }


CLASS = """
import dataclasses
from datetime import date

@dataclasses.dataclass(frozen=True, slots=True)
class Record:
    name: str
    when: date | None = None
    tags: tuple[str, ...] = ()
    weight: float = dataclasses.field(default=1.0, compare=False)
"""


def test_a_class_made_through_the_table_equals_one_made_without(tmp_path: Path) -> None:
    """Twice through the table (compiled, then found) and once with the builtin ``exec``."""
    made = []
    for _ in range(2):
        namespace: dict[str, object] = {}
        exec(CLASS, namespace)
        made.append(namespace["Record"])
    dataclasses.exec = exec  # type: ignore[attr-defined]
    try:
        namespace = {}
        exec(CLASS, namespace)
        plain = namespace["Record"]
    finally:
        dataclasses.exec = dataclass_code._exec  # type: ignore[attr-defined]
    assert isinstance(plain, type)
    for cls in made:
        assert isinstance(cls, type)
        assert _methods(cls) == _methods(plain)
        # no future flag leaked from okrsite's modules: the annotation is the object, not a string
        assert cls.__init__.__annotations__["return"] is None  # type: ignore[misc]
        assert cls.__init__.__annotations__ == plain.__init__.__annotations__  # type: ignore[misc]
        record = cls("a", tags=("x",))
        assert repr(record) == "Record(name='a', when=None, tags=('x',), weight=1.0)"
        assert record == cls("a", tags=("x",), weight=2.0)
        assert hash(record) == hash(cls("a", tags=("x",)))
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.name = "b"  # type: ignore[misc]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        b"okrsite dataclass methods cpython 0\n" + marshal.dumps({"def f(): pass": None}),
        dataclass_code._HEADER + b"\xff\x00truncated",
        dataclass_code._HEADER + marshal.dumps(["not", "a", "table"]),
        dataclass_code._HEADER
        + marshal.dumps({"text": "not code", 1: compile("1", "<s>", "eval")}),
    ],
)
def test_a_table_that_cannot_be_read_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "table.marshal"
    path.write_bytes(content)
    assert dataclass_code._read_table(path) == {}


def test_a_missing_table_is_empty(tmp_path: Path) -> None:
    assert dataclass_code._read_table(tmp_path / "none.marshal") == {}


def test_saving_follows_the_bytecode_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dataclass_code, "compiled_here", 1)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not dataclass_code.save(tmp_path / "off.marshal")
    assert not (tmp_path / "off.marshal").exists()
    assert dataclass_code.save(tmp_path / "always.marshal", always=True)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert dataclass_code.save(tmp_path / "on.marshal")
    assert dataclass_code._read_table(tmp_path / "on.marshal") == dataclass_code._table
    # a folder that cannot be written: not saved, no error, no temporary file left
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert not dataclass_code.save(blocked / "t.marshal")


def test_a_second_process_compiles_no_method_of_a_build(tmp_path: Path) -> None:
    """After the table is written, importing what a build needs compiles nothing."""
    assert dataclass_code.write_table() == 0
    probe = (
        "import okrsite.cli, okrsite.build, okrsite.render, okrsite.preview\n"
        "from okrsite import dataclass_code as d\n"
        "print(d.compiled_here, len(d._used))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    compiled, used = map(int, done.stdout.split())
    assert compiled == 0
    assert used > 300
