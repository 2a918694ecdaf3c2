/* okrsite list filters: filter the objective lists of a page by team, owner,
   status and cycle, and sort them by progress, behind, confidence or last
   check-in, from the data-* attributes each item already carries. The state
   lives in the URL (?team=sales&status=off-track&sort=behind), so a filtered
   view can be linked. Without JavaScript the controls stay hidden and every
   list shows in full. A bar inside an element marked data-filter-scope (the
   dashboard's "Needs attention") filters, counts and offers the choices of
   the lists in that element only, and the sort box's first choice is named
   by its data-sort-default (the order the list is in); elsewhere the bar
   filters every objective list of the page. A linked value that no item
   has shows no item and a note with a button that clears the filters; both
   name it in the page's words (a status's word, from the bar's
   data-status-<id>; a cycle's title, from its data-cycle-titles; a team
   or owner as written). Each choice shows the
   label its items carry (data-<key>-label: a team's or owner's name, a
   status's word, a cycle's title as every page names it, "Sprint 7
   (Feb/Mär)" for the cycle FY28 Sprint 7), else the value itself. A
   value in the address matches an item's id or the name it shows, in any
   case and with or without accents (as the lists are ordered) or
   apostrophes (as the search finds names): ?team=Support finds the team
   support, ?owner=zoe oneil Zoë O'Neil, ?cycle= a cycle by its name or its
   title. A
   team's choice also shows the objectives of the teams below it
   (data-teams-above), as the team's figures count them. In print the controls are left out and one line
   says which filters are on and how many items show, so a filtered printout
   does not pass for the whole list. No dependencies. */

