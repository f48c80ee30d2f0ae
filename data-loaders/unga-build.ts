/**
 * The UNGA part of the database, built by the one buildDatabase of the pipeline: the curated datasets it needs
 * (states, unga_vote_totals, unga_topics), the UNDL ingest step, the UNGA models and the UNGA and UNDL data
 * tests. Used by the ingest tests and the benchmark, so that they measure and check exactly what the
 * pipeline runs.
 */
import { createLogger, type Logger } from "./lib/log.ts";
import { buildDatabase } from "./pipeline.ts";
import { step } from "./steps/unga.ts";

export interface UngaBuildOptions {
  sourcesDir: string;
  dbPath: string;
  allowRejects?: boolean;
  logger?: Logger;
}

// states: a UNDL row must name a known State (ingest/undl_unknown_states.sql).
export const UNGA_DATASETS = ["states", "unga_vote_totals", "unga_topics"];

/**
 * The UNGA tables (sql/models/0NN_unga_*.sql, below 050) and the UNGA and UNDL data tests; not the UNGA analyses
 * (07N_unga_*.sql), which read the membership history this build does not load.
 */
function ungaSql(file: string): boolean {
  const [dir, name] = file.split("/") as [string, string];
  if (dir === "models") return /^0[0-4]\d_unga_.*\.sql$/.test(name);
  if (dir === "checks") return /^(unga|undl)_.*\.sql$/.test(name);
  return false;
}

export async function buildUnga(options: UngaBuildOptions): Promise<void> {
  await buildDatabase({
    ...options,
    logger: options.logger ?? createLogger({ quiet: true }),
    datasets: UNGA_DATASETS,
    steps: [step],
    sql: ungaSql,
  });
}
