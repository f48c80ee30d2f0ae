-- The words every reader of the database sees for a CCM status and a UNGA vote: one vocabulary for the views,
-- the site and the briefing. `label` names one State's status or vote; `plural` is the group ("States
-- Parties"); `sort_order` is the order of legends and tables (furthest along the Convention first); `noun_one`
-- and `noun_many` name a State or States with the status after a count ("one signatory", "two States Parties"). A vote's
-- `vote_word` is how the views of votes name it (unga_vote_flows: 'non-voting'); `did` is what a sentence says a
-- State did ("did not vote").
CREATE OR REPLACE TABLE ccm_status_labels AS
SELECT
  *
FROM
  (
    VALUES
      ('state_party', 'State Party', 'States Parties', 1, 'State Party', 'States Parties'),
      (
        'deposited',
        'Deposited, not yet in force',
        'deposited, not in force',
        2,
        'State whose ratification is not yet in force',
        'States whose ratification is not yet in force'
      ),
      ('signatory', 'Signatory', 'signatories', 3, 'signatory', 'signatories'),
      ('withdrawn', 'Withdrawn', 'withdrawn', 4, 'State that withdrew', 'States that withdrew'),
      ('not_party', 'Not party', 'States not party', 5, 'State not party', 'States not party'),
      (
        'unknown',
        'Unknown status',
        'unknown status',
        6,
        'State of unknown status',
        'States of unknown status'
      )
  ) AS t (status, label, plural, sort_order, noun_one, noun_many);

CREATE OR REPLACE TABLE vote_labels AS
SELECT
  *
FROM
  (
    VALUES
      ('Y', 'Yes', 1, 'yes', 'voted yes'),
      ('A', 'Abstain', 2, 'abstain', 'abstained'),
      ('N', 'No', 3, 'no', 'voted no'),
      ('X', 'Non-voting', 4, 'non-voting', 'did not vote')
  ) AS t (vote, label, sort_order, vote_word, did);

-- The words for each judgement of an indicator's movement (indicator_trends.judgement, as a source names it) and
-- for each reason one cannot be compared (judgement_basis), in the order the briefing says them. `phrase_one` and
-- `phrase_many` are what the prose says after a count of one or of several ("was measured for the first time",
-- "were …"); `said_when_none` is TRUE for a judgement whose absence is news ("none declined"): "none completed"
-- would read as a failure, so it is not said; `in_tally` marks the judgements of a movement, which a tally lists
-- ("31 improved, 16 declined, 24 held and three completed"); the others are said in sentences of their own.
CREATE OR REPLACE TABLE judgement_labels AS
SELECT
  *
FROM
  (
    VALUES
      ('improved', 'judgement', 'improved', 'improved', 'improved', TRUE, TRUE, 1),
      ('declined', 'judgement', 'declined', 'declined', 'declined', TRUE, TRUE, 2),
      ('held', 'judgement', 'held', 'held', 'held', TRUE, TRUE, 3),
      (
        'completed',
        'judgement',
        'completed',
        'completed (fell because nobody is left to do it)',
        'completed (fell because nobody is left to do it)',
        FALSE,
        TRUE,
        4
      ),
      (
        'not_comparable',
        'judgement',
        'not comparable',
        'cannot be compared',
        'cannot be compared',
        FALSE,
        FALSE,
        5
      ),
      (
        'not_measured',
        'reason',
        'not measured',
        'was not measured in this cycle',
        'were not measured in this cycle',
        FALSE,
        FALSE,
        6
      ),
      (
        'first_measured',
        'reason',
        'first measured',
        'was measured for the first time',
        'were measured for the first time',
        FALSE,
        FALSE,
        7
      ),
      (
        'no_better_direction',
        'reason',
        'no better direction',
        'moved, but neither direction is better for it (a rise or fall is neither good nor bad news by itself)',
        'moved, but neither direction is better for them (a rise or fall is neither good nor bad news by itself)',
        FALSE,
        FALSE,
        8
      )
  ) AS t (term, kind, label, phrase_one, phrase_many, said_when_none, in_tally, sort_order);

-- The judgement of a change for an indicator with a better direction: the one rule that says a rise is an
-- improvement when higher is better, and a fall when lower is. NULL when the indicator has no better direction
-- (polarity neutral) or there is no change to judge. indicator_trends judges the report's figures with it, and
-- contested_judgements the other figure (the UN's records, or the report's other statement).
CREATE OR REPLACE MACRO judge_change (polarity, change) AS (
  CASE
    WHEN change IS NULL
    OR polarity NOT IN ('higher_is_better', 'lower_is_better') THEN NULL
    WHEN change = 0 THEN 'held'
    WHEN (polarity = 'higher_is_better') = (change > 0) THEN 'improved'
    ELSE 'declined'
  END
);
