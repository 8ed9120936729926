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
