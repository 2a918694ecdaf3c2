"""Confidence in words, as people write it in a check-in, in English or German.

Split from :mod:`okrsite.parse_checkins` (which reads the rest of a
check-in) so the loader, ``okrsite checkin --confidence`` and
``okrsite import`` read one list of words, and a German team may write
the words its own pages show (``geringe Zuversicht``: ``gering``).
"""

from __future__ import annotations

from okrsite.written_numbers import comma_convention

__all__ = [
    "CONFIDENCE_OUT_OF",
    "CONFIDENCE_WORDS",
    "confidence_refused",
    "confidence_word",
    "full_share_slip",
]

#: the top of the confidence scale: a check-in's confidence is 0 to this;
#: pages write a confidence out of it (``7/10``) from this constant, so the
#: figure they name is the one the loader reads confidences against
CONFIDENCE_OUT_OF = 10

#: confidence in words, on the 0-10 scale: low, medium and high; a traffic
#: light or a status word, as OKR tools and status reports write it (green,
#: amber, red; on track, at risk, off track; the coloured circles); and the
#: same in German, the other language okrsite ships: the words its German
#: pages show (``geringe Zuversicht``, ``im Plan``, ``gefährdet``) and the
#: common ``niedrig``, also as an adjective is inflected (``hohe``)
CONFIDENCE_WORDS = {
    "low": 3.0,
    "medium": 5.0,
    "high": 8.0,
    "red": 3.0,
    "amber": 5.0,
    "yellow": 5.0,
    "orange": 5.0,
    "green": 8.0,
    "off track": 3.0,
    "at risk": 5.0,
    "on track": 8.0,
    "\U0001f534": 3.0,  # red circle
    "\U0001f7e0": 5.0,  # orange circle
    "\U0001f7e1": 5.0,  # yellow circle
    "\U0001f7e2": 8.0,  # green circle
    "gering": 3.0,
    "geringe": 3.0,
    "niedrig": 3.0,
    "niedrige": 3.0,
    "mittel": 5.0,
    "mittlere": 5.0,
    "hoch": 8.0,
    "hohe": 8.0,
    "rot": 3.0,
    "gelb": 5.0,
    "grün": 8.0,
    "gruen": 8.0,
    "nicht im plan": 3.0,
    "gefährdet": 5.0,
    "gefaehrdet": 5.0,
    "im plan": 8.0,
}


def confidence_word(value: str) -> float | None:
    """The 0-10 confidence a word says (``High``, ``on-track``, ``🟢``,
    ``gering``), or ``None``."""
    return CONFIDENCE_WORDS.get(" ".join(value.lower().replace("-", " ").replace("_", " ").split()))


#: what a confidence may be written as, for the hint of one that is none of them
CONFIDENCE_FORMS_HINT = (
    "write how sure the owner is from 0 (not at all) to 10 (certain): 7, 7/10, "
    "4/5, 8 of 10, 70%, high or green"
)

#: the same where the site writes numbers as German does (a decimal comma):
#: its words first, as its pages show them
_GERMAN_FORMS_HINT = (
    "write how sure the owner is from 0 (not at all) to 10 (certain): 7, 7/10, "
    "4/5, 8 von 10, 70%, gering/mittel/hoch or rot/gelb/grün (or low/medium/high)"
)


def confidence_refused(shown: str) -> tuple[str, str]:
    """The message and hint of OKR102 for a confidence that is none of the
    forms (``shown`` as the message quotes it). A site that writes a decimal
    comma, as a German one does, is shown the German words first; the
    language itself is not what the parse cache is keyed by, the number
    convention is, so a cached file's hint stays the one its site would get.
    """
    if comma_convention() is False:
        return (
            "confidence must be 0-10, gering/mittel/hoch (low/medium/high), a traffic "
            f"light or a percentage, got {shown}",
            _GERMAN_FORMS_HINT,
        )
    return (
        f"confidence must be 0-10, low/medium/high, a traffic light or a percentage, got {shown}",
        CONFIDENCE_FORMS_HINT,
    )


def full_share_slip(value: object, number: float) -> tuple[str, str] | None:
    """OKR125's message and hint for a confidence of one written with a point
    (``1.0``, YAML's float, or ``"1,0"``), or ``None``. It is read as 1 out
    of 10, as a 0-10 team writes 1; but a 0-1 tool writes full confidence
    so, and the shares just under it (``0.99``) are read as 9.9 (OKR125):
    read silently, the highest confidence would become the lowest. A bare
    ``1`` (YAML's int) is no slip: written so, it means 1."""
    if number != 1 or isinstance(value, (bool, int)):
        return None
    if isinstance(value, str) and not any(mark in value for mark in ".,"):
        return None
    return (
        "confidence 1.0 is read as 1 out of 10; if it is a share of one (full confidence), write 10",
        "write 1 (1 out of 10) or 10 (full confidence)",
    )
