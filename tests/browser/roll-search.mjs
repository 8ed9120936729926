// Opens a built roll of honour in headless Chromium, types a query key by key
// and prints, as JSON, the names left in each table and how long each keystroke's
// filtering took (performance.now() around the input event's handler).
//
// usage: node roll-search.mjs <public dir> <query>
import { launch } from "./launch.mjs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [publicDir, query] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const url = pathToFileURL(path.join(path.resolve(publicDir), "khen-thuong", "index.html")).href;
  await page.goto(url);
  await page.waitForSelector("#loc-bang-vang:not([hidden])");
  // Time each input event from dispatch to the end of its handler.
  await page.evaluate(() => {
    window.__timings = [];
    const input = document.getElementById("tim-kiem");
    input.addEventListener("input", () => { window.__t0 = performance.now(); }, { capture: true });
    input.addEventListener("input", () => { window.__timings.push(performance.now() - window.__t0); });
  });
  await page.locator("#tim-kiem").pressSequentially(query);
  const result = await page.evaluate(() => {
    // The results the script drew: a table after each heading.
    const names = (id) => {
      const heading = document.getElementById(id);
      if (!heading) return [];
      return Array.from(heading.nextElementSibling.querySelectorAll("tbody tr"))
        .map((tr) => tr.cells[0].textContent.trim());
    };
    return {
      individuals: names("ket-qua-ca-nhan"),
      collectives: names("ket-qua-tap-the"),
      status: document.getElementById("so-ket-qua").textContent,
      timings: window.__timings,
    };
  });
  result.errors = errors;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
