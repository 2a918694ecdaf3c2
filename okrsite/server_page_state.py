"""What an in-place update of ``okrsite serve`` keeps of the page being read.

The preview's page script (:data:`okrsite.server_livereload.LIVERELOAD_JS`)
updates a tab after a save by putting the new page's ``<body>`` in place of
the old one. A new ``<body>`` is new elements: without help, keyboard focus
falls back to ``<body>``, every ``<details>`` (Explain this score) closes and
text typed into the search box or chosen in a control is gone. A keyboard or
screen-reader user checking an edit would lose their place on every save.

:data:`KEEP_PAGE_STATE_JS` is the part of that script which notes these
before the swap and puts them back after it (scroll position is kept by the
swap itself). Elements are found again by id, else by their position under
the nearest ancestor with an id (or ``<body>``), and only if the element
found there is of the same kind; a page whose structure changed keeps what
still matches and drops the rest, never filling a different field.
"""

from __future__ import annotations

#: Functions spliced into the page script's closure (ES5, as the rest of it):
#: ``notePageState(body)`` returns what to keep, ``putPageState(kept, body)``
#: applies it to the new body before the page's scripts run again.
KEEP_PAGE_STATE_JS = r"""
  // An element's address that survives a new <body>: its id, else the
  // nearest ancestor with an id (or the body) and the child positions below.
  function addressOf(node, root) {
    var tag = node.tagName, path = [];
    for (; node && node !== root; node = node.parentElement) {
      if (node.id) return { id: node.id, path: path, tag: tag };
      var i = 0;
      for (var s = node.previousElementSibling; s; s = s.previousElementSibling) i++;
      path.unshift(i);
    }
    return node === root ? { id: null, path: path, tag: tag } : null;
  }

  function findAddress(address, root) {
    if (!address) return null;
    var node = address.id === null ? root : document.getElementById(address.id);
    if (!node || !root.contains(node)) return null;
    for (var i = 0; node && i < address.path.length; i++) node = node.children[address.path[i]];
    return node && node.tagName === address.tag ? node : null;
  }

  // what the reader put into a field: text typed, a box ticked, an option chosen
  function fieldState(field) {
    var type = String(field.type || "").toLowerCase();
    if (type === "checkbox" || type === "radio") {
      return field.checked !== field.defaultChecked ? { checked: field.checked, type: type } : null;
    }
    if (/^(hidden|submit|button|reset|image|file|password)$/.test(type)) return null;
    if (field.tagName === "SELECT") return field.options.length ? { value: field.value, type: type } : null;
    return field.value !== field.defaultValue ? { value: field.value, type: type } : null;
  }

  // a select's options may come from a script that has not run again yet
  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  function notePageState(body) {
    var kept = { focus: null, caret: null, details: [], fields: [] };
    var active = document.activeElement;
    if (active && active !== body && body.contains(active)) {
      kept.focus = addressOf(active, body);
      try {
        if (typeof active.selectionStart === "number") {
          kept.caret = [active.selectionStart, active.selectionEnd, active.selectionDirection];
        }
      } catch (e) { /* a field without a caret */ }
    }
    var details = body.querySelectorAll("details");
    for (var i = 0; i < details.length; i++) {
      kept.details.push({ id: details[i].id || null, open: details[i].open });
    }
    var fields = body.querySelectorAll("input, textarea, select");
    for (var j = 0; j < fields.length; j++) {
      var state = fieldState(fields[j]);
      if (state) kept.fields.push({ at: addressOf(fields[j], body), state: state });
    }
    return kept;
  }

  function putPageState(kept, body) {
    var details = body.querySelectorAll("details");
    for (var i = 0; i < details.length; i++) {
      var was = null;
      for (var k = 0; k < kept.details.length; k++) {
        if (details[i].id ? kept.details[k].id === details[i].id : k === i && !kept.details[k].id) {
          was = kept.details[k];
          break;
        }
      }
      if (was && details[i].open !== was.open) details[i].open = was.open;
    }
    for (var j = 0; j < kept.fields.length; j++) {
      var field = findAddress(kept.fields[j].at, body), state = kept.fields[j].state;
      if (!field || String(field.type || "").toLowerCase() !== state.type) continue;
      if ("checked" in state) field.checked = state.checked;
      else if (field.tagName !== "SELECT") field.value = state.value;
      else if (hasOption(field, state.value)) field.value = state.value;
    }
    var focus = findAddress(kept.focus, body);
    if (!focus) return;
    try { focus.focus({ preventScroll: true }); } catch (e) { focus.focus(); }
    if (kept.caret && document.activeElement === focus) {
      try { focus.setSelectionRange(kept.caret[0], kept.caret[1], kept.caret[2] || "none"); } catch (e) { /* none */ }
    }
  }
"""
