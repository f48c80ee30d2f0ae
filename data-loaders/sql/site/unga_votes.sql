SELECT resolution_id, iso3, vote, source_file, source_line FROM unga_votes ORDER BY resolution_id, iso3;
