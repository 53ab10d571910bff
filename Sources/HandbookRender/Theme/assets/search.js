/* Handbook offline search: loads the site's search index (built with the
 * site, served beside this file) and shows results as you type. Vanilla
 * JavaScript, no request to any other host; works under a sub-path because
 * the index URL comes from the page. The ranking functions are plain and
 * exported, so they are tested outside a browser too. */
(function (root) {
  "use strict";

  var TITLE = 0, URL = 1, KIND = 2, TAGS = 3, HEADINGS = 4, FIELDS = 5, TEXT = 6;
  var WEIGHTS = [[TITLE, 100], [TAGS, 40], [FIELDS, 40], [HEADINGS, 30], [TEXT, 10]];

  /* Lower case, accents off, typographic quotes and dashes made plain. */
  function normalise(s) {
    return String(s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, "-");
  }

  function words(s) { return normalise(s).split(/[^\p{L}\p{N}']+/u).filter(Boolean); }

  /* "exact phrase" stays together; other words are separate terms. */
  function parseQuery(query) {
    var units = [], re = /"([^"]+)"|(\S+)/g, m;
    var q = normalise(query);
    while ((m = re.exec(q)) !== null) {
      if (m[1] !== undefined) {
        var phrase = words(m[1]).join(" ");
        if (phrase) units.push({ text: phrase, phrase: true });
      } else {
        words(m[2]).forEach(function (w) { units.push({ text: w, phrase: false }); });
      }
    }
    return units;
  }

  /* Each unit with its synonyms: `em` also means "engineering manager", and back. */
  function expand(units, synonyms) {
    var reverse = {};
    Object.keys(synonyms || {}).forEach(function (term) {
      synonyms[term].forEach(function (meaning) {
        var key = words(meaning).join(" ");
        (reverse[key] = reverse[key] || []).push(term);
      });
    });
    return units.map(function (unit) {
      var alternatives = [unit];
      (synonyms[unit.text] || []).forEach(function (meaning) {
        alternatives.push({ text: words(meaning).join(" "), phrase: true });
      });
      (reverse[unit.text] || []).forEach(function (term) { alternatives.push({ text: normalise(term), phrase: false }); });
      return alternatives;
    });
  }

  /* Does `field` (already split into words) match a unit? Terms match word
   * prefixes; phrases match consecutive words, the last one by prefix. */
  function matches(fieldWords, unit) {
    if (!unit.phrase) {
      for (var i = 0; i < fieldWords.length; i++) if (fieldWords[i].indexOf(unit.text) === 0) return true;
      return false;
    }
    var parts = unit.text.split(" ");
    outer: for (var s = 0; s + parts.length <= fieldWords.length; s++) {
      for (var k = 0; k < parts.length; k++) {
        var w = fieldWords[s + k];
        if (k === parts.length - 1 ? w.indexOf(parts[k]) !== 0 : w !== parts[k]) continue outer;
      }
      return true;
    }
    return false;
  }

  function prepare(index) {
    if (index._prepared) return index._prepared;
    index._prepared = index.docs.map(function (doc) {
      return WEIGHTS.map(function (pair) { return words(doc[pair[0]]); });
    });
    return index._prepared;
  }

  /* Ranked results: every unit must match some field; title matches count
   * most, then tags and fields, headings, and the text. */
  function search(index, query, limit) {
    var units = parseQuery(query);
    if (!units.length) return [];
    var groups = expand(units, index.synonyms || {});
    var prepared = prepare(index);
    var whole = words(query).join(" ");
    var results = [];
    index.docs.forEach(function (doc, d) {
      var score = 0;
      for (var g = 0; g < groups.length; g++) {
        var best = 0;
        for (var f = 0; f < WEIGHTS.length; f++) {
          for (var a = 0; a < groups[g].length; a++) {
            if (WEIGHTS[f][1] > best && matches(prepared[d][f], groups[g][a])) best = WEIGHTS[f][1];
          }
        }
        if (!best) return;
        score += best;
      }
      var title = words(doc[TITLE]).join(" ");
      if (title === whole) score += 1000;
      else if (title.indexOf(whole) === 0) score += 200;
      results.push({ doc: doc, score: score, units: groups });
    });
    results.sort(function (x, y) { return y.score - x.score || (x.doc[TITLE] < y.doc[TITLE] ? -1 : x.doc[TITLE] > y.doc[TITLE] ? 1 : 0); });
    return results.slice(0, limit || 10).map(function (r) {
      return { title: r.doc[TITLE], url: r.doc[URL], kind: r.doc[KIND], score: r.score, excerpt: excerpt(r.doc[TEXT], r.units) };
    });
  }

  /* A window of the text around the first match, as [text, isMatch] pieces. */
  function excerpt(text, groups, width) {
    width = width || 160;
    var norm = normalise(text);
    var needles = [];
    groups.forEach(function (alternatives) { alternatives.forEach(function (u) { needles.push(u.text); }); });
    var first = -1;
    needles.forEach(function (n) {
      var at = norm.indexOf(n);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
    var end = Math.min(text.length, start + width);
    var slice = text.slice(start, end), normSlice = norm.slice(start, end);
    var pieces = [], pos = 0;
    while (pos < slice.length) {
      var next = -1, len = 0;
      needles.forEach(function (n) {
        var at = normSlice.indexOf(n, pos);
        if (at >= 0 && (next < 0 || at < next)) { next = at; len = n.length; }
      });
      if (next < 0) { pieces.push([slice.slice(pos), false]); break; }
      if (next > pos) pieces.push([slice.slice(pos, next), false]);
      pieces.push([slice.slice(next, next + len), true]);
      pos = next + len;
    }
    if (start > 0) pieces.unshift(["… ", false]);
    if (end < text.length) pieces.push([" …", false]);
    return pieces;
  }

  var api = { normalise: normalise, parseQuery: parseQuery, search: search, excerpt: excerpt };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.HandbookSearch = api;

  /* ---- The search box of the default theme. ---- */
  if (typeof document === "undefined") return;

  function start() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var index = null, loading = null, selected = -1, timer = null;

    function load() {
      if (!loading) {
        loading = fetch(input.getAttribute("data-index")).then(function (r) { return r.json(); })
          .then(function (data) { index = data; return data; });
      }
      return loading;
    }

    function render(results) {
      list.textContent = "";
      selected = -1;
      if (!input.value.trim()) { list.hidden = true; return; }
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "search-empty";
        none.textContent = "No page matches.";
        list.appendChild(none);
      }
      results.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = r.url;
        var title = document.createElement("span");
        title.className = "search-title";
        title.textContent = r.title;
        a.appendChild(title);
        if (r.kind && r.kind !== "page") {
          var kind = document.createElement("span");
          kind.className = "search-kind";
          kind.textContent = r.kind;
          a.appendChild(kind);
        }
        var text = document.createElement("span");
        text.className = "search-excerpt";
        r.excerpt.forEach(function (piece) {
          if (piece[1]) {
            var mark = document.createElement("mark");
            mark.textContent = piece[0];
            text.appendChild(mark);
          } else {
            text.appendChild(document.createTextNode(piece[0]));
          }
        });
        a.appendChild(text);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
    }

    function update() {
      var query = input.value;
      load().then(function () { if (input.value === query) render(search(index, query, 10)); });
    }

    function move(delta) {
      var items = list.querySelectorAll("a");
      if (!items.length) return;
      selected = (selected + delta + items.length) % items.length;
      items.forEach(function (item, i) { item.classList.toggle("selected", i === selected); });
      items[selected].scrollIntoView({ block: "nearest" });
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 60); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
      else if (e.key === "Enter") {
        var items = list.querySelectorAll("a");
        var target = items[selected >= 0 ? selected : 0];
        if (target) { window.location.href = target.href; e.preventDefault(); }
      } else if (e.key === "Escape") { input.value = ""; render([]); input.blur(); }
    });
    input.form && input.form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === "/" && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) { input.focus(); e.preventDefault(); }
    });
    document.addEventListener("click", function (e) { if (!input.form.contains(e.target)) list.hidden = true; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(typeof window !== "undefined" ? window : this);
