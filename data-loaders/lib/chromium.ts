/**
 * Headless Chromium for the briefing PDF, the browser tests and the perf script: Debian's
 * /usr/bin/chromium (or CCM_CHROMIUM) driven by playwright-core, never a downloaded browser.
 * The flags keep it off the network: no background requests, no component updates, no sync.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CCM_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium was not found at ${path}; the briefing PDF and the browser tests use headless Chromium.\n` +
        "  How to fix: install it with `sudo apt-get install chromium fonts-dejavu-core fonts-noto-core` (Debian/Ubuntu),\n" +
        "  or point CCM_CHROMIUM at a Chromium or Chrome executable.",
    );
    this.name = "ChromiumMissingError";
  }
}

/** The Chromium executable, or a ChromiumMissingError that says how to install it. */
export function requireChromium(path = CHROMIUM_PATH): string {
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  return path;
}
