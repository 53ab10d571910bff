/* Handbook's offline search. The build writes a full-text index in small
 * files under _handbook/search/ (see docs/search.md): meta.json, term shards
 * by prefix, and the address and title of each page in files of 64. A query
 * fetches meta.json, the shards of its terms and the titles of the results
 * shown; excerpts come from the result pages themselves, fetched as they are
 * shown (so opening one is instant). Vanilla JavaScript, no other host.
 *
 * Words are read as the build reads them (SearchText.swift): lower case,
 * accents off, apostrophes dropped, a hyphenated word also whole, stop words
 * out, Porter's stemmer. Ranking is BM25: the build stored each page's
 * saturated term frequencies, the query weighs them by the terms' rarity. */
(function (root) {
  "use strict";

  var STOP = new Set(("a an and are as at be but by for from has have in into is it its of on or so that the their then " +
    "there these this to was were which will with").split(" "));

  /* Lower case, accents off, typographic apostrophes, hyphens and quotes made plain. */
  function normalise(s) {
    return String(s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u2010\u2011]/g, "-").replace(/[\u201c\u201d]/g, '"');
  }

  var TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

  /* The words of a text as the index has them, not stemmed. */
  function words(text) {
    var out = [];
    function emit(w) {
      if (w.length === 1 && w.charCodeAt(0) < 128) return;
      if (!STOP.has(w)) out.push(w);
    }
    (normalise(text).match(TOKEN) || []).forEach(function (token) {
      var parts = token.replace(/'/g, "").split("-");
      parts.forEach(emit);
      if (parts.length > 1) emit(parts.join(""));
    });
    return out;
  }

  /* ---- Porter's stemmer (1980), as the build's PorterStemmer.swift. ---- */
  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    var b = word, k = b.length - 1, j = 0;
    function cons(i) {
      var c = b[i];
      if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
      if (c === "y") return i === 0 ? true : !cons(i - 1);
      return true;
    }
    function m() {
      var n = 0, i = 0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelInStem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doublec(i) { return i >= 1 && b[i] === b[i - 1] && cons(i); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return b[i] !== "w" && b[i] !== "x" && b[i] !== "y";
    }
    function ends(s) {
      if (s.length > k + 1) return false;
      if (b.substring(k - s.length + 1, k + 1) !== s) return false;
      j = k - s.length;
      return true;
    }
    function setto(s) { b = b.substring(0, j + 1) + s + b.substring(k + 1); k = j + s.length; }
    function r(s) { if (m() > 0) setto(s); }
    function rules(list) {
      for (var i = 0; i < list.length; i += 2) if (ends(list[i])) { r(list[i + 1]); return; }
    }
    // Step 1ab: plurals, -ed, -ing.
    if (b[k] === "s") {
      if (ends("sses")) k -= 2;
      else if (ends("ies")) setto("i");
      else if (b[k - 1] !== "s") k--;
    }
    if (ends("eed")) { if (m() > 0) k--; }
    else if ((ends("ed") || ends("ing")) && vowelInStem()) {
      k = j;
      if (ends("at")) setto("ate");
      else if (ends("bl")) setto("ble");
      else if (ends("iz")) setto("ize");
      else if (doublec(k)) { k--; if (b[k] === "l" || b[k] === "s" || b[k] === "z") k++; }
      else if (m() === 1 && cvc(k)) setto("e");
    }
    if (k > 0) {
      // Step 1c.
      if (ends("y") && vowelInStem()) { b = b.substring(0, k) + "i" + b.substring(k + 1); }
      // Step 2.
      switch (b[k - 1]) {
        case "a": rules(["ational", "ate", "tional", "tion"]); break;
        case "c": rules(["enci", "ence", "anci", "ance"]); break;
        case "e": rules(["izer", "ize"]); break;
        case "l": rules(["abli", "able", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous"]); break;
        case "o": rules(["ization", "ize", "ation", "ate", "ator", "ate"]); break;
        case "s": rules(["alism", "al", "iveness", "ive", "fulness", "ful", "ousness", "ous"]); break;
        case "t": rules(["aliti", "al", "iviti", "ive", "biliti", "ble"]); break;
      }
      // Step 3.
      switch (b[k]) {
        case "e": rules(["icate", "ic", "ative", "", "alize", "al"]); break;
        case "i": rules(["iciti", "ic"]); break;
        case "l": rules(["ical", "ic", "ful", ""]); break;
        case "s": rules(["ness", ""]); break;
      }
      // Step 4.
      var step4 = {
        a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"], n: ["ant", "ement", "ment", "ent"],
        s: ["ism"], t: ["ate", "iti"], u: ["ous"], v: ["ive"], z: ["ize"],
      };
      var c4 = b[k - 1], found = false;
      if (c4 === "o") {
        found = (ends("ion") && j >= 0 && (b[j] === "s" || b[j] === "t")) || ends("ou");
      } else if (step4[c4]) {
        found = step4[c4].some(ends);
      }
      if (found && m() > 1) k = j;
      // Step 5.
      j = k;
      if (b[k] === "e") { var a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
      if (b[k] === "l" && doublec(k) && m() > 1) k--;
    }
    return b.substring(0, k + 1);
  }

  /* ---- The query. ---- */

  /* Units of a query: "exact phrases" and single words, each with the words
   * (stemmed) it needs. The last word, while still being typed, also matches
   * longer words that start with it. */
  function parseQuery(query) {
    var units = [], re = /"([^"]+)"|(\S+)/g, m;
    var q = normalise(query);
    while ((m = re.exec(q)) !== null) {
      if (m[1] !== undefined) {
        var ws = words(m[1]);
        if (ws.length) units.push({ text: m[1].trim(), phrase: true, words: ws });
      } else {
        words(m[2]).forEach(function (w) { units.push({ text: w, phrase: false, words: [w] }); });
      }
    }
    var last = units[units.length - 1];
    if (last && !last.phrase && !/\s$/.test(query) && last.text.length >= 2) last.prefix = true;
    return units;
  }

  /* Each unit's alternatives: itself and its synonyms (`em` is also
   * "engineering manager", and back), each a list of stems that must all match. */
  function alternatives(units, synonyms) {
    var reverse = {};
    Object.keys(synonyms || {}).forEach(function (term) {
      synonyms[term].forEach(function (meaning) {
        var key = words(meaning).join(" ");
        (reverse[key] = reverse[key] || []).push(term);
      });
    });
    return units.map(function (unit) {
      var list = [{ stems: unit.words.map(stem), prefix: unit.prefix ? unit.text : null }];
      var key = unit.words.join(" ");
      (synonyms[key] || []).forEach(function (meaning) { list.push({ stems: words(meaning).map(stem) }); });
      (reverse[key] || []).forEach(function (term) { list.push({ stems: words(term).map(stem) }); });
      return list.filter(function (a) { return a.stems.length; });
    });
  }

  /* ---- The index. ---- */

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS[d]] = d;

  /* Numbers packed as base-64 digits, five bits each, low bits first. */
  function unpack(s) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var v = VALUE[s[i]];
      if (v >= 32) { value += (v - 32) * Math.pow(2, shift); shift += 5; }
      else { out.push(value + v * Math.pow(2, shift)); value = 0; shift = 0; }
    }
    return out;
  }

  /* Page numbers from gaps. */
  function pages(s) {
    var list = unpack(s), doc = -1;
    for (var i = 0; i < list.length; i++) { doc += list[i]; list[i] = doc; }
    return list;
  }

  function shardFile(prefix) {
    if (/^[a-z0-9]*$/.test(prefix)) return "t_" + prefix + ".json";
    var hex = "";
    new TextEncoder().encode(prefix).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return "u_" + hex + ".json";
  }

  /* A search index read through `fetchJSON(name)`, which resolves to the
   * parsed file `name` of the index folder. */
  function Index(fetchJSON) {
    this.fetchJSON = fetchJSON;
    this.files = {};
    this.postings = {};
  }

  Index.prototype.file = function (name) {
    var self = this;
    if (!self.files[name]) {
      self.files[name] = self.fetchJSON(name).catch(function (error) { delete self.files[name]; throw error; });
    }
    return self.files[name];
  };

  Index.prototype.meta = function () {
    var self = this;
    return self.file("meta.json").then(function (meta) {
      if (!self.kindOf) {
        self.kindOf = new Array(meta.n).fill("page");
        Object.keys(meta.kinds).forEach(function (kind) { pages(meta.kinds[kind]).forEach(function (p) { self.kindOf[p] = kind; }); });
        self.tracks = {};
        Object.keys(meta.tracks).forEach(function (track) { self.tracks[track] = new Set(pages(meta.tracks[track])); });
      }
      return meta;
    });
  };

  /* The shard holding `term`: the longest listed prefix of it. */
  Index.prototype.shardOf = function (meta, term) {
    var best = null;
    meta.shards.forEach(function (p) { if (term.indexOf(p) === 0 && (best === null || p.length > best.length)) best = p; });
    return best;
  };

  /* Shards that may hold terms starting with `prefix`, or stems that the
   * word being typed starts with ("engin" for "engineeri"): at most six. */
  Index.prototype.shardsFor = function (meta, prefix) {
    var self = this, list = [];
    function add(p) { if (p !== null && list.indexOf(p) < 0) list.push(p); }
    for (var length = Math.min(4, prefix.length); length <= prefix.length; length++) add(self.shardOf(meta, prefix.slice(0, length)));
    meta.shards.forEach(function (p) { if (p.indexOf(prefix) === 0) add(p); });
    return list.slice(0, 6);
  };

  /* A term's postings, {docs, weights} in page order; null when absent. */
  Index.prototype.termPostings = function (shard, term) {
    if (this.postings[term] !== undefined) return this.postings[term];
    var packed = shard[term];
    if (packed === undefined) return (this.postings[term] = null);
    var list = unpack(packed), count = list.length >> 1;
    var docs = new Int32Array(count), weights = new Uint16Array(count), doc = -1;
    for (var i = 0; i < count; i++) { doc += list[2 * i]; docs[i] = doc; weights[i] = list[2 * i + 1]; }
    return (this.postings[term] = { docs: docs, weights: weights });
  };

  /* Ranked pages for a query: [{page, score}], best first, with the filters
   * ({kind, section, track}) applied, and the units for highlighting. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    filters = filters || {};
    var units = parseQuery(query);
    if (!units.length) return Promise.resolve({ units: units, results: [] });
    return self.meta().then(function (meta) {
      var groups = alternatives(units, meta.synonyms || {});
      var needed = new Set();
      groups.forEach(function (alts) {
        alts.forEach(function (alt) {
          alt.stems.forEach(function (s) { var p = self.shardOf(meta, s); if (p !== null) needed.add(p); });
          if (alt.prefix) self.shardsFor(meta, alt.prefix).forEach(function (p) { needed.add(p); });
        });
      });
      var names = Array.from(needed);
      return Promise.all(names.map(function (p) { return self.file(shardFile(p)); })).then(function (loaded) {
        var shards = {};
        names.forEach(function (p, i) { shards[p] = loaded[i]; });
        return { units: units, results: self.rank(meta, groups, shards, filters) };
      });
    });
  };

  /* A word being typed also matches longer words, but less than the word itself. */
  var PREFIX_WEIGHT = 0.6;

  var NONE = { docs: [], scores: [] };

  /* Scores are {docs, scores} in page order. Combining them uses arrays as
   * long as the site has pages: a pass over each list and one over the pages. */
  function combine(lists, n, all) {
    if (!lists.length) return NONE;
    if (lists.length === 1) return lists[0];
    var acc = new Float64Array(n), hits = new Uint8Array(n);
    lists.forEach(function (l) {
      for (var i = 0; i < l.docs.length; i++) {
        var d = l.docs[i], s = l.scores[i];
        if (all) { acc[d] += s; hits[d]++; } else if (s > acc[d]) { acc[d] = s; hits[d] = 1; }
      }
    });
    var docs = [], scores = [], need = all ? lists.length : 1;
    for (var d = 0; d < n; d++) if (hits[d] >= need) { docs.push(d); scores.push(acc[d]); }
    return { docs: docs, scores: scores };
  }

  Index.prototype.rank = function (meta, groups, shards, filters) {
    var self = this, n = meta.n, scale = meta.scale || 8;
    self.scores = self.scores || {};
    /* A term's page scores: the weight the build stored for each page, times how rare the term is. */
    function scoresOf(term, factor) {
      var key = term + "\u0000" + factor;
      if (self.scores[key]) return self.scores[key];
      var p = self.shardOf(meta, term);
      var postings = p === null || !shards[p] ? null : self.termPostings(shards[p], term);
      if (!postings) return null;
      var count = postings.docs.length;
      var idf = Math.log(1 + (n - count + 0.5) / (count + 0.5)) * factor / scale;
      var scores = new Float64Array(count);
      for (var i = 0; i < count; i++) scores[i] = idf * postings.weights[i];
      return (self.scores[key] = { docs: postings.docs, scores: scores });
    }
    /* Page scores for one alternative: every stem must match. */
    function alternativeScores(alt) {
      return combine(alt.stems.map(function (s, i) {
        var lists = [];
        var exact = scoresOf(s, 1);
        if (exact) lists.push(exact);
        if (alt.prefix && i === alt.stems.length - 1) {
          // The word being typed: also the terms that start with it (or with its stem),
          // and the stems it starts with ("engin" for "engineeri").
          var seen = 0;
          Object.keys(shards).forEach(function (p) {
            Object.keys(shards[p] || {}).forEach(function (term) {
              var related = term.indexOf(alt.prefix) === 0 || term.indexOf(s) === 0 ||
                (term.length >= 4 && alt.prefix.indexOf(term) === 0);
              if (seen < 64 && term !== s && related) {
                seen++;
                var scores = scoresOf(term, PREFIX_WEIGHT);
                if (scores) lists.push(scores);
              }
            });
          });
        }
        return lists.length ? combine(lists, n, false) : NONE;
      }), n, true);
    }
    var result = combine(groups.map(function (alts) { return combine(alts.map(alternativeScores), n, false); }), n, true);
    var list = [];
    var section = filters.section ? (meta.sections || []).filter(function (s) { return s[0] === filters.section; })[0] : null;
    var track = filters.track ? self.tracks[filters.track] || new Set() : null;
    for (var k = 0; k < result.docs.length; k++) {
      var doc = result.docs[k];
      if (filters.kind && self.kindOf[doc] !== filters.kind) continue;
      if (section && (doc < section[2] || doc >= section[3])) continue;
      if (track && !track.has(doc)) continue;
      list.push({ page: doc, score: result.scores[k], kind: self.kindOf[doc] });
    }
    list.sort(function (x, y) { return y.score - x.score || x.page - y.page; });
    return list;
  };

  /* The address and title of a page. */
  Index.prototype.page = function (meta, page) {
    var chunk = meta.chunk || 64;
    return this.file("d" + Math.floor(page / chunk) + ".json").then(function (rows) {
      var row = rows[page % chunk];
      return { url: row[0], title: row[1] };
    });
  };

  /* ---- Excerpts, from a result's page. ---- */

  var WORD = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu;

  /* Does a word of the page match a unit's stems (or the prefix being typed)? */
  function matcher(units) {
    var stems = new Set(), prefixes = [];
    units.forEach(function (u) {
      if (u.phrase) return;
      u.words.forEach(function (w) { stems.add(stem(w)); });
      if (u.prefix) prefixes.push(u.text);
    });
    return function (token) {
      return words(token).some(function (w) {
        return stems.has(stem(w)) || prefixes.some(function (p) { return w.indexOf(p) === 0; });
      });
    };
  }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Where in `text` the query matches: sorted [start, end] ranges. */
  function matchRanges(text, units) {
    var ranges = [], isMatch = matcher(units), m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) if (isMatch(m[0])) ranges.push([m.index, m.index + m[0].length]);
    units.forEach(function (u) {
      if (!u.phrase) return;
      var parts = (normalise(u.text).match(TOKEN) || []).map(escapeRegExp);
      if (!parts.length) return;
      var re = new RegExp(parts.join("[^\\p{L}\\p{N}]+"), "giu"), p;
      var folded = text.toLowerCase();
      if (folded.length !== text.length) folded = text;
      while ((p = re.exec(folded)) !== null) { ranges.push([p.index, p.index + p[0].length]); if (!p[0].length) break; }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  var BLOCKS = "p, li, td, th, dd, dt, blockquote, pre, figcaption, summary, section, aside, div";

  /* A page's sections: [{id, heading, text}], the first one before any heading. */
  function sectionsOf(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var article = doc.querySelector("main article") || doc.querySelector("main");
    if (!article) return [];
    article.querySelectorAll("nav, .toc, .breadcrumbs, .page-footer, .pager, footer, script, style").forEach(function (e) { e.remove(); });
    var sections = [{ id: "", heading: "", text: "" }], current = null, lastBlock = null;
    var walker = doc.createTreeWalker(article, 4 /* text nodes */);
    var node;
    while ((node = walker.nextNode()) !== null) {
      var heading = node.parentElement && node.parentElement.closest("h1, h2, h3, h4, h5, h6");
      if (heading) {
        if (heading !== current && heading.id && heading.tagName !== "H1") {
          current = heading;
          sections.push({ id: heading.id, heading: heading.textContent.replace(/\s+/g, " ").trim(), text: "" });
        }
        continue;
      }
      // Text inside one paragraph or item runs on; a new block starts a new word.
      var block = node.parentElement && node.parentElement.closest(BLOCKS);
      var section = sections[sections.length - 1];
      section.text += (block !== lastBlock ? " " : "") + node.nodeValue;
      lastBlock = block;
    }
    sections.forEach(function (s) { s.text = s.text.replace(/\s+/g, " ").trim(); });
    return sections.filter(function (s) { return s.text || s.heading; });
  }

  /* The section that matches most, and a window of its text around the first
   * match as [text, isMatch] pieces. Null when a phrase is not on the page. */
  function excerptOf(sections, units, width) {
    width = width || 160;
    var best = null;
    var all = sections.map(function (s) { return s.heading + " " + s.text; }).join(" ");
    var phrases = units.filter(function (u) { return u.phrase; });
    if (phrases.some(function (u) { return !matchRanges(all, [u]).length; })) return null;
    sections.forEach(function (s, i) {
      var score = matchRanges(s.text, units).length + 2 * matchRanges(s.heading, units).length;
      if (best === null || score > best.score) best = { index: i, score: score };
    });
    if (best === null) return { anchor: "", heading: "", pieces: [] };
    var section = sections[best.index];
    var ranges = matchRanges(section.text, units);
    var text = section.text;
    var start = ranges.length ? Math.max(0, ranges[0][0] - Math.floor(width / 3)) : 0;
    if (start > 0) { var space = text.indexOf(" ", start); if (space >= 0 && space < ranges[0][0]) start = space + 1; }
    var end = Math.min(text.length, start + width);
    // End on a word boundary, past the first match.
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > (ranges.length ? ranges[0][1] : start)) end = cut;
    }
    var pieces = [], pos = start;
    ranges.forEach(function (r) {
      if (r[1] <= pos || r[0] >= end) return;
      if (r[0] > pos) pieces.push([text.slice(pos, r[0]), false]);
      pieces.push([text.slice(Math.max(r[0], pos), Math.min(r[1], end)), true]);
      pos = Math.min(r[1], end);
    });
    if (pos < end) pieces.push([text.slice(pos, end), false]);
    if (start > 0) pieces.unshift(["… ", false]);
    if (end < text.length) pieces.push([" …", false]);
    return { anchor: section.id, heading: section.heading, pieces: pieces };
  }

  var api = {
    normalise: normalise, words: words, stem: stem, parseQuery: parseQuery, unpack: unpack, shardFile: shardFile,
    Index: Index, matchRanges: matchRanges, excerptOf: excerptOf,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.HandbookSearch = api;

  /* ---- The search box of the default theme: an ARIA combobox. ---- */
  if (typeof document === "undefined") return;

  var KIND_NAMES = { role: "Roles", process: "Processes", ladder: "Ladders", level: "Levels", page: "Pages" };
  var SHOWN = 10;

  function start() {
    var input = document.getElementById("search-input");
    var panel = document.getElementById("search-panel");
    var list = document.getElementById("search-results");
    var filtersBox = document.getElementById("search-filters");
    var status = document.getElementById("search-status");
    if (!input || !panel || !list) return;
    var folder = input.getAttribute("data-index");
    var index = new Index(function (name) {
      return fetch(folder + name).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return r.json();
      });
    });
    var pageCache = {};
    var filters = { kind: "", section: "", track: "" };
    var active = -1, timer = null, generation = 0;

    function setOpen(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }

    function options() { return list.querySelectorAll("[role=option]"); }

    function setActive(i) {
      var items = options();
      active = i;
      items.forEach(function (item, k) {
        item.setAttribute("aria-selected", k === i ? "true" : "false");
        item.classList.toggle("selected", k === i);
      });
      if (i >= 0 && items[i]) {
        input.setAttribute("aria-activedescendant", items[i].id);
        items[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(item, newTab) {
      var href = item && item.getAttribute("data-href");
      if (!href) return;
      if (newTab) window.open(href, "_blank", "noopener"); else window.location.href = href;
    }

    function buildFilters(meta) {
      if (!filtersBox || filtersBox.childNodes.length) return;
      var kinds = ["page"].concat(Object.keys(meta.kinds));
      if (kinds.length > 1) {
        var kindSelect = select("Kind", "kind", [["", "All kinds"]].concat(kinds.map(function (k) { return [k, KIND_NAMES[k] || k]; })));
        filtersBox.appendChild(kindSelect);
      }
      if ((meta.sections || []).length > 1) {
        filtersBox.appendChild(select("Section", "section", [["", "All sections"]].concat(meta.sections.map(function (s) { return [s[0], s[1]]; }))));
      }
      var tracks = Object.keys(meta.tracks);
      if (tracks.length) {
        filtersBox.appendChild(select("Track", "track", [["", "All tracks"]].concat(tracks.map(function (t) { return [t, t]; }))));
      }
    }

    function select(label, key, choices) {
      var wrap = document.createElement("label");
      wrap.className = "search-filter";
      var text = document.createElement("span");
      text.className = "visually-hidden";
      text.textContent = label;
      var sel = document.createElement("select");
      sel.setAttribute("data-filter", key);
      choices.forEach(function (c) {
        var o = document.createElement("option");
        o.value = c[0];
        o.textContent = c[1];
        sel.appendChild(o);
      });
      sel.addEventListener("change", function () { filters[key] = sel.value; update(); });
      wrap.appendChild(text);
      wrap.appendChild(sel);
      return wrap;
    }

    function excerptInto(item, result, units) {
      var url = result.url;
      var loading = pageCache[url] || (pageCache[url] = fetch(url).then(function (r) { return r.ok ? r.text() : ""; }).then(sectionsOf));
      loading.then(function (sections) {
        var excerpt = excerptOf(sections, units);
        if (excerpt === null) { item.remove(); return; }
        if (excerpt.anchor) item.setAttribute("data-href", url + "#" + excerpt.anchor);
        var where = item.querySelector(".search-section");
        if (excerpt.heading) where.textContent = excerpt.heading;
        var text = item.querySelector(".search-excerpt");
        text.textContent = "";
        excerpt.pieces.forEach(function (piece) {
          if (piece[1]) {
            var mark = document.createElement("mark");
            mark.textContent = piece[0];
            text.appendChild(mark);
          } else {
            text.appendChild(document.createTextNode(piece[0]));
          }
        });
      }).catch(function () {});
    }

    function render(found, pagesShown, units, total) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!total) {
        var none = document.createElement("li");
        none.className = "search-empty";
        none.setAttribute("role", "presentation");
        none.textContent = "No page matches.";
        list.appendChild(none);
      }
      pagesShown.forEach(function (p, k) {
        var li = document.createElement("li");
        li.id = "search-option-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-href", p.url);
        var title = document.createElement("span");
        title.className = "search-title";
        title.textContent = p.title;
        li.appendChild(title);
        var kind = found[k].kind;
        if (kind && kind !== "page") {
          var badge = document.createElement("span");
          badge.className = "search-kind";
          badge.textContent = kind;
          li.appendChild(badge);
        }
        var where = document.createElement("span");
        where.className = "search-section";
        li.appendChild(where);
        var excerpt = document.createElement("span");
        excerpt.className = "search-excerpt";
        li.appendChild(excerpt);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function (e) { go(li, e.ctrlKey || e.metaKey); });
        li.addEventListener("auxclick", function (e) { if (e.button === 1) go(li, true); });
        list.appendChild(li);
        excerptInto(li, p, units);
      });
      if (status) status.textContent = total === 0 ? "No page matches." : total === 1 ? "1 page matches." : total + " pages match.";
      setOpen(true);
    }

    function update() {
      var query = input.value;
      var mine = ++generation;
      if (!query.trim()) { setOpen(false); if (status) status.textContent = ""; return; }
      index.meta().then(function (meta) {
        buildFilters(meta);
        return index.search(query, filters).then(function (found) {
          var top = found.results.slice(0, SHOWN);
          return Promise.all(top.map(function (r) { return index.page(meta, r.page); })).then(function (shown) {
            if (mine === generation) render(top, shown, found.units, found.results.length);
          });
        });
      }).catch(function () {
        if (mine === generation && status) status.textContent = "Search is not available.";
      });
    }

    input.addEventListener("focus", function () { index.meta().then(buildFilters).catch(function () {}); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 60); });
    input.addEventListener("keydown", function (e) {
      var count = options().length;
      if (e.key === "ArrowDown") {
        if (panel.hidden && input.value.trim()) update();
        else if (count) setActive((active + 1) % count);
        e.preventDefault();
      } else if (e.key === "ArrowUp") {
        if (count) setActive((active - 1 + count) % count);
        e.preventDefault();
      } else if (e.key === "Enter") {
        var items = options();
        var target = items[active >= 0 ? active : 0];
        if (target) { go(target, e.ctrlKey || e.metaKey); e.preventDefault(); }
      } else if (e.key === "Escape") {
        if (!panel.hidden) setOpen(false); else input.value = "";
        e.preventDefault();
      }
    });
    input.form && input.form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (e.key === "/" && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) { input.focus(); e.preventDefault(); }
    });
    document.addEventListener("click", function (e) { if (input.form && !input.form.contains(e.target)) setOpen(false); });

    // `?q=` in the address opens the results, as a search engine's link would.
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; update(); }
    // Otherwise meta.json (about 1 KB) is fetched once the page is idle, so a first query starts a round trip ahead.
    else (window.requestIdleCallback || function (f) { setTimeout(f, 1500); })(function () { index.meta().catch(function () {}); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(typeof window !== "undefined" ? window : this);
