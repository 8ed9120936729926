// Crawls a built site served by a web server, in headless Chromium, the way a
// reader's browser meets it, and checks what the publishing issue promises:
//
// - every page reachable from the home page (and every sitemap, feed and
//   calendar address, and the open data's `url`s) answers 200 without a redirect, and so does every
//   stylesheet, script, image and attachment it links; fragments (#dot-1)
//   name an element of their page; no link leaves the site's path;
// - no console error, no script error, no Content-Security-Policy violation,
//   with the server's real headers (this context does not bypass CSP);
// - the server's headers: CSP, nosniff, Referrer-Policy, no-cache for pages,
//   a year and "immutable" for fingerprinted assets, gzip for text;
// - one h1 per page; every form field has a label;
// - at 360 px wide no page scrolls sideways (the theme's tables are cards,
//   checked in detail by phone-tables.mjs; a Markdown table scrolls in its own box);
// - axe-core finds no "serious" or "critical" violation on any page (in a
//   second context that bypasses CSP only so that axe can be injected);
// - the roll of honour's search finds a name typed without diacritics;
// - a missing address gets the theme's 404 page, styled, with working links;
// - the campaign page printed to an A4 PDF shows the document's header and its
//   body, and none of the navigation, search or other screen-only parts.
//
// usage: node crawl.mjs --base http://127.0.0.1:8080/thi-dua/
//          [--public-base https://example.gov.vn/thi-dua/]  (absolute links of
//            the build, mapped to --base)
//          [--campaign phong-trao/2022/]  (the page to print)
//          [--must-reach PATH]...         (pages that links must lead to)
//          [--out DIR]                    (where the PDF goes)
// Prints one line per problem, naming the page, and a summary; exits 1 when
// anything failed.
import { launch } from "./launch.mjs";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const started = Date.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const opts = { mustReach: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [key, value] = [argv[i], argv[i + 1]];
  if (value === undefined) throw new Error(`${key} needs a value`);
  if (key === "--base") opts.base = value;
  else if (key === "--public-base") opts.publicBase = value;
  else if (key === "--campaign") opts.campaign = value;
  else if (key === "--must-reach") opts.mustReach.push(value);
  else if (key === "--out") opts.out = value;
  else throw new Error(`unknown option ${key}`);
}
if (!opts.base) throw new Error("--base is required");
const base = new URL(opts.base);
const publicBase = opts.publicBase ? new URL(opts.publicBase) : null;
const outDir = opts.out || fs.mkdtempSync(path.join(os.tmpdir(), "bangvang-crawl-"));

const failures = [];
const notes = [];
/** A problem of `where` (a URL or a page's site path). */
function fail(where, what) {
  failures.push(`${short(where)}: ${what}`);
}
/** A URL as its path below the site, for messages. */
function short(url) {
  const text = String(url);
  return text.startsWith(base.href) ? "/" + text.slice(base.href.length) : text;
}

/** Absolute addresses of the build (canonical links, feeds, sitemap) are
 *  mapped to the server under test; anything else is left as it is. */
function localize(url) {
  if (publicBase && url.href.startsWith(publicBase.href)) {
    return new URL(base.href + url.href.slice(publicBase.href.length));
  }
  if (publicBase && url.origin === publicBase.origin) {
    // An absolute address of the right host that lost the site's path.
    return url;
  }
  return url;
}
const inSite = (url) => url.origin === base.origin && url.pathname.startsWith(base.pathname);
const sameServer = (url) =>
  url.origin === base.origin || (publicBase && url.origin === publicBase.origin);
