/**
 * Resolves any spelling of a State's name (report prose, UNDL vote file, Monitor lists, ISO codes)
 * to its ISO 3166-1 alpha-3 code through the curated `state_aliases` dataset.
 */
import { distance } from "fastest-levenshtein";

/** Case-, accent-, apostrophe- and footnote-insensitive key for a State name. */
export function normalizeStateName(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "") // accents: "Türkiye" ~ "Turkiye", "Côte" ~ "Cote"
      .replace(/[\u2018\u2019\u02bc`´]/g, "'") // typographic apostrophes
      .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "") // footnote superscripts: "Lithuania⁵"
      .replace(/\*+/g, "") // revision marks: "Lithuania*"
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[.,;:]+$/g, "")
      .replace(/\s+/g, " ")
      .trim()
      // Inverted catalogue order: "Korea, Republic of" ~ "Republic of Korea", "Gambia, The" ~ "Gambia".
      // UN short names never contain a comma, so a single comma can only mean this order.
      .replace(/^([^,]+), ([^,]+)$/, "$2 $1")
      .replace(/^the /, "")
  );
}

/** Words too common in State names to say which State is meant ("Republic of …", "… Islands"). */
const COMMON_WORDS = new Set([
  "the",
  "of",
  "and",
  "republic",
  "democratic",
  "people's",
  "state",
  "states",
  "islands",
  "united",
  "federated",
  "kingdom",
  "islamic",
  "arab",
  "plurinational",
  "bolivarian",
  "federal",
  "rep",
  "dem",
]);

function distinctiveWords(key: string): Set<string> {
  return new Set(key.split(/[\s,.()-]+/).filter((w) => w.length > 2 && !COMMON_WORDS.has(w)));
}

export interface AliasRow {
  alias: string;
  iso3: string;
}

export class StateResolver {
  private readonly byKey = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(aliases: AliasRow[], states: { iso3: string; name: string }[]) {
    for (const s of states) {
      this.byKey.set(normalizeStateName(s.iso3), s.iso3);
      this.byKey.set(normalizeStateName(s.name), s.iso3);
      this.names.set(s.iso3, s.name);
    }
    for (const a of aliases) {
      const key = normalizeStateName(a.alias);
      const prior = this.byKey.get(key);
      if (prior && prior !== a.iso3) throw new Error(`state alias "${a.alias}" maps to both ${prior} and ${a.iso3}`);
      this.byKey.set(key, a.iso3);
    }
  }

  /** The ISO3 code for a name, or null when the name is unknown. */
  resolve(name: string): string | null {
    return this.byKey.get(normalizeStateName(name)) ?? null;
  }

  /** The UN short name for an ISO3 code. */
  nameOf(iso3: string): string | undefined {
    return this.names.get(iso3);
  }

  /** Up to `n` known spellings closest to an unknown name, for error messages. */
  suggest(name: string, n = 3): string[] {
    const key = normalizeStateName(name);
    const words = distinctiveWords(key);
    // Edit distance, helped by containment and by shared distinctive words, so that "Congo, Dem. Rep."
    // finds "Democratic Republic of the Congo" although the letters are far apart.
    const score = (k: string) => {
      let shared = 0;
      for (const w of distinctiveWords(k)) if (words.has(w)) shared++;
      return distance(key, k) - (k.includes(key) || key.includes(k) ? 3 : 0) - 6 * shared;
    };
    const scored = [...this.byKey.keys()]
      .filter((k) => k.length > 3)
      .map((k) => ({ k, d: score(k) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, n * 3);
    const out: string[] = [];
    for (const { k } of scored) {
      const label = `${this.names.get(this.byKey.get(k)!) ?? k} (${this.byKey.get(k)})`;
      if (!out.includes(label)) out.push(label);
      if (out.length === n) break;
    }
    return out;
  }

  /** Resolve or throw an Error whose message lists the closest known names. */
  require(name: string, where: string): string {
    const iso3 = this.resolve(name);
    if (iso3) return iso3;
    throw new Error(
      `${where}: unknown State name "${name}". Closest known names: ${this.suggest(name).join(", ")}. If it is a new spelling, add it with where it is used to sources/overrides/state_aliases_manual.csv and rebuild sources/state_aliases.csv with \`npm run ccm -- build-states\`.`,
    );
  }
}
