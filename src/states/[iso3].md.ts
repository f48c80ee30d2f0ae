// Page loader: one page per State (/states/<iso3>): its CCM status today and over time, its recorded UNGA votes,
// the report's findings that name it, the report's statements about it that the UN's records contradict, and its
// other records (Article 7 reporting, obligations). Every table is written into the HTML at build time (the rows
// of every State are read once per build: data-loaders/site/state-pages.ts); scripts only sort and filter.
import { emitPage, htmlTable, page } from "../../data-loaders/site/page.ts";
import { escapeHtml } from "../../data-loaders/site/page-text.ts";
import { paragraphHref } from "../../data-loaders/site/links.ts";
import { afterStatusWords, membershipSourceWords } from "../../data-loaders/site/edition.ts";
import { contestedFlag } from "../../data-loaders/site/contested.ts";
import { recordSide, reportSide } from "../../data-loaders/site/record-issues.ts";
import { statePagesData, type StateFinding, type NamedState } from "../../data-loaders/site/state-pages.ts";
import { loaderParam, runLoader } from "../../data-loaders/site/site-db.ts";

const e = escapeHtml;
const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a>`;

/** A column name in words: "due_year" → "Due year". */
const words = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replaceAll("_", " ");
/** A code of the data in words ("entry_into_force" → "entry into force"); other text as it is. */
const codeWords = (v: unknown) =>
  v === null || v === undefined
    ? "—"
    : typeof v === "string" && /^[a-z0-9]+(_[a-z0-9]+)+$/.test(v)
      ? v.replaceAll("_", " ")
      : String(v);

runLoader("states/[iso3].md", async () => {
  const iso3 = loaderParam("iso3");
  const data = await statePagesData();
  const state = data.states.find((s) => s.iso3 === iso3);
  if (!state) throw new Error(`no State ${iso3} in states`);
  const name = state.name_en;
  const documentOf = new Map(data.documents.map((d) => [d.file, d.document]));
  // A membership source in words; the file names it stands for stay in the tooltip.
  const sourceWords = (source: string | null) =>
    source === null
      ? "—"
      : `<span title="${e(`Technical details: ${source}`)}">${e([...new Set(source.split("; ").map((f) => documentOf.get(f) ?? f))].join("; "))}</span>`;

  const periods = data.status.filter((s) => s.iso3 === iso3);
  const events = data.events.filter((s) => s.iso3 === iso3);
  const resolutionById = new Map(data.resolutions.map((r) => [r.resolution_id, r]));
  const votes = data.votes
    .filter((v) => v.iso3 === iso3)
    .map((v) => ({
      ...v,
      year: resolutionById.get(v.resolution_id)?.year ?? 0,
      topic: resolutionById.get(v.resolution_id)?.topic ?? "",
      source_ref: resolutionById.get(v.resolution_id)?.source_ref ?? null,
    }))
    .sort((a, b) => a.year - b.year || a.resolution_id.localeCompare(b.resolution_id));
  // One row per paragraph and sentence: a sentence that gives several counts (several findings) names the State
  // once. The card counts these rows, the same as the table (it counted findings: Chad 24 for 21 sentences).
  const findingById = new Map(data.findings.map((f) => [f.finding_id, f]));
  const statements = new Map<string, StateFinding & NamedState & { findings: number }>();
  for (const n of data.named.filter((n) => n.iso3 === iso3)) {
    const f = findingById.get(n.finding_id);
    if (!f) continue;
    const key = `${f.paragraph}\u0000${f.statement}`;
    const seen = statements.get(key);
    if (seen) seen.findings += 1;
    else statements.set(key, { ...f, ...n, findings: 1 });
  }
  // In the report's order: the summary's items, then the paragraphs as numbers (18 before 104).
  const order = (p: string) => (/^\d+$/.test(p) ? Number(p) : -1);
  const named = [...statements.values()].sort(
    (a, b) =>
      order(a.paragraph) - order(b.paragraph) ||
      a.paragraph.localeCompare(b.paragraph) ||
      a.finding_id.localeCompare(b.finding_id),
  );
  const findingsCount = named.reduce((n, s) => n + s.findings, 0);
  const reports = [...new Set(named.map((f) => f.report_id).filter((r): r is string => !!r))];
  const issues = data.issues.filter((i) => i.iso3 === iso3);
  const records = data.records.filter((t) => t.byState[iso3]?.length);

  const card = (value: string, label: string, source: string) =>
    `<div class="kpi"><div class="value">${value}</div><div class="label">${label}</div><div class="source">Source: ${source}</div></div>`;
  const kpis = `<div class="kpis">${[
    card(
      e(state.status_label ?? state.status),
      "CCM status today",
      e(`${membershipSourceWords(data.membership)}${afterStatusWords(data.membership)}`),
    ),
    card(String(votes.length), "Recorded UNGA votes", "UN Digital Library voting records"),
    card(
      String(named.length),
      `Statements of the report naming it${findingsCount !== named.length ? ` (${findingsCount} counts)` : ""}`,
      `${e(reports.join(", ") || "the")} Progress Report`,
    ),
  ].join("")}</div>`;

  const statusTable = periods.length
    ? htmlTable(periods, {
        caption: "Status periods (from the treaty actions below)",
        columns: [
          { key: "status_label", label: "Status" },
          { key: "valid_from", label: "From", html: (p) => e(p.valid_from ?? "before the first recorded action") },
          {
            key: "valid_to",
            label: "Until",
            // An open period runs until today, or, begun on a day still to come (an entry into force or a withdrawal
            // the UN's table schedules), has no end recorded.
            html: (p) =>
              e(p.valid_to ?? (p.valid_from && p.valid_from > data.membership.read_on ? "no end recorded" : "today")),
          },
          { key: "source", label: "Source", html: (p) => sourceWords(p.source) },
        ],
      })
    : `<p>No signature, ratification or accession recorded: not party to the Convention.</p>`;
  const eventsTable = events.length
    ? htmlTable(events, {
        caption: "Treaty actions",
        columns: [
          { key: "event", label: "Action", html: (v) => e(codeWords(v.event)) },
          { key: "event_date", label: "Date", html: (v) => e(v.event_date ?? `${v.event_year ?? "—"} (year only)`) },
          { key: "source", label: "Source", html: (v) => sourceWords(v.source) },
          // A note may name the files a date was derived from: their documents in words.
          {
            key: "note",
            label: "Note",
            html: (v) => e(data.documents.reduce((text, d) => text.replaceAll(d.file, d.document), v.note ?? "—")),
          },
        ],
      })
    : "";
  const votesTable = votes.length
    ? htmlTable(votes, {
        caption: `Recorded votes of ${name}`,
        columns: [
          { key: "year", label: "Year", html: (v) => String(v.year) },
          {
            key: "resolution_id",
            label: "Resolution",
            html: (v) =>
              v.source_ref?.startsWith("https://") ? link(v.source_ref, v.resolution_id) : e(v.resolution_id),
          },
          { key: "topic", label: "Topic" },
          // The vote in words; its palette colour marks the border only (text stays at full contrast).
          {
            key: "vote_label",
            label: "Vote",
            value: (v) => v.vote_label ?? v.vote,
            html: (v) =>
              `<span class="badge" style="border-color:var(--ccm-vote-${e(v.vote)}, var(--ccm-line-axis))">${e(v.vote_label ?? v.vote)}</span>`,
          },
          {
            key: "source_line",
            label: "Source",
            // The record as a document; the bulk file and line stay in the tooltip (technical details).
            html: (v) =>
              v.source_ref?.startsWith("https://")
                ? `<a href="${e(v.source_ref)}" title="${e(`${v.source_file}, line ${v.source_line}`)}">UN Digital Library voting record</a>`
                : e(v.source_ref ?? "—"),
          },
        ],
      })
    : `<p>No recorded country-level vote in the data (per-country votes on the CCM resolution are recorded from ${Math.min(...data.resolutions.filter((r) => r.source_ref?.startsWith("https://")).map((r) => r.year))}).</p>`;
  const findingsTable = named.length
    ? htmlTable(named, {
        // The findings are the latest report's (with several reports): the caption names it, whose paragraphs these are.
        caption: `Findings of the progress report (the ${reports.join(", ")} report, as it numbers its paragraphs)`,
        columns: [
          {
            key: "paragraph",
            label: "Paragraph",
            html: (f) => link(paragraphHref("..", f.paragraph), `para ${f.paragraph}`),
          },
          { key: "pillar_code", label: "Pillar", html: (f) => link(`../pillars/${f.pillar_code}`, f.pillar_code) },
          // A finding whose count is a disputed indicator value carries its flag (view indicator_contested).
          {
            key: "statement",
            label: "Finding",
            html: (f) =>
              e(f.statement) + (f.indicator_id ? contestedFlag(data.contested, f.indicator_id, f.cycle, "..") : ""),
          },
          { key: "name_as_written", label: "Named as" },
          { key: "detail", label: "Detail" },
          { key: "cycle", label: "Cycle" },
        ],
      })
    : `<p>No finding of the report names this State.</p>`;
  const issuesTable = issues.length
    ? htmlTable(issues, {
        caption: `Where the report's statements about ${name} disagree with the UN's records`,
        stack: true,
        columns: [
          { key: "report_says", label: "The report says", html: reportSide("..") },
          { key: "record_says", label: "The record says", html: recordSide },
          { key: "severity", label: "Severity" },
        ],
      })
    : `<p>No statement of the report about this State disagrees with the UN's voting and treaty records.</p>`;
  const recordTables = records.length
    ? records
        .map((t) => {
          const rows = t.byState[iso3]!;
          const keys = Object.keys(rows[0]!).filter((k) => !["iso3", "finding_id"].includes(k));
          return htmlTable(rows, {
            caption: t.caption,
            columns: keys.map((key) => ({
              key,
              label: key === "name_as_written" ? "Named as" : words(key),
              html: (r: Record<string, unknown>) =>
                key === "paragraph" && r[key] != null
                  ? link(paragraphHref("..", String(r[key])), `para ${r[key]}`)
                  : e(codeWords(r[key])),
            })),
          });
        })
        .join("\n")
    : `<p>No Article 7 or obligation record for this State in the data.</p>`;

  return emitPage(
    `states/${iso3}.md`,
    page(
      { title: name, toc: true },
      `# ${e(name)}`,
      `<p class="muted">${e([iso3, state.iso2].filter(Boolean).join(" · "))} · ${e(state.region ?? "")}${state.subregion ? ` / ${e(state.subregion)}` : ""} · UN: ${e(state.un_status ?? "—")}</p>`,
      kpis,
      "## Status history",
      statusTable,
      eventsTable,
      "## Votes in the UN General Assembly",
      votesTable,
      `## Findings that name ${e(name)}`,
      findingsTable,
      "## The report against the UN's records",
      issuesTable,
      "## Article 7 reporting and obligations",
      recordTables,
      `<p class="source">Sources: the UN Treaty Collection (status and treaty actions), the UN Digital Library voting records (votes), the ${e(reports.join(", ") || "latest")} Progress Report (findings, Article 7 reporting and obligations, as it states them). Each table can be downloaded with its provenance on the <a href="../downloads">Downloads</a> page.</p>`,
    ),
  );
});
