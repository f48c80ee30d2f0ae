-- Membership on every counted day (view membership_counts): the overview's counts and membership chart.
SELECT
  as_of,
  kind,
  cycle,
  label,
  status,
  status_label,
  status_plural,
  sort_order,
  states
FROM
  membership_counts
ORDER BY
  as_of,
  kind,
  sort_order;
