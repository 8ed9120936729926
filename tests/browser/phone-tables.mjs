// Opens pages of a built site in headless Chromium at a phone's width and at a
// desktop's, and checks the tables that become cards on a phone (class
// "stacked", themes/default/static/style.css):
//
// at 360 px
// - nothing is wider than the viewport and the page does not scroll sideways
//   (document.scrollingElement.scrollWidth <= innerWidth);
// - each row is a card: every cell that has something in it is displayed,
//   inside the viewport, with its label shown before it (::before), the label
//   being its column's header; an empty cell is not displayed;
// - the header row is out of sight but the table is still a table in
//   Chromium's accessibility tree: a table, its column headers, its cells, and
//   a cell's accessible name is its text, without the label (which would be
//   read twice);
// at 1280 px
// - the table is a table: display table, table-row, table-cell, the header
//   row visible, no labels.
//
// With --search QUERY the roll's search (bang-vang.js) is also run on the first
// page, and the tables it draws are checked the same way.
//
// usage: node phone-tables.mjs <public dir> [--search QUERY] <page>...
//   (pages as paths below the public dir: khen-thuong/index.html)
// Prints, as JSON, what was checked and the problems found; exits 1 on any.
import { launch, pageArguments } from "./launch.mjs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const { publicDir, value: search, pages } = pageArguments("phone-tables.mjs", "search");

const browser = await launch();

const problems = [];
const checked = [];

/** Runs in the page: the problems of its stacked tables at a phone's width. */
function phoneChecks() {
  const problems = [];
  const width = window.innerWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const scroll = document.scrollingElement.scrollWidth;
  if (scroll > width) problems.push(`scrolls sideways: scrollWidth ${scroll} > innerWidth ${width}`);
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.width > width + 0.5 || r.right > width + 0.5) {
      problems.push(`${name(el)} is ${Math.round(r.width)} px wide, its right edge at ${Math.round(r.right)} px (viewport ${width} px)`);
      if (problems.length > 20) break;
    }
  }
  // The tables shown: while a search's results are, the full list is hidden.
  const tables = [...document.querySelectorAll("table.stacked")].filter((t) => t.checkVisibility());
  let rows = 0, cells = 0, empty = 0;
  for (const [t, table] of tables.entries()) {
    const where = `table ${t + 1} (${table.id || table.closest("[aria-label]")?.getAttribute("aria-label") || "no name"})`;
    const headers = [...table.tHead.rows[0].cells].map((th) => th.textContent.trim());
    const head = table.tHead.getBoundingClientRect();
    if (head.width > 1 || head.height > 1) problems.push(`${where}: the header row is shown (${head.width}×${head.height})`);
    for (const tr of table.tBodies[0].rows) {
      rows++;
      if (getComputedStyle(tr).display !== "block") problems.push(`${where}: a row is displayed as ${getComputedStyle(tr).display}, not a card`);
      [...tr.cells].forEach((td, i) => {
        const label = td.getAttribute("data-label");
        if (label !== headers[i]) problems.push(`${where}, row ${tr.rowIndex}: cell ${i + 1} is labelled ${JSON.stringify(label)}, its column ${JSON.stringify(headers[i])}`);
        const shown = td.checkVisibility();
        if (td.childNodes.length === 0) {
          empty++;
          if (shown) problems.push(`${where}, row ${tr.rowIndex}: the empty cell ${JSON.stringify(label)} is shown`);
          return;
        }
        cells++;
        const r = td.getBoundingClientRect();
        if (!shown || r.width === 0 || r.height === 0) {
          problems.push(`${where}, row ${tr.rowIndex}: the cell ${JSON.stringify(label)} is not shown`);
          return;
        }
        if (r.left < 0 || r.right > width + 0.5) problems.push(`${where}, row ${tr.rowIndex}: the cell ${JSON.stringify(label)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, outside the viewport`);
        const before = getComputedStyle(td, "::before");
        if (before.display === "none" || !before.content.startsWith(JSON.stringify(label))) {
          problems.push(`${where}, row ${tr.rowIndex}: the cell ${JSON.stringify(label)} shows no label (::before content ${before.content}, display ${before.display})`);
        }
      });
    }
  }
  return { problems, tables: tables.length, rows, cells, empty };
}

