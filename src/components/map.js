import * as Plot from "npm:@observablehq/plot";
import * as topojson from "npm:topojson-client";
import {STATUS_COLOR, STATUS_LABEL, STATUS_ORDER} from "./format.js";
import {LINE} from "./palette.js";

// World map of CCM status on one date. `statusByM49` maps ISO numeric codes (world-atlas feature ids) to a
// status and a name. Territories without a State in the database are drawn in outline only.
export function statusMap(world, {statusByM49, date, width}) {
  const countries = topojson.feature(world, world.objects.countries).features;
  const known = countries.filter((f) => statusByM49.has(String(Number(f.id))));
  const info = (f) => statusByM49.get(String(Number(f.id)));
  const counts = STATUS_ORDER.map((s) => `${STATUS_LABEL[s]}: ${known.filter((f) => info(f).status === s).length}`).join(", ");
  return Plot.plot({
    width,
    height: Math.round(width * 0.5),
    projection: "equal-earth",
    ariaLabel: `World map of Convention on Cluster Munitions status on ${date}`,
    ariaDescription: `Countries shaded by status on ${date}. ${counts}. The table below lists every State.`,
    color: {
      type: "ordinal",
      domain: STATUS_ORDER.map((s) => STATUS_LABEL[s]),
      range: STATUS_ORDER.map((s) => STATUS_COLOR[s]),
      legend: true
    },
    marks: [
      Plot.sphere({stroke: LINE.axis}),
      Plot.geo(countries, {fill: "#f6f8fa", stroke: LINE.axis, strokeWidth: 0.3}),
      Plot.geo(known, {
        fill: (f) => STATUS_LABEL[info(f).status],
        stroke: "#ffffff",
        strokeWidth: 0.4,
        title: (f) => `${info(f).name}: ${STATUS_LABEL[info(f).status]} on ${date}`
      })
    ]
  });
}
