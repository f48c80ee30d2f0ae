/**
 * A deterministic generator of files in the UN Digital Library's bulk voting layout (record 4060887),
 * so that the benchmark and the tests need no 200 MB download in the repository.
 *
 * It writes the 193 Member States with their real codes (taken from the committed vote file
 * sources/unga/) and their UNTERM names (sources/raw/reference/country-codes.csv, UTF-8), sessions
 * 1 to 80 with period-correct resolution symbols (A/RES/3379(XXX) before session 31, A/RES/70/54
 * after), emergency special sessions (A/RES/ES-10/…), quoted titles with commas and quotes, and
 * totals that agree with the per-country rows. The same seed gives the same bytes.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { ROOT } from "../lib/db.ts";
import { UNDL_COLUMNS, type UndlLayout } from "./layout.ts";

export interface GenerateOptions {
  rows: number;
  layout: UndlLayout;
  out: string;
  seed?: number;
}

export interface GenerateResult {
  rows: number;
  resolutions: number;
  bytes: number;
}

interface MemberState {
  code: string;
  name: string;
}

const VOTE_FILE = join(ROOT, "sources", "unga", "undl-ccm-votes-2015-2021.csv");
const COUNTRY_CODES = join(ROOT, "sources", "raw", "reference", "country-codes.csv");

/** Small, fast, seedable PRNG (mulberry32): the generator must be reproducible byte for byte. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 193 Member States: codes from the committed UNDL-layout vote file (it has exactly the
 * 193 members), names as UNDL writes them (upper case) from the UNTERM short names; where UNTERM
 * has no name (Türkiye, Côte d'Ivoire) the CLDR name, which keeps non-ASCII letters in the output.
 */
export function loadMemberStates(): MemberState[] {
  const votes = parse(readFileSync(VOTE_FILE), { columns: true }) as Record<string, string>[];
  const codes = [...new Set(votes.map((r) => r.ms_code!))].sort();
  const reference = parse(readFileSync(COUNTRY_CODES), { columns: true }) as Record<string, string>[];
  const byCode = new Map(reference.map((r) => [r["ISO3166-1-Alpha-3"]!, r]));
  const undlName = new Map(votes.map((r) => [r.ms_code!, r.ms_name!]));
  return codes.map((code) => {
    const ref = byCode.get(code);
    const unterm = ref?.["UNTERM English Short"]?.replace(/\s*\(the\)$/, "").trim();
    const name = unterm || ref?.["CLDR display name"] || undlName.get(code)!;
    return { code, name: name.toLocaleUpperCase("en") };
  });
}

// Membership grew from 51 to 193; a resolution of year Y is voted by the first n(Y) States of a fixed order.
const MEMBERSHIP: [number, number][] = [
  [1946, 51],
  [1955, 76],
  [1960, 99],
  [1965, 117],
  [1970, 127],
  [1975, 144],
  [1980, 154],
  [1990, 159],
  [1993, 184],
  [2000, 189],
  [2006, 192],
  [2011, 193],
];
function membersIn(year: number): number {
  let n = 51;
  for (const [y, count] of MEMBERSHIP) if (year >= y) n = count;
  return n;
}

const TOPICAL_TITLES = [
  "Implementation of the Convention on Cluster Munitions",
  "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on Their Destruction",
  "The Arms Trade Treaty",
];
const TITLES = [
  "Situation of human rights in the Democratic People's Republic of Korea",
  "Nuclear disarmament",
  "Towards a nuclear-weapon-free world: accelerating the implementation of nuclear disarmament commitments",
  "Follow-up to the advisory opinion of the International Court of Justice on the Legality of the Threat or Use of Nuclear Weapons",
  "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba",
  "Report of the Special Committee to Investigate Israeli Practices Affecting the Human Rights of the Palestinian People and Other Arabs of the Occupied Territories",
  'Question of "Western Sahara", decolonization and self-determination',
  "Permanent sovereignty of the Palestinian people in the Occupied Palestinian Territory, including East Jerusalem, and of the Arab population in the occupied Syrian Golan over their natural resources",
  "Unilateral economic measures as a means of political and economic coercion against developing countries",
  "Moratorium on the use of the death penalty",
  "Prevention of an arms race in outer space",
  "Effects of the use of armaments and ammunitions containing depleted uranium",
  "Situation of human rights in the Islamic Republic of Iran",
  "Measures to eliminate international terrorism",
  "Admission of new Members to the United Nations",
];
const AGENDA = [
  "General and complete disarmament",
  "Promotion and protection of human rights: human rights situations and reports of special rapporteurs and representatives",
  "Question of Palestine",
  "Report of the Human Rights Council",
];
const SUBJECTS = [
  "CLUSTER MUNITIONS|ARMS CONTROL AND DISARMAMENT",
  "LANDMINES|TREATIES",
  "NUCLEAR DISARMAMENT",
  "HUMAN RIGHTS|SANCTIONS",
  "ARMS TRADE|SMALL ARMS",
];
const NOTES = [
  "Subsequently, the delegation of Nigeria advised the Secretariat that it had intended to vote in favour",
  'Vote recorded as "non-voting": delegation absent, in arrears under Article 19',
];

