-- Indicator values of the briefing's cycle that the report (or the UN's records) contradict, with the other figure,
-- where it is given and the annex item that lists it (mart contested_figures).
SELECT indicator_id, cycle, against, other_figure, place, annex_item
FROM contested_figures
WHERE cycle = $cycle
ORDER BY indicator_id, against, kind, paragraph;
