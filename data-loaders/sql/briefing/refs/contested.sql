-- {contested <indicator> [cycle]}: the figures that contradict the indicators' values in one cycle, where each is
-- given, and the annex items that list them (mart contested_figures); read once per cycle, looked up by indicator.
SELECT indicator_id, against, other_figure, place, annex_item,
       doubt, warning_kind, doubt_reason, previous_cycle, record_value, record_previous_value, record_change
FROM contested_figures
WHERE cycle = $cycle
ORDER BY indicator_id, against, kind, paragraph;
