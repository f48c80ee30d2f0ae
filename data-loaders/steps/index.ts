/**
 * The steps, in the order they run: ingest steps after the curated datasets are staged, before the SQL models;
 * steps of the stage "after-models" (the checks of each report) after the models, and of the stage
 * "after-marts" (the column checks of every described relation) after the marts, before the data tests.
 * A new step is a module in this folder exporting `step: PipelineStep`, added to this list. (The datasets of each
 * report are loaded with the curated datasets, keyed by report: report-sources.ts, called by the pipeline.)
 */
import type { PipelineStep } from "./types.ts";
import { step as ungaStep } from "./unga.ts";
import { step as reportChecksStep } from "./report-checks.ts";
import { step as columnChecksStep } from "./column-checks.ts";

export const STEPS: readonly PipelineStep[] = [ungaStep, reportChecksStep, columnChecksStep];
