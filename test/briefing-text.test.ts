/** The report-style wording of the briefing: number words, subjects, agreement, compact source notes. */
import { describe, expect, it } from "vitest";
import { countNoun, countPhrase, numberToWords, proseNumber } from "../data-loaders/presentation/number-words.ts";
import { agree, indicatorSentence, listNames, subjectPhrase } from "../data-loaders/briefing/text.ts";
import { compactCells, compactTable } from "../data-loaders/briefing/sources.ts";

describe("number words in the report's style", () => {
  it("writes words then figures, single digits padded to two", () => {
    expect(countPhrase(70, { capitalize: true })).toBe("Seventy (70)");
    expect(countPhrase(7, { capitalize: true })).toBe("Seven (07)");
    expect(countPhrase(63)).toBe("sixty-three (63)");
    expect(countPhrase(111)).toBe("one hundred and eleven (111)");
    expect(countPhrase(1328)).toBe("one thousand three hundred and twenty-eight (1,328)");
    expect(numberToWords(0)).toBe("zero");
    expect(numberToWords(104)).toBe("one hundred and four");
  });

  it("refuses what it cannot write", () => {
    expect(() => numberToWords(2.5)).toThrow(RangeError);
  });
});

describe("numbers in prose", () => {
  it("writes one to nine in words and larger numbers in digits, never padded", () => {
    expect(proseNumber(7)).toBe("seven");
    expect(proseNumber(9)).toBe("nine");
    expect(proseNumber(10)).toBe("10");
    expect(proseNumber(59)).toBe("59");
    expect(proseNumber(15497)).toBe("15,497");
    expect(proseNumber(-3)).toBe("three");
    expect(proseNumber(59, { words: true })).toBe("fifty-nine");
  });

  it("opens a sentence with words, never a digit, and says zero as no", () => {
    expect(proseNumber(70, { capitalize: true })).toBe("Seventy");
    expect(proseNumber(111, { capitalize: true })).toBe("One hundred and eleven");
    expect(proseNumber(0)).toBe("no");
    expect(proseNumber(0, { capitalize: true })).toBe("No");
  });

  it("puts the noun in the right number", () => {
    expect(countNoun(1, "indicator")).toBe("one indicator");
    expect(countNoun(12, "indicator")).toBe("12 indicators");
    expect(countNoun(0, "State Party", "States Parties")).toBe("no States Parties");
    expect(countNoun(2, "State Party", "States Parties", { capitalize: true })).toBe("Two States Parties");
  });
});

describe("indicator subjects as running text", () => {
  it("spells out SPs and drops the relative 'that'", () => {
    expect(subjectPhrase("SPs that contribute to the Implementation Support Unit (ISU) budget.")).toBe(
      "States Parties contribute to the Implementation Support Unit (ISU) budget",
    );
    expect(
      subjectPhrase(
        "Affected SPs that report having developed annual work plans to implement their national strategy.",
      ),
    ).toBe("affected States Parties report having developed annual work plans to implement their national strategy");
    expect(
      subjectPhrase("States Parties (SPs) that report having included Convention implementation activities."),
    ).toBe("States Parties report having included Convention implementation activities");
    expect(subjectPhrase("Women in SPs' delegations attending Convention meetings.")).toBe(
      "women in States Parties' delegations attending Convention meetings",
    );
  });

  it("keeps only the first sentence of a long indicator text", () => {
    expect(
      subjectPhrase("SPs reported retaining cluster munitions under Article 3.6. These measures are understood as …"),
    ).toBe("States Parties reported retaining cluster munitions under Article 3.6");
  });

  it("makes subject and verb agree with one", () => {
    expect(agree("States Parties contribute to the ISU budget", 1)).toBe("State Party contributes to the ISU budget");
    expect(agree("States Parties contribute to the ISU budget", 2)).toBe("States Parties contribute to the ISU budget");
    expect(agree("confirmed cases of cluster munition use", 1)).toBe("confirmed case of cluster munition use");
  });

  it("writes a movement sentence with the comparison, the streak and the record", () => {
    const s = indicatorSentence(
      {
        text: "SPs that contribute to the Implementation Support Unit (ISU) budget.",
        value: 70,
        value_secondary: null,
        secondary_measure: null,
        previous_cycle: "12MSP",
        previous_value: 59,
        direction: "up",
        streak: 1,
        record_to_date: "highest",
        cycle: "13MSP",
        first_cycle: "10MSP",
        first_value: 52,
        change_since_first: 18,
      },
      4,
    );
    expect(s).toBe(
      "Seventy States Parties contribute to the Implementation Support Unit (ISU) budget, up from 59 in the 12MSP cycle (the highest of the four cycles since 10MSP)",
    );
  });

  it("says a completed fall as completion, with no record low, and a record only of the cycles measured", () => {
    const base = {
      text: "SPs having completed obligations and made an official declaration of compliance.",
      value: 0,
      value_secondary: null,
      secondary_measure: null,
      previous_cycle: "12MSP",
      previous_value: 4,
      direction: "down",
      streak: 1,
      record_to_date: "joint lowest",
      cycle: "13MSP",
      first_cycle: "10MSP",
      first_value: 0,
      change_since_first: 0,
    };
    expect(indicatorSentence({ ...base, judgement: "declined", measured_to_date: 4 }, 4)).toMatch(
      /\(equal to the lowest of the four cycles since 10MSP\)$/,
    );
    expect(
      indicatorSentence(
        {
          ...base,
          judgement: "completed",
          measured_to_date: 4,
          completion_group_label: "States Parties with outstanding Article 3 stockpile destruction obligations",
          completion_source: "para 82",
        },
        4,
      ),
    ).toBe(
      "No States Parties having completed obligations and made an official declaration of compliance, down from four in the 12MSP cycle (completion, not decline: no States Parties with outstanding Article 3 stockpile destruction obligations are left, para 82)",
    );
    const twoCycles = {
      ...base,
      value: 46,
      previous_value: 24,
      direction: "up",
      record_to_date: "highest",
      first_value: null,
      change_since_first: null,
      judgement: "improved",
      measured_to_date: 2,
    };
    expect(indicatorSentence(twoCycles, 4)).toMatch(/\(measured in only two of the four cycles since 10MSP\)$/);
  });

  it("lists names with the serial comma, as the report does", () => {
    expect(listNames(["Lithuania"])).toBe("Lithuania");
    expect(listNames(["Chad", "Iraq", "Lao PDR"])).toBe("Chad, Iraq, and Lao PDR");
  });
});

describe("compact source references", () => {
  const ref = (action: number, cycle: string) =>
    `13MSP Progress Report, section VI.A table, Action ${action}, ${cycle} column`;
  it("merges the cells of one row", () => {
    expect(compactCells([ref(9, "13MSP"), ref(9, "12MSP")])).toEqual([
      "13MSP Progress Report, section VI.A table, Action 9, 13MSP and 12MSP columns",
    ]);
  });
  it("merges the rows of one table with the same columns", () => {
    const refs = [1, 2, 9].flatMap((a) => ["10MSP", "13MSP"].map((c) => ref(a, c)));
    expect(compactTable(refs)).toBe(
      "13MSP Progress Report, section VI.A table, Actions 1, 2 and 9 (10MSP and 13MSP columns)",
    );
  });
  it("falls back to one reference per row when the columns differ", () => {
    expect(compactTable([ref(1, "10MSP"), ref(1, "11MSP"), ref(2, "11MSP")])).toBe(
      "13MSP Progress Report, section VI.A table, Action 1, 10MSP and 11MSP columns; 13MSP Progress Report, section VI.A table, Action 2, 11MSP column",
    );
  });
});
