SELECT * FROM state_status ORDER BY iso3, valid_from NULLS FIRST;
