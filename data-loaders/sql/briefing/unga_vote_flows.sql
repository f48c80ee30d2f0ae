-- Where the votes went between the last two CCM resolution votes a briefing looks back on (mart cycle_vote_years):
-- the changed votes of view unga_vote_flows, by the voter's CCM status on the later vote date, with the words for
-- each vote (vote_labels.did) and status (ccm_status_labels.plural), largest change first.
WITH
  latest AS (
    SELECT
      max(year) AS year
    FROM
      cycle_vote_years
    WHERE
      cycle IS NOT DISTINCT FROM $cycle
  )
SELECT
  f.previous_year,
  f.year,
  f.vote_before,
  f.vote_after,
  -- A State that was no Member State on one side has no vote word: it was not a member then.
  coalesce(any_value(b.did), 'was not a Member State') AS did_before,
  coalesce(any_value(a.did), 'was not a Member State') AS did_after,
  f.ccm_status,
  any_value(s.noun_one) AS noun_one,
  any_value(s.noun_many) AS noun_many,
  sum(f.states)::INTEGER AS states,
  -- One row per status on the later vote date, whatever the status on the earlier one (South Sudan: deposited in
  -- 2023, a State Party in 2024).
  array_to_string(list_sort(flatten(list(string_split(f.state_names, ', ')))), ', ') AS state_names,
  sum(sum(f.states)) OVER (
    PARTITION BY
      f.vote_before,
      f.vote_after
  )::INTEGER AS flow_states
FROM
  unga_vote_flows f
  JOIN latest l ON f.year = l.year
  LEFT JOIN vote_labels b ON b.vote_word = f.vote_before
  LEFT JOIN vote_labels a ON a.vote_word = f.vote_after
  JOIN ccm_status_labels s ON s.status = f.ccm_status
WHERE
  f.changed
GROUP BY
  f.previous_year,
  f.year,
  f.vote_before,
  f.vote_after,
  f.ccm_status
ORDER BY
  flow_states DESC,
  coalesce(any_value(b.sort_order), 9),
  coalesce(any_value(a.sort_order), 9),
  any_value(s.sort_order);
