/**
 * Compose the briefing document from the database's rows: summary, what changed since the report before (when
 * the database holds one), one section per pillar (trend table, chart, largest movements in words),
 * universalization with the UNGA trend, the consistency annex. The composer decides what the draft says from the
 * marts' rows and writes every number as a reference and every note by its key: build.ts renders the draft through
 * the one resolver, as it renders an analyst's source. Pure apart from chart rendering.
 */
import { aboutSection, annexSection, recordAnnexSection } from "./appendix.ts";
import { Context, type ChartFile } from "./context.ts";
import type { BriefingData } from "./data.ts";
import { Footnotes, type Briefing, type Section } from "./model.ts";
import { pillarSection } from "./pillar.ts";
import { sinceLastReportSection } from "./since-last-report.ts";
import { summarySection } from "./summary.ts";
import { longDate } from "../lib/dates.ts";
import { universalizationSection } from "./universalization.ts";

export type { ChartFile };

export interface ComposeOptions {
  /** Printed date line, e.g. "27 November 2026"; omitted when not pinned, so output stays reproducible. */
  date?: string;
}

/** The generated draft before its notes are numbered in reading order: a source may include its parts. */
export interface ComposedParts {
  doc: Briefing;
  notes: Footnotes;
  charts: ChartFile[];
  /** The data and lookups the sections were composed from (the source resolver reads clause references from it). */
  ctx: Context;
}

export async function composeParts(data: BriefingData, options: ComposeOptions = {}): Promise<ComposedParts> {
  const notes = new Footnotes();
  const charts: ChartFile[] = [];
  const ctx = new Context(data, notes);
  const target = data.cycles.find((c) => c.is_target)!;
  const first = data.cycles[0]!;
  const sections: Section[] = [];

  sections.push(await summarySection(ctx, target, first, charts));
  const since = sinceLastReportSection(ctx);
  if (since) sections.push(since);
  for (const pillar of data.pillars) {
    sections.push(await pillarSection(ctx, pillar.pillar_code, target, charts));
    if (pillar.pillar_code === "C") sections.push(await universalizationSection(ctx, target, charts));
  }
  if (!data.pillars.some((p) => p.pillar_code === "C"))
    sections.push(await universalizationSection(ctx, target, charts));
  sections.push(annexSection(ctx));
  sections.push(recordAnnexSection(ctx));
  sections.push(aboutSection(ctx));

  const period =
    target.period_start && target.period_end
      ? ` (reporting period ${longDate(target.period_start)} – ${longDate(target.period_end)})`
      : "";
  const doc: Briefing = {
    cycle: data.cycle,
    title: `Convention on Cluster Munitions: annual trend briefing, ${data.cycle}`,
    subtitle: `Lausanne Action Plan indicators from ${first.cycle} to ${target.cycle}${period}`,
    date: options.date ? `Published ${options.date}` : `Generated from the ccm-trends database`,
    sections,
    notes: notes.texts,
  };
  return { doc, notes, charts, ctx };
}
