"""What each page read while it rendered, and what changed between two portfolios.

This is the one mechanism behind every "render (or score) only what a change
affects" in okrsite: the preview's rescoring and re-rendering, the pieces
kept between preview rebuilds, and the rendered-page cache of ``okrsite
build`` (:mod:`okrsite.page_cache`). It follows Lektor's
``record_dependency``: nothing lists by hand which page shows which record.

*Recording.* A renderer reads the portfolio through :class:`RecordedDict`,
:class:`RecordedList` and :class:`RecordedTuple`: the same dicts, lists and
tuples, named (``"portfolio.objectives"``, ``"index.by_team"`` …), that note
each key read while a :class:`Recorder` is recording, and note the
collection as a whole (the key :data:`EVERY`) when it is iterated, sized or
sliced. A dependency is ``(collection name, key)``. Pieces memoised across
pages keep the dependencies they recorded and replay them on every hit.

*Comparing.* :func:`changed_keys` compares two sets of such collections and
returns the dependencies whose value differs: a record, a score, an index
entry (the objectives of a team, the check-ins of an objective …). Pages
whose recorded dependencies meet that set are the ones to render again;
objectives whose record, check-ins or KPI series changed, plus the
objectives above them, are the ones to score again
(:func:`objectives_to_rescore`). What no single key holds (as_of, the
settings, the cycles, the current cycle, the navigation: see
``SiteRenderer.global_state``) renders every page when it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import repeat
from typing import Any, TypeVar

from okrsite.checkin_index import checkin_index
from okrsite.model import Portfolio, ScoredPortfolio

__all__ = [
    "Dep",
    "EVERY",
    "PRESENT",
    "Recorder",
    "RecordedDict",
    "LazyRecordedDict",
    "RecordedList",
    "RecordedTuple",
    "changed_keys",
    "recorded_portfolio",
    "record_index",
    "portfolio_collections",
    "scored_collections",
    "objectives_to_rescore",
    "value_of",
]

Dep = tuple[str, Any]
"""(collection name, key): ``("portfolio.objectives", "sales/emea")``."""

#: the key of a whole collection: its keys, order and length
EVERY = "\x00every"
#: appended to a collection's name: whether a key is in it (``key in collection``)
PRESENT = "?"

T = TypeVar("T")
#: what :func:`value_of` gives for a key that is not there (a plain, picklable marker)
MISSING = "\x00missing"
_MISSING = MISSING


class Recorder:
    """Collects the dependencies of the page (or piece) being rendered.

    ``deps`` is ``None`` while nothing is recorded (loading, the site-wide
    files), so recording costs one attribute read then.
    """

    __slots__ = ("deps", "collections")

    def __init__(self) -> None:
        self.deps: set[Dep] | None = None
        #: every collection wrapped for this recorder, by name: what
        #: :func:`changed_keys` compares with the previous render's
        self.collections: dict[str, Any] = {}

    def capture(self, compute: Callable[[], T]) -> tuple[T, frozenset[Dep]]:
        """``compute()`` and what it read (also added to an enclosing recording)."""
        outer = self.deps
        inner: set[Dep] = set()
        self.deps = inner
        try:
            value = compute()
        finally:
            self.deps = outer
        if outer is not None:
            outer |= inner
        return value, frozenset(inner)

    def replay(self, deps: Iterable[Dep]) -> None:
        """A memoised piece was reused: its dependencies are the page's too."""
        if self.deps is not None:
            self.deps.update(deps)

    def record(self, name: str, key: Any = EVERY) -> None:
        """Record a read that no recording collection sees (the git history)."""
        if self.deps is not None:
            self.deps.add((name, key))

    def many(self, names: Iterable[str], keys: Iterable[Any]) -> None:
        """Record the same keys of several collections at once (a list of
        objectives reads each one's record and score)."""
        deps = self.deps
        if deps is not None:
            keys = list(keys)
            for name in names:
                deps.update(zip(repeat(name), keys))

    def dict(self, name: str, data: Mapping[Any, Any]) -> RecordedDict:
        wrapped = RecordedDict(data, name, self)
        self.collections[name] = wrapped
        return wrapped

    def sequence(self, name: str, data: Any) -> Any:
        """A list or tuple that records reading it (as a whole)."""
        wrapped: Any = (
            RecordedTuple(data, name, self)
            if isinstance(data, tuple)
            else RecordedList(data, name, self)
        )
        self.collections[name] = wrapped
        return wrapped