/* every page: a closed <details> ("Explain this score") is opened for print
   and closed again afterwards, so a printout has the formulas; Chromium
   keeps a closed one's content hidden whatever the print style sheet says */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      opened.push(closed[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

(function () {
  "use strict";
  /* a count as the page's language writes figures (<html lang>: "1.200" in
     German, "1 200" in French, as the pages' own figures are grouped) */
  var NUMBERS = null;
  try { NUMBERS = new Intl.NumberFormat(document.documentElement.lang || undefined); } catch (e) { NUMBERS = null; }
  function figure(n) {
    return NUMBERS ? NUMBERS.format(n) : String(n);
  }
  var bars = document.querySelectorAll(".list-filters");
  if (!bars.length) return;
  var bar = bars[0];
  for (var b = 1; b < bars.length; b++) bars[b].parentNode.removeChild(bars[b]);
  var scope = bar.closest("[data-filter-scope]");
  /* objective lists, the cards and the alignment tree; an item's data-*
     attributes are on its <li> or, in the tree, on the line it starts with */
  var lists = (scope || document).querySelectorAll("ul.objs, ul.cards, ul.tree, ul.tree ul");
  var items = [];
  for (var l = 0; l < lists.length; l++) {
    var lis = lists[l].children;
    for (var i = 0; i < lis.length; i++) {
      var holder = lis[i].hasAttribute("data-status") ? lis[i] : lis[i].querySelector(":scope > [data-status]");
      /* the teams above the item's team, [id, name] pairs (filter_data.html): a
         team's choice shows its sub-teams' objectives, as its figures count them */
      /* who: the objective the item is, by its link to the objective's page
         (attention/index.html lists an objective stale and needing attention
         in each of its lists; the count counts it once) */
      var link = lis[i].querySelector("a.obj-title[href]") || lis[i].querySelector("a[href]");
      if (holder) items.push({ li: lis[i], data: holder, list: lists[l], order: items.length,
                               who: link ? link.getAttribute("href") : "#" + items.length,
                               above: JSON.parse(holder.getAttribute("data-teams-above") || "[]") });
    }
  }
  if (!items.length) return;
  var KEYS = ["team", "owner", "status", "cycle"];
  var params = new URLSearchParams(window.location.search);
  var selects = {};
  var all = bar.getAttribute("data-all");
  KEYS.forEach(function (key) {
    var select = bar.querySelector('select[data-key="' + key + '"]');
    var seen = {};
    items.forEach(function (x) {
      var v = x.data.getAttribute("data-" + key);
      if (v) seen[v] = x.data.getAttribute("data-" + key + "-label") || v;
      if (key === "team") x.above.forEach(function (t) { if (!seen[t[0]]) seen[t[0]] = t[1] || t[0]; });
    });
    // natural order, as the pages list names: "Squad 2" before "Squad 10", any case
    var values = Object.keys(seen).sort(function (a, c) {
      return seen[a].localeCompare(seen[c], undefined, { numeric: true, sensitivity: "base" }) || (a < c ? -1 : a > c ? 1 : 0);
    });
    var first = document.createElement("option");
    first.value = ""; first.textContent = all;
    select.appendChild(first);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = seen[v];
      select.appendChild(o);
    });
    if (values.length < 2 && !params.get(key)) select.parentNode.hidden = true;
    selects[key] = select;
  });
  selects.sort = bar.querySelector('select[data-key="sort"]');
  var order = scope && scope.getAttribute("data-sort-default");
  if (order) {
    for (var o = 0; o < selects.sort.options.length; o++) {
      if (selects.sort.options[o].value === "") selects.sort.options[o].textContent = order;
    }
  }
  /* accents, case and apostrophes (' ’ ‘ ʼ) do not matter, as in the search:
     "support" is "Support", "zoe" is "Zoë", "strasse" "Straße", "zoe oneil"
     "Zoë O'Neil"; a dash (– — ‐ −) is "-" ("jean-luc" is "Jean–Luc"), and
     ä, ö, ü may be written ae, oe, ue: two names are one when a spelling of
     one is a spelling of the other ("mueller" and "muller" are "Müller").
     The rule is search.js's, written the same in both: list
     pages load filters.js without search.js, and on the search page
     search.js runs before the deferred filters.js, so neither can lend the
     other its fold (test_filter_fold_browser.py holds the two to one result) */
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
  /* whether two names are one: a fold alike first (pass 0), so "mueller"
     picks "Mueller" before "Müller" where a list has both, then any
     spelling alike (pass 1) */
  function alike(a, b, pass) {
    if (pass === 0) return fold(a) === fold(b);
    var x = spellings(a), y = spellings(b);
    for (var i = 0; i < x.length; i++) { if (y.indexOf(x[i]) >= 0) return true; }
    return false;
  }
  /* the option a linked value names: its id as written, else its id or its
     shown name folded (a link written by hand names the team as it reads) */
  function chosen(select, want) {
    var i, o;
    for (i = 0; i < select.options.length; i++) {
      if (select.options[i].value === want) return i;
    }
    var wanted = want.trim();
    for (var pass = 0; pass < 2; pass++) {
      for (i = 0; i < select.options.length; i++) {
        o = select.options[i];
        if (o.value && (alike(o.value, wanted, pass) || alike(o.textContent, wanted, pass))) return i;
      }
    }
    return -1;
  }
  /* a linked status no item has, in the word the page writes elsewhere
     (data-status-<id>, as the search page carries them), a cycle by its
     title (data-cycle-titles); a team or owner no
     item has as it was written (every name of the site on every page with a
     list would weigh tens of kilobytes a page on a large site) */
  function known(key, want) {
    var words = {}, id;
    if (key === "status") {
      for (var a = 0; a < bar.attributes.length; a++) {
        var name = bar.attributes[a].name;
        if (name.indexOf("data-status-") === 0) words[name.slice(12)] = bar.attributes[a].value;
      }
    }
    /* a cycle by its title, as every page names it (the site's cycles whose
       title is not their name: a handful, unlike teams and people) */
    if (key === "cycle") words = JSON.parse(bar.getAttribute("data-cycle-titles") || "{}");
    if (Object.prototype.hasOwnProperty.call(words, want)) return words[want];
    var wanted = want.trim();
    for (var pass = 0; pass < 2; pass++) {
      for (id in words) {
        if (Object.prototype.hasOwnProperty.call(words, id) && (alike(id, wanted, pass) || alike(words[id], wanted, pass))) return words[id];
      }
    }
    return want;
  }
  ["team", "owner", "status", "cycle", "sort"].forEach(function (key) {
    var want = params.get(key) || "";
    var select = selects[key];
    var at = chosen(select, want);
    var found = at >= 0;
    if (found) select.selectedIndex = at;
    /* a linked value no item has (no objective is at risk any more, an owner
       who left): it stays chosen, so the list shows 0 matches under it and a
       note says so, rather than the whole list under an at-risk address */
    if (!found && key !== "sort") {
      var unknown = document.createElement("option");
      unknown.value = want; unknown.textContent = known(key, want);
      unknown.setAttribute("data-unknown", "");
      select.appendChild(unknown);
      select.selectedIndex = select.options.length - 1;
    }
  });
  var note = bar.querySelector(".filter-unknown");
  function explain() {
    if (!note) return;  /* a theme's own list_filters.html without the note */
    var said = [];
    KEYS.forEach(function (key) {
      var chosen = selects[key].options[selects[key].selectedIndex];
      if (!chosen || !chosen.hasAttribute("data-unknown")) return;
      var label = selects[key].parentNode.firstChild.textContent.trim();
      said.push(note.getAttribute("data-unknown").replace("{filter}", label).replace("{value}", chosen.textContent));
    });
    note.firstChild.textContent = said.join(" ");
    note.hidden = !said.length;
  }
  var count = bar.querySelector("[data-count]");
  /* the line print shows in place of the controls: "Team: Support · 0 of 16
     shown", from the controls' own words, so it is in the page's language */
  /* its words and element are list_filters.html's (data-pair, data-separator);
     a theme's own list_filters.html without it gets a plain one */
  var printed = bar.querySelector(".filter-print");
  if (!printed) {
    printed = document.createElement("p");
    printed.className = "filter-print";
    bar.insertBefore(printed, note);  /* above the note; at the end without one */
  }
  var pair = printed.getAttribute("data-pair") || "{filter}: {value}";
  var separator = printed.getAttribute("data-separator");
  if (separator === null) separator = " · ";
  function summarise(counted) {
    var said = [];
    KEYS.concat(["sort"]).forEach(function (key) {
      var select = selects[key];
      if (!select.value) return;
      var label = select.parentNode.firstChild.textContent.trim();
      var value = select.options[select.selectedIndex].textContent;
      said.push(pair.replace(/\{(filter|value)\}/g, function (m, k) { return k === "filter" ? label : value; }));
    });
    bar.toggleAttribute("data-filtered", said.length > 0);
    said.push(counted);
    printed.textContent = said.join(separator);
  }
  function num(li, key, missing) {
    var v = li.getAttribute("data-" + key);
    return v === null || v === "" ? missing : parseFloat(v);
  }
  /* each sort puts the objectives that need help first; a draft or dropped
     objective counts nowhere and carries no progress (data-progress=""), so
     every sort puts it after all the counted ones, whatever their figures */
  function uncounted(li) { return li.getAttribute("data-progress") === "" ? 1 : 0; }
  var SORTS = {
    progress: function (li) { return num(li, "progress", 2); },
    behind: function (li) { return -num(li, "behind", -2); },
    confidence: function (li) { return num(li, "confidence", 11); },
    last: function (li) { return li.getAttribute("data-last") || "0"; }
  };
  /* the alignment tree's words (alignment.html): an objective kept only for
     a match below it is told apart by a hidden note, not only by italics and
     a dashed mark; the count says the matches, and the context rows apart */
  var tree = (scope || document).querySelector("ul.tree[data-filter-count]");
  function mark(x, context) {
    if (!tree) return;
    var note = x.note;
    if (!note && context) {
      note = x.note = document.createElement("span");
      note.className = "visually-hidden filter-context-note";
      note.textContent = tree.getAttribute("data-filter-context");
      x.data.insertBefore(note, x.data.firstChild);
    }
    if (note) note.hidden = !context;
  }
  /* a <details> of aligned objectives says how many of them the filters
     leave ("3 aligned objectives, 1 shown"), and one they leave none of is
     hidden rather than opening onto an empty list */
  var details = tree ? (scope || document).querySelectorAll("ul.tree details") : [];
  function disclosures() {
    for (var d = 0; d < details.length; d++) {
      var summary = details[d].querySelector(":scope > summary");
      var list = details[d].querySelector(":scope > ul");
      if (!summary || !list) continue;
      if (summary.getAttribute("data-all") === null) summary.setAttribute("data-all", summary.textContent);
      var total = list.children.length, left = 0;
      for (var c = 0; c < total; c++) if (!list.children[c].hidden) left++;
      details[d].hidden = left === 0;
      summary.textContent = left === total ? summary.getAttribute("data-all")
        : tree.getAttribute("data-filter-summary")
          .replace(/\{(summary|shown)\}/g, function (m, k) { return k === "summary" ? summary.getAttribute("data-all") : figure(left); });
    }
  }
  /* how many objectives the items are: one listed twice counts once */
  function objectives(list) {
    var seen = {}, n = 0;
    list.forEach(function (x) { if (!seen[x.who]) { seen[x.who] = true; n++; } });
    return n;
  }
  var everyone = objectives(items);
  function apply() {
    var shown = 0;
    items.forEach(function (x) {
      x.ok = KEYS.every(function (key) {
        var want = selects[key].value;
        if (!want || x.data.getAttribute("data-" + key) === want) return true;
        return key === "team" && x.above.some(function (t) { return t[0] === want; });
      });
      x.li.hidden = !x.ok;
      if (x.ok) shown++;
    });
    /* in the tree, an objective that does not match stays (dimmed) above one
       that does; nested lists come after their parents, so go backwards */
    var contexts = 0;
    for (var k = items.length - 1; k >= 0; k--) {
      var x = items[k];
      var context = !x.ok && x.li.querySelector("li:not([hidden])") !== null;
      if (context) { x.li.hidden = false; contexts++; }
      x.li.classList.toggle("filter-context", context);
      mark(x, context);
    }
    disclosures();
    var by = SORTS[selects.sort.value];
    var sorted = items.slice().sort(function (a, c) {
      if (by) {
        var ua = uncounted(a.data), uc = uncounted(c.data);
        if (ua !== uc) return ua - uc;
        var ka = by(a.data), kc = by(c.data);
        if (ka < kc) return -1;
        if (ka > kc) return 1;
      }
      return a.order - c.order;
    });
    sorted.forEach(function (x) { x.list.appendChild(x.li); });
    var said = tree && tree.getAttribute(contexts ? "data-filter-count-context" : "data-filter-count");
    count.textContent = said
      ? said.replace(/\{(matched|total|context)\}/g, function (m, k) {
          return figure(k === "matched" ? shown : k === "total" ? items.length : contexts);
        })
      : count.getAttribute("data-count").replace("{shown}", figure(objectives(items.filter(function (x) { return x.ok; }))))
          .replace("{total}", figure(everyone));
    summarise(count.textContent);
    explain();
  }
  function save() {
    var next = new URLSearchParams(window.location.search);
    ["team", "owner", "status", "cycle", "sort"].forEach(function (key) {
      if (selects[key].value) next.set(key, selects[key].value); else next.delete(key);
    });
    var query = next.toString();
    try {
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (e) { /* some browsers refuse replaceState on file:// */ }
  }
  Object.keys(selects).forEach(function (key) {
    selects[key].addEventListener("change", function () { apply(); save(); });
  });
  if (note) {
    note.querySelector("button").addEventListener("click", function () {
      KEYS.forEach(function (key) { selects[key].value = ""; });
      apply(); save();
      selects.sort.focus();  /* the note hides, so focus goes to a control that stays */
    });
  }
  bar.hidden = false;
  apply();
})();
