// The generated briefing of one cycle as files for the site: briefing.pdf and charts/*.svg from
// briefings/<cycle>/ (`npm run briefing -- <cycle>`). One archive so one process serves them all; pages
// reference data/briefing-files/<cycle>/briefing.pdf and Framework extracts the entry.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, loaderParam, runLoader } from "../../../data-loaders/site/site-db.ts";
import { tarArchive } from "../../../data-loaders/site/tar.ts";

runLoader("briefing-files/[cycle].tar", async () => {
  const cycle = loaderParam("cycle");
  const dir = join(process.env.CCM_BRIEFINGS_DIR ?? join(ROOT, "briefings"), cycle);
  const pdf = join(dir, "briefing.pdf");
  if (!existsSync(pdf)) throw new Error(`briefings/${cycle}/briefing.pdf is missing: run \`npm run briefing -- ${cycle}\` first`);
  const bytes = readFileSync(pdf);
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error(`briefings/${cycle}/briefing.pdf is not a PDF`);
  const files = [{ name: "briefing.pdf", bytes }];
  const charts = existsSync(join(dir, "charts")) ? readdirSync(join(dir, "charts")).filter((f) => f.endsWith(".svg")) : [];
  for (const chart of charts) {
    const svg = readFileSync(join(dir, "charts", chart));
    if (!svg.includes("<svg")) throw new Error(`briefings/${cycle}/charts/${chart} is not an SVG`);
    files.push({ name: `charts/${chart}`, bytes: svg });
  }
  const archive = tarArchive(files);
  process.stderr.write(`briefing-files/${cycle}.tar: briefing.pdf and ${charts.length} charts, ${archive.length} bytes\n`);
  await new Promise<void>((resolve, reject) => process.stdout.write(archive, (e) => (e ? reject(e) : resolve())));
});