const isPage = (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html");
/** `x/index.html` and `x/` are one page. */
const pageKey = (url) => url.pathname.replace(/index\.html$/, "");
const fingerprinted = (url) => /\.[0-9a-f]{8}\.(css|js)$/.test(url.pathname);

function checkHeaders(url, headers, { html }) {
  const csp = headers["content-security-policy"] || "";
  if (!/(^|;)\s*default-src 'self'/.test(csp)) fail(url, `Content-Security-Policy lacks default-src 'self': "${csp}"`);
  if (/unsafe-inline|unsafe-eval/.test(csp)) fail(url, `Content-Security-Policy allows unsafe code: "${csp}"`);
  if (headers["x-content-type-options"] !== "nosniff") fail(url, "no X-Content-Type-Options: nosniff");
  if (!headers["referrer-policy"]) fail(url, "no Referrer-Policy");
  const cache = headers["cache-control"] || "";
  if (fingerprinted(url)) {
    if (!/max-age=31536000/.test(cache) || !/immutable/.test(cache)) {
      fail(url, `a fingerprinted asset should be cached for a year, immutable; Cache-Control: "${cache}"`);
    }
  } else if (cache !== "no-cache") {
    fail(url, `should be revalidated (Cache-Control: no-cache), got "${cache}"`);
  }
  const type = headers["content-type"] || "";
  if (/^text\/|javascript|json|^application\/(atom\+)?xml/.test(type) && !/charset=utf-8/i.test(type)) {
    fail(url, `text without charset=utf-8: Content-Type "${type}"`);
  }
  // deploy/nginx.conf compresses from 256 bytes (gzip_min_length): a
  // smaller file (the search's list of parts on a small site) would grow.
  const small = Number(headers["content-length"]) < 256;
  if ((html || /css|javascript/.test(type)) && !small && headers["content-encoding"] !== "gzip") {
    fail(url, `not compressed (Content-Encoding: "${headers["content-encoding"] || ""}")`);
  }
}

const browser = await launch();

// The reader's browser: a 360 px phone screen, the server's CSP enforced.
const phone = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: false });
await phone.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"} (${e.sourceFile || "page"}:${e.lineNumber})`);
  });
});

const queue = [];
const queued = new Set();
const pages = new Map(); // pageKey → { url, ids }
const fragments = []; // [from, url] of links with a #fragment
const files = new Set();
const headersChecked = new Set();
const reached = new Set(); // page keys some link leads to
const axeTargets = [];

function enqueue(url, from, how) {
  url = new URL(url.href);
  const fragment = url.hash.slice(1);
  url.hash = "";
  if (fragment && isPage(url)) fragments.push([from, url, decodeURIComponent(fragment)]);
  if (!inSite(url)) {
    fail(from, `${how} ${url.href} leaves the site's path ${base.pathname}`);
    return;
  }
  if (isPage(url)) reached.add(pageKey(url));
  const key = isPage(url) ? pageKey(url) + url.search : url.href;
  if (url.pathname.endsWith("index.html") && !queued.has(url.href)) {
    // Both spellings of a page must work; the page is crawled once.
    queued.add(url.href);
    queue.push({ url: new URL(url.href), from, only: "status" });
  }
  if (queued.has(key)) return;
  queued.add(key);
  queue.push({ url, from });
}

