// Debian's chromium (or $CHROMIUM), headless, as every browser test starts
// it: no sandbox (tests run as root in CI), no GPU, and nothing of its own
// reaching the network (updates, sync, QUIC), so that a test sees only the
// site's traffic.
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// The arguments of a script that checks pages: `<public dir> [--OPTION
// VALUE] <page>...`, as charts.mjs and phone-tables.mjs take them.
export function pageArguments(script, option) {
  const args = process.argv.slice(2);
  const publicDir = args.shift();
  let value = null;
  const pages = [];
  while (args.length) {
    const a = args.shift();
    if (a === "--" + option) value = args.shift();
    else pages.push(a);
  }
  if (!publicDir || pages.length === 0) {
    throw new Error(`usage: ${script} <public dir> [--${option} VALUE] <page>...`);
  }
  return { publicDir, value, pages };
}
