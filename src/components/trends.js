import {VOTE_COLOR, VOTE_LABEL} from "./format.js";
import {STATUS_COLOR} from "./palette.js";
import {vegaChart} from "./vega.js";

// States Parties and signatories at the end of each year (a step chart), from the status periods.
export function membershipChart(series, {width}) {
  const data = series.flatMap((d) => [
    {year: d.year, group: "States Parties", count: d.parties},
    {year: d.year, group: "Signatories", count: d.signatories}
  ]);
  return vegaChart({
    description: `Number of States Parties and signatories at the end of each year, ${series[0]?.year}–${series.at(-1)?.year}. Latest: ${series.at(-1)?.parties} States Parties, ${series.at(-1)?.signatories} signatories.`,
    data: {values: data},
    mark: {type: "line", interpolate: "step-after", point: true, strokeWidth: 2},
    encoding: {
      x: {field: "year", type: "ordinal", title: "Year (31 December)", axis: {labelAngle: 0, labelOverlap: true}},
      y: {field: "count", type: "quantitative", title: "States"},
      color: {field: "group", type: "nominal", title: null, scale: {domain: ["States Parties", "Signatories"], range: [STATUS_COLOR.state_party, STATUS_COLOR.signatory]}, legend: {orient: "top"}},
      strokeDash: {field: "group", type: "nominal", legend: null, scale: {domain: ["States Parties", "Signatories"], range: [[1, 0], [5, 3]]}},
      tooltip: [{field: "year"}, {field: "group"}, {field: "count"}]
    }
  }, {width});
}

// UNGA votes on the annual CCM resolution: yes / abstain / no per year, stacked, from the recorded totals.
export function ungaTrendChart(resolutions, {width}) {
  const rows = resolutions.flatMap((r) => [
    {year: r.year, vote: VOTE_LABEL.Y, count: r.total_yes, resolution: r.resolution_id},
    {year: r.year, vote: VOTE_LABEL.A, count: r.total_abstentions, resolution: r.resolution_id},
    {year: r.year, vote: VOTE_LABEL.N, count: r.total_no, resolution: r.resolution_id}
  ]).filter((d) => d.count != null);
  const domain = [VOTE_LABEL.Y, VOTE_LABEL.A, VOTE_LABEL.N];
  return vegaChart({
    description: `Recorded votes on the UNGA resolution on the Convention on Cluster Munitions by year: ${resolutions.map((r) => `${r.year} ${r.total_yes} yes, ${r.total_no} no, ${r.total_abstentions} abstentions`).join("; ")}.`,
    data: {values: rows},
    mark: {type: "bar", stroke: "#ffffff", strokeWidth: 0.5},
    encoding: {
      x: {field: "year", type: "ordinal", title: "Year", axis: {labelAngle: 0}},
      y: {field: "count", type: "quantitative", title: "Votes", stack: "zero"},
      color: {field: "vote", type: "nominal", title: "Vote", scale: {domain, range: [VOTE_COLOR.Y, VOTE_COLOR.A, VOTE_COLOR.N]}, legend: {orient: "top"}},
      order: {field: "vote", sort: "ascending"},
      tooltip: [{field: "resolution", title: "Resolution"}, {field: "vote"}, {field: "count"}]
    }
  }, {width});
}

// Votes of one year broken down by region (or by CCM status): a horizontal stacked bar per group.
export function voteBreakdownChart(rows, {groupLabel, width}) {
  const domain = ["Y", "A", "N", "X"].map((v) => VOTE_LABEL[v]);
  return vegaChart({
    description: `Votes by ${groupLabel.toLowerCase()}: ${rows.map((r) => `${r.group} ${r.vote} ${r.count}`).join("; ")}.`,
    height: {step: 26},
    data: {values: rows},
    mark: {type: "bar", stroke: "#ffffff", strokeWidth: 0.5},
    encoding: {
      y: {field: "group", type: "nominal", title: groupLabel, sort: "-x"},
      x: {field: "count", type: "quantitative", title: "States", stack: "zero"},
      color: {field: "vote", type: "nominal", title: "Vote", scale: {domain, range: [VOTE_COLOR.Y, VOTE_COLOR.A, VOTE_COLOR.N, VOTE_COLOR.X]}, legend: {orient: "top"}},
      order: {field: "order", sort: "ascending"},
      tooltip: [{field: "group", title: groupLabel}, {field: "vote"}, {field: "count"}]
    }
  }, {width});
}
