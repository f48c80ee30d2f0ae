-- Votes on the CCM resolution by the voter's CCM status on the vote date (view unga_yes_by_status): yes, no,
-- abstain and non-voting, with the status's words and legend order (ccm_status_labels).
SELECT
  y.year,
  y.resolution_id,
  y.ccm_status,
  l.plural AS status_plural,
  l.sort_order AS status_order,
  y.yes,
  y.no,
  y.abstain,
  y.non_voting,
  y.has_country_votes,
  y.basis
FROM
  unga_yes_by_status y
  JOIN ccm_status_labels l ON l.status = y.ccm_status
  -- A briefing looks back from its cycle: the votes up to the cycle's own (mart cycle_vote_years).
  SEMI JOIN cycle_vote_years cy ON cy.year = y.year
  AND cy.cycle IS NOT DISTINCT FROM $cycle
WHERE
  y.topic = 'CCM'
ORDER BY
  y.year,
  y.resolution_id,
  y.ccm_status;
