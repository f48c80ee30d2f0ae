// The Universalization map for the browser: the same Vega-Lite spec the page inlines as SVG, with every counted
// day's statuses (view status_on_dates) so the date control re-draws it, the counts per day (membership_counts),
// and every State's status on each day a status changed (any other day shows the last of those before it).
import { withHouseStyle } from "../../data-loaders/presentation/render.ts";
import { narrowSpec } from "../../data-loaders/site/explorers.ts";
import { statusMapData } from "../../data-loaders/site/explorers.ts";
import { emitJson, runLoader, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("status-map.json", async () => {
  const { chart, dates, counts, initial, changes } = await withSiteDatabase(statusMapData);
  return emitJson("status-map.json", { spec: withHouseStyle(chart.wide.spec), narrowSpec: narrowSpec(chart.narrow.spec), dates, counts, initial, changes });
});
