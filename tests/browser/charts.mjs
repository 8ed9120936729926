// Opens pages of a built site that hold charts (the statistics' bars,
// partials/bar_chart.html, and the targets' bars of a campaign page) in
// headless Chromium at 1280 px, at 360 px and as printed (print media at an
// A4 page's width less its margins, 718 px), and checks that the charts can
// be seen:
//
// - the page does not scroll sideways and nothing is wider than the viewport;
// - no element has a style attribute and no script runs (the page's security
//   policy, deploy/nginx.conf, allows neither; JSON-LD is data, not a script);
// - each chart (svg.bars, svg.target-bar) is shown, inside the viewport, and
//   a statistics chart has a <title> and its figures as a table (shown, one
//   row per bar at least) beside it at 1280 px and below it at 360 px;
// - each text of a chart is inside its drawing (not cut off) and drawn at
//   10 px or more;
// - a screenshot of each chart, decoded here, has the bars painted: at least
//   half of the pixels the filled bars cover are of their fill colour, which
//   differs from the colour behind them (so the bars are not invisible, nor
//   left unstyled by a refused style sheet).
//
// usage: node charts.mjs <public dir> [--screenshots DIR] <page>...
//   (pages as paths below the public dir: thong-ke/index.html); with
//   --screenshots each page is also saved whole, at each width, for a person
//   to look at: DIR/<page with / as _>-<width>.png.
// Prints, as JSON, what was checked and the problems found; exits 1 on any.
import { launch, pageArguments } from "./launch.mjs";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";

const { publicDir, value: shots, pages } = pageArguments("charts.mjs", "screenshots");
if (shots) fs.mkdirSync(shots, { recursive: true });

/** The pixels of a PNG as Chromium writes its screenshots: 8-bit RGB or RGBA, not interlaced. */
function decodePng(buffer) {
  let offset = 8;
  let width = 0, height = 0, channels = 0;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`PNG of depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

/** How many pixels of a decoded PNG are within `tolerance` of an [r, g, b] colour. */
function countColour(png, [r, g, b], tolerance = 12) {
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    if (Math.abs(png.pixels[i] - r) <= tolerance && Math.abs(png.pixels[i + 1] - g) <= tolerance && Math.abs(png.pixels[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

// Screenshots are taken with `caret: "initial"`: hiding the caret, Playwright
// sets and then clears a style on the page's inputs (the header's search box),
// which leaves an empty style attribute the check below would report.

/** Runs in the page: its problems, and each chart's filled bars to look for in a screenshot. */
function pageChecks(desktop) {
  const problems = [];
  const width = window.innerWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") :
      el.className?.baseVal ? "." + el.className.baseVal.trim().split(/\s+/).join(".") : "");
  const scroll = document.scrollingElement.scrollWidth;
  if (scroll > width) problems.push(`scrolls sideways: scrollWidth ${scroll} > innerWidth ${width}`);
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 0.5) {
      problems.push(`${name(el)}'s right edge is at ${Math.round(r.right)} px (viewport ${width} px)`);
      if (problems.length > 20) break;
    }
  }
  for (const el of document.querySelectorAll("[style]")) problems.push(`${name(el)} has a style attribute: "${el.getAttribute("style")}"`);
  for (const s of document.querySelectorAll("script")) {
    if (s.type !== "application/ld+json") problems.push(`a script: ${s.outerHTML.slice(0, 80)}`);
  }
  const rgb = (colour) => (colour.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
  const charts = [];
  for (const [i, svg] of [...document.querySelectorAll("svg.bars, svg.target-bar")].entries()) {
    const statistics = svg.classList.contains("bars");
    const where = `${statistics ? "chart" : "target bar"} ${i + 1} (${svg.querySelector("title")?.textContent || svg.closest("tr")?.cells[0]?.textContent.trim().slice(0, 40) || "no name"})`;
    const box = svg.getBoundingClientRect();
    if (!svg.checkVisibility() || box.width < 1 || box.height < 1) {
      problems.push(`${where} is not shown (${box.width}×${box.height})`);
      continue;
    }
    if (box.left < -0.5 || box.right > width + 0.5) problems.push(`${where} spans ${Math.round(box.left)}–${Math.round(box.right)} px, outside the viewport`);
    if (statistics) {
      if (!svg.querySelector(":scope > title")?.textContent.trim()) problems.push(`${where} has no <title>`);
      const table = svg.closest(".chart")?.querySelector("table.chart-table");
      if (!table || !table.checkVisibility()) problems.push(`${where} has no table of its figures shown`);
      else {
        const bars = svg.querySelectorAll(".bar-row").length;
        if (table.tBodies[0].rows.length < bars) problems.push(`${where}: ${bars} bars, ${table.tBodies[0].rows.length} rows in its table`);
        const t = table.getBoundingClientRect();
        if (desktop && t.left < box.right - 0.5) problems.push(`${where}: its table is not beside it at ${width} px (table from ${Math.round(t.left)} px, the drawing to ${Math.round(box.right)} px)`);
        if (!desktop && t.top < box.bottom - 0.5) problems.push(`${where}: its table is not below it at ${width} px`);
      }
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll("text")) {
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
          problems.push(`${where}: the text “${text.textContent}” is cut off (${Math.round(r.left)}–${Math.round(r.right)} px in a drawing of ${Math.round(box.left)}–${Math.round(box.right)} px)`);
        }
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < 10) problems.push(`${where}: the text “${text.textContent}” is drawn at ${size.toFixed(1)} px`);
      }
    }
    // The filled bars, and the colour behind them (the track's).
    const filled = [...svg.querySelectorAll("rect.bar-individual, rect.bar-collective")]
      .map((rect) => ({ rect, r: rect.getBoundingClientRect() }))
      .filter(({ r }) => r.width >= 2 && r.height >= 2);
    const byColour = new Map();
    for (const { rect, r } of filled) {
      const fill = getComputedStyle(rect).fill;
      // Inside the edges, which are blended with what is around them.
      const area = Math.max(0, Math.floor(r.width) - 2) * Math.max(0, Math.floor(r.height) - 2);
      byColour.set(fill, (byColour.get(fill) || 0) + area);
    }
    const track = svg.querySelector("rect.bar-track");
    const behind = track ? getComputedStyle(track).fill : "none";
    for (const fill of byColour.keys()) {
      if (fill === "none" || fill === behind || fill === "rgb(0, 0, 0)") problems.push(`${where}: bars filled with ${fill} on ${behind}`);
    }
    svg.setAttribute("data-checked", String(i));
    charts.push({ index: i, where, bars: filled.length, colours: [...byColour].map(([fill, area]) => ({ rgb: rgb(fill), area })) });
  }
  return { problems, charts };
}

