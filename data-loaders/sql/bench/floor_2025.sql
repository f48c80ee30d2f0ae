-- Benchmark floor: DuckDB's own CSV reader into a table, with the same explicit column types as the
-- pipeline (2025 layout) but nothing else (no rejects table, no hashing, no models).
CREATE TABLE votes AS
SELECT * FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'undl_id': 'BIGINT',
    'ms_code': 'VARCHAR',
    'ms_name': 'VARCHAR',
    'ms_vote': 'VARCHAR',
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
});
