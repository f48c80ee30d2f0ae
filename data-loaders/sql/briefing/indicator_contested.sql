-- Indicator values of the briefing's cycle that the report (or the UN's records) contradict, with the other figure,
-- where it is given and the annex item that lists it (mart contested_figures), and the verdict of view figure_doubts:
-- contested, or a warning of a named kind (a difference of scope, a stale sub-split), its reason in words, and the
-- record-based change where the record gives a figure.
SELECT indicator_id, cycle, against, other_figure, place, annex_item,
       doubt, warning_kind, doubt_reason, previous_cycle, record_value, record_previous_value, record_change
FROM contested_figures
WHERE cycle = $cycle
ORDER BY indicator_id, against, kind, paragraph;
