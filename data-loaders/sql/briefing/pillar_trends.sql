-- Improved / declined / held counts per pillar for the briefing's cycle.
SELECT * FROM pillar_trends WHERE cycle = $cycle ORDER BY pillar_code;
