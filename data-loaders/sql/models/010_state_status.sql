-- CCM status of every State as periods, so "status of State X on date D" is one lookup.
--
-- Statuses: unknown (before an undated first event), not_party, signatory, deposited, state_party, withdrawn.
-- Each event moves a State up one stage, from its known_by date:
--   signature → signatory; ratification / acceptance / accession / ratification_or_accession → deposited (consent given,
--   not yet in force); entry_into_force → state_party; withdrawal_effective → withdrawn.
-- known_by is the exact date for day precision, 31 December for year-only events, and the earliest date a
-- source presupposes the event when no date is known: a status is never claimed before a source supports
-- it, though it may be claimed late (see state_events.meta.json and membership_reconciliation).
-- withdrawal_deposited changes nothing: a State stays a party until its withdrawal takes effect (Article 20.3).
CREATE OR REPLACE VIEW state_status AS
WITH
  staged AS (
    SELECT
      iso3,
      known_by AS day,
      CASE event
        WHEN 'signature' THEN 1
        WHEN 'ratification' THEN 2
        WHEN 'acceptance' THEN 2
        WHEN 'accession' THEN 2
        WHEN 'ratification_or_accession' THEN 2
        WHEN 'entry_into_force' THEN 3
        WHEN 'withdrawal_effective' THEN 4
      END AS stage,
      event,
      precision,
      source
    FROM
      state_events
    WHERE
      event <> 'withdrawal_deposited'
  ),
  by_day AS (
    -- The highest stage an event reaches on each day, with the event(s) and sources that reach it.
    SELECT
      iso3,
      day,
      max(stage) AS day_stage,
      string_agg(
        event,
        ', '
        ORDER BY
          event
      ) FILTER(
        WHERE
          stage = day_stage_all
      ) AS event,
      min(precision) FILTER(
        WHERE
          stage = day_stage_all
      ) AS precision,
      string_agg(
        source,
        ' | '
        ORDER BY
          event
      ) FILTER(
        WHERE
          stage = day_stage_all
      ) AS source
    FROM
      (
        SELECT
          *,
          max(stage) OVER (
            PARTITION BY
              iso3,
              day
          ) AS day_stage_all
        FROM
          staged
      )
    GROUP BY
      iso3,
      day
  ),
  running AS (
    -- Stages never go back: a signature known only by its year can fall after an exact ratification date.
    SELECT
      *,
      max(day_stage) OVER (
        PARTITION BY
          iso3
        ORDER BY
          day ROWS UNBOUNDED PRECEDING
      ) AS stage_reached,
      coalesce(
        max(day_stage) OVER (
          PARTITION BY
            iso3
          ORDER BY
            day ROWS BETWEEN UNBOUNDED PRECEDING
            AND 1 PRECEDING
        ),
        0
      ) AS stage_before
    FROM
      by_day
  ),
  changes AS (
    SELECT
      iso3,
      day,
      stage_reached AS stage,
      event,
      precision,
      source
    FROM
      running
    WHERE
      stage_reached > stage_before
  ),
  periods AS (
    -- Before the first change: not a party to anything, as far as the sources tell. When that first
    -- change has no known date (precision 'unknown', e.g. Lithuania's ratification), the State was
    -- already committed some time before: the earlier period is 'unknown', never 'not_party'.
    SELECT
      s.iso3,
      CASE
        WHEN arg_min(c.precision, c.day) = 'unknown' THEN -1
        ELSE 0
      END AS stage,
      NULL::DATE AS valid_from,
      min(c.day) AS valid_to,
      NULL AS event,
      NULL AS from_precision,
      CASE
        WHEN arg_min(c.precision, c.day) = 'unknown' THEN 'no date known for the first CCM event: the status before valid_to is unknown'
        ELSE 'no CCM event in state_events before valid_to'
      END AS source
    FROM
      states s
      LEFT JOIN changes c USING (iso3)
    GROUP BY
      s.iso3
    UNION ALL
    SELECT
      iso3,
      stage,
      day AS valid_from,
      lead (day) OVER (
        PARTITION BY
          iso3
        ORDER BY
          day
      ) AS valid_to,
      event,
      precision,
      source
    FROM
      changes
  )
SELECT
  iso3,
  CASE stage
    WHEN -1 THEN 'unknown'
    WHEN 0 THEN 'not_party'
    WHEN 1 THEN 'signatory'
    WHEN 2 THEN 'deposited'
    WHEN 3 THEN 'state_party'
    WHEN 4 THEN 'withdrawn'
  END AS status,
  valid_from,
  valid_to,
  event,
  from_precision,
  CASE
    WHEN valid_to IS NULL
    AND stage = 0 THEN 'no CCM event in state_events'
    ELSE source
  END AS source
FROM
  periods
ORDER BY
  iso3,
  valid_from NULLS FIRST;

-- Status of one State on one date: SELECT ccm_status('LTU', DATE '2025-03-06') → 'withdrawn'.
-- NULL for a code that is not in states.
-- The table alias inside the macros is long and unusual on purpose: a macro's body is expanded into the caller's
-- query, so a short alias (say "s") would capture the caller's own "s" and compare s.iso3 with itself.
CREATE OR REPLACE MACRO ccm_status (state_iso3, on_date) AS (
  SELECT
    ccm_status_period.status
  FROM
    state_status ccm_status_period
  WHERE
    ccm_status_period.iso3 = state_iso3
    AND (
      ccm_status_period.valid_from IS NULL
      OR ccm_status_period.valid_from <= CAST(on_date AS DATE)
    )
    AND (
      ccm_status_period.valid_to IS NULL
      OR CAST(on_date AS DATE) < ccm_status_period.valid_to
    )
);

-- Status of every State on one date: SELECT status, count(*) FROM ccm_status_on(DATE '2025-06-30') GROUP BY status.
CREATE OR REPLACE MACRO ccm_status_on (on_date) AS TABLE
SELECT
  ccm_status_period.iso3,
  ccm_status_period.status,
  ccm_status_period.valid_from,
  ccm_status_period.valid_to,
  ccm_status_period.source
FROM
  state_status ccm_status_period
WHERE
  (
    ccm_status_period.valid_from IS NULL
    OR ccm_status_period.valid_from <= CAST(on_date AS DATE)
  )
  AND (
    ccm_status_period.valid_to IS NULL
    OR CAST(on_date AS DATE) < ccm_status_period.valid_to
  );

-- "States Parties" on a date under both readings of the term: the Convention in force for the State (Article 17;
-- the count the status view and the reports' "States Parties" use) and the instrument of consent deposited, in
-- force or not (the count of announcements such as "the 112th State Party" on the day of deposit).
-- SELECT * FROM ccm_states_parties_on(DATE '2025-09-05') → in_force 111, consent_deposited 112.
CREATE OR REPLACE MACRO ccm_states_parties_on (on_date) AS TABLE
SELECT
  count(*) FILTER(
    WHERE
      status = 'state_party'
  )::INTEGER AS in_force,
  count(*) FILTER(
    WHERE
      status IN ('state_party', 'deposited')
  )::INTEGER AS consent_deposited
FROM
  ccm_status_on (on_date);
