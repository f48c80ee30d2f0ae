// The generated briefing of one cycle as a file for the site: briefing.pdf from briefings/<cycle>/
// (`npm run briefing -- <cycle>`); the page itself renders briefing.json with the charts inline. An archive, so
// that one parameterized loader serves every cycle: pages reference data/briefing-files/<cycle>/briefing.pdf.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loaderParam, runLoader } from "../../../data-loaders/site/site-db.ts";

runLoader("briefing-files/[cycle].tar", async () => {
  const cycle = loaderParam("cycle");
  const dir = join(process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings"), cycle);
  const pdf = join(dir, "briefing.pdf");
  if (!existsSync(pdf)) throw new Error(`briefings/${cycle}/briefing.pdf is missing: run \`npm run briefing -- ${cycle}\` first`);
  const bytes = readFileSync(pdf);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error(`briefings/${cycle}/briefing.pdf is not a PDF`);
  return { files: [{ name: "briefing.pdf", bytes }] };
}, { readsBriefings: true });
