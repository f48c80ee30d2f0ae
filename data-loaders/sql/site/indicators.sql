SELECT * FROM indicators ORDER BY action, seq;
