-- CCM events of a State come in treaty order: entry into force not before the deposit of consent, a
-- withdrawal only after entry into force and taking effect after it was deposited. Compared on known_by,
-- the date the status view uses.
WITH
  e AS (
    SELECT
      iso3,
      max(known_by) FILTER(
        WHERE
          event IN ('ratification', 'acceptance', 'accession', 'ratification_or_accession')
      ) AS consent,
      max(known_by) FILTER(
        WHERE
          event = 'entry_into_force'
      ) AS in_force,
      max(known_by) FILTER(
        WHERE
          event = 'withdrawal_deposited'
      ) AS withdrawal_deposited,
      max(known_by) FILTER(
        WHERE
          event = 'withdrawal_effective'
      ) AS withdrawal_effective
    FROM
      state_events
    GROUP BY
      iso3
  )
SELECT
  format('{}: entry into force ({}) before the deposit of consent ({})', iso3, in_force, consent) AS problem
FROM
  e
WHERE
  in_force < consent
UNION ALL
SELECT
  format('{}: withdrawal deposited ({}) before entry into force ({})', iso3, withdrawal_deposited, in_force)
FROM
  e
WHERE
  withdrawal_deposited < in_force
UNION ALL
SELECT
  format(
    '{}: withdrawal effective ({}) not after its deposit ({})',
    iso3,
    withdrawal_effective,
    withdrawal_deposited
  )
FROM
  e
WHERE
  withdrawal_effective <= withdrawal_deposited
UNION ALL
SELECT
  format('{}: withdrawal recorded without a withdrawal_deposited event', iso3)
FROM
  e
WHERE
  withdrawal_effective IS NOT NULL
  AND withdrawal_deposited IS NULL;
