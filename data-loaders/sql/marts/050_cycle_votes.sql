-- cycle_votes: which UNGA vote on the CCM resolution belongs to each cycle: the latest vote taken by the end of the
-- cycle's reporting period (a December vote falls in the period that ends the next June). A briefing reads the votes
-- up to its cycle's (the 12MSP briefing does not report the 2024 vote). Once the reports table carries each report's
-- vote year (branch keyed), this is the one file to read it from.
CREATE OR REPLACE VIEW cycle_votes AS
SELECT c.cycle, c.period_end,
       max(r.year) AS vote_year,
       arg_max(r.resolution_id, r.vote_date) AS resolution_id,
       max(r.vote_date) AS vote_date
FROM cycles c
JOIN unga_resolutions r ON r.topic = 'CCM' AND r.vote_date IS NOT NULL AND r.vote_date <= c.period_end
GROUP BY c.cycle, c.period_end
ORDER BY c.period_end;
