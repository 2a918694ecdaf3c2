"""Raw HTML in bodies and notes, kept to markup: for sites with ``allow_html``.

``allow_html = true`` lets authors write the markup Markdown lacks (a
``<details>`` to fold a long section, a table with merged cells, an image of
a given width); it means trusting them with markup, not with a way to run
script in a reader's browser. So the HTML a text renders to is passed
through nh3 (a Rust-backed sanitiser, ammonia's bindings) with a list of the
tags and attributes a goal body needs: its scripts and styles go with their
content, event handlers (``onclick``, ``onerror``) and any other attribute
not listed are dropped, and an address with a scheme other than the web's,
``mailto:``, ``tel:`` and images' ``data:`` goes with its attribute
(``javascript:`` ones were already made ``#``,
:func:`okrsite.markdown._defuse_raw_html`). HTML comments go as well. What
Markdown itself makes (heading ids, footnotes, task-list boxes, table
alignment and the tables' scrolling boxes) is on the list, so a text
reads the same as without raw HTML.

An ``<input>`` is kept only as a task list's box is: a checkbox, disabled
(:func:`_only_task_boxes`). nh3 can keep an attribute's listed values but
not drop the tag that lacks them, and an ``<input>`` of no ``type`` is a
text field: ``<input type="password">`` beside "Sign in again" on a goal
page asked readers for a credential (audit 47, "hostile" F3).
A ``<label for>`` then keeps its ``for`` only when a kept control of the
text has that id (:func:`_labels_with_controls`): the label of a dropped
field would name no element, which HTML forbids (audit 47, verify2).

Sites without ``allow_html`` never come here: their raw HTML is shown as
text and nh3 is not even imported.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["sanitised"]

#: tags besides nh3's own list (ammonia's: text, lists, tables, headings,
#: details/summary, images, links…) that rendered Markdown holds
_EXTRA_TAGS = frozenset({"section", "input", "label", "tfoot", "caption", "figure"})
#: attributes on every tag
_EVERYWHERE = frozenset({"class", "id", "title", "dir", "lang"})
_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "div": {"role", "tabindex", "aria-label"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
#: what a link or image may name besides relative addresses
_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})

#: an ``<input>`` as nh3 writes it (every value double-quoted, its ``<``,
#: ``>`` and ``"`` escaped), and each of its attributes
_INPUT = re.compile(r"<input(?P<attributes>(?:\s[^<>]*)?)>")
_ATTRIBUTE = re.compile(r'\s(?P<name>[^\s="]+)(?:="(?P<value>[^"]*)")?')
#: a ``<label>`` as nh3 writes it
_LABEL = re.compile(r"<label(?P<attributes>(?:\s[^<>]*)?)>")

_OPTIONS: dict[str, Any] = {}


def _options() -> dict[str, Any]:
    if not _OPTIONS:
        import nh3

        _OPTIONS.update(
            tags=set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS,
            attributes={
                "*": set(_EVERYWHERE),
                **{tag: set(names) for tag, names in _ATTRIBUTES.items()},
            },
            url_schemes=set(_SCHEMES),
            link_rel=None,
            # a Markdown table's alignment is style="text-align: …"; no other
            # style is kept (a style can hide text or cover the page)
            filter_style_properties={"text-align"},
            strip_comments=True,
        )
    return _OPTIONS


def sanitised(fragment: str) -> str:
    """``fragment`` (HTML rendered from Markdown with raw HTML allowed) with
    only the listed tags and attributes: no script, style, event handler or
    script-capable address."""
    import nh3

    cleaned: str = nh3.clean(fragment, **_options())
    if "<input" in cleaned:
        cleaned = _INPUT.sub(_only_task_boxes, cleaned)
    if "<label" in cleaned:
        cleaned = _labels_with_controls(cleaned)
    return cleaned


def _labels_with_controls(cleaned: str) -> str:
    """``cleaned`` with each ``<label for>`` that names no kept control's id
    losing its ``for``: the label of an ``<input>`` dropped above (or of
    none) keeps its text, not a reference to nothing. An ``<input>`` is the
    only form control the list keeps (a task list's box, labelled by its
    item), and its id and the ``for`` are compared as nh3 wrote both."""
    controls = set()
    for tag in _INPUT.finditer(cleaned):
        for m in _ATTRIBUTE.finditer(tag.group("attributes")):
            if m.group("name").lower() == "id":
                controls.add(m.group("value") or "")

    def label(tag: re.Match[str]) -> str:
        # read attribute by attribute, so a value holding ' for="' is no for
        kept = [
            m.group(0)
            for m in _ATTRIBUTE.finditer(tag.group("attributes"))
            if m.group("name").lower() != "for" or (m.group("value") or "") in controls
        ]
        return "<label" + "".join(kept) + ">"

    return _LABEL.sub(label, cleaned)


def _only_task_boxes(tag: re.Match[str]) -> str:
    """An ``<input>`` kept as the disabled checkbox a task list has, or
    dropped: any other type (text, password, a button) is a field on the
    page a reader could type into, which no goal body needs."""
    attributes = {
        m.group("name").lower(): m.group("value") or ""
        for m in _ATTRIBUTE.finditer(tag.group("attributes"))
    }
    if attributes.get("type", "").strip().lower() != "checkbox":
        return ""
    if "disabled" in attributes:
        return tag.group(0)
    return tag.group(0)[:-1] + ' disabled="disabled">'
