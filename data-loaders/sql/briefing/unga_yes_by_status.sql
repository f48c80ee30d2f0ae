-- Yes votes on the CCM resolution by the voter's CCM status on the vote date (view unga_yes_by_status).
SELECT year, resolution_id, ccm_status, yes, has_country_votes, basis
FROM unga_yes_by_status
WHERE topic = 'CCM'
ORDER BY year, resolution_id, ccm_status;
