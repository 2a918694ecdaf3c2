"""What a template error's diagnostic (THM002) says beyond where it is.

A ``%`` in a translated text that is no ``%(name)s`` placeholder fails
inside the translation's formatting, whose own words ("unsupported format
character") tell a theme author nothing: :func:`in_gettext` finds it, so
the message asks for ``%%``. And the hint's last words depend on where the
error is read: after ``okrsite build`` it says to build again; the preview
rebuilds by itself when the template is saved (:func:`as_the_preview_says`).
"""

from __future__ import annotations

import dataclasses
import os

from okrsite.diagnostics import Diagnostic


def in_gettext(exc: BaseException) -> bool:
    """Whether ``exc`` came from filling a translated text (``_()``,
    ``gettext``, ``ngettext``, ``{% trans %}``): its ``%`` formatting."""
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name in ("gettext", "ngettext") and code.co_filename.endswith(_TRANSLATIONS):
            return True
        tb = tb.tb_next
    return False


#: the module whose template callables fill translated texts
_TRANSLATIONS = os.path.join("okrsite", "translations.py")


#: how a THM002 hint ends after ``okrsite build`` (``check``), and in the
#: preview, where saving the template is enough: it rebuilds by itself
BUILD_AGAIN = (
    "fix the template; run okrsite build again to see the page render",
    "fix the template, then run okrsite build again",
)
SAVE_AGAIN = (
    "fix the template and save it: the preview rebuilds and shows the page",
    "fix the template and save it again",
)


def as_the_preview_says(diags: list[Diagnostic]) -> list[Diagnostic]:
    """``diags`` with each template error's hint (THM002) saying what to do in
    the preview: save the template again, not run ``okrsite build`` again.

    Jinja gives a template error its line, never a column, so none is said."""
    out = []
    for d in diags:
        hint = d.hint or ""
        if d.code == "THM002":
            for build, save in zip(BUILD_AGAIN, SAVE_AGAIN, strict=True):
                if hint.endswith(build):
                    d = dataclasses.replace(d, hint=hint[: -len(build)] + save)
                    break
        out.append(d)
    return out
