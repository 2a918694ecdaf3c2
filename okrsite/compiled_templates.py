"""Compiled templates kept in memory for the life of the process.

Compiling a theme's templates (Jinja's parse, code generation and Python's
``compile``) is most of a small site's build: 0.33 of 0.46 s for the example
site. Every environment :func:`okrsite.theme.load_theme` makes shares
:data:`COMPILED`, so a process that builds more than once (``okrsite serve``
between rebuilds, a program or test suite calling ``build_site`` again)
compiles each template once and then only when its source changes.

It is never written to disk: code loaded from a cache folder that CI restores
would run whatever was put there.

An entry is keyed on what the compiled code depends on: the template's name
and file, a checksum of its source (Jinja's own key), and the translation key
of the environment (:func:`okrsite.constant_translations.translation_key`),
since constant words are translated into the compiled code. Every
environment is made by ``load_theme`` with the same options and extensions,
so nothing else can differ between two compilations of the same key.
"""

from __future__ import annotations

import threading
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

from okrsite.constant_translations import translation_key
from okrsite.shipped_templates import shipped_code

__all__ = ["COMPILED", "CompiledTemplates"]


class CompiledTemplates(jinja2.BytecodeCache):
    """A Jinja bytecode cache holding code objects in a dict.

    ``limit`` bounds it: past that many entries it starts again, so a process
    that compiles templates from ever new folders (a test suite's temporary
    sites) does not grow without end.
    """

    def __init__(self, limit: int = 2048) -> None:
        self.limit = limit
        self.store: dict[str, tuple[str, CodeType]] = {}
        self.lock = threading.Lock()

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = self.get_cache_key(name, filename) + "|" + translation_key(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        if bucket.code is None:
            shipped = shipped_code(environment, name, filename, bucket.checksum)
            if shipped is not None:  # Jinja's own code for this very source
                bucket.code = shipped
                self.dump_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        with self.lock:
            entry = self.store.get(bucket.key)
        if entry is not None and entry[0] == bucket.checksum:
            bucket.code = entry[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Called by Jinja after it compiled a template (and by :meth:`get_bucket`)."""
        if bucket.code is None:
            return
        with self.lock:
            if len(self.store) >= self.limit:
                self.store.clear()
            self.store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        with self.lock:
            self.store.clear()


#: the one instance every theme environment of this process uses
COMPILED = CompiledTemplates()
