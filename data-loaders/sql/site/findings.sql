SELECT * FROM findings ORDER BY pillar_code, finding_id;
