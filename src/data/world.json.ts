// World map outlines: world-atlas countries-110m TopoJSON (Natural Earth, public domain) from node_modules, so
// the map needs no network. Feature ids are ISO 3166-1 numeric codes, matched to states.m49.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, emitJson, runLoader } from "../../data-loaders/site/site-db.ts";

runLoader("world.json", async () => {
  const topology = JSON.parse(readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-110m.json"), "utf8")) as {
    type?: string;
    objects?: { countries?: { geometries?: unknown[] } };
  };
  const count = topology.objects?.countries?.geometries?.length ?? 0;
  if (topology.type !== "Topology" || count < 100) throw new Error(`world-atlas countries-110m.json looks malformed (${count} countries)`);
  await emitJson("world.json", topology);
});
