/**
 * Where the site's references lead, in one place: a paragraph of the report to its row among the findings, an
 * indicator to its row on its pillar's page. `root` is the way from the page to the site's root ("." or "..").
 */

/** A paragraph of the report the site shows (the latest report's findings) to its first row on the findings page, #para-<n>. */
export function paragraphHref(root: string, paragraph: string): string {
  return `${root}/findings#para-${paragraph}`;
}

/** An indicator to its row on its pillar's page, #indicator-<id>. */
export function indicatorHref(root: string, indicator: string, pillar: string): string {
  return `${root}/pillars/${pillar}#indicator-${indicator}`;
}
