/** `briefing init`: the generated draft written as a source, in the analyst's reference syntax (docs/briefing.md). */
import { isNote, type Inline, type Section } from "../model.ts";

/**
 * The generated draft as a source: its title, and each section as its heading and its blocks. Paragraphs and list
 * items are written out as Markdown, every number as the reference it carries and every note as {note <key>};
 * tables and charts as {table <name>} and {chart <name>}; a paragraph the source cannot express (a number without
 * a reference) as {block <name>}, its stable name.
 */
export function draftSource(cycle: string, title: string, sections: Section[]): string {
  const out = [
    `# ${title}`,
    "",
    `<!-- The source of the ${cycle} briefing. Rewrite any sentence, cut, add; never type a number: every number is a`,
    `     reference such as {value 9.1}, {trend 9.1 previous_value} or {count improved|indicator}, and {note …} places`,
    `     a source note (it covers the numbers before it; a number without one gets its own). See docs/briefing.md. -->`,
    "",
  ];
  for (const s of sections) {
    out.push(`## ${s.title}`, "");
    for (const b of s.blocks) {
      if (b.kind === "chart") out.push(`{chart ${/([^/]+)\.svg$/.exec(b.file)?.[1] ?? b.file}}`);
      else if (b.kind === "table") {
        if (!b.name) throw new Error(`Section ${s.id}: a table without a name cannot be written into the source`);
        out.push(`{table ${b.name}}`);
      } else {
        // A named paragraph or list is one whose numbers the composer does not give references: included by its name.
        const lines = b.name
          ? null
          : b.kind === "paragraph"
            ? [sourceText(b.content)]
            : b.items.map((item) => {
                const t = sourceText(item);
                return t === null ? null : `- ${t}`;
              });
        if (lines?.every((l): l is string => l !== null)) out.push(...lines);
        else if (b.name) out.push(`{block ${b.name}}`);
        else
          throw new Error(
            `Section ${s.id}: a ${b.kind} with a number that carries no reference, and no name to include it by`,
          );
      }
      out.push("");
    }
  }
  return out.join("\n");
}

/** Inline content as source text (numbers as references, notes by key), or null when the source cannot say it. */
export function sourceText(content: Inline[]): string | null {
  let out = "";
  for (const c of content) {
    if (typeof c === "string") {
      if (/[{}\n]|<!--/.test(c)) return null;
      out += c;
    } else if ("ref" in c) out += `{${c.ref}}`;
    else if (isNote(c) && c.key !== undefined) out += `{note ${c.key}}`;
    else return null;
  }
  if (out !== out.trim() || !out || /^(#|[-*]\s)/.test(out)) return null;
  return out;
}
