"""``parent:`` naming a key result of another objective: OKR303 that says so.

People align to the key result they contribute to and write what they see
on that objective's page: its id (``parent: arr``) or its title
(``parent: Reach 2M ARR``), not the objective's id. A bare "check the id"
leaves them looking for an objective called ``arr``. The message names the
objective the key result belongs to, and the hint the two lines that align
to it: to that key result (``parent: company/growth#arr``, the form
docs/content-format.md gives) or to the objective itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.diagnostics import Diagnostic, error
from okrsite.model import Objective
from okrsite.slug import slugify

#: how many objectives with such a key result the hint names at most
_SHOWN = 3


def key_result_as_parent(
    file: str, written: str, objectives: Mapping[str, Objective], itself: str
) -> Diagnostic | None:
    """OKR303 for ``parent: written`` that names no objective (by id or
    title) but a key result of one other than ``itself``, by its id or its
    title, compared as :func:`~okrsite.slug.slugify` reads them; ``None``
    when it names none, or names an objective by its title (whose own hint
    says the id to write)."""
    wanted = slugify(written)
    if not wanted or any(slugify(o.title) == wanted for o in objectives.values()):
        return None
    found = [
        (oid, kr.id)
        for oid, obj in sorted(objectives.items())
        if oid != itself
        for kr in obj.key_results
        if slugify(kr.id) == wanted or slugify(kr.title) == wanted
    ]
    if not found:
        return None
    oid, kr_id = found[0]
    if len(found) == 1:
        if kr_id == written:
            said = f"a key result of objective {oid!r}"
        elif slugify(kr_id) == wanted:
            said = f"key result {kr_id!r} of objective {oid!r}, written another way"
        else:
            said = f"the title of key result {kr_id!r} of objective {oid!r}"
        hint = (
            f"to align to that key result write parent: {oid}#{kr_id}; "
            f"to align to its objective, parent: {oid}"
        )
    else:
        said = (
            "a key result of objectives "
            + ", ".join(repr(o) for o, _ in found[:_SHOWN])
            + (f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else "")
        )
        hint = "name the objective and its key result: " + " or ".join(
            f"parent: {o}#{k}" for o, k in found[:_SHOWN]
        )
    return error(
        "OKR303",
        f"parent objective {written!r} does not exist: {written!r} is {said}, "
        "and a parent names an objective",
        file,
        hint=hint,
        key_path=("parent",),
    )
