/* okrsite search: filters the index from search-index.js (a script, so it works
   from file:// where fetch() of local files is refused). Every term must appear
   in the title, id, owner, team, cycle, tags or status (an objective also
   matches its key results' titles and ids). Results are grouped by kind, in
   the order of the kinds named on #search-results; every word shown (kind
   headings, counts, "no matches", statuses) comes from there too, so it is
   translated with the rest of the theme. No dependencies. */
(function () {
  "use strict";
  var data = window.OKRSITE_SEARCH_INDEX;
  var input = document.getElementById("search-q");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !input || !box) return;
  var root = "../"; /* the search page lives at search/index.html */
  var kinds = (box.getAttribute("data-kinds") || "").split(" ");
  /* a status or health in the page's language (data-status-on-track="…");
     the search matches it in that language and in English */
  function word(s) {
    return s ? box.getAttribute("data-status-" + s) || s : "";
  }
  /* accents and case do not matter, as in the site's ids and lists:
     "angstrom" finds "Ångström", "zoe" finds "Zoë", "strasse" "Straße" */
  var FOLDED = { "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i" };
  function fold(s) {
    return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßøæœłđı]/g, function (c) { return FOLDED[c]; });
  }
  var items = data.items.map(function (it) {
    var s = it.s || "";
    return {
      it: it,
      hay: fold([it.t, it.i || "", it.o, it.m, it.c || "", s, s.replace("-", " "), word(s), it.x || ""].join(" "))
    };
  });
  var LIMIT = 100;
  /* a whole percentage as the page's language writes it (data-percent="{n} %") */
  function percent(n) {
    return (box.getAttribute("data-percent") || "{n}%").replace("{n}", n);
  }
  function text(name, n) {
    return (box.getAttribute("data-" + name) || "").replace("{n}", n).replace("{limit}", LIMIT);
  }
  function render(q) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    box.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var groups = {}, found = 0;
    for (var i = 0; i < items.length; i++) {
      var hay = items[i].hay, ok = true;
      for (var j = 0; j < terms.length; j++) { if (hay.indexOf(terms[j]) < 0) { ok = false; break; } }
      if (!ok) continue;
      found++;
      if (found > LIMIT) continue;
      var k = items[i].it.k;
      (groups[k] = groups[k] || []).push(items[i].it);
    }
    kinds.forEach(function (k) {
      if (!groups[k]) return;
      var h = document.createElement("h2");
      h.textContent = (box.getAttribute("data-kind-" + k) || k) + " (" + groups[k].length + ")";
      box.appendChild(h);
      var list = document.createElement("ul");
      list.className = "objs search-" + k;
      groups[k].forEach(function (it) {
        var li = document.createElement("li");
        li.className = "obj";
        var a = document.createElement("a");
        a.className = "obj-title";
        a.href = root + it.u;
        a.textContent = it.t;
        li.appendChild(a);
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = [it.o, it.m, it.c].filter(Boolean).join(" · ") +
          (typeof it.p === "number" ? " · " + percent(it.p) : "") + (it.s ? " · " + word(it.s) : "");
        li.appendChild(meta);
        list.appendChild(li);
      });
      box.appendChild(list);
    });
    status.textContent = found === 0 ? text("none", 0) :
      text(found === 1 ? "one" : "many", found) + (found > LIMIT ? " " + text("limit", found) : "");
  }
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q; /* the query stays in the box */
  var header = document.getElementById("site-search");
  if (header) header.value = q;
  render(q);
  input.addEventListener("input", function () { render(input.value); });
})();
