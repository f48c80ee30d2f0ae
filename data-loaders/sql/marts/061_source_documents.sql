-- source_documents: the documents behind the file names that membership rows cite in their `source` (state_events,
-- state_status; several joined by '; '), as a reader would cite them (sources/raw/PROVENANCE.md), and whether the
-- document dates a treaty action to the day. The State pages show these words and keep the file names as
-- technical details; the briefing cites a date to the documents that give it to the day, never to one that
-- gives only a year or a standing.
CREATE OR REPLACE VIEW source_documents AS
SELECT
  *
FROM
  (
    VALUES
      (
        'untc-ccm-participants-2026-02-03.csv',
        'UN Treaty Collection, MTDSG XXVI-6, status as at 3 February 2026',
        TRUE
      ),
      (
        'untc-ccm-status-years.csv',
        'UN Treaty Collection, MTDSG XXVI-6, year of signature or consent',
        FALSE
      ),
      (
        'untc-ccm-dates-A-to-El-Salvador.csv',
        'UN Treaty Collection, MTDSG XXVI-6, dates of signature and consent',
        TRUE
      ),
      ('monitor-2022-dates-A-to-Hungary.csv', 'Cluster Munition Monitor 2022, treaty status list', TRUE),
      ('derived: CCM Article 17', 'Convention on Cluster Munitions, Article 17 (entry into force)', TRUE),
      ('no CCM event in state_events', 'no treaty action recorded', FALSE),
      ('no CCM event in state_events before valid_to', 'no treaty action recorded before then', FALSE)
  ) AS t (file, document, dates_to_the_day)
ORDER BY
  file;
