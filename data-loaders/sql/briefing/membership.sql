-- States Parties and signatories on the last day of the briefing's reporting period (view membership_counts),
-- and the origin of the membership history (the state_events dataset).
SELECT
  c.period_end AS as_of,
  coalesce(
    sum(m.states) FILTER(
      WHERE
        m.status = 'state_party'
    ),
    0
  )::INTEGER AS states_parties,
  coalesce(
    sum(m.states) FILTER(
      WHERE
        m.status = 'signatory'
    ),
    0
  )::INTEGER AS signatories,
  (
    SELECT
      source
    FROM
      datasets
    WHERE
      name = 'state_events'
  ) AS sources
FROM
  cycles c
  LEFT JOIN membership_counts m ON m.kind = 'period_end'
  AND m.cycle = c.cycle
WHERE
  c.cycle = $cycle
GROUP BY
  c.period_end;
