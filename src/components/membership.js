import {statusOn} from "./format.js";

// Count States Parties and signatories on 31 December of each year from the status periods (pure data helper).
export function membershipSeries(statusPeriods, {from, to}) {
  const byState = Map.groupBy ? Map.groupBy(statusPeriods, (p) => p.iso3) : groupBy(statusPeriods, (p) => p.iso3);
  const series = [];
  for (let year = from; year <= to; ++year) {
    const date = `${year}-12-31`;
    let parties = 0;
    let signatories = 0;
    for (const periods of byState.values()) {
      const s = statusOn(periods, date);
      if (s === "state_party") ++parties;
      else if (s === "signatory" || s === "deposited") ++signatories;
    }
    series.push({year, parties, signatories});
  }
  return series;
}

function groupBy(items, key) {
  const map = new Map();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}
