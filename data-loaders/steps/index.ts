/**
 * The ingest steps, in the order they run: after the curated datasets are staged, before the SQL models.
 * A new step is a module in this folder exporting `step: PipelineStep`, added to this list.
 */
import type { PipelineStep } from "./types.ts";
import { step as ungaStep } from "./unga.ts";
import { step as reportsStep } from "./reports.ts";

export const STEPS: readonly PipelineStep[] = [ungaStep, reportsStep];
