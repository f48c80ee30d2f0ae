-- Read one UNDL bulk file in the 2025 layout (no vote_note) with DuckDB's CSV reader.
-- Types are explicit (no sniffing): a row that does not fit (a bad date, an unknown vote code, a comma
-- outside quotes) goes to the rejects table with its line instead of stopping or being dropped silently.
INSERT INTO undl_votes
SELECT
  undl_id, ms_code, ms_name, ms_vote, "date", "session", resolution, draft, committee_report,
  meeting, title, agenda_title, subjects, NULL::VARCHAR AS vote_note, total_yes, total_no, total_abstentions,
  total_non_voting, total_ms, undl_link, $source_file
FROM read_csv(
  $path,
  header = true,
  auto_detect = false,
  delim = ',',
  quote = '"',
  escape = '"',
  store_rejects = true,
  rejects_table = 'undl_reject_errors',
  rejects_scan = 'undl_reject_scans',
  rejects_limit = 0,
  columns = {
    'undl_id': 'BIGINT',
    'ms_code': 'VARCHAR',
    'ms_name': 'VARCHAR',
    'ms_vote': 'undl_vote_code',
    'date': 'DATE',
    'session': 'VARCHAR',
    'resolution': 'VARCHAR',
    'draft': 'VARCHAR',
    'committee_report': 'VARCHAR',
    'meeting': 'VARCHAR',
    'title': 'VARCHAR',
    'agenda_title': 'VARCHAR',
    'subjects': 'VARCHAR',
    'total_yes': 'INTEGER',
    'total_no': 'INTEGER',
    'total_abstentions': 'INTEGER',
    'total_non_voting': 'INTEGER',
    'total_ms': 'INTEGER',
    'undl_link': 'VARCHAR'
  }
);
