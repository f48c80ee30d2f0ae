-- Plenary votes on the annual CCM resolution, one row per year (totals only where per-country votes are missing).
SELECT r.resolution_id, r.resolution, r.year, r.total_yes, r.total_no, r.total_abstentions, r.total_non_voting,
       r.total_ms, r.has_country_votes, r.source, r.source_ref
FROM unga_resolutions r
WHERE r.topic = 'CCM'
ORDER BY r.year, r.resolution_id;
