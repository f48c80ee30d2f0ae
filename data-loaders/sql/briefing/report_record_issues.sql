-- Where the report disagrees with the UN's own records, for the annex, numbered (mart records_annex), errors first.
SELECT
  * EXCLUDE (check_id)
FROM
  records_annex
ORDER BY
  item;
