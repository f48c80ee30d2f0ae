-- The words every reader of the database sees for a CCM status and a UNGA vote: one vocabulary for the views,
-- the site and the briefing. `label` names one State's status or vote; `plural` is the group ("States
-- Parties"); `sort_order` is the order of legends and tables (furthest along the Convention first).
CREATE OR REPLACE TABLE ccm_status_labels AS
SELECT
  *
FROM
  (
    VALUES
      ('state_party', 'State Party', 'States Parties', 1),
      ('deposited', 'Deposited, not yet in force', 'deposited, not in force', 2),
      ('signatory', 'Signatory', 'signatories', 3),
      ('withdrawn', 'Withdrawn', 'withdrawn', 4),
      ('not_party', 'Not party', 'States not party', 5),
      ('unknown', 'Unknown status', 'unknown status', 6)
  ) AS t (status, label, plural, sort_order);

CREATE OR REPLACE TABLE vote_labels AS
SELECT
  *
FROM
  (
    VALUES
      ('Y', 'Yes', 1),
      ('A', 'Abstain', 2),
      ('N', 'No', 3),
      ('X', 'Non-voting', 4)
  ) AS t (vote, label, sort_order);