/** Checks a page in the phone context; returns the open page (to be closed). */
async function visit(url, from, { expectStatus = 200 } = {}) {
  const page = await phone.newPage();
  const where = url.href;
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const source = m.location()?.url || "";
    // The browser reports the status of a page expected to be missing.
    if (expectStatus !== 200 && source === url.href && /status of 404/.test(m.text())) return;
    fail(where, `console error: ${m.text()}${source && source !== url.href ? ` (${short(source)})` : ""}`);
  });
  page.on("pageerror", (e) => fail(where, `script error: ${e.message}`));
  page.on("requestfailed", (r) => fail(where, `${r.url()} failed: ${r.failure()?.errorText}`));
  // Header checks are asynchronous: they are awaited before the page closes
  // (see `done`), or a late one would ask a closed page for its headers.
  const pending = [];
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()) return;
    if (r.status() !== 200) fail(where, `loads ${short(u)}, which answers ${r.status()}`);
    else if (inSite(u) && !files.has(u.href)) {
      files.add(u.href);
      pending.push(
        r.allHeaders().then(
          (headers) => checkHeaders(u, headers, { html: false }),
          // Closed under a request still in flight: another page checks it.
          () => files.delete(u.href),
        ),
      );
    }
  });
  page.done = async () => {
    await Promise.all(pending);
    await page.close();
  };
  let response;
  try {
    response = await page.goto(url.href, { waitUntil: "load" });
  } catch (e) {
    fail(where, `cannot be opened (linked from ${short(from)}): ${e.message}`);
    return page;
  }
  if (response.status() !== expectStatus) {
    fail(where, `answers ${response.status()}, expected ${expectStatus} (linked from ${short(from)})`);
  }
  if (response.request().redirectedFrom()) fail(where, `is reached through a redirect (linked from ${short(from)})`);
  // Once per page: a second visit is answered from the browser's cache after a
  // "304 Not Modified", without the original's Content-Encoding.
  if (!headersChecked.has(url.href)) {
    headersChecked.add(url.href);
    checkHeaders(url, await response.allHeaders(), { html: true });
  }

  const found = await page.evaluate(() => {
    const links = [];
    const attr = (sel, name) => document.querySelectorAll(sel).forEach((el) => {
      links.push({ how: `<${el.tagName.toLowerCase()} ${name}>`, href: el[name === "content" ? "content" : name] || el.getAttribute(name) });
    });
    attr("a[href]", "href");
    attr("link[href]", "href");
    attr("script[src]", "src");
    attr("img[src]", "src");
    attr("source[src]", "src");
    attr("iframe[src]", "src");
    document.querySelectorAll('meta[property="og:url"]').forEach((el) => links.push({ how: "og:url", href: el.content }));
    const unlabelled = [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
      .filter((el) => el.labels.length === 0 && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
      .map((el) => el.id || el.name || el.outerHTML.slice(0, 60));
    // Sideways scrolling at 360 px, and the elements that cause it: those
    // sticking out of the viewport not inside a box that scrolls by itself.
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (overflow > 0) {
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 1 || r.width === 0) continue;
        let clipped = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") { clipped = true; break; }
        }
        if (!clipped) {
          const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
          culprits.push(`${name} (right edge at ${Math.round(r.right)} px)`);
        }
        if (culprits.length >= 3) break;
      }
    }
    const sheets = [...document.styleSheets].filter((s) => { try { return s.cssRules.length > 0; } catch { return false; } }).length;
    return {
      links,
      ids: [...document.querySelectorAll("[id], a[name]")].map((el) => el.id || el.getAttribute("name")),
      h1: document.querySelectorAll("h1").length,
      unlabelled,
      overflow,
      culprits,
      sheets,
      csp: window.__csp,
    };
  });
  for (const v of found.csp) fail(where, `CSP violation: ${v}`);
  if (found.h1 !== 1) fail(where, `has ${found.h1} h1 elements, not one`);
  for (const f of found.unlabelled) fail(where, `form field without a label: ${f}`);
  if (found.overflow > 0) fail(where, `scrolls sideways by ${found.overflow} px at 360 px wide: ${found.culprits.join(", ") || "cause not found"}`);
  if (found.sheets === 0) fail(where, "no stylesheet was applied");
  pages.set(pageKey(url), { url, ids: new Set(found.ids) });
  for (const { how, href } of found.links) {
    if (!href) continue;
    let target;
    try { target = new URL(href, url); } catch { fail(where, `${how} "${href}" is not a URL`); continue; }
    if (target.protocol === "mailto:" || target.protocol === "tel:") continue;
    target = localize(target);
    if (sameServer(target) || inSite(target)) enqueue(target, where, how);
    else notes.push(`${short(where)}: external link ${target.href} (not followed)`);
  }
  return page;
}

/** A file (not a page): answers 200 without redirect, with the right headers. */
async function fetchFile(url, from) {
  const response = await phone.request.get(url.href, { maxRedirects: 0, headers: { "Accept-Encoding": "gzip" } });
  if (response.status() !== 200) {
    fail(url, `answers ${response.status()} (linked from ${short(from)})`);
    return null;
  }
  if (!files.has(url.href)) {
    files.add(url.href);
    checkHeaders(url, response.headers(), { html: false });
  }
  return response;
}

