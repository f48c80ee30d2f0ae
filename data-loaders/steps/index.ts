/**
 * The steps, in the order they run: ingest steps after the curated datasets are staged, before the SQL models;
 * steps of the stage "after-analyses" (the checks of each report, then the column checks of every described
 * relation) after the analyses, before the data tests.
 * A new step is a module in this folder exporting `step: PipelineStep`, added to this list.
 */
import type { PipelineStep } from "./types.ts";
import { step as ungaStep } from "./unga.ts";
import { step as reportsStep } from "./reports.ts";
import { step as reportChecksStep } from "./report-checks.ts";
import { step as columnChecksStep } from "./column-checks.ts";

export const STEPS: readonly PipelineStep[] = [ungaStep, reportsStep, reportChecksStep, columnChecksStep];
