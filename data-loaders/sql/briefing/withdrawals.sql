-- Withdrawals that took effect within the briefing's reporting period, with the documents that date them to the day
-- (mart source_documents: a list that gives only a year or a standing corroborates, it does not date).
SELECT
  e.iso3,
  st.name_en,
  e.event_date,
  e.source,
  e.note,
  (
    SELECT
      string_agg(
        d.document,
        '; '
        ORDER BY
          d.document
      )
    FROM
      unnest(string_split(e.source, '; ')) AS f (file)
      JOIN source_documents d ON d.file = f.file
    WHERE
      d.dates_to_the_day
  ) AS dated_by
FROM
  state_events e
  JOIN states st USING (iso3)
  JOIN cycles c ON c.cycle = $cycle
WHERE
  e.event = 'withdrawal_effective'
  AND e.event_date BETWEEN c.period_start AND c.period_end
ORDER BY
  e.event_date,
  e.iso3;
