-- cycle_votes: which UNGA vote on the CCM resolution belongs to each cycle. A cycle whose report is in the database:
-- the vote year its edition facts give (reports.vote_year). An earlier cycle: the latest vote taken by the end of its
-- reporting period (a December vote falls in the period that ends the next June). A briefing reads the votes up to
-- its cycle's (the 12MSP briefing does not report the 2024 vote).
CREATE OR REPLACE VIEW cycle_votes AS
WITH
  by_period AS (
    SELECT
      c.cycle,
      max(r.year) AS vote_year
    FROM
      cycles c
      JOIN unga_resolutions r ON r.topic = 'CCM'
      AND r.vote_date IS NOT NULL
      AND r.vote_date <= c.period_end
    GROUP BY
      c.cycle
  ),
  chosen AS (
    SELECT
      c.cycle,
      c.period_end,
      coalesce(rep.vote_year, p.vote_year) AS vote_year,
      rep.vote_year IS NOT NULL AS from_report
    FROM
      cycles c
      LEFT JOIN reports rep ON rep.report_id = c.cycle
      LEFT JOIN by_period p ON p.cycle = c.cycle
  )
SELECT
  ch.cycle,
  ch.period_end,
  ch.vote_year,
  ch.from_report,
  (
    SELECT
      min(r.resolution_id)
    FROM
      unga_resolutions r
    WHERE
      r.topic = 'CCM'
      AND r.year = ch.vote_year
  ) AS resolution_id,
  (
    SELECT
      min(r.vote_date)
    FROM
      unga_resolutions r
    WHERE
      r.topic = 'CCM'
      AND r.year = ch.vote_year
  ) AS vote_date
FROM
  chosen ch
WHERE
  ch.vote_year IS NOT NULL
ORDER BY
  ch.period_end;

-- cycle_vote_years: the CCM resolution votes a briefing of each cycle looks back on: every vote year up to its cycle's
-- own (cycle_votes.vote_year), so the 12MSP briefing does not report the 2024 vote; a cycle with no vote of its own yet
-- looks back on every year, and so does a reader of no cycle (cycle NULL: the site's overview). The briefing's UNGA
-- queries (which the site reuses) join this one list on `cycle IS NOT DISTINCT FROM $cycle`.
CREATE OR REPLACE VIEW cycle_vote_years AS
SELECT DISTINCT
  c.cycle,
  r.year
FROM
  cycles c
  LEFT JOIN cycle_votes v ON v.cycle = c.cycle
  JOIN unga_resolutions r ON r.topic = 'CCM'
  AND r.year <= coalesce(v.vote_year, r.year)
UNION ALL
SELECT DISTINCT
  NULL AS cycle,
  year
FROM
  unga_resolutions
WHERE
  topic = 'CCM'
ORDER BY
  cycle NULLS FIRST,
  year;