/** Absolute addresses inside the feeds, the sitemap, the calendar and robots.txt. */
function addressesIn(url, text) {
  const name = url.pathname.split("/").pop();
  let found = [];
  if (name === "sitemap.xml") found = [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  else if (name.endsWith(".xml")) found = [...text.matchAll(/<link[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  else if (name.endsWith(".ics")) {
    const unfolded = text.replace(/\r?\n[ \t]/g, "");
    found = [...unfolded.matchAll(/^URL[^:]*:(.+)$/gm)].map((m) => m[1].trim());
  } else if (name === "robots.txt") found = [...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => m[1]);
  else if (name.endsWith(".json")) {
    // Open data: the `url` of each row, once per address; its description
    // (datapackage.json): the files beside it and the roll's address.
    try {
      const value = JSON.parse(text);
      if (Array.isArray(value)) found = [...new Set(value.map((row) => row.url).filter(Boolean))];
      else if (name === "datapackage.json") {
        found = (value.resources || []).map((r) => new URL(r.path, url).href);
        if (value.homepage) found.push(value.homepage);
      } else fail(url, "is JSON that is neither open data rows nor a data package");
    } catch (e) {
      fail(url, `is not valid JSON: ${e.message}`);
    }
  }
  for (const address of found) {
    const target = localize(new URL(address.replace(/&amp;/g, "&")));
    if (!inSite(target)) fail(url, `lists ${address}, outside the site ${publicBase ? publicBase.href : base.href}`);
    else enqueue(target, url.href, name);
  }
  return found.length;
}

async function crawl() {
  while (queue.length) {
    const { url, from, only } = queue.shift();
    if (only === "status" || !isPage(url)) {
      const response = await fetchFile(url, from);
      if (response && !isPage(url) && /\.(xml|ics|txt|json)$/.test(url.pathname)) {
        addressesIn(url, await response.text());
      }
      continue;
    }
    const page = await visit(url, from);
    await page.done();
  }
}

// 1. Everything from the home page, plus the files made for programs.
enqueue(base, "(start)", "start");
reached.clear();
for (const file of ["sitemap.xml", "robots.txt", "atom.xml", "lich.ics"]) {
  enqueue(new URL(file, base), "(start)", "file");
}
await crawl();
for (const must of opts.mustReach) {
  const key = new URL(must, base).pathname.replace(/index\.html$/, "");
  if (!reached.has(key)) fail(new URL(must, base), "no link leads to this page");
}
for (const [from, url, id] of fragments) {
  const target = pages.get(pageKey(url));
  if (target && !target.ids.has(id)) fail(from, `links to #${id} of ${short(url)}, which has no such element`);
}

// 2. The roll of honour's search, as a reader uses it: a name typed without
//    diacritics finds the person, and the links of the results work.
const rollUrl = new URL("khen-thuong/", base);
if (pages.has(pageKey(rollUrl))) {
  const page = await visit(rollUrl, "(search)");
  const name = await page.locator("#danh-sach-day-du table tbody tr td").first().textContent().catch(() => null);
  if (!name) fail(rollUrl, "the roll shows no individual to search for");
  else {
    const typed = name.trim().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    await page.fill("#tim-kiem", typed);
    const rows = await page.locator("#ket-qua tbody tr td:first-child").allTextContents();
    if (!rows.some((r) => r.trim() === name.trim())) {
      fail(rollUrl, `searching "${typed}" does not find ${name.trim()}: ${JSON.stringify(rows.slice(0, 5))}`);
    }
    const links = await page.locator("#ket-qua a[href]").evaluateAll((as) => as.map((a) => a.href));
    if (links.length === 0) fail(rollUrl, `the results of "${typed}" link nowhere`);
    for (const href of links) enqueue(new URL(href), `${rollUrl.href} (search results)`, "search result");
    axeTargets.push({ url: rollUrl, typed });
  }
  await page.done();
  await crawl();
}

// 3. A missing address, deep below the site: the theme's 404 page, styled,
//    and its links work.
const missing = new URL("khong-co-trang-nay/o/sau/hon/", base);
{
  queued.add(pageKey(missing)); // its own #noi-dung link is not a link to follow
  const page = await visit(missing, "(missing address)", { expectStatus: 404 });
  const heading = await page.locator("h1").first().textContent().catch(() => "");
  if (!/Không tìm thấy trang/.test(heading)) fail(missing, `is not the theme's 404 page (h1: "${heading}")`);
  await page.done();
  pages.delete(pageKey(missing));
  await crawl();
}

// 4. Printing the campaign page on A4.
let printed = "not checked";
if (opts.campaign) {
  const url = new URL(opts.campaign, base);
  const page = await visit(url, "(print)");
  const screen = await page.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");
    const main = document.querySelector("main");
    // What only the screen shows: navigation, search, the skip link, the
    // campaign's status box and table of contents, the site's header and footer.
    const chrome = [...document.querySelectorAll("nav a, [role=search] label, .skip-link, .brand-title, .site-footer p")]
      .map(text).filter(Boolean);
    // Text that the printed document itself contains may appear in the PDF.
    const printedParts = [...main.children].filter((el) => !el.matches("nav, .no-print, [role=search]")).map(text).join(" ");
    const paragraphs = [...document.querySelectorAll(".doc-body > p")].map(text).filter((t) => t.length > 40);
    return { chrome, printedParts, first: paragraphs[0] || "", last: paragraphs[paragraphs.length - 1] || "" };
  });
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0).length;
    return {
      chrome: visible("nav, [role=search], .site-header, .site-footer, .skip-link, .campaign-status"),
      header: visible(".doc-header"),
      body: visible(".doc-body"),
    };
  });
  if (shown.chrome > 0) fail(url, `${shown.chrome} navigation or search elements are displayed in print`);
  if (!shown.header || !shown.body) fail(url, "the document header or body is not displayed in print");
  const pdf = path.join(outDir, "campaign.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: false });
  await page.done();
  const squash = (t) => t.normalize("NFC").replace(/\s+/g, " ").trim();
  const pdfText = squash(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }));
  const firstPage = squash(execFileSync("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }));
  const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }));
  if (!size || Math.abs(Number(size[1]) - 595.3) > 2 || Math.abs(Number(size[2]) - 841.9) > 2) {
    fail(url, `the PDF is not A4: ${size ? size[0] : "no page size"}`);
  }
  const words = (t, n) => squash(t).split(" ").slice(0, n).join(" ");
  for (const expected of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]) {
    if (!firstPage.includes(expected)) fail(url, `the printed first page lacks the document header "${expected}"`);
  }
  for (const [label, paragraph] of [["first", screen.first], ["last", screen.last]]) {
    const start = words(paragraph, 8);
    if (!start) fail(url, `no ${label} paragraph of the body found`);
    else if (!pdfText.includes(start)) fail(url, `the PDF lacks the ${label} paragraph of the body ("${start}…")`);
  }
  const allowed = squash(screen.printedParts);
  for (const label of new Set(screen.chrome.map(squash))) {
    if (!allowed.includes(label) && pdfText.includes(label)) fail(url, `the PDF shows screen-only text "${label}"`);
  }
  printed = `${pageCount} A4 pages, ${pdfText.length} characters`;
}

