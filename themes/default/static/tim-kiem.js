// The site's search (/tim-kiem/). The page loads the list of the index's
// parts (tim-kiem/chi-muc.js, which sets BANGVANG_SEARCH_INDEX); a query
// then loads only the parts its words need and, for the results shown, the
// files of what they show (tai-lieu/: title, address, kind, date) and the
// text of their excerpts: the result's own page, fetched, or, for a results
// list and a long page, its fragment (trang/). Every file the build writes
// for it is a script, not JSON, so the search also works from the disk (where
// a browser refuses to fetch a page: the results then have no excerpt) and
// under the site's Content-Security-Policy. The build writes them
// (src/render/search.rs); docs/search.md describes them.
//
// Matching: each word typed must begin a word of the page, compared folded
// (lowercase, without tones and letter marks, đ as d), so "thi dua" finds
// "thi đua" and "hoa" finds Hòa and Hoà. Ranking: words typed with their
// diacritics first put the pages that spell them so ("Đức" before "dục"),
// then matches in the title, then in headings, then whole words, then the
// newer page.
(function () {
  "use strict";
  var index = window.BANGVANG_SEARCH_INDEX;
  var form = document.getElementById("tim-kiem-trang");
  if (!form) return;
  var input = document.getElementById("tu-khoa");
  var status = document.getElementById("so-ket-qua-tim");
  var list = document.getElementById("ket-qua-tim");
  var more = document.getElementById("xem-them");
  var noScript = document.getElementById("tim-kiem-khong-js");
  var root = form.getAttribute("data-root") || "";
  var folder = root + "tim-kiem/";
  var SHOWN = 10;
  // A word so short that the words it begins fill more than this of the
  // index is matched as a whole word, so that typing "t" does not load a
  // letter's whole index.
  var PREFIX_BUDGET = 150 * 1024;
  noScript.hidden = true;
  if (!index) {
    status.textContent = "Không tải được chỉ mục tìm kiếm của trang.";
    return;
  }

  // Words and their keys: tu-khoa.js.
  var W = window.BANGVANG_WORDS;
  var WORD = W.WORD, keys = W.keys, startsWith = W.startsWith, escape = W.escape;
  var otherSpelling = W.otherSpelling;
  function codePoints(text) { return Array.from(text); }

  // The parts: a leaf holds every word beginning with its key; an "own"
  // part only the word that is its key, when longer words are split further.
  var leaves = {}, owns = {}, keysList = [];
  index.parts.forEach(function (p) {
    (p[2] ? owns : leaves)[p[0]] = p[1];
    keysList.push(p);
  });
  function partName(key, own) {
    return (own ? "w-" : "p-") + codePoints(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }
  // What a word needs: [part names], and whether it is matched whole.
  function partsFor(folded) {
    var chars = codePoints(folded);
    for (var n = chars.length; n >= 0; n--) {
      var key = chars.slice(0, n).join("");
      if (Object.prototype.hasOwnProperty.call(leaves, key)) return { names: [partName(key, false)], whole: false };
    }
    var names = [], bytes = 0;
    keysList.forEach(function (p) {
      if (startsWith(p[0], folded)) { names.push(partName(p[0], p[2])); bytes += p[1]; }
    });
    if (bytes <= PREFIX_BUDGET) return { names: names, whole: false };
    return { names: Object.prototype.hasOwnProperty.call(owns, folded) ? [partName(folded, true)] : [], whole: true };
  }

  // Loading: each file once, as a script that calls back.
  var waiting = {}, loads = {}, loadedAt = 0;
  window.BANGVANG_SEARCH = {
    part: function (name, data) { settle("p:" + name, data); },
    page: function (number, data) { settle("f:" + number, data); },
    documents: function (file, data) { settle("d:" + file, data); },
    // For tests/browser/site-search.mjs: when the last file of a query
    // arrived and when its results were drawn (performance.now()).
    timing: { loaded: 0, drawn: 0 }
  };
  function settle(key, data) {
    loadedAt = performance.now();
    if (waiting[key]) { waiting[key](data); delete waiting[key]; }
  }
  function load(key, src) {
    if (!loads[key]) {
      loads[key] = new Promise(function (resolve, reject) {
        waiting[key] = resolve;
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () { script.remove(); };
        script.onerror = function () { script.remove(); delete loads[key]; reject(new Error(src)); };
        document.head.appendChild(script);
      });
    }
    return loads[key];
  }
  function part(name) { return load("p:" + name, folder + "chi-muc/" + name + ".js"); }
  function fragment(n) { return load("f:" + n, folder + "trang/" + n + ".js"); }
  var perFile = index.per_file || 64;
  // What result `n` shows: [address, title, kind, date or null, whether its
  // text is in a fragment].
  function shown(n) {
    var file = Math.floor(n / perFile);
    return load("d:" + file, folder + "tai-lieu/" + file + ".js").then(function (list) { return list[n % perFile]; });
  }
  // The text a result's excerpt is taken from: its fragment's, or its page's
  // (the page's content, .prose, else its main part; read as text, so
  // nothing of the page runs); "" where the page cannot be fetched.
  var pageTexts = {};
  function excerptText(n, entry) {
    if (entry[4]) return fragment(n).then(function (f) { return f.x; });
    if (!pageTexts[n]) {
      pageTexts[n] = fetch(root + entry[0]).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (html) {
        loadedAt = performance.now();
        var doc = new DOMParser().parseFromString(html, "text/html");
        var el = doc.querySelector(".prose") || doc.querySelector("main");
        return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
      }).catch(function () { delete pageTexts[n]; return ""; });
    }
    return pageTexts[n];
  }
  function result(n) {
    return shown(n).then(function (entry) {
      if (!entry) return null;
      return excerptText(n, entry).then(function (text) {
        return { u: entry[0], t: entry[1], k: entry[2], d: entry[3], x: text };
      });
    });
  }

  // The postings of a spelling: [document, flags] pairs (flags: 2 the
  // title, 1 a heading), as src/render/search.rs encodes them.
  var FINAL = "0123456789abcdefghijklmnopqrstuv", MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  function postings(text, each) {
    var value = 0, shift = 0, doc = -1;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), d = MORE.indexOf(c);
      if (d >= 0) { value += d * Math.pow(2, shift); shift += 5; continue; }
      value += FINAL.indexOf(c) * Math.pow(2, shift);
      doc += Math.floor(value / 4) + 1;
      each(doc, value % 4);
      value = 0;
      shift = 0;
    }
  }

  // Documents of one typed word: number → [exact, field, whole].
  function matches(word, loadedParts) {
    var found = new Map(), other = otherSpelling(word.folded);
    loadedParts.forEach(function (data) {
      Object.keys(data).forEach(function (folded) {
        var whole = folded === word.folded || folded === other;
        if (!whole && (word.whole || !startsWith(folded, word.folded))) return;
        var spellings = data[folded];
        Object.keys(spellings).forEach(function (s) {
          var spelled = s || folded;
          var exact = word.marked && W.spelledAs(spelled, word);
          postings(spellings[s], function (doc, flags) {
            var field = flags & 2 ? 3 : flags & 1 ? 2 : 1;
            var m = found.get(doc);
            if (!m) found.set(doc, [exact ? 1 : 0, field, whole ? 1 : 0]);
            else {
              if (exact) m[0] = 1;
              if (field > m[1]) m[1] = field;
              if (whole) m[2] = 1;
            }
          });
        });
      });
    });
    return found;
  }
  var query = 0, ranked = [], shownCount = 0, current = [];
  function run(text) {
    var q = ++query;
    var typed = [], seen = {};
    W.words(text).forEach(function (w) {
      var k = keys(w);
      if (seen[k.spelled]) return;
      seen[k.spelled] = true;
      typed.push(k);
    });
    current = typed;
    if (!typed.length) {
      status.textContent = "";
      list.innerHTML = "";
      more.hidden = true;
      return;
    }
    var needs = typed.map(function (w) {
      var p = partsFor(w.folded);
      w.whole = p.whole;
      return Promise.all(p.names.map(part));
    });
    status.textContent = "Đang tìm…";
    Promise.all(needs).then(function (loaded) {
      if (q !== query) return;
      var perWord = typed.map(function (w, i) { return matches(w, loaded[i]); });
      perWord.sort(function (a, b) { return a.size - b.size; });
      var results = [];
      perWord[0].forEach(function (m, doc) {
        var score = m.slice();
        for (var i = 1; i < perWord.length; i++) {
          var o = perWord[i].get(doc);
          if (!o) return;
          score[0] += o[0]; score[1] += o[1]; score[2] += o[2];
        }
        results.push([doc, score]);
      });
      results.sort(function (a, b) {
        return b[1][0] - a[1][0] || b[1][1] - a[1][1] || b[1][2] - a[1][2] || b[0] - a[0];
      });
      ranked = results;
      shownCount = 0;
      list.innerHTML = "";
      if (!results.length) {
        status.textContent = "Không tìm thấy trang nào có đủ các từ “" + text.trim() + "”.";
        more.hidden = true;
        window.BANGVANG_SEARCH.timing = { loaded: loadedAt, drawn: performance.now() };
        return;
      }
      return show(q, text);
    }).catch(function () {
      if (q === query) status.textContent = "Không tải được chỉ mục tìm kiếm; hãy thử lại.";
    });
  }

  function show(q, text) {
    var next = ranked.slice(shownCount, shownCount + SHOWN);
    return Promise.all(next.map(function (r) { return result(r[0]); })).then(function (found) {
      if (q !== query) return;
      var html = found.filter(Boolean).map(function (f) { return item(f, current); }).join("");
      list.insertAdjacentHTML("beforeend", html);
      shownCount += next.length;
      status.textContent = "Tìm thấy " + ranked.length + " trang có đủ các từ “" + text.trim() + "”" +
        (shownCount < ranked.length ? "; đang hiển thị " + shownCount + " trang đầu." : ".");
      more.hidden = shownCount >= ranked.length;
      window.BANGVANG_SEARCH.timing = { loaded: loadedAt, drawn: performance.now() };
    });
  }

  // Whether a word of the page is one of the words typed.
  function hits(token, typed) {
    var k = keys(token);
    return typed.some(function (w) {
      var other = otherSpelling(w.folded);
      return k.folded === other || (w.whole ? k.folded === w.folded : startsWith(k.folded, w.folded));
    });
  }
  // The text with the words typed marked.
  function marked(text, typed) {
    var out = "", last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (hits(m[0], typed)) {
        out += escape(text.slice(last, m.index)) + "<mark>" + escape(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + escape(text.slice(last));
  }
  // About 30 words of the text around where most of the words typed are
  // close together.
  function excerpt(text, typed) {
    var tokens = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) && tokens.length < 20000) tokens.push([m.index, m[0]]);
    var best = -1, bestCount = 0, WINDOW = 24;
    var hitAt = tokens.map(function (t) { return hits(t[1], typed); });
    for (var i = 0; i < tokens.length && bestCount < typed.length; i++) {
      if (!hitAt[i]) continue;
      var distinct = {};
      for (var j = i; j < Math.min(tokens.length, i + WINDOW); j++) {
        if (!hitAt[j]) continue;
        var f = keys(tokens[j][1]).folded;
        typed.forEach(function (w, n) { if (startsWith(f, w.folded) || f === otherSpelling(w.folded)) distinct[n] = true; });
      }
      var count = Object.keys(distinct).length;
      if (count > bestCount) { bestCount = count; best = i; }
    }
    var from = best < 0 ? 0 : Math.max(0, best - 8);
    var to = Math.min(tokens.length, from + 32);
    if (!tokens.length) return "";
    var start = tokens[from][0];
    var end = to < tokens.length ? tokens[to][0] : text.length;
    return (from > 0 ? "… " : "") + marked(text.slice(start, end).trim(), typed) + (to < tokens.length ? " …" : "");
  }
  function item(f, typed) {
    var meta = escape(f.k) + (f.d ? " · " + escape(f.d) : "");
    var text = f.x ? excerpt(f.x, typed) : "";
    return '<li><a class="result-title" href="' + escape(root + f.u) + '">' + marked(f.t, typed) + "</a>" +
      '<p class="result-meta">' + meta + "</p>" +
      (text ? '<p class="result-excerpt">' + text + "</p>" : "") + "</li>";
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { submit(); }, 150);
  }
  function submit() {
    clearTimeout(timer);
    var text = input.value;
    var url = new URL(window.location.href);
    if (text.trim()) url.searchParams.set("q", text); else url.searchParams.delete("q");
    // The address says the query, so it can be copied and sent; a browser
    // may refuse it for a file opened from the disk.
    try { history.replaceState(null, "", url.toString()); } catch (e) { /* kept as it was */ }
    run(text);
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });
  input.addEventListener("input", later);
  more.addEventListener("click", function () {
    var first = list.children.length;
    show(query, input.value).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
