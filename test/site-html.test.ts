/**
 * Valid HTML: the W3C Nu HTML Checker (vnu-jar, the same checker as validator.w3.org/nu, run on the local Java)
 * over every page of the built site, in one invocation: no error on any page.
 * Needs the site the test setup builds and Java 11 or later (`java` on PATH, or JAVA_HOME).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, builtSiteDir, builtOutputs } from "./helpers/site.ts";

// The site and the briefings are built while the database-only test files run: wait for them (global-setup.ts).
await builtOutputs();

const VNU = join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";

interface Message {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Run the checker over `dir`; its messages (errors only), from its JSON output. */
function checkHtml(dir: string): Promise<Message[]> {
  return new Promise((resolve, reject) => {
    execFile(
      JAVA,
      // A short run: the JVM's quick compiler only and its serial collector took the check of the whole site from
      // 15 s of CPU (8.3 s) to 6 s (5.0 s), with the same report.
      [
        "-Xss4m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        VNU,
        "--errors-only",
        "--format",
        "json",
        "--skip-non-html",
        dir,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // The checker exits 1 when it reports errors; its report is on stderr.
        const text = stderr || stdout;
        try {
          resolve((JSON.parse(text) as { messages: Message[] }).messages);
        } catch {
          reject(error ?? new Error(`vnu gave no JSON report: ${text.slice(0, 500)}`));
        }
      },
    );
  });
}

describe("valid HTML", () => {
  it("the W3C Nu HTML Checker finds no error on any page of the built site", async () => {
    const dist = builtSiteDir();
    if (!existsSync(VNU)) throw new Error(`${VNU} is missing: run \`npm ci\``);
    const messages = await checkHtml(dist);
    const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
    const report = errors
      .slice(0, 30)
      .map((m) => `${m.url.replace(/^file:.*?\/dist\//, "dist/")}:${m.lastLine ?? "?"}: ${m.message}`);
    expect(report, `${errors.length} errors`).toEqual([]);
  }, 600_000);

  it("the checker finds what it must: a page with an empty id and a duplicate id fails", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "ccm-vnu-"));
    try {
      writeFileSync(
        join(dir, "bad.html"),
        '<!doctype html><html lang="en"><title>t</title><h1 id="">x</h1><p id="a">1</p><p id="a">2</p></html>',
      );
      const messages = await checkHtml(dir);
      expect(messages.map((m) => m.message).join("\n")).toMatch(/Duplicate ID “a”/);
      expect(messages.length).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
