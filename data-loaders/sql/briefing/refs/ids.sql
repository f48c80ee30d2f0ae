-- {ids <judgement or reason> [pillar] [cycle]}: which indicators of a cycle were judged so (view indicator_trends),
-- in report order (as the briefing lists them: pillar, action, indicator).
SELECT indicator_id, pillar_code AS pillar, replace(judgement, ' ', '_') AS judgement, replace(judgement_basis, ' ', '_') AS basis
FROM indicator_trends
WHERE cycle = $cycle
ORDER BY pillar_code, action, seq;