/** Runs in the page: the problems of its stacked tables at a desktop's width. */
function desktopChecks() {
  const problems = [];
  const tables = [...document.querySelectorAll("table.stacked")].filter((t) => t.checkVisibility());
  for (const [t, table] of tables.entries()) {
    const where = `table ${t + 1}`;
    const display = (el) => getComputedStyle(el).display;
    if (display(table) !== "table") problems.push(`${where} is displayed as ${display(table)}`);
    if (table.tHead.getBoundingClientRect().height <= 1) problems.push(`${where}: the header row is hidden`);
    for (const tr of table.tBodies[0].rows) {
      if (display(tr) !== "table-row") problems.push(`${where}: a row is displayed as ${display(tr)}`);
      for (const td of tr.cells) {
        if (display(td) !== "table-cell") problems.push(`${where}: a cell is displayed as ${display(td)}`);
        const content = getComputedStyle(td, "::before").content;
        if (content !== "none" && content !== "normal") problems.push(`${where}: a cell shows a label (${content})`);
      }
      if (problems.length > 20) break;
    }
  }
  return { problems, tables: tables.length };
}

/** The tables of Chromium's accessibility tree: their roles, as a screen reader gets them. */
async function accessibility(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const roles = { table: 0, row: 0, columnheader: 0, cell: 0 };
  const cellNames = [];
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role?.value;
    if (role in roles) roles[role]++;
    if (role === "cell" && n.name?.value) cellNames.push(n.name.value);
  }
  return { roles, cellNames };
}

async function checkPhone(page, where, expectTables) {
  const found = await page.evaluate(phoneChecks);
  for (const p of found.problems) problems.push(`${where} at 360 px: ${p}`);
  if (expectTables && found.tables === 0) problems.push(`${where}: no stacked table`);
  const ax = await accessibility(page);
  if (found.tables > 0) {
    for (const role of ["table", "row", "columnheader", "cell"]) {
      if (!ax.roles[role]) problems.push(`${where} at 360 px: no ${role} in the accessibility tree`);
    }
    // A cell is named by its text alone: the label is not read on top of the
    // column header.
    const texts = new Set(await page.evaluate(() =>
      [...document.querySelectorAll("table.stacked td")].map((td) => td.textContent.replace(/\s+/g, " ").trim())));
    const labelled = ax.cellNames.filter((n) => !texts.has(n.replace(/\s+/g, " ").trim()));
    if (labelled.length) problems.push(`${where} at 360 px: cells whose accessible name is not their text: ${labelled.slice(0, 3).join(" | ")}`);
  }
  checked.push({ page: where, width: 360, tables: found.tables, rows: found.rows, cells: found.cells, empty: found.empty, roles: ax.roles });
}

try {
  for (const [i, rel] of pages.entries()) {
    const url = pathToFileURL(path.join(path.resolve(publicDir), rel)).href;
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(url);
    await checkPhone(page, rel, true);
    await page.setViewportSize({ width: 1280, height: 800 });
    const desk = await page.evaluate(desktopChecks);
    for (const p of desk.problems) problems.push(`${rel} at 1280 px: ${p}`);
    checked.push({ page: rel, width: 1280, tables: desk.tables });

    if (search && i === 0) {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.waitForSelector("#loc-bang-vang:not([hidden])");
      await page.locator("#tim-kiem").pressSequentially(search);
      await page.waitForSelector("#ket-qua:not([hidden]) table.stacked");
      await checkPhone(page, `${rel} searching "${search}"`, true);
      await page.setViewportSize({ width: 1280, height: 800 });
      const desk = await page.evaluate(desktopChecks);
      for (const p of desk.problems) problems.push(`${rel} searching at 1280 px: ${p}`);
    }
    for (const e of errors) problems.push(`${rel}: ${e}`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ checked, problems }, null, 1));
process.exitCode = problems.length ? 1 : 0;
