// Opens a page of a running `bangvang serve` in headless Chromium, runs an edit
// command, and waits (without reloading by hand) until the page shows a text.
// Prints JSON: how long it took and whether the error banner was shown.
//
// usage: node live-reload.mjs <url> <text to wait for> <shell command that edits>
import { launch } from "./launch.mjs";
import { execSync } from "node:child_process";

const [url, expected, edit] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url);
  // Let the event stream connect before editing.
  await page.waitForTimeout(300);
  const start = Date.now();
  execSync(edit);
  await page.waitForFunction((t) => document.body.innerText.includes(t), expected, { timeout: 10000 });
  const banner = await page.evaluate(() => !!document.getElementById("bangvang-loi"));
  console.log(JSON.stringify({ ms: Date.now() - start, banner }));
} finally {
  await browser.close();
}
