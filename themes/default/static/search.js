/* okrsite search: filters the index from search-index.js (a script, so it works
   from file:// where fetch() of local files is refused). Every term must appear
   in the title, owner, team or cycle. No dependencies. */
(function () {
  "use strict";
  var data = window.OKRSITE_SEARCH_INDEX;
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !input || !list) return;
  var root = "../"; /* the search page lives at search/index.html */
  var items = data.items.map(function (it) {
    return { it: it, hay: [it.t, it.o, it.m, it.c || "", it.k].join(" ").toLowerCase() };
  });
  var LIMIT = 100;
  function render(q) {
    var terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < items.length; i++) {
      var hay = items[i].hay, ok = true;
      for (var j = 0; j < terms.length; j++) { if (hay.indexOf(terms[j]) < 0) { ok = false; break; } }
      if (!ok) continue;
      found++;
      if (found > LIMIT) continue;
      var it = items[i].it;
      var li = document.createElement("li");
      li.className = "obj";
      var a = document.createElement("a");
      a.className = "obj-title";
      a.href = root + it.u;
      a.textContent = it.t;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = [it.k, it.o, it.m, it.c].filter(Boolean).join(" · ") +
        (typeof it.p === "number" ? " · " + it.p + "%" : "") + (it.s ? " · " + it.s.replace("-", " ") : "");
      li.appendChild(meta);
      list.appendChild(li);
    }
    status.textContent = found === 0 ? "No matches." :
      found + " match" + (found === 1 ? "" : "es") + (found > LIMIT ? ", showing the first " + LIMIT : "") + ".";
  }
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  render(q);
  input.addEventListener("input", function () { render(input.value); });
})();
