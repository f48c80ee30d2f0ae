/** The briefing as Markdown (GitHub-flavoured: tables and [^n] footnotes); charts link to their SVG files. */
import { isNote, shownText, type Block, type Briefing, type Inline } from "./model.ts";

function text(content: Inline[]): string {
  return content.map((c) => (isNote(c) ? `[^${c.note}]` : escapeMd(shownText(c)))).join("");
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, "\\$1");
}

function cell(s: string): string {
  return escapeMd(s).replaceAll("\n", " ");
}

function block(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return text(b.content);
    case "list":
      return b.items.map((i) => `- ${text(i)}`).join("\n");
    case "table": {
      const head = `| ${b.head.map(cell).join(" | ")} |`;
      const rule = `| ${b.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`;
      const rows = b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`);
      return [`*${text(b.caption)}*`, "", head, rule, ...rows].join("\n");
    }
    case "chart":
      return `![${escapeMd(b.description)}](${b.file})\n\n*${escapeMd(b.title)}*[^${b.note}]`;
  }
}

export function renderMarkdown(doc: Briefing): string {
  const out: string[] = [`# ${doc.title}`, "", `**${doc.subtitle}**`, "", doc.date, ""];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, "");
    for (const b of s.blocks) out.push(block(b), "");
  }
  out.push("## Notes and sources", "");
  doc.notes.forEach((n, i) => out.push(`[^${i + 1}]: ${escapeMd(n)}`));
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
