-- A fall is completion only when nobody is left who could do what the indicator counts. So an indicator's
-- completion group (who must finish) must be the group that can do it, its scope group (or the indicator counts
-- no group of States, e.g. 15.1's extension requests): a narrower completion group would call a decline completion
-- (16.1 counts the sharing of experience, which any State Party that had stockpiles can still do, para 84). And in
-- a cycle where the completion group is exhausted (size 0), nobody can have done it: a value above zero says the
-- completion group is wrong.
SELECT format('indicator {}: completion group {} is not its scope group {} in sources/indicator_scopes.csv: a fall is completion only when the States that can do what it counts are exhausted; set completion_group to {} or leave it empty',
              s.indicator_id, s.completion_group, s.scope_group, s.scope_group) AS problem
FROM indicator_scopes s
WHERE s.completion_group IS NOT NULL AND s.scope_group NOT IN (s.completion_group, 'none')
UNION ALL
SELECT format('indicator {}, {} cycle: the table prints {} although its completion group ({}) has size 0 (para {}): somebody did what nobody is left to do, so the completion group in sources/indicator_scopes.csv is wrong; leave it empty',
              t.indicator_id, t.cycle, t.value, t.completion_group, split_part(t.completion_source, ' ', 2))
FROM indicator_trends t
WHERE t.completion_group_size = 0 AND t.value > 0;
