-- States Parties and signatories on the last day of the briefing's reporting period, and the
-- origin of the membership history (the state_events dataset).
WITH target AS (SELECT period_start, period_end FROM cycles WHERE cycle = $cycle)
SELECT
  (SELECT period_end FROM target) AS as_of,
  (SELECT count(DISTINCT s.iso3) FROM state_status s, target t
     WHERE s.status = 'state_party' AND (s.valid_from IS NULL OR s.valid_from <= t.period_end)
       AND (s.valid_to IS NULL OR s.valid_to > t.period_end)) AS states_parties,
  (SELECT count(DISTINCT s.iso3) FROM state_status s, target t
     WHERE s.status = 'signatory' AND (s.valid_from IS NULL OR s.valid_from <= t.period_end)
       AND (s.valid_to IS NULL OR s.valid_to > t.period_end)) AS signatories,
  (SELECT source FROM datasets WHERE name = 'state_events') AS sources;