const browser = await launch();

const problems = [];
const checked = [];
const views = [
  { label: "1280 px", width: 1280, media: "screen", desktop: true },
  { label: "360 px", width: 360, media: "screen", desktop: false },
  // A4's 210 mm less 2 × 1.5 cm of margins, at 96 px to the inch.
  { label: "printed", width: 718, media: "print", desktop: true },
];

try {
  for (const rel of pages) {
    const url = pathToFileURL(path.join(path.resolve(publicDir), rel)).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(url);
    for (const view of views) {
      await page.emulateMedia({ media: view.media });
      await page.setViewportSize({ width: view.width, height: 900 });
      const found = await page.evaluate(pageChecks, view.desktop);
      for (const p of found.problems) problems.push(`${rel} ${view.label}: ${p}`);
      if (found.charts.length === 0) problems.push(`${rel} ${view.label}: no chart`);
      let colours = 0;
      for (const chart of found.charts) {
        const png = decodePng(await page.locator(`[data-checked="${chart.index}"]`).screenshot({ caret: "initial" }));
        for (const { rgb, area } of chart.colours) {
          const seen = countColour(png, rgb);
          if (seen < area / 2) problems.push(`${rel} ${view.label}: ${chart.where}: ${seen} pixels of rgb(${rgb}) in its screenshot, where its bars cover ${area}`);
          else colours++;
        }
      }
      if (shots) {
        const file = path.join(shots, `${rel.replace(/\//g, "_").replace(/\.html$/, "")}-${view.label.replace(/ /g, "")}.png`);
        await page.screenshot({ path: file, fullPage: true, caret: "initial" });
      }
      checked.push({ page: rel, view: view.label, charts: found.charts.length, bars: found.charts.reduce((n, c) => n + c.bars, 0), colours });
    }
    for (const e of errors) problems.push(`${rel}: ${e}`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ checked, problems }, null, 1));
process.exitCode = problems.length ? 1 : 0;