function roman(n: number): string {
  const table: [number, string][] = [
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes a UNDL-layout CSV of exactly `rows` data rows, streaming in chunks of about 1 MB. */
export function generateUndl(options: GenerateOptions): GenerateResult {
  const random = prng(options.seed ?? 4060887);
  const states = loadMemberStates();
  // A fixed admission order so that early sessions have fewer members, as they did.
  const order = states
    .map((s, i) => ({ s, k: random() + (i % 7 === 0 ? 0 : 0.5) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.s);
  // Each State leans yes / abstain / no in its own way, so that agreement analyses have something to find.
  const lean = new Map(order.map((s) => [s.code, random()]));
  const header = UNDL_COLUMNS[options.layout];
  const fd = openSync(options.out, "w");
  let chunk = header.join(",") + "\n";
  let bytes = 0;
  const flush = (force: boolean) => {
    if (!force && chunk.length < 1 << 20) return;
    bytes += writeSync(fd, chunk);
    chunk = "";
  };

  const totalResolutions = Math.ceil(options.rows / 150);
  const perSession = Math.max(1, Math.ceil(totalResolutions / 80));
  let written = 0;
  let resolutions = 0;
  let undlId = 100000;
  let oldStyleNumber = 1;
  let emergencyNumber = 1;
  try {
    for (let session = 1; written < options.rows; session = session >= 80 ? 1 : session + 1) {
      const cycle = Math.floor(resolutions / (perSession * 80)); // >0 only when rows exceed one pass over 80 sessions
      const year = 1945 + session;
      for (let k = 1; k <= perSession && written < options.rows; k++) {
        const emergency = session >= 50 && k === perSession && random() < 0.3;
        const n = k + cycle * perSession;
        const symbol = emergency
          ? `A/RES/ES-10/${emergencyNumber++}`
          : session < 31
            ? `A/RES/${oldStyleNumber++}(${roman(session)})`
            : `A/RES/${session}/${n}`;
        const sessionLabel = emergency ? "ES-10" : String(session);
        const topical = session >= 70 && k <= TOPICAL_TITLES.length && cycle === 0;
        const title = topical ? TOPICAL_TITLES[k - 1]! : TITLES[Math.floor(random() * TITLES.length)]!;
        const month = 9 + Math.floor(random() * 4);
        const day = 1 + Math.floor(random() * 28);
        const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const members = Math.min(membersIn(year), options.rows - written);
        const support = 0.55 + random() * 0.4;
        const votes = order.slice(0, members).map((s) => {
          const r = (random() + lean.get(s.code)! * 0.3) / 1.3;
          return r < support ? "Y" : r < support + 0.04 ? "N" : r < 0.97 ? "A" : "X";
        });
        const count = (v: string) => votes.filter((x) => x === v).length;
        const committee = session >= 31 ? `A/${session}/${400 + k}` : "";
        const draft = session >= 31 && random() < 0.6 ? `A/C.1/${session}/L.${k}` : "";
        const meeting = session >= 31 ? `A/${session}/PV.${40 + (k % 40)}` : `A/PV.${1000 + k}`;
        const agenda = random() < 0.1 ? "" : AGENDA[Math.floor(random() * AGENDA.length)]!;
        const subjects = random() < 0.25 ? "" : SUBJECTS[Math.floor(random() * SUBJECTS.length)]!;
        const fixed = [sessionLabel, symbol, draft, committee, meeting, title, agenda, subjects].map(csvField);
        const totals = [count("Y"), count("N"), count("A"), count("X"), members].join(",");
        const link = `https://digitallibrary.un.org/record/${undlId}`;
        for (let i = 0; i < members; i++) {
          const s = order[i]!;
          const note =
            options.layout === "2026"
              ? "," + (random() < 0.0005 ? csvField(NOTES[Math.floor(random() * NOTES.length)]!) : "")
              : "";
          chunk += `${undlId},${s.code},${csvField(s.name)},${votes[i]},${date},${fixed[0]},${fixed[1]},${fixed[2]},${fixed[3]},${fixed[4]},${fixed[5]},${fixed[6]},${fixed[7]}${note},${totals},${link}\n`;
          flush(false);
        }
        written += members;
        resolutions++;
        undlId += 1 + Math.floor(random() * 5);
      }
    }
    flush(true);
  } finally {
    closeSync(fd);
  }
  return { rows: written, resolutions, bytes };
}
