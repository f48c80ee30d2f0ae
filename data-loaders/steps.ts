/**
 * Ingest steps that run after the curated datasets are staged and before the SQL models.
 * Each step is a module of its own; add new ones here, in the order they must run.
 */
import type { PipelineStep } from "./pipeline.ts";

export const registeredSteps: PipelineStep[] = [];
