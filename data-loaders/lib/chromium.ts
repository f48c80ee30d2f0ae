/**
 * Headless Chromium for the briefing PDF, the browser tests and the perf script: an installed Chromium, Chrome or
 * Edge (CCM_CHROMIUM wins) driven by playwright-core, never a downloaded browser. The flags keep it off the network:
 * no background requests, no component updates, no sync.
 */
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

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

/** Executable names looked up on PATH (Linux, and macOS when a package manager put one there), in order. */
const PATH_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "microsoft-edge",
  "microsoft-edge-stable",
];

/** Places browsers install to that are often not on PATH (Snap, the vendors' packages, macOS app bundles). */
function knownPlaces(platform: NodeJS.Platform, home: string): string[] {
  if (platform === "darwin") {
    const apps = [
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    return [...apps.map((a) => join("/Applications", a)), ...apps.map((a) => join(home, "Applications", a))];
  }
  return ["/usr/bin/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"];
}

export interface ChromiumLookup {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every place looked at, in order: CCM_CHROMIUM, then PATH, then the platform's usual install places. */
export function chromiumCandidates(lookup: ChromiumLookup = {}): string[] {
  const env = lookup.env ?? process.env;
  const platform = lookup.platform ?? process.platform;
  const fromPath = (env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "")
    .flatMap((dir) => PATH_NAMES.map((name) => join(dir, name)));
  const places = [...fromPath, ...knownPlaces(platform, lookup.home ?? homedir())];
  return [...new Set(places)];
}

export class ChromiumMissingError extends Error {
  constructor(looked: string[], explicit?: string) {
    const where = explicit
      ? `CCM_CHROMIUM (or the executable given) names ${explicit}, which is not an executable file`
      : `no Chromium, Chrome or Edge was found (looked on PATH for ${PATH_NAMES.join(", ")} and at ${looked
          .filter((p) => !PATH_NAMES.some((n) => p.endsWith(`/${n}`)))
          .join(", ")})`;
    super(
      `${where}; the briefing PDF and the browser tests use a headless Chromium.\n` +
        "  How to fix: on Debian/Ubuntu `sudo apt-get install chromium fonts-dejavu-core fonts-noto-core`; on macOS\n" +
        "  install Google Chrome, Chromium or Microsoft Edge in /Applications; or point CCM_CHROMIUM at the executable.",
    );
    this.name = "ChromiumMissingError";
  }
}

/**
 * The Chromium executable to drive: `explicit` or CCM_CHROMIUM when set (and then only that one), else the first
 * Chromium, Chrome or Edge found on PATH or in the platform's usual places. Throws a ChromiumMissingError that says
 * where it looked and how to install one.
 */
export function requireChromium(explicit?: string, lookup: ChromiumLookup = {}): string {
  const env = lookup.env ?? process.env;
  const chosen = explicit ?? env.CCM_CHROMIUM;
  if (chosen) {
    if (!isExecutable(chosen)) throw new ChromiumMissingError([], chosen);
    return chosen;
  }
  const looked = chromiumCandidates(lookup);
  const found = looked.find(isExecutable);
  if (!found) throw new ChromiumMissingError(looked);
  return found;
}

/** The executable for this process, found once (CCM_CHROMIUM, else the first one installed). */
let cached: string | undefined;
export function chromiumPath(): string {
  cached ??= requireChromium();
  return cached;
}
