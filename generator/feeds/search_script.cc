#include "feeds/search_script.h"

namespace portalgen::feeds {

namespace {

constexpr const char* kScript = R"JS((function () {
  "use strict";
  var box = document.getElementById("pg-search");
  if (!box) return;
  var form = box.querySelector("form");
  var input = box.querySelector("input[type=search]");
  var list = document.getElementById("pg-search-results");
  var status = document.getElementById("pg-search-status");
  var entries = null;
  function fold(s) {
    return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function count(hay, term) {
    var n = 0, i = hay.indexOf(term);
    while (i >= 0 && n < 5) { n++; i = hay.indexOf(term, i + term.length); }
    return n;
  }
  function score(e, terms) {
    var total = 0;
    for (var k = 0; k < terms.length; k++) {
      var t = terms[k];
      var s = (e.t.indexOf(t) >= 0 ? 10 : 0) + (e.s.indexOf(t) >= 0 ? 3 : 0) + count(e.x, t);
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }
  function show(query) {
    list.textContent = "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var sc = score(entries[i], terms);
      if (sc > 0) hits.push([sc, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") +
        " for \u201c" + query + "\u201d";
    hits.slice(0, 50).forEach(function (h) {
      var e = entries[h[1]].e;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.title;
      li.appendChild(a);
      var meta = document.createElement("p");
      meta.textContent = [e.kind, e.date].filter(Boolean).join(" \u00b7 ");
      li.appendChild(meta);
      if (e.summary) {
        var p = document.createElement("p");
        p.textContent = e.summary;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }
  function run() {
    var q = input.value;
    if (entries) { show(q); return; }
    status.textContent = "Loading the search index\u2026";
    fetch(box.getAttribute("data-index")).then(function (r) { return r.json(); })
      .then(function (data) {
        entries = data.map(function (e) {
          return { e: e, t: fold(e.title), s: fold(e.summary), x: fold(e.text) };
        });
        show(input.value);
      })
      .catch(function () { status.textContent = "The search index could not be loaded."; });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
  box.hidden = false;
})();
)JS";

}  // namespace

output::OutputFile SearchScript() { return {"search/search.js", kScript}; }

}  // namespace portalgen::feeds
