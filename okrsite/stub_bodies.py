"""The stub body of a new record, which ``okrsite new`` writes.

Apart from :mod:`okrsite.scaffold` (the command's module, imported only
when it runs) because scoring reads it too: a goal whose body is still its
stub describes nothing, so it is not Specific (SMART S).
"""

from __future__ import annotations

_BODIES = {
    "objective": "Why this objective matters, and what success looks like.",
    "kpi": "What this KPI measures, where the number comes from, and why it matters.",
    "goal": "Specific description of what will be done and why it is achievable.",
    "person": "",
    "team": "What the team does.",
}
#: the same in the languages the default theme ships: a stub left as it is
#: shows on the site's pages, which speak the site's language
_BODIES_BY_LANGUAGE = {
    "de": {
        "objective": "Warum dieses Ziel wichtig ist und woran wir Erfolg erkennen.",
        "kpi": "Was diese Kennzahl misst, woher die Zahl kommt und warum sie wichtig ist.",
        "goal": "Was genau getan wird und warum es erreichbar ist.",
        "person": "",
        "team": "Was das Team macht.",
    }
}


def body_for(kind: str, language: str | None) -> str:
    """The stub body of a new record, in the site's language where the theme ships it."""
    primary = (language or "en").replace("_", "-").split("-")[0].lower()
    return _BODIES_BY_LANGUAGE.get(primary, _BODIES)[kind]


def is_stub_body(kind: str, body: str) -> bool:
    """Whether ``body`` is the stub :func:`body_for` writes for ``kind`` in
    any language, left as it was: a goal's stub describes nothing, so it
    does not make the goal Specific (SMART S)."""
    text = " ".join(body.split())
    return bool(text) and any(
        text == bodies[kind] for bodies in (_BODIES, *_BODIES_BY_LANGUAGE.values())
    )
