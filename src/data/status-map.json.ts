// The Universalization map for the browser: the same Vega-Lite spec the page inlines as SVG, with every counted
// day's statuses (view status_on_dates) so the date control re-draws it, and the counts per day (membership_counts).
import { withHouseStyle } from "../../data-loaders/charts/render.ts";
import { statusMapData } from "../../data-loaders/site/explorers.ts";
import { emitJson, runLoader, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("status-map.json", async () => {
  const { chart, dates, counts, initial } = await withSiteDatabase(statusMapData);
  await emitJson("status-map.json", { spec: withHouseStyle(chart.spec), dates, counts, initial });
});
