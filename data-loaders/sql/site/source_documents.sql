-- The documents behind the membership rows' file names, as a reader would cite them (mart source_documents).
SELECT
  file,
  document
FROM
  source_documents
ORDER BY
  file;
