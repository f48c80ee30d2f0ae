/**
 * The analyst's site, round 2 (issue 23), in real Chromium against the built dist/: every source can be followed
 * (the vote explorer cites the chosen year's UN record, Data quality links each disagreement with the record to its
 * paragraph, indicator and record), the SQL explorer agrees with the rest of the site, findings have a page and
 * search finds them, pages read without scripts.
 * Needs dist/ (`npm run site:build`) and /usr/bin/chromium.
 */
import { describe, expect, it } from "vitest";
import { visit } from "./helpers/browser.ts";
import { closeDatabase, queryRows } from "../data-loaders/lib/db.ts";
import { openBuiltDb } from "./helpers/db.ts";
import { useBuiltSite } from "./helpers/site.ts";

const site = useBuiltSite();

/** Rows of a query on the database the tests built from sources/. */
async function dbRows<T>(sql: string): Promise<T[]> {
  const db = await openBuiltDb();
  try {
    return await queryRows<T>(db.conn, sql);
  } finally {
    closeDatabase(db);
  }
}

describe("the vote explorer cites the chosen resolution's record", () => {
  it("each year's UN Digital Library record is the link under the chart, and the caption follows year and grouping", async () => {
    const records = await dbRows<{ resolution_id: string; year: number; topic: string; undl_id: string; source_ref: string }>(
      "SELECT resolution_id, year, topic, undl_id::VARCHAR AS undl_id, source_ref FROM unga_resolutions WHERE has_country_votes AND year IN (2022, 2023, 2024) ORDER BY year",
    );
    expect(records.map((r) => r.undl_id)).toEqual(["3996917", "4029001", "4068499"]);
    const v = await visit(site.session.browser, site.baseUrl, "/universalization");
    try {
      const source = v.page.locator("#vote-source a");
      const caption = v.page.locator("#vote-caption");
      // As built (before any choice): the latest year's record.
      expect(await source.getAttribute("href")).toBe(records.at(-1)!.source_ref);
      for (const r of records) {
        await v.page.getByLabel("Resolution").selectOption({ label: `${r.year} · ${r.resolution_id} (${r.topic})` });
        await expect.poll(() => source.getAttribute("href")).toBe(r.source_ref);
        expect(await source.textContent()).toContain(r.undl_id);
        await expect.poll(() => caption.textContent()).toContain(`${r.resolution_id} (${r.year}) by region`);
      }
      await v.page.getByRole("radio", { name: "CCM status at the vote" }).check();
      await expect.poll(() => caption.textContent()).toContain(`${records.at(-1)!.resolution_id} (${records.at(-1)!.year}) by CCM status at the vote`);
      await v.page.getByLabel("Resolution").selectOption({ label: `${records[0]!.year} · ${records[0]!.resolution_id} (${records[0]!.topic})` });
      await expect.poll(() => caption.textContent()).toContain(`${records[0]!.resolution_id} (${records[0]!.year}) by CCM status at the vote`);
      expect(await source.getAttribute("href")).toBe(records[0]!.source_ref);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await v.page.close();
    }
  });
});
