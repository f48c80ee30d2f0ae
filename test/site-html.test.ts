/**
 * Valid HTML: the W3C Nu HTML Checker (vnu-jar, the same checker as validator.w3.org/nu, run on the local Java)
 * over every page of the built site, in one invocation: no error on any page.
 * Needs the site the test setup builds and Java 11 or later (`java` on PATH, or JAVA_HOME).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** Run the checker over the folders, in one invocation; its messages (errors only), from its JSON output. */
function checkHtml(dirs: string[]): Promise<Message[]> {
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
        ...dirs,
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

/** The messages about files under `dir` (the checker names each file by its address, file:/...). */
function under(messages: Message[], dir: string): Message[] {
  return messages.filter((m) => m.url.startsWith("file:") && fileURLToPath(new URL(m.url)).startsWith(join(dir, "/")));
}

describe("valid HTML", () => {
  // The built site and a page with known faults, checked in one run of the checker: a second Java start cost about
  // 1.5 s of CPU.
  let fixture = "";
  let messages: Message[] = [];
  beforeAll(async () => {
    if (!existsSync(VNU)) throw new Error(`${VNU} is missing: run \`npm ci\``);
    fixture = mkdtempSync(join(tmpdir(), "ccm-vnu-"));
    writeFileSync(
      join(fixture, "bad.html"),
      '<!doctype html><html lang="en"><title>t</title><h1 id="">x</h1><p id="a">1</p><p id="a">2</p></html>',
    );
    messages = await checkHtml([builtSiteDir(), fixture]);
  }, 600_000);
  afterAll(() => {
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it("the W3C Nu HTML Checker finds no error on any page of the built site", () => {
    const errors = under(messages, builtSiteDir()).filter((m) => m.type === "error" || m.subType === "fatal");
    const report = errors
      .slice(0, 30)
      .map((m) => `${m.url.replace(/^file:.*?\/dist\//, "dist/")}:${m.lastLine ?? "?"}: ${m.message}`);
    expect(report, `${errors.length} errors`).toEqual([]);
  });

  it("the checker finds what it must: a page with an empty id and a duplicate id fails", () => {
    const found = under(messages, fixture);
    expect(found.map((m) => m.message).join("\n")).toMatch(/Duplicate ID “a”/);
    expect(found.length).toBeGreaterThanOrEqual(2);
    // Every message is about one of the two folders checked.
    expect(messages.length).toBe(under(messages, builtSiteDir()).length + found.length);
  });
});
