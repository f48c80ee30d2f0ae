-- The cycles that have indicator values, for the message when a briefing is asked for another one.
SELECT DISTINCT
  cycle
FROM
  indicator_trends
ORDER BY
  cycle;
