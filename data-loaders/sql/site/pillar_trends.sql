-- Per pillar, the movements of the latest cycle (view pillar_trends).
SELECT * FROM pillar_trends WHERE is_latest ORDER BY pillar_code;
