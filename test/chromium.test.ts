/**
 * Finding a browser on a newcomer's machine: real executable files in a temporary folder stand for installed
 * browsers; the lookup reads the real file system.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChromiumMissingError, chromiumCandidates, requireChromium } from "../data-loaders/lib/chromium.ts";

const root = mkdtempSync(join(tmpdir(), "ccm-chromium-lookup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function executable(path: string, mode = 0o755): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, mode);
  return path;
}

describe("requireChromium", () => {
  it("takes CCM_CHROMIUM first, even when a browser or the headless shell is on PATH", () => {
    const bin = join(root, "a");
    executable(join(bin, "chromium"));
    executable(join(bin, "chromium-headless-shell"));
    const mine = executable(join(root, "my-chrome"));
    expect(requireChromium(undefined, { env: { PATH: bin, CCM_CHROMIUM: mine }, platform: "linux", home: root })).toBe(
      mine,
    );
  });

  it("refuses a CCM_CHROMIUM that is not executable, naming it", () => {
    const notExec = executable(join(root, "not-exec"), 0o644);
    expect(() => requireChromium(undefined, { env: { CCM_CHROMIUM: notExec }, platform: "linux", home: root })).toThrow(
      `CCM_CHROMIUM (or the executable given) names ${notExec}, which is not an executable file`,
    );
  });

  it("finds Google Chrome or Edge on PATH when there is no Chromium (Linux)", () => {
    const bin = join(root, "b");
    const edge = executable(join(bin, "microsoft-edge"));
    expect(requireChromium(undefined, { env: { PATH: bin }, platform: "linux", home: root })).toBe(edge);
    const chrome = executable(join(bin, "google-chrome-stable"));
    expect(requireChromium(undefined, { env: { PATH: bin }, platform: "linux", home: root })).toBe(chrome);
  });

  it("prefers Chromium's headless shell to a browser, and skips it when a browser is asked for (perf)", () => {
    const bin = join(root, "shell");
    const browser = executable(join(bin, "chromium"));
    const debian = executable(join(bin, "chromium-headless-shell"));
    const lookup = { env: { PATH: bin }, platform: "linux" as const, home: root };
    expect(requireChromium(undefined, lookup)).toBe(debian);
    expect(requireChromium(undefined, { ...lookup, shell: false })).toBe(browser);
    expect(chromiumCandidates({ ...lookup, shell: false }).filter((p) => p.includes("headless-shell"))).toEqual([]);
    // Google's build of it, in a later PATH folder, still comes before the browser in the first.
    const other = join(root, "shell-google");
    const google = executable(join(other, "chrome-headless-shell"));
    const both = { ...lookup, env: { PATH: [join(root, "shell-none"), other].join(delimiter) } };
    executable(join(root, "shell-none", "google-chrome"));
    expect(requireChromium(undefined, both)).toBe(google);
  });

  it("skips a PATH entry that is not executable", () => {
    const bin = join(root, "c");
    executable(join(bin, "chromium"), 0o644);
    const chrome = executable(join(bin, "google-chrome"));
    expect(requireChromium(undefined, { env: { PATH: bin }, platform: "linux", home: root })).toBe(chrome);
  });

  it("looks in the user's Applications folder on macOS", () => {
    const app = executable(join(root, "Applications", "Google Chrome.app", "Contents", "MacOS", "Google Chrome"));
    expect(chromiumCandidates({ env: { PATH: "" }, platform: "darwin", home: root })).toContain(app);
    expect(requireChromium(undefined, { env: { PATH: "" }, platform: "darwin", home: root })).toBe(app);
  });

  it("says where it looked and how to install one when nothing is found", () => {
    const empty = join(root, "empty");
    mkdirSync(empty, { recursive: true });
    let error: unknown;
    try {
      requireChromium(undefined, { env: { PATH: empty }, platform: "darwin", home: join(root, "nobody") });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChromiumMissingError);
    const message = (error as Error).message;
    expect(message).toContain("no Chromium, Chrome or Edge was found (looked on PATH for chromium, chromium-browser");
    expect(message).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(message).toContain("How to fix: on Debian/Ubuntu `sudo apt-get install chromium");
  });
});
