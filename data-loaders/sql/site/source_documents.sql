-- The documents behind the file names that membership rows cite in their `source` (state_events, state_status;
-- several joined by '; '), as a reader would cite them (sources/raw/PROVENANCE.md). The State pages show these
-- words and keep the file names as technical details.
SELECT
  *
FROM
  (
    VALUES
      (
        'untc-ccm-participants-2026-02-03.csv',
        'UN Treaty Collection, MTDSG XXVI-6, status as at 3 February 2026'
      ),
      ('untc-ccm-status-years.csv', 'UN Treaty Collection, MTDSG XXVI-6, year of signature or consent'),
      (
        'untc-ccm-dates-A-to-El-Salvador.csv',
        'UN Treaty Collection, MTDSG XXVI-6, dates of signature and consent'
      ),
      ('monitor-2022-dates-A-to-Hungary.csv', 'Cluster Munition Monitor 2022, treaty status list'),
      ('derived: CCM Article 17', 'Convention on Cluster Munitions, Article 17 (entry into force)'),
      ('no CCM event in state_events', 'no treaty action recorded'),
      ('no CCM event in state_events before valid_to', 'no treaty action recorded before then')
  ) AS t (file, document)
ORDER BY
  file;