const crawlSeconds = ((Date.now() - started) / 1000).toFixed(1);

// 5. Accessibility, with axe-core injected into every page (this context
//    bypasses CSP only so that the injected script may run).
const axeSource = fs.readFileSync(path.join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");
const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
let axeRuns = 0;
const minor = new Map();
const deskPage = await desk.newPage();
async function axe(url, label, prepare) {
  const page = deskPage;
  const response = await page.goto(url.href, { waitUntil: "load" });
  if (prepare) await prepare(page);
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ["violations"],
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
  axeRuns += 1;
  for (const v of result.violations) {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
    if (v.impact === "serious" || v.impact === "critical") {
      fail(url, `accessibility (${label}): ${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} element(s): ${targets}`);
    } else {
      const key = `${v.impact} ${v.id}: ${v.help}`;
      const seen = minor.get(key) || { count: 0, example: `${short(url)} ${targets}` };
      seen.count += v.nodes.length;
      minor.set(key, seen);
    }
  }
  return response;
}
for (const { url } of pages.values()) await axe(url, "page");
await axe(missing, "404 page");
for (const { url, typed } of axeTargets) {
  await axe(url, `search results of "${typed}"`, async (page) => {
    await page.fill("#tim-kiem", typed);
    await page.waitForSelector("#ket-qua:not([hidden])");
  });
}

await browser.close();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`crawled ${base.href}: ${pages.size} pages, ${files.size} files, ${axeRuns} axe runs, print: ${printed}; ${failures.length} problems in ${seconds} s (${crawlSeconds} s before axe)`);
for (const [what, seen] of minor) console.log(`note: axe (not serious): ${what} (${seen.count} elements in all, e.g. ${seen.example})`);
for (const n of [...new Set(notes)]) console.log(`note: ${n}`);
process.exit(failures.length ? 1 : 0);
