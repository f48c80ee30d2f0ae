-- Doubts about indicator values of the briefing's cycle (the report or the UN's records give another figure), with
-- the issue to point to and the verdict of view figure_doubts: contested, or a warning of a named kind (a difference
-- of scope, a stale sub-split), its reason in words, and the record-based change where the record gives a figure.
SELECT indicator_id, cycle, against, other_figure, kind, paragraph, related, expected, found, explanation,
       doubt, warning_kind, doubt_reason, previous_cycle, record_value, record_previous_value, record_change
FROM figure_doubts
WHERE cycle = $cycle
ORDER BY indicator_id, against, kind, paragraph;
