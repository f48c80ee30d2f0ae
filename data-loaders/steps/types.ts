/**
 * What an ingest step is and what it is given: a leaf module (types only), so that the build and the steps
 * import it instead of one another.
 */
import type { Database } from "../lib/db.ts";
import type { Logger } from "../lib/log.ts";
import type { CuratedSources } from "../sources.ts";

export interface PipelineOptions {
  sourcesDir?: string;
  dbPath?: string;
  logger?: Logger;
  /** Skip the SHA-256 check of curated sources (used by tests that build from fixtures). */
  checkChecksums?: boolean;
  /** Passed to steps that accept it (e.g. allow rejected rows in bulk vote files). */
  allowRejects?: boolean;
  /** Build the database as of this report: later reports in sources/reports/ are left out (default: all). */
  asOf?: string;
}

export interface StepContext {
  db: Database;
  sources: CuratedSources;
  sourcesDir: string;
  log: Logger;
  options: PipelineOptions;
  /** Data tests a step already ran for each report (steps/report-checks.ts): the build does not run them again on main. */
  checkedPerReport?: string[];
}

export interface PipelineStep {
  name: string;
  /**
   * When it runs: after the curated datasets are staged, before the models (default), after the models, or after
   * the marts (the column checks, which check every built relation, the marts included).
   */
  stage?: "ingest" | "after-models" | "after-marts";
  run(ctx: StepContext): Promise<void>;
}
