// The UNGA vote explorer for the browser: the same Vega-Lite spec the page inlines as SVG, with every recorded
// per-State vote (view unga_state_votes, status on the vote date included) so the controls re-draw it.
import { withHouseStyle } from "../../data-loaders/presentation/render.ts";
import { narrowSpec } from "../../data-loaders/site/explorers.ts";
import { voteExplorerData } from "../../data-loaders/site/explorers.ts";
import { emitJson, runLoader, withSiteDatabase } from "../../data-loaders/site/site-db.ts";

runLoader("vote-explorer.json", async () => {
  const { chart, resolutions, votes, initial } = await withSiteDatabase(voteExplorerData);
  return emitJson("vote-explorer.json", { spec: withHouseStyle(chart.wide.spec), narrowSpec: narrowSpec(chart.narrow.spec), resolutions, votes, initial });
});
