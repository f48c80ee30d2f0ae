-- {shifts [voted_no|abstained|did_not_vote] [year]}: States that voted yes on the CCM resolution in an earlier year and
-- later did not (view unga_vote_shifts), votes up to the year given.
SELECT iso3, replace(shift, ' ', '_') AS shift, year FROM unga_vote_shifts;
