-- The report read against the primary records: every statement about UNGA votes and CCM membership that a UN
-- record can confirm or contradict, one row per comparison, agreeing or not (report_record_issues keeps the
-- disagreements). Records: the UN Digital Library per-country votes (unga_state_votes, unga_resolutions) and the
-- UN Treaty Collection participation table (state_events → state_status).
--
-- Definitions (each row names the one it uses and gives the result under the other):
--   "State not party" on a vote: a State that had neither signed nor consented to be bound on the vote date
--     (status not_party or withdrawn). Alternative: any State for which the Convention was not in force
--     (also signatories and States whose instrument was deposited but not yet in force).
--   "State Party" on a date: the Convention in force for it (Article 17). Alternative: its instrument of
--     ratification, acceptance or accession deposited (in force or not).
--   "New State Party" in a cycle: a deposit of consent within the cycle's reporting period. Alternative: entry
--     into force within it.
--   A cycle's UNGA vote: the CCM resolution voted within the cycle's reporting period. The report states the
--     periods of 12MSP and 13MSP (1 July to 30 June); for earlier cycles the same annual period is assumed,
--     counted back from the nearest stated one, and the row says so.
--   The report's own UNGA vote (its paragraph on the resolution, para 67 of the 13MSP report): the year the report
--     names, reports.vote_year; its facts are report_facts unga_<year>_yes, unga_<year>_yes_not_party, … .
-- The paragraphs that name States (the vote's States not party, the signatories, the withdrawals) are the
-- paragraphs of the report's facts about them (report_facts), so a later report's renumbered paragraphs are read.
-- Written once over report_id: every report read on its own datasets and its own printing of the indicator values and
-- cycles (report_indicator_values, report_cycles); report_vs_record gives the session's report's rows.
CREATE OR REPLACE VIEW report_vs_record_by_report AS
WITH
  ccm_years AS (
    SELECT
      year
    FROM
      unga_resolutions
    WHERE
      topic = 'CCM'
      AND has_country_votes
  ),
  report AS (
    SELECT
      report_id,
      vote_year,
      (
        SELECT
          max(year)
        FROM
          ccm_years
        WHERE
          year < r.vote_year
      ) AS previous_vote_year,
      (
        SELECT
          min(year)
        FROM
          ccm_years
      ) AS first_vote_year,
      format('unga_{}_', vote_year) AS vote_fact
    FROM
      reports r
  ),
  paras AS (
    SELECT
      rp.report_id,
      max(f.paragraph) FILTER(
        WHERE
          f.fact_id = rp.vote_fact || 'yes_not_party'
      ) AS votes,
      max(f.paragraph) FILTER(
        WHERE
          f.fact_id = 'signatories_listed'
      ) AS signatories,
      split_part(
        max(f.paragraph) FILTER(
          WHERE
            f.fact_id = 'withdrawals_deposited'
        ),
        ' ',
        1
      ) AS withdrawals
    FROM
      report rp
      LEFT JOIN report_report_facts f USING (report_id)
    GROUP BY
      rp.report_id
  ),
  treaty AS (
    SELECT
      'UN Treaty Collection, MTDSG XXVI-6, status as at ' || strftime(CAST(date AS DATE), '%-d %B %Y') AS record_source
    FROM
      dataset_provenance
    WHERE
      name = 'state_events'
  ),
  stated AS (
    SELECT
      report_id,
      ordinal,
      period_start,
      period_end
    FROM
      report_cycles
    WHERE
      period_start IS NOT NULL
      AND period_end IS NOT NULL
  ),
  periods AS (
    -- Each cycle's reporting period as the report prints it: as stated, or assumed one year per cycle from the
    -- nearest period the report states.
    SELECT
      c.report_id,
      c.cycle,
      c.ordinal,
      coalesce(c.period_start, CAST(n.period_start + to_years(CAST(c.ordinal - n.ordinal AS INTEGER)) AS DATE)) AS period_start,
      coalesce(c.period_end, CAST(n.period_end + to_years(CAST(c.ordinal - n.ordinal AS INTEGER)) AS DATE)) AS period_end,
      c.period_start IS NULL AS period_assumed
    FROM
      report_cycles c
      -- The nearest cycle whose period the report states (the earlier of two as near).
      LEFT JOIN LATERAL (
        SELECT
          s.ordinal,
          s.period_start,
          s.period_end
        FROM
          stated s
        WHERE
          s.report_id = c.report_id
        ORDER BY
          abs(s.ordinal - c.ordinal),
          s.ordinal
        LIMIT
          1
      ) n ON TRUE
  ),
  ccm_votes AS (
    SELECT
      r.resolution_id,
      r.year,
      r.vote_date,
      r.total_yes,
      r.total_non_voting,
      r.source_ref,
      'UN Digital Library voting record, ' || r.resolution_id || ' of ' || strftime(r.vote_date, '%-d %B %Y') || ' (' || r.source_ref || ')' AS record_source
    FROM
      unga_resolutions r
    WHERE
      r.topic = 'CCM'
      AND r.has_country_votes
  ),
  cycle_votes AS (
    SELECT
      p.report_id,
      p.cycle,
      p.period_start,
      p.period_end,
      p.period_assumed,
      v.*
    FROM
      periods p
      JOIN ccm_votes v ON v.vote_date BETWEEN p.period_start AND p.period_end
  ),
  vote_counts AS (
    SELECT
      v.resolution_id,
      count(*) FILTER(
        WHERE
          s.vote = 'Y'
          AND s.ccm_status IN ('not_party', 'withdrawn')
      )::INTEGER AS yes_not_party,
      count(*) FILTER(
        WHERE
          s.vote = 'Y'
          AND s.ccm_status <> 'state_party'
      )::INTEGER AS yes_not_in_force,
      count(*) FILTER(
        WHERE
          s.vote = 'X'
      )::INTEGER AS non_voting
    FROM
      ccm_votes v
      JOIN unga_state_votes s USING (resolution_id)
    GROUP BY ALL
  ),
  -- The indicator values read against a record (checks 1 and 6), each cycle's value named, placed and quoted one way.
  indicator_checked AS (
    SELECT
      iv.report_id,
      iv.indicator_id,
      iv.cycle,
      'indicator-' || iv.indicator_id || ':' || iv.cycle AS check_id,
      i.topic,
      'Indicator ' || iv.indicator_id || ', ' || iv.cycle || ': ' || i.what AS subject,
      'indicator ' || iv.indicator_id || ', ' || iv.cycle || ' column' AS paragraph,
      format('{} (printed "{}")', iv.value, iv.as_printed) AS report_says,
      CAST(iv.value AS INTEGER) AS report_value,
      iv.source_ref AS report_source
    FROM
      report_indicator_values iv
      JOIN (
        VALUES
          ('11.2', 'unga_vote', 'States not party voting in favour of the CCM resolution'),
          ('10.1', 'membership', 'new States Parties')
      ) AS i (indicator_id, topic, what) USING (indicator_id)
    WHERE
      iv.value IS NOT NULL
  ),
  -- 1. Indicator 11.2 ("States not party voted in favour of the CCM UNGA resolution"), each cycle against its vote.
  indicator_11_2 AS (
    SELECT
      iv.* EXCLUDE (indicator_id, cycle),
      format(
        '{} States not party voted yes on {} ({} counting signatories and States not yet bound)',
        vc.yes_not_party,
        cv.resolution_id,
        vc.yes_not_in_force
      ) AS record_says,
      vc.yes_not_party AS record_value,
      vc.yes_not_in_force AS record_value_alternative,
      'States not party: neither signed nor bound on the vote date; the ' || iv.cycle || ' vote: ' || cv.resolution_id || ', voted on ' || strftime(cv.vote_date, '%-d %B %Y') || CASE
        WHEN cv.period_assumed THEN format(
          ', within the assumed reporting period {} to {} (the report states no period for {})',
          cv.period_start,
          cv.period_end,
          iv.cycle
        )
        ELSE format(', within the reporting period {} to {}', cv.period_start, cv.period_end)
      END AS definition,
      'States for which the Convention was not in force (signatories included)' AS alternative_definition,
      cv.record_source
    FROM
      indicator_checked iv
      JOIN cycle_votes cv ON cv.report_id = iv.report_id
      AND cv.cycle = iv.cycle
      JOIN vote_counts vc USING (resolution_id)
    WHERE
      iv.indicator_id = '11.2'
  ),
  -- 2. The report's figures on its UNGA vote (para 67 of the 13MSP report): its facts unga_<vote_year>_<what>.
  vote_facts AS (
    SELECT
      f.report_id,
      f.fact_id,
      substr(f.fact_id, length(rp.vote_fact) + 1) AS what,
      rp.vote_year,
      rp.previous_vote_year,
      rp.first_vote_year,
      f.value,
      f.paragraph,
      f.statement,
      v.*,
      vc.yes_not_party,
      vc.yes_not_in_force,
      vc.non_voting
    FROM
      report_report_facts f
      JOIN report rp USING (report_id)
      JOIN ccm_votes v ON v.year = rp.vote_year
      JOIN vote_counts vc USING (resolution_id)
    WHERE
      f.fact_id IN (
        rp.vote_fact || 'yes',
        rp.vote_fact || 'yes_not_party',
        rp.vote_fact || 'absent',
        rp.vote_fact || 'absent_previous_supporters'
      )
  ),
  previous_support AS (
    -- States absent (X) on the report's vote that voted yes before: on any earlier CCM resolution, or on the one just before.
    SELECT
      rp.report_id,
      count(DISTINCT a.iso3) FILTER(
        WHERE
          e.vote = 'Y'
      )::INTEGER AS any_earlier,
      count(DISTINCT a.iso3) FILTER(
        WHERE
          e.vote = 'Y'
          AND e.year = rp.previous_vote_year
      )::INTEGER AS year_before
    FROM
      report rp
      LEFT JOIN unga_state_votes a ON a.topic = 'CCM'
      AND a.year = rp.vote_year
      AND a.vote = 'X'
      LEFT JOIN unga_state_votes e ON e.iso3 = a.iso3
      AND e.topic = 'CCM'
      AND e.has_country_votes
      AND e.year < a.year
    GROUP BY
      rp.report_id
  ),
  para_67 AS (
    SELECT
      f.report_id,
      'para-' || f.paragraph || ':' || f.fact_id AS check_id,
      'unga_vote' AS topic,
      f.vote_year || CASE f.what
        WHEN 'yes' THEN ' UNGA vote: States voting in favour'
        WHEN 'yes_not_party' THEN ' UNGA vote: States not party voting in favour'
        WHEN 'absent' THEN ' UNGA vote: Member States absent'
        ELSE ' UNGA vote: absent Member States that supported the resolution before'
      END AS subject,
      f.paragraph,
      f.statement AS report_says,
      CASE f.what
        WHEN 'yes' THEN format('{} yes votes recorded on {}', f.total_yes, f.resolution_id)
        WHEN 'yes_not_party' THEN format('{} States not party voted yes ({} counting signatories)', f.yes_not_party, f.yes_not_in_force)
        WHEN 'absent' THEN format('{} Member States non-voting (X) on {}', f.non_voting, f.resolution_id)
        ELSE format(
          '{} of the absent States voted yes on an earlier CCM resolution ({} onwards); {} voted yes in {}',
          ps.any_earlier,
          f.first_vote_year,
          ps.year_before,
          f.previous_vote_year
        )
      END AS record_says,
      CAST(f.value AS INTEGER) AS report_value,
      CASE f.what
        WHEN 'yes' THEN f.total_yes
        WHEN 'yes_not_party' THEN f.yes_not_party
        WHEN 'absent' THEN f.non_voting
        ELSE ps.any_earlier
      END AS record_value,
      CASE f.what
        WHEN 'yes_not_party' THEN f.yes_not_in_force
        WHEN 'absent_previous_supporters' THEN ps.year_before
      END AS record_value_alternative,
      CASE f.what
        WHEN 'yes_not_party' THEN 'States not party: neither signed nor bound on the vote date'
        WHEN 'absent' THEN 'absent: recorded as non-voting (X)'
        WHEN 'absent_previous_supporters' THEN format(
          'previously supported: voted yes on at least one CCM resolution since {} (the first in the records)',
          f.first_vote_year
        )
        ELSE 'yes votes in the plenary record'
      END AS definition,
      CASE f.what
        WHEN 'yes_not_party' THEN 'States for which the Convention was not in force (signatories included)'
        WHEN 'absent_previous_supporters' THEN format('previously supported: voted yes on the {} resolution', f.previous_vote_year)
      END AS alternative_definition,
      report_paragraph_source (f.report_id, f.paragraph) AS report_source,
      f.record_source
    FROM
      vote_facts f
      JOIN previous_support ps USING (report_id)
  ),
  -- 3. The States the report's vote paragraph (para 67) names as voting in favour, State by State, and the States
  --    not party the record has voting yes that the paragraph does not name.
  named_voting AS (
    SELECT
      f.report_id,
      fs.finding_id,
      f.paragraph,
      fs.iso3,
      fs.name_as_written
    FROM
      report_findings f
      JOIN report_finding_states fs USING (report_id, finding_id)
      JOIN paras p ON p.report_id = f.report_id
      AND f.paragraph = p.votes
    WHERE
      f.named_as = 'not_party'
  ),
  report_vote AS (
    SELECT
      rp.report_id,
      rp.vote_year,
      s.iso3,
      s.name_en,
      s.vote,
      s.vote_label,
      s.ccm_status,
      s.source_file,
      s.source_line,
      v.record_source,
      v.resolution_id
    FROM
      report rp
      JOIN ccm_votes v ON v.year = rp.vote_year
      JOIN unga_state_votes s ON s.resolution_id = v.resolution_id
  ),
  named_list AS (
    SELECT
      p.report_id,
      'para-' || p.votes || ':named:' || coalesce(n.iso3, r.iso3) AS check_id,
      'unga_vote' AS topic,
      rp.vote_year || ' UNGA vote: ' || coalesce(n.name_as_written, r.name_en) AS subject,
      coalesce(n.paragraph, p.votes) AS paragraph,
      coalesce(n.iso3, r.iso3) AS iso3,
      CASE
        WHEN n.iso3 IS NULL THEN 'not named among the States not party voting in favour'
        ELSE 'named as a State not party voting in favour'
      END AS report_says,
      format(
        '{} on {}; CCM status on the vote date: {} ({}, line {})',
        r.vote_label,
        r.resolution_id,
        replace(r.ccm_status, '_', ' '),
        r.source_file,
        r.source_line
      ) AS record_says,
      CASE
        WHEN n.iso3 IS NULL THEN 'A State not party (neither signed nor bound) that voted yes must be named'
        ELSE 'A named State must have voted yes and been a State not party (neither signed nor bound)'
      END AS definition,
      CASE
        WHEN n.iso3 IS NULL THEN 'States for which the Convention was not in force: a signatory voting yes must be named too'
      END AS alternative_definition,
      report_paragraph_source (p.report_id, p.votes) AS report_source,
      r.record_source,
      -- agreement under the chosen definition, and under the alternative
      CASE
        WHEN n.iso3 IS NULL THEN NOT (
          r.vote = 'Y'
          AND r.ccm_status IN ('not_party', 'withdrawn')
        )
        ELSE r.vote = 'Y'
        AND r.ccm_status IN ('not_party', 'withdrawn')
      END AS agrees,
      CASE
        WHEN n.iso3 IS NULL THEN NOT (
          r.vote = 'Y'
          AND r.ccm_status <> 'state_party'
        )
        ELSE r.vote = 'Y'
        AND r.ccm_status <> 'state_party'
      END AS agrees_alternative
    FROM
      named_voting n
      FULL JOIN (
        SELECT
          *
        FROM
          report_vote
        WHERE
          vote = 'Y'
          AND ccm_status <> 'state_party'
        UNION
        SELECT
          *
        FROM
          report_vote rv
        WHERE
          EXISTS (
            SELECT
              1
            FROM
              named_voting nv
            WHERE
              nv.report_id = rv.report_id
              AND nv.iso3 = rv.iso3
          )
      ) r ON r.report_id = n.report_id
      AND r.iso3 = n.iso3
      JOIN paras p ON p.report_id = coalesce(n.report_id, r.report_id)
      JOIN report rp ON rp.report_id = p.report_id
    WHERE
      (
        n.iso3 IS NOT NULL
        OR r.iso3 IS NOT NULL
      )
      AND p.votes IS NOT NULL
  ),
  -- 4. Membership counts on the report's date (paras 63, 64, 76).
  -- Every State's status on the date of each membership fact of the report (what ccm_status_on gives for that date):
  -- the counts of check 4 and the signatories of check 5 read the record on the report's date here, once.
  fact_statuses AS (
    SELECT
      f.report_id,
      f.fact_id,
      f.value,
      f.as_of,
      f.paragraph,
      f.statement,
      s.iso3,
      s.status
    FROM
      report_report_facts f
      JOIN state_status s ON (
        s.valid_from IS NULL
        OR s.valid_from <= f.as_of
      )
      AND (
        s.valid_to IS NULL
        OR f.as_of < s.valid_to
      )
    WHERE
      f.fact_id IN (
        'states_committed',
        'states_parties',
        'signatories',
        'signatories_listed',
        'states_parties_mid_2025'
      )
      AND f.as_of IS NOT NULL
  ),
  status_on AS (
    SELECT
      s.report_id,
      s.fact_id,
      s.value,
      s.as_of,
      s.paragraph,
      s.statement,
      count(*) FILTER(
        WHERE
          s.status = 'state_party'
      )::INTEGER AS in_force,
      count(*) FILTER(
        WHERE
          s.status IN ('state_party', 'deposited')
      )::INTEGER AS consented,
      count(*) FILTER(
        WHERE
          s.status = 'signatory'
      )::INTEGER AS signatories,
      count(*) FILTER(
        WHERE
          s.status IN ('signatory', 'deposited', 'state_party')
      )::INTEGER AS committed
    FROM
      fact_statuses s
    GROUP BY
      s.report_id,
      s.fact_id,
      s.value,
      s.as_of,
      s.paragraph,
      s.statement
  ),
  membership_counts AS (
    SELECT
      s.report_id,
      'para-' || s.paragraph || ':' || s.fact_id AS check_id,
      'membership' AS topic,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN 'States Parties on ' || strftime(s.as_of, '%-d %B %Y')
        WHEN s.fact_id = 'states_committed' THEN 'States committed (signed or bound) on ' || strftime(s.as_of, '%-d %B %Y')
        ELSE 'Signatories on ' || strftime(s.as_of, '%-d %B %Y')
      END AS subject,
      s.paragraph,
      s.statement AS report_says,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN format('{} States Parties in force ({} with consent deposited)', s.in_force, s.consented)
        WHEN s.fact_id = 'states_committed' THEN format('{} States signed, deposited or in force', s.committed)
        ELSE format('{} signatories', s.signatories)
      END AS record_says,
      CAST(s.value AS INTEGER) AS report_value,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN s.in_force
        WHEN s.fact_id = 'states_committed' THEN s.committed
        ELSE s.signatories
      END AS record_value,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN s.consented
      END AS record_value_alternative,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN 'State Party: the Convention in force for it (Article 17)'
        WHEN s.fact_id = 'states_committed' THEN 'committed: signed, or consent deposited'
        ELSE 'signatory: signed, no consent deposited'
      END AS definition,
      CASE
        WHEN s.fact_id IN ('states_parties', 'states_parties_mid_2025') THEN 'State Party: consent deposited, in force or not'
      END AS alternative_definition,
      report_paragraph_source (s.report_id, s.paragraph) AS report_source,
      t.record_source
    FROM
      status_on s
      CROSS JOIN treaty t
  ),
  -- 5. The signatories para 64 names, State by State, against the record on the report's date.
  signatories_named AS (
    SELECT
      f.report_id,
      fs.iso3,
      fs.name_as_written,
      f.paragraph,
      rf.as_of
    FROM
      report_findings f
      JOIN report_finding_states fs USING (report_id, finding_id)
      JOIN report_report_facts rf ON rf.report_id = f.report_id
      AND rf.fact_id = 'signatories_listed'
      AND rf.paragraph = f.paragraph
    WHERE
      f.named_as = 'signatory'
  ),
  signatories_record AS (
    -- The signatories on the date of the report's list.
    SELECT
      s.report_id,
      s.iso3,
      st.name_en,
      s.as_of
    FROM
      fact_statuses s
      JOIN states st USING (iso3)
    WHERE
      s.fact_id = 'signatories_listed'
      AND s.status = 'signatory'
  ),
  signatory_list AS (
    SELECT
      p.report_id,
      'para-' || p.signatories || ':named:' || coalesce(n.iso3, r.iso3) AS check_id,
      'membership' AS topic,
      'Signatory on ' || strftime(coalesce(n.as_of, r.as_of), '%-d %B %Y') || ': ' || coalesce(n.name_as_written, r.name_en) AS subject,
      p.signatories AS paragraph,
      coalesce(n.iso3, r.iso3) AS iso3,
      CASE
        WHEN n.iso3 IS NULL THEN 'not named among the signatories'
        ELSE 'named as a signatory'
      END AS report_says,
      'status on that date: ' || replace(ccm_status (coalesce(n.iso3, r.iso3), coalesce(n.as_of, r.as_of)), '_', ' ') AS record_says,
      'signatory: signed, no consent deposited' AS definition,
      report_paragraph_source (p.report_id, p.signatories) AS report_source,
      t.record_source,
      n.iso3 IS NOT NULL
      AND r.iso3 IS NOT NULL AS agrees,
      n.iso3 IS NOT NULL
      AND r.iso3 IS NOT NULL AS agrees_alternative
    FROM
      signatories_named n
      FULL JOIN signatories_record r ON r.report_id = n.report_id
      AND r.iso3 = n.iso3
      CROSS JOIN treaty t
      JOIN paras p ON p.report_id = coalesce(n.report_id, r.report_id)
    WHERE
      p.signatories IS NOT NULL
  ),
  -- 6. Indicator 10.1 ("New SPs to the Convention") per cycle against the deposits in its period.
  joined AS (
    SELECT
      p.report_id,
      p.cycle,
      count(*) FILTER(
        WHERE
          e.event IN ('ratification', 'acceptance', 'accession', 'ratification_or_accession')
          AND e.event_date BETWEEN p.period_start AND p.period_end
      )::INTEGER AS deposits,
      count(*) FILTER(
        WHERE
          e.event = 'entry_into_force'
          AND e.event_date BETWEEN p.period_start AND p.period_end
      )::INTEGER AS entries_into_force,
      string_agg(
        e.iso3 || ' ' || e.event || ' ' || strftime(e.event_date, '%-d %B %Y'),
        '; '
        ORDER BY
          e.event_date
      ) FILTER(
        WHERE
          e.event IN ('ratification', 'acceptance', 'accession', 'ratification_or_accession', 'entry_into_force')
          AND e.event_date BETWEEN p.period_start AND p.period_end
      ) AS events,
      any_value(p.period_start) AS period_start,
      any_value(p.period_end) AS period_end,
      any_value(p.period_assumed) AS period_assumed
    FROM
      periods p
      LEFT JOIN state_events e ON e.event_date BETWEEN p.period_start AND p.period_end
    GROUP BY
      p.report_id,
      p.cycle
  ),
  indicator_10_1 AS (
    SELECT
      iv.* EXCLUDE (indicator_id, cycle),
      format(
        '{} deposit(s) of consent and {} entr(y/ies) into force from {} to {}{}',
        j.deposits,
        j.entries_into_force,
        j.period_start,
        j.period_end,
        CASE
          WHEN j.events IS NULL THEN ''
          ELSE ': ' || j.events
        END
      ) AS record_says,
      j.deposits AS record_value,
      j.entries_into_force AS record_value_alternative,
      'new State Party: consent deposited within the reporting period' || CASE
        WHEN j.period_assumed THEN format(' (assumed {} to {}: the report states no period for {})', j.period_start, j.period_end, iv.cycle)
        ELSE ''
      END AS definition,
      'new State Party: the Convention entered into force for it within the period' AS alternative_definition,
      t.record_source
    FROM
      indicator_checked iv
      JOIN joined j ON j.report_id = iv.report_id
      AND j.cycle = iv.cycle
      CROSS JOIN treaty t
    WHERE
      iv.indicator_id = '10.1'
  ),
  -- 7. Withdrawals the report states (para 63 and footnote 3) against the record.
  withdrawal AS (
    SELECT
      f.report_id,
      'para-' || p.withdrawals || ':withdrawal:' || fs.iso3 AS check_id,
      'membership' AS topic,
      'Withdrawal of ' || fs.name_as_written AS subject,
      f.paragraph,
      fs.iso3,
      rf.statement AS report_says,
      coalesce(
        format(
          'notification deposited {}, effective {}',
          strftime(d.event_date, '%-d %B %Y'),
          strftime(w.event_date, '%-d %B %Y')
        ),
        'no withdrawal in the record'
      ) AS record_says,
      'the dates of the notification and of its effect (Article 20(3))' AS definition,
      report_paragraph_source (f.report_id, rf.paragraph) AS report_source,
      t.record_source,
      coalesce(
        rf.statement LIKE '%' || strftime(d.event_date, '%-d %B %Y') || '%'
        AND rf.statement LIKE '%' || strftime(w.event_date, '%-d %B %Y') || '%',
        FALSE
      ) AS agrees
    FROM
      report_findings f
      JOIN report_finding_states fs USING (report_id, finding_id)
      JOIN report_report_facts rf ON rf.report_id = f.report_id
      AND rf.fact_id = 'withdrawals_deposited'
      LEFT JOIN state_events d ON d.iso3 = fs.iso3
      AND d.event = 'withdrawal_deposited'
      LEFT JOIN state_events w ON w.iso3 = fs.iso3
      AND w.event = 'withdrawal_effective'
      CROSS JOIN treaty t
      JOIN paras p ON p.report_id = f.report_id
    WHERE
      f.paragraph = p.withdrawals
      AND f.counted LIKE '%withdrawal%'
  ),
  counts AS (
    SELECT
      *,
      report_value = record_value AS agrees,
      report_value = record_value_alternative AS agrees_alternative
    FROM
      (
        SELECT
          *
        FROM
          indicator_11_2
        UNION ALL
        BY NAME
        SELECT
          *
        FROM
          para_67
        UNION ALL
        BY NAME
        SELECT
          *
        FROM
          membership_counts
        UNION ALL
        BY NAME
        SELECT
          *
        FROM
          indicator_10_1
      )
  )
SELECT
  report_id,
  check_id,
  topic,
  subject,
  paragraph,
  iso3,
  report_says,
  record_says,
  report_value,
  record_value,
  record_value_alternative,
  agrees,
  coalesce(agrees_alternative, agrees) AS agrees_alternative,
  CASE
    WHEN agrees THEN NULL
    WHEN coalesce(agrees_alternative, FALSE) THEN 'warning'
    ELSE 'error'
  END AS severity,
  definition,
  alternative_definition,
  report_source,
  record_source
FROM
  -- Unioned by name: a column a check does not give is NULL in its rows (the lists' figures, the counts' iso3, an
  -- alternative definition where there is none).
  (
    SELECT
      *
    FROM
      counts
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      named_list
    UNION ALL
    BY NAME
    SELECT
      *
    FROM
      signatory_list
    UNION ALL
    BY NAME
    SELECT
      *,
      agrees AS agrees_alternative
    FROM
      withdrawal
  )
ORDER BY
  report_id,
  topic DESC,
  check_id;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW report_vs_record AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_vs_record_by_report
WHERE
  report_id = session_report ()
ORDER BY
  topic DESC,
  check_id;

-- The disagreements only: what the Data quality page and the briefing's annex list beside consistency_issues.
-- severity: error = the report contradicts the record under both definitions; warning = it agrees only under the
-- alternative definition (the report's wording is ambiguous).
-- Its columns are report_vs_record_by_report's (severity moved up beside topic), not a second list of them.
CREATE OR REPLACE VIEW report_record_issues_by_report AS
SELECT
  report_id,
  check_id,
  topic,
  severity,
  * EXCLUDE (report_id, check_id, topic, severity, agrees, agrees_alternative),
  format(
    '{} says {}; the record ({}) gives {}{}.',
    report_source,
    coalesce(CAST(report_value AS VARCHAR), report_says),
    record_source,
    coalesce(CAST(record_value AS VARCHAR), record_says),
    CASE
      WHEN alternative_definition IS NULL
      OR record_value_alternative IS NULL THEN ''
      ELSE format(
        ' under the definition "{}", and {} under "{}"',
        definition,
        record_value_alternative,
        alternative_definition
      )
    END
  ) AS explanation
FROM
  report_vs_record_by_report
WHERE
  NOT agrees
ORDER BY
  report_id,
  CASE severity
    WHEN 'error' THEN 0
    ELSE 1
  END,
  topic DESC,
  check_id;

-- The session's report's rows.
CREATE OR REPLACE VIEW report_record_issues AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_record_issues_by_report
WHERE
  report_id = session_report ()
ORDER BY
  CASE severity
    WHEN 'error' THEN 0
    ELSE 1
  END,
  topic DESC,
  check_id;
