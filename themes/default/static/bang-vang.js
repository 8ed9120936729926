// Instant filtering of the roll of honour (/khen-thuong/). Without this script
// the page shows the full list; with it, a search box and three filters appear.
// Matching ignores diacritics and tone placement: "hoa" finds Hòa, Hoà and Hoa,
// "duc" finds Đức. Each word typed must begin a word of the name, position or
// unit. Only the first LIMIT matches are put in the page, so a filter stays fast
// with tens of thousands of rows.
(function () {
  "use strict";
  var form = document.getElementById("loc-bang-vang");
  if (!form) return;
  var LIMIT = 500;
  var input = document.getElementById("tim-kiem");
  var year = document.getElementById("loc-nam");
  var award = document.getElementById("loc-danh-hieu");
  var unit = document.getElementById("loc-don-vi");
  var status = document.getElementById("so-ket-qua");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  var tables = Array.prototype.map.call(document.querySelectorAll("table[data-roll]"), function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row) {
      var cells = row.cells;
      // Name, and for people their position and unit: the columns before the award.
      var text = cells[0].textContent;
      if (cells.length > 5) text += " " + cells[1].textContent + " " + cells[2].textContent;
      return {
        el: row,
        text: " " + fold(text),
        year: row.getAttribute("data-year"),
        award: row.getAttribute("data-award"),
        unit: row.getAttribute("data-unit")
      };
    });
    return { table: table, body: body, rows: rows, count: document.querySelector('[data-count-for="' + table.id + '"]') };
  });

  function apply() {
    var words = fold(input.value).split(" ").filter(Boolean);
    var y = year.value, a = award.value, u = unit.value;
    var filtering = words.length > 0 || y || a || u;
    var total = 0, shown = 0;
    tables.forEach(function (t) {
      var matches = [];
      for (var i = 0; i < t.rows.length; i++) {
        var r = t.rows[i];
        if (y && r.year !== y) continue;
        if (a && r.award !== a) continue;
        if (u && r.unit !== u) continue;
        var ok = true;
        for (var w = 0; w < words.length; w++) {
          if (r.text.indexOf(" " + words[w]) < 0) { ok = false; break; }
        }
        if (ok) matches.push(r.el);
      }
      total += matches.length;
      var visible = filtering ? matches.slice(0, LIMIT) : matches;
      shown += visible.length;
      t.body.replaceChildren.apply(t.body, visible);
      t.table.hidden = visible.length === 0;
      if (t.count) t.count.textContent = "(" + matches.length + ")";
    });
    if (!filtering) status.textContent = "";
    else if (total === 0) status.textContent = "Không tìm thấy kết quả nào.";
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