class RecordedDict(dict):  # type: ignore[type-arg]
    """A dict that tells its recorder which keys were read (and when all were)."""

    __slots__ = ("_name", "_recorder")

    def __init__(self, data: Mapping[Any, Any], name: str, recorder: Recorder) -> None:
        dict.__init__(self, data)
        self._name = name
        self._recorder = recorder

    def __getitem__(self, key: Any) -> Any:
        deps = self._recorder.deps
        if deps is not None:
            deps.add((self._name, key))
        return dict.__getitem__(self, key)

    def get(self, key: Any, default: Any = None) -> Any:
        deps = self._recorder.deps
        if deps is not None:
            deps.add((self._name, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        # only whether the key is there: a change of its value does not matter
        deps = self._recorder.deps
        if deps is not None:
            deps.add((self._name + PRESENT, key))
        return dict.__contains__(self, key)

    def _all(self) -> None:
        deps = self._recorder.deps
        if deps is not None:
            deps.add((self._name, EVERY))

    def __iter__(self) -> Iterator[Any]:
        self._all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._all()
        return dict.keys(self)

    def values(self) -> Any:
        self._all()
        return dict.values(self)

    def items(self) -> Any:
        self._all()
        return dict.items(self)

    def __reduce__(self) -> Any:  # a plain dict once it leaves the renderer
        return (dict, (dict(dict.items(self)),))


class LazyRecordedDict(RecordedDict):
    """A recorded dict whose value for a key is computed when first read.

    For what is costly to compute for every record but cheap to compare,
    such as an objective's history timeline: a page reads its own entry
    (``data[key]``), and :func:`value_of` computes any entry the page cache
    asks about. ``compute`` raises ``KeyError`` for a key with no record.
    """

    __slots__ = ("_compute",)

    def __init__(self, name: str, recorder: Recorder, compute: Callable[[Any], Any]) -> None:
        RecordedDict.__init__(self, {}, name, recorder)
        self._compute = compute

    def __missing__(self, key: Any) -> Any:
        value = self._compute(key)
        dict.__setitem__(self, key, value)
        return value


def _record_all(self: Any) -> None:
    deps = self._recorder.deps
    if deps is not None:
        deps.add((self._name, EVERY))


class RecordedList(list):  # type: ignore[type-arg]
    """A list read as a whole: any use records the list."""

    __slots__ = ("_name", "_recorder")

    def __init__(self, data: Iterable[Any], name: str, recorder: Recorder) -> None:
        list.__init__(self, data)
        self._name = name
        self._recorder = recorder

    _all = _record_all

    def __iter__(self) -> Iterator[Any]:
        self._all()
        return list.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return list.__len__(self)

    def __getitem__(self, key: Any) -> Any:
        self._all()
        return list.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        self._all()
        return list.__contains__(self, key)

    def __reversed__(self) -> Iterator[Any]:
        self._all()
        return list.__reversed__(self)

    def __reduce__(self) -> Any:
        return (list, (list(list.__iter__(self)),))


class RecordedTuple(tuple):  # type: ignore[type-arg]
    """A tuple read as a whole: any use records the tuple."""

    _name: str
    _recorder: Recorder

    def __new__(cls, data: Iterable[Any], name: str, recorder: Recorder) -> RecordedTuple:
        self = tuple.__new__(cls, data)
        self._name = name
        self._recorder = recorder
        return self

    _all = _record_all

    def __iter__(self) -> Iterator[Any]:
        self._all()
        return tuple.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return tuple.__len__(self)

    def __getitem__(self, key: Any) -> Any:
        self._all()
        return tuple.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        self._all()
        return tuple.__contains__(self, key)

    def __reduce__(self) -> Any:
        return (tuple, (tuple(tuple.__iter__(self)),))


def recorded_portfolio(scored: ScoredPortfolio, recorder: Recorder) -> ScoredPortfolio:
    """A copy of ``scored`` whose collections record reads into ``recorder``."""
    p = scored.portfolio
    fields = {}
    for name, data in portfolio_collections(p).items():
        kind, _, attr = name.partition(".")
        if kind == "portfolio":
            fields[attr] = _wrap(recorder, name, data)
    portfolio = replace(p, **fields)
    wrapped = {
        name.partition(".")[2]: _wrap(recorder, name, data)
        for name, data in scored_collections(scored).items()
        if name.startswith("scored.")
    }
    return replace(scored, portfolio=portfolio, **wrapped)


def record_index(index: Any, recorder: Recorder) -> None:
    """Make the dict and list attributes of a site index record their reads
    (named ``index.<attribute>``)."""
    for attr, data in list(vars(index).items()):
        if isinstance(data, (dict, list, tuple)):
            setattr(index, attr, _wrap(recorder, "index." + attr, data))


def _wrap(recorder: Recorder, name: str, data: Any) -> Any:
    if isinstance(data, dict):
        return recorder.dict(name, data)
    return recorder.sequence(name, data)


# ------------------------------------------------------------------ comparing
def portfolio_collections(p: Portfolio) -> dict[str, Any]:
    """The record-level collections of a portfolio, named as a renderer names them."""
    return {
        "portfolio.objectives": p.objectives,
        "portfolio.kpis": p.kpis,
        "portfolio.goals": p.goals,
        "portfolio.teams": p.teams,
        "portfolio.people": p.people,
        "portfolio.pages": p.pages,
        "portfolio.cycles": p.cycles,
        "portfolio.kpi_series": p.kpi_series,
        "portfolio.person_names": p.person_names,
        "portfolio.team_names": p.team_names,
        "portfolio.checkins": p.checkins,
        # not a field: every check-in of an objective, before as_of (what scoring reads)
        "checkins.by_objective": checkin_index(p.checkins).by_objective,
    }


def scored_collections(scored: ScoredPortfolio) -> dict[str, Any]:
    """The collections of a scored portfolio (records and scores)."""
    out = portfolio_collections(scored.portfolio)
    out.update(
        {
            "scored.objectives": scored.objectives,
            "scored.kpis": scored.kpis,
            "scored.goals": scored.goals,
            "scored.children": scored.children,
            "scored.kr_children": scored.kr_children,
            "scored.roots": scored.roots,
            "scored.checkins": scored.checkins,
        }
    )
    return out


def value_of(collections: Mapping[str, Any], dep: Dep) -> Any:
    """What a dependency stands for (without recording the read)."""
    name, key = dep
    if name.endswith(PRESENT):
        data = collections.get(name[: -len(PRESENT)], _MISSING)
        return isinstance(data, dict) and dict.__contains__(data, key)
    data = collections.get(name, _MISSING)
    if data is _MISSING:
        return _MISSING
    if key == EVERY:
        if isinstance(data, dict):
            return list(dict.items(data))
        return data if not isinstance(data, list) else list(list.__iter__(data))
    if isinstance(data, LazyRecordedDict):
        try:
            return dict.__getitem__(data, key)  # computed now if it was not yet
        except KeyError:
            return _MISSING
    if isinstance(data, dict):
        return dict.get(data, key, _MISSING)
    return _MISSING


def _same(a: Any, b: Any) -> bool:
    return a is b or a == b


def changed_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> set[Dep]:
    """The dependencies whose value differs between two sets of collections.

    For a dict, each key whose value differs (or that exists on one side
    only) and, if any does, the whole collection (:data:`EVERY`); for a list
    or tuple, the whole collection. Values are compared with ``==`` (the
    records and scores are frozen dataclasses), identity first.
    """
    changed: set[Dep] = set()
    for name in old.keys() | new.keys():
        a = old.get(name, _MISSING)
        b = new.get(name, _MISSING)
        if a is b:
            continue
        if isinstance(a, dict) or isinstance(b, dict):
            da: dict[Any, Any] = a if isinstance(a, dict) else {}
            db: dict[Any, Any] = b if isinstance(b, dict) else {}
            keys = dict.keys(da) | dict.keys(db)
            diff = [
                k for k in keys if not _same(dict.get(da, k, _MISSING), dict.get(db, k, _MISSING))
            ]
            if diff or list(dict.keys(da)) != list(dict.keys(db)):
                changed.update((name, k) for k in diff)
                changed.add((name, EVERY))
                changed.update(
                    (name + PRESENT, k)
                    for k in diff
                    if dict.__contains__(da, k) != dict.__contains__(db, k)
                )
        elif a is _MISSING or b is _MISSING or not _same(a, b):
            changed.add((name, EVERY))
    return changed


def objectives_to_rescore(old: Portfolio, new: Portfolio) -> set[str] | None:
    """Objectives of ``new`` whose score may differ from their score in ``old``.

    ``None`` when everything must be rescored (the cycles changed). Otherwise
    the objectives whose record or check-ins changed, or whose key results
    read a KPI whose series changed (:func:`changed_keys`), plus every
    objective above one of those, in the old alignment and in the new (a
    moved or removed objective changes the roll-ups it left as well as those
    it joined).
    """
    changed = changed_keys(portfolio_collections(old), portfolio_collections(new))
    if ("portfolio.cycles", EVERY) in changed:
        return None
    touched = {
        key
        for name, key in changed
        if key != EVERY and name in ("portfolio.objectives", "checkins.by_objective")
    }
    series = {key for name, key in changed if name == "portfolio.kpi_series" and key != EVERY}
    if series:
        touched.update(
            oid
            for oid, obj in new.objectives.items()
            if any(kr.kpi in series for kr in obj.key_results)
        )
    out = {oid for oid in touched if oid in new.objectives}
    for side in (new, old):
        walked: set[str] = set()  # each chain once per side (and no looping on a loop)
        for oid in touched:
            record = side.objectives.get(oid)
            parent = record.parent_objective if record is not None else None
            while parent is not None and parent in side.objectives and parent not in walked:
                walked.add(parent)
                if parent in new.objectives:
                    out.add(parent)
                parent = side.objectives[parent].parent_objective
    return out
