// Instant search of the roll of honour (/khen-thuong/). Without this script the
// page shows the full list (or, for long lists, links to one page per initial);
// with it, a search box and three filters appear above.
//
// The rows come from khen-thuong/chi-muc.js, a compact index loaded as a script
// (it works from the disk too). Matching ignores diacritics and tone placement:
// "hoa" finds Hòa, Hoà and Hoa, "duc" finds Đức. Each word typed must begin a
// word of the name, position or unit. The rows found are ranked as the site's
// search ranks pages (tim-kiem.js): a word typed with its diacritics puts the
// rows that spell it so first ("Đức" before "dục"), then rows with the words
// in the name before those with them only in the position or unit, whole
// words before beginnings, the newer year first, and the roll's order within.
// At most LIMIT rows are drawn, so a keystroke stays fast with tens of
// thousands of names.
(function () {
  "use strict";
  var data = window.BANGVANG_ROLL;
  var form = document.getElementById("loc-bang-vang");
  if (!data || !form) return;
  var LIMIT = 100;
  // Past this many rows found the roll's order is kept: ranking them would
  // slow a keystroke (words of a few letters, which the reader goes on
  // typing), and the first rows drawn are not what the reader looks for yet.
  var RANKED = 10000;
  var W = window.BANGVANG_WORDS;
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("tim-kiem");
  var year = document.getElementById("loc-nam");
  var award = document.getElementById("loc-danh-hieu");
  var unit = document.getElementById("loc-don-vi");
  var status = document.getElementById("so-ket-qua");
  var results = document.getElementById("ket-qua");
  var full = document.getElementById("danh-sach-day-du");

  // The same folding as the index's (src/text/collate.rs, search_key).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  // Compiles fold's regular expressions while the page loads rather than on
  // the reader's first keystroke.
  fold("Ấp Đông");
  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Row: [collective, name, position, unit, award, list, folded text].
  var unitIndex = {};
  data.units.forEach(function (u, i) { unitIndex[u[0]] = i; });
  var haystacks = data.rows.map(function (r) {
    return " " + r[6] + (r[3] >= 0 ? " " + data.units[r[3]][3] : "");
  });
  // All rows in one text, one per line: the browser's native substring search
  // finds the rows holding a word (tens of thousands of rows in a few
  // milliseconds, even on the first keystroke, before any JavaScript is
  // optimised). `starts` maps a match back to its row.
  var starts = [], offset = 0;
  haystacks.forEach(function (h) { starts.push(offset); offset += h.length + 1; });
  var corpus = haystacks.join("\n");
  function rowAt(position) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  // The rows, in roll order, holding `needle`.
  function rowsWith(needle) {
    var found = [], position = corpus.indexOf(needle);
    while (position >= 0) {
      var i = rowAt(position);
      found.push(i);
      if (i + 1 >= starts.length) break;
      position = corpus.indexOf(needle, starts[i + 1]);
    }
    return found;
  }

  function cellUnit(r) {
    if (r[3] < 0) return "";
    var u = data.units[r[3]];
    return '<a href="' + escape(root + u[2]) + '">' + escape(u[1]) + "</a>";
  }
  function cellDecision(r) {
    var l = data.lists[r[5]];
    return '<a href="' + escape(root + l[1]) + '">' + escape(l[2] || "Dự kiến") + "</a>";
  }
  // The same markup as the pages' tables (partials/honour_table.html): cards
  // on a phone, each cell labelled with its column's name.
  var COLUMNS_PEOPLE = ["Họ và tên", "Chức vụ", "Đơn vị"];
  var COLUMNS_GROUPS = ["Tập thể"];
  // "Năm", or "Năm học" on a site that reports by school year: as the
  // page's own year filter is labelled.
  var yearLabel = document.querySelector('label[for="loc-nam"]');
  var COLUMNS_AWARD = ["Danh hiệu, hình thức", yearLabel ? yearLabel.textContent : "Năm", "Quyết định"];
  function cell(label, html, extra) {
    return '<td role="cell" data-label="' + label + '"' + (extra || "") + ">" + html + "</td>";
  }
  function table(rows, collective) {
    var head = (collective ? COLUMNS_GROUPS : COLUMNS_PEOPLE).concat(COLUMNS_AWARD)
      .map(function (label, i, all) {
        return '<th scope="col" role="columnheader"' + (i === all.length - 2 ? ' class="num"' : "") + ">" + label + "</th>";
      }).join("");
    var body = rows.map(function (r) {
      var l = data.lists[r[5]];
      var cells = cell(collective ? COLUMNS_GROUPS[0] : COLUMNS_PEOPLE[0], escape(r[1]));
      if (!collective) cells += cell(COLUMNS_PEOPLE[1], escape(r[2])) + cell(COLUMNS_PEOPLE[2], cellUnit(r));
      cells += cell(COLUMNS_AWARD[0], escape(data.awards[r[4]])) +
        cell(COLUMNS_AWARD[1], escape(l[4] || ""), ' class="num"') +
        cell(COLUMNS_AWARD[2], cellDecision(r));
      return '<tr role="row">' + cells + "</tr>";
    }).join("");
    return '<div class="table-scroll" role="region" tabindex="0" aria-label="' + (collective ? "Tập thể" : "Cá nhân") + '">' +
      '<table class="roll stacked" role="table"><thead role="rowgroup"><tr role="row">' + head +
      '</tr></thead><tbody role="rowgroup">' + body + "</tbody></table></div>";
  }

  // Each row's words, with their keys and whether they are in the name, made
  // when the row is first ranked; a word's keys are made once.
  var rowWords = [], keysOf = new Map();
  function keysOfWord(word) {
    var k = keysOf.get(word);
    if (!k) { k = W.keys(word); keysOf.set(word, k); }
    return k;
  }
  function wordsOf(i) {
    if (!rowWords[i]) {
      var r = data.rows[i], found = [];
      W.words(r[1]).forEach(function (w) { found.push([keysOfWord(w), 2]); });
      var rest = r[2] + (r[3] >= 0 ? " " + data.units[r[3]][1] : "");
      W.words(rest).forEach(function (w) { found.push([keysOfWord(w), 1]); });
      rowWords[i] = found;
    }
    return rowWords[i];
  }
  // [spelt as typed, in the name, whole words] summed over the words typed.
  function score(i, typed) {
    var total = [0, 0, 0], own = wordsOf(i);
    typed.forEach(function (t) {
      var best = [0, 0, 0];
      own.forEach(function (entry) {
        var k = entry[0];
        if (!W.startsWith(k.folded, t.folded)) return;
        if (t.marked && W.spelledAs(k.spelled, t)) best[0] = 1;
        if (entry[1] > best[1]) best[1] = entry[1];
        if (k.folded === t.folded) best[2] = 1;
      });
      total[0] += best[0]; total[1] += best[1]; total[2] += best[2];
    });
    return total;
  }
  function ranked(found, typed) {
    var scored = found.map(function (i) {
      return { i: i, s: score(i, typed), year: data.lists[data.rows[i][5]][3] || 0 };
    });
    scored.sort(function (a, b) {
      return b.s[0] - a.s[0] || b.s[1] - a.s[1] || b.s[2] - a.s[2] || b.year - a.year || a.i - b.i;
    });
    return scored.map(function (x) { return x.i; });
  }

  function apply() {
    var words = fold(input.value).split(" ").filter(Boolean);
    // Each word must start a word of the row: built once, not once per row.
    var needles = words.map(function (w) { return " " + w; });
    var y = year.value ? Number(year.value) : 0;
    var a = award.value === "" ? -1 : Number(award.value);
    var u = unit.value === "" ? -1 : unitIndex[unit.value];
    if (!words.length && !y && a < 0 && u < 0) {
      results.hidden = true;
      results.innerHTML = "";
      full.hidden = false;
      status.textContent = "";
      return;
    }
    var people = [], groups = [], found = [];
    var candidates = needles.length ? rowsWith(needles[0]) : null;
    var count = candidates ? candidates.length : data.rows.length;
    for (var c = 0; c < count; c++) {
      var i = candidates ? candidates[c] : c;
      var r = data.rows[i];
      if (y && data.lists[r[5]][3] !== y) continue;
      if (a >= 0 && r[4] !== a) continue;
      if (u >= 0 && r[3] !== u) continue;
      var text = haystacks[i], ok = true;
      for (var w = 1; w < needles.length; w++) {
        if (text.indexOf(needles[w]) < 0) { ok = false; break; }
      }
      if (ok) found.push(i);
    }
    var total = found.length;
    if (words.length && total <= RANKED) {
      var typed = W.words(input.value).map(W.keys);
      found = ranked(found, typed);
    }
    for (var f = 0; f < total && people.length + groups.length < LIMIT; f++) {
      var row = data.rows[found[f]];
      (row[0] ? groups : people).push(row);
    }
    var html = "";
    if (people.length) html += '<h2 id="ket-qua-ca-nhan">Cá nhân</h2>' + table(people, false);
    if (groups.length) html += '<h2 id="ket-qua-tap-the">Tập thể</h2>' + table(groups, true);
    results.innerHTML = html;
    results.hidden = false;
    full.hidden = true;
    var shown = people.length + groups.length;
    if (total === 0) status.textContent = "Không tìm thấy kết quả nào.";
    else if (shown < total) status.textContent = "Tìm thấy " + total + " kết quả; đang hiển thị " + shown + " kết quả đầu tiên, hãy gõ thêm để thu hẹp.";
    else status.textContent = "Tìm thấy " + total + " kết quả.";
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  input.addEventListener("input", apply);
  [year, award, unit].forEach(function (s) { s.addEventListener("change", apply); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; apply(); }
})();
