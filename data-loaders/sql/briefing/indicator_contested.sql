-- Indicator values of the briefing's cycle that the report (or the UN's records) contradict, with the issue to point to.
SELECT indicator_id, cycle, against, other_figure, kind, paragraph, related, expected, found, explanation
FROM indicator_contested
WHERE cycle = $cycle
ORDER BY indicator_id, against, kind, paragraph;
