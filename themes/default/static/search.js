/* okrsite search: filters the index from search-index.js (a script, so it works
   from file:// where fetch() of local files is refused). Every term must appear
   in the title, id, owner, team, cycle, tags or status (an objective also
   matches its key results' titles and ids). Results are grouped by kind, in
   the order of the kinds named on #search-results; every word shown (kind
   headings, counts, "no matches", statuses) comes from there too, so it is
   translated with the rest of the theme. A result's markup is the theme's:
   it is a copy of <template id="search-result"> (partials/search_result.html)
   with its slots filled in as text, and its status badge and progress bar are
   copies of the badges and bars search.html rendered per status, so a theme's
   overrides of those partials apply here as on every page. The query is kept
   in the address (?q=…, replaced as it is typed), so a reload, a link or Back
   after opening a result shows the same results. No dependencies. */
(function () {
  "use strict";
  var data = window.OKRSITE_SEARCH_INDEX;
  var input = document.getElementById("search-q");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !input || !box) return;
  var shape = document.getElementById("search-result");
  /* the search page lives at search/index.html: its root is "../" */
  var root = shape ? shape.getAttribute("data-root") || "" : "../";
  var kinds = (box.getAttribute("data-kinds") || "").split(" ");
  /* a status or health in the page's language (data-status-on-track="…");
     the search matches it in that language and in English */
  function word(s) {
    return s ? box.getAttribute("data-status-" + s) || s : "";
  }
  /* accents and case do not matter, as in the site's ids and lists:
     "angstrom" finds "Ångström", "zoe" finds "Zoë", "strasse" "Straße";
     nor do apostrophes (' ’ ‘ ʼ), dropped from the index's words and the
     query alike, so "oneil", "o'neil" and "O’Neil" all find "Zoë O'Neil";
     a dash (– — ‐ −) is the "-" a keyboard types ("jean-luc" finds
     "Jean–Luc"). ä, ö and ü are also written ae, oe and ue, as German
     does without them: spellings() gives a word's fold and, where it has
     one of them, the fold with ae, oe, ue, and a term is found when any of
     its spellings is in any spelling of the words ("mueller", "muller" and
     "Müller" find "Müller", and "Müller" finds "Mueller"). Both spellings
     are kept, not "ue" turned into "u": that would hide real matches
     ("el" is in "Samuel", not in "samul").
     filters.js folds linked filter values by this rule, in a copy written
     the same (list pages load filters.js alone, and it runs after this
     script on the search page, so neither can lend its fold); a change here
     is a change there (test_filter_fold_browser.py compares them) */
  var FOLDED = { "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i" };
  function fold(s) {
    return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßøæœłđı]/g, function (c) { return FOLDED[c]; })
      .replace(/['\u2018\u2019\u02bc]/g, "")
      .replace(/[\u2010-\u2015\u2212]/g, "-");
  }
  function spellings(s) {
    var plain = fold(s);
    var written = fold(s.normalize("NFD").replace(/([aouAOU])\u0308/g, "$1e"));
    return written === plain ? [plain] : [plain, written];
  }
  var items = data.items.map(function (it) {
    var s = it.s || "";
    return {
      it: it,
      hay: spellings([it.t, it.i || "", it.o, it.m, it.j || "", it.c || "", s, s.replace("-", " "), word(s), it.x || ""].join(" ")).join(" ")
    };
  });
  var LIMIT = 100;
  /* a count, or a percentage's figure, as the page's language writes figures
     (<html lang>: "1.200" in German, "1 200" in French, as the pages' own
     figures are grouped); a percentage keeps the decimals the index gives it
     ("p": 34.97, the figure the objective's page writes beside expected) */
  var NUMBERS = null;
  try { NUMBERS = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 7 }); } catch (e) { NUMBERS = null; }
  function figure(n) {
    return NUMBERS ? NUMBERS.format(n) : String(n);
  }
  /* the words for a count: the catalogue's form for the plural category the
     page's language puts it in (data-plural-one, -few, -many, -other: Polish
     "2 wyniki", "5 wyników"), as search.html rendered them with ngettext */
  var RULES = null;
  try { RULES = new Intl.PluralRules(document.documentElement.lang || undefined); } catch (e) { RULES = null; }
  function plural(n) {
    var category = RULES ? RULES.select(n) : n === 1 ? "one" : "other";
    if (box.getAttribute("data-plural-" + category) === null) category = "other";
    return "plural-" + category;
  }
  /* a whole percentage as the page's language writes it (data-percent="{n} %") */
  function percent(n) {
    return (box.getAttribute("data-percent") || "{n}%").replace("{n}", figure(n));
  }
  function text(name, n) {
    return (box.getAttribute("data-" + name) || "").replace("{n}", figure(n)).replace("{limit}", figure(LIMIT));
  }
  /* a copy of a <template>'s content; null when the page has none */
  function copy(selector) {
    var t = document.querySelector(selector);
    return t && t.content ? t.content.cloneNode(true) : null;
  }
  /* the element marked data-slot=NAME inside el, or null */
  function slot(el, name) {
    return el.querySelector('[data-slot="' + name + '"]');
  }
  /* fills the slot with a copy of a rendered badge or bar, or removes it */
  function fill(el, name, piece) {
    var at = slot(el, name);
    if (!at) return;
    if (piece) at.parentNode.replaceChild(piece, at); else at.parentNode.removeChild(at);
  }
  /* a progress bar rendered at 0 for this status, its figures set to p */
  function bar(status, p, title) {
    var piece = copy('template[data-search-bar="' + (status || "") + '"]') ||
      copy('template[data-search-bar=""]');
    if (!piece) return null;
    var width = Math.max(0, Math.min(100, p));
    var labelled = piece.querySelectorAll("[aria-label]");
    for (var i = 0; i < labelled.length; i++) {
      labelled[i].setAttribute("aria-label", labelled[i].getAttribute("aria-label").replace("{name}", title));
    }
    /* the bar's aria-valuetext is the figure the result writes beside it,
       as on the site's pages (the template's says 0) */
    var shown = percent(p);
    var meter = piece.querySelector("[role=progressbar]");
    if (meter) {
      meter.setAttribute("aria-valuenow", width);
      meter.setAttribute("aria-valuetext", shown);
      meter.setAttribute("data-progress", p / 100);
    }
    var fillEl = piece.querySelector(".fill");
    if (fillEl) fillEl.style.width = width + "%";
    var pct = piece.querySelector(".pct");
    if (pct) pct.textContent = shown;
    return piece;
  }
  /* one result: the theme's markup with the entry's words as text */
  function result(it) {
    var frag = copy("#search-result");
    /* the partial stands in a <ul> there (a list item belongs in a list, in a
       template too): the result is what the list holds */
    var list = frag && frag.firstElementChild;
    if (list && list.tagName === "UL" && frag.childElementCount === 1) {
      frag = document.createDocumentFragment();
      while (list.firstChild) frag.appendChild(list.firstChild);
    }
    if (!frag) { /* a theme's search.html without the template: a plain line */
      var li = document.createElement("li");
      var a0 = document.createElement("a");
      a0.href = root + it.u; a0.textContent = it.t;
      li.appendChild(a0);
      return li;
    }
    var link = slot(frag, "link");
    if (link) link.setAttribute("href", root + it.u);
    var words = { title: it.t, owner: it.o, team: it.m, objective: it.j, cycle: it.c };
    Object.keys(words).forEach(function (name) {
      var at = slot(frag, name);
      if (!at) return;
      if (words[name]) { at.textContent = words[name]; return; }
      var part = at.closest("[data-part]") || at;
      part.parentNode.removeChild(part);
    });
    /* separators only between the parts that are there */
    var holders = frag.querySelectorAll("[data-part]"), firsts = [];
    for (var i = 0; i < holders.length; i++) {
      var group = holders[i].parentNode;
      if (firsts.indexOf(group) >= 0) continue;
      firsts.push(group);
      var sep = holders[i].querySelector(":scope > .sep");
      if (sep) holders[i].removeChild(sep);
    }
    fill(frag, "status", it.s ? copy('template[data-search-status="' + it.s + '"]') : null);
    fill(frag, "progress", typeof it.p === "number" ? bar(it.s, it.p, it.t) : null);
    return frag;
  }
  /* whether one of a term's spellings is in the words */
  function within(hay, term) {
    for (var t = 0; t < term.length; t++) { if (hay.indexOf(term[t]) >= 0) return true; }
    return false;
  }
  function render(q) {
    /* each typed word as its spellings; a word that folds to nothing (a
       lone apostrophe) is no term */
    var terms = q.split(/\s+/).map(spellings).filter(function (t) { return t[0]; });
    box.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var groups = {}, found = 0;
    for (var i = 0; i < items.length; i++) {
      var hay = items[i].hay, ok = true;
      for (var j = 0; j < terms.length; j++) { if (!within(hay, terms[j])) { ok = false; break; } }
      if (!ok) continue;
      found++;
      if (found > LIMIT) continue;
      var k = items[i].it.k;
      (groups[k] = groups[k] || []).push(items[i].it);
    }
    kinds.forEach(function (k) {
      if (!groups[k]) return;
      /* the group's markup is the theme's (partials/search_group.html) */
      var group = document.querySelector('template[data-search-group="' + k + '"]');
      if (group) {
        var made = group.content.cloneNode(true);
        var count = made.querySelector('[data-slot="count"]');
        if (count) count.textContent = figure(groups[k].length);
        var into = made.querySelector('[data-slot="list"]') || made;
        groups[k].forEach(function (it) { into.appendChild(result(it)); });
        box.appendChild(made);
        return;
      }
      /* a search.html of its own without the group templates: as before */
      var h = document.createElement("h2");
      h.textContent = (box.getAttribute("data-kind-" + k) || k) + " (" + groups[k].length + ")";
      box.appendChild(h);
      var list = document.createElement("ul");
      list.className = "objs search-" + k;
      groups[k].forEach(function (it) { list.appendChild(result(it)); });
      box.appendChild(list);
    });
    status.textContent = found === 0 ? text("none", 0) :
      text(plural(found), found) + (found > LIMIT ? " " + text("limit", found) : "");
  }
  var header = document.getElementById("site-search");
  /* the query of the address, in both boxes, and its results */
  function restore() {
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q; /* the query stays in the box */
    if (header) header.value = q;
    render(q);
  }
  /* the address follows the box, so reload, Back and a copied link show
     these results (replaceState: typing adds no history entries) */
  function remember(q) {
    var next = new URLSearchParams(location.search);
    if (q) next.set("q", q); else next.delete("q");
    var query = next.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* a browser that refuses replaceState on file:// keeps the old address */ }
  }
  restore();
  input.addEventListener("input", function () {
    if (header) header.value = input.value;
    render(input.value);
    remember(input.value);
  });
  /* Back from a result: a page restored from the back/forward cache, or one
     whose boxes the browser refilled, shows the query of its address again */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted || input.value !== (new URLSearchParams(location.search).get("q") || "")) restore();
  });
})();
