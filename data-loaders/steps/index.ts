/**
 * Ingest steps run after the curated datasets are staged and before the SQL models.
 * Each step is a module in this folder exporting `step: PipelineStep`; they run by `order`.
 */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { PipelineStep } from "../pipeline.ts";

export async function registeredSteps(): Promise<PipelineStep[]> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".d.ts"));
  const steps: PipelineStep[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(`${dir}/${f}`).href)) as { step?: PipelineStep };
    if (!mod.step) throw new Error(`data-loaders/steps/${f} must export "step"`);
    steps.push(mod.step);
  }
  return steps.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
