/**
 * axe-core (from node_modules, never a CDN) injected into a page under test, run with the WCAG 2.0 and 2.1
 * level A and AA rules. Generic: it knows nothing of our markup, so it keeps checking whatever draws the charts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets the site and the briefing must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Impacts that fail a test. Moderate and minor ones are reported, not failed. */
export const FAILING_IMPACTS = ["serious", "critical"];

export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  /** CSS selector of each offending element and the first part of its markup. */
  elements: { target: string; html: string; summary: string }[];
}

interface AxeResultNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeResultNode[];
}

/** Run axe on the page as it is now; returns every violation (any impact), one finding per rule. */
export async function axeViolations(page: Page, label = page.url()): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  return violations.map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    elements: v.nodes.map((n) => ({
      target: n.target.map(String).join(" "),
      html: n.html.slice(0, 160),
      summary: (n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240),
    })),
  }));
}

/** Only the violations that fail: serious or critical. */
export function failing(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => FAILING_IMPACTS.includes(f.impact));
}

/** A readable report: page, rule, impact, and each element (selector, markup, why). */
export function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `${f.page}: ${f.rule} (${f.impact}, ${f.elements.length} element${f.elements.length === 1 ? "" : "s"}): ${f.help}\n` +
        f.elements.map((e) => `    ${e.target}  ${e.html}\n      ${e.summary}`).join("\n"),
    )
    .join("\n");
}

/** Fail (throw) when axe finds a serious or critical violation; the message lists page, rule and elements. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = failing(await axeViolations(page, label));
  if (found.length)
    throw new Error(
      `axe-core (WCAG 2.0/2.1 A and AA): ${found.length} serious or critical violation${found.length === 1 ? "" : "s"}\n${formatFindings(found)}`,
    );
}
