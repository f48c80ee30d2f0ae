-- Indicator values of the briefing's cycle that the report contradicts elsewhere, with the issue to point to.
SELECT indicator_id, cycle, other_figure, kind, paragraph, related, expected, found, explanation
FROM indicator_contested
WHERE cycle = $cycle
ORDER BY indicator_id, kind, paragraph;
