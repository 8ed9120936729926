// Serves a built site on a loopback port, as a web server would, opens its
// search page (/tim-kiem/) in headless Chromium and runs queries, printing
// for each, as JSON: the results' titles and addresses, the words marked in
// the first result, the status line, the files the query loaded (the search's
// scripts and the pages fetched for excerpts) with their bytes (as on disk,
// and gzip-compressed as a web server would send them), and how long after
// the last of them arrived the results were drawn.
//
// usage: node site-search.mjs <public dir> <mode> <query>…
//   mode "url": each query opened as tim-kiem/?q=… in a fresh browser context
//               (nothing cached: what one query fetches);
//   mode "type": each query typed key by key into the box of a fresh page.
// `keys <word>…` prints the script's keys of each word instead.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import http from "node:http";

const [publicDir, mode, ...queries] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const root = path.resolve(publicDir);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
// A static server of the site: a folder's address serves its index.html.
const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    res.end(data);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = "http://127.0.0.1:" + server.address().port;
const searchPage = origin + "/tim-kiem/index.html";
// The file an address of the server is.
function fileOf(url) {
  let file = path.join(root, decodeURIComponent(new URL(url).pathname));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  return file;
}

async function run(query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const files = new Set();
  // What the query loads: the search's scripts, and the pages fetched for
  // the results' excerpts (the search page and the site's shared scripts
  // and styles are loaded before any query).
  page.on("request", (r) => {
    if (!r.url().startsWith(origin)) return;
    const file = fileOf(r.url().split("?")[0]);
    const search = file.startsWith(path.join(root, "tim-kiem") + path.sep) && file.endsWith(".js");
    if (search || r.resourceType() === "fetch") files.add(file);
  });
  if (mode === "url") {
    await page.goto(searchPage + "?q=" + encodeURIComponent(query));
  } else {
    await page.goto(searchPage);
    await page.locator("#tu-khoa").pressSequentially(query, { delay: 30 });
  }
  await page.waitForFunction((q) => {
    const s = document.getElementById("so-ket-qua-tim").textContent;
    return s.includes("“" + q.trim() + "”") && window.BANGVANG_SEARCH.timing.drawn > 0;
  }, query, { timeout: 20000 });
  const result = await page.evaluate(() => {
    const items = Array.from(document.querySelectorAll("#ket-qua-tim > li"));
    const timing = window.BANGVANG_SEARCH.timing;
    return {
      titles: items.map((li) => li.querySelector("a").textContent),
      hrefs: items.map((li) => li.querySelector("a").getAttribute("href")),
      kinds: items.map((li) => li.querySelector(".result-meta").textContent),
      marks: items.length ? Array.from(items[0].querySelectorAll("mark")).map((m) => m.textContent) : [],
      status: document.getElementById("so-ket-qua-tim").textContent,
      moreShown: !document.getElementById("xem-them").hidden,
      drawnAfterLoadMs: timing.drawn - timing.loaded,
      url: window.location.search,
    };
  });
  let bytes = 0, gzipBytes = 0;
  const loaded = [];
  for (const file of [...files].sort()) {
    const data = fs.readFileSync(file);
    bytes += data.length;
    gzipBytes += zlib.gzipSync(data, { level: 6 }).length;
    loaded.push(path.relative(path.resolve(publicDir), file));
  }
  await context.close();
  return { query, ...result, files: loaded, bytes, gzipBytes, errors };
}

try {
  if (mode === "keys") {
    const page = await browser.newPage();
    await page.goto(searchPage);
    const keys = await page.evaluate((words) => words.map((w) => { const k = window.BANGVANG_WORDS.keys(w); return [k.folded, k.spelled]; }), queries);
    console.log(JSON.stringify(keys));
  } else {
    const results = [];
    for (const q of queries) results.push(await run(q));
    console.log(JSON.stringify(results));
  }
} finally {
  await browser.close();
  server.close();
}
