import { describe, expect, it } from "vitest";
import { resolveDatesInText } from "@/lib/events/dates";
import { describePassageDates } from "@/lib/events/passage-dates";
import { findRelativeExpressions, shiftFrom } from "@/lib/events/relative-dates";

// Published Friday 23 May 2025: counting from it would give 24 May for "the day after".
const PUBLISHED = "2025-05-23";
const found = (passage: string) => resolveDatesInText(passage, PUBLISHED);

describe("dates counted from another happening", () => {
  it("leaves 'the day after the Istanbul talks' unresolved, with the happening and the reason, instead of counting from the publication date", () => {
    const [date] = found("The day after the Istanbul talks, Lavrov called Rubio.");
    expect(date).toMatchObject({ text: "The day after", date: null, relative: true });
    expect(date.relativeTo).toMatchObject({ happening: { text: "the Istanbul talks" }, unit: "day", amount: 1 });
    expect(date.note).toBe("counted from “the Istanbul talks”, whose date the text does not give");
  });

  it("resolves once the happening's date is known", () => {
    const [date] = found("Lavrov called Rubio the day after the Istanbul talks.");
    expect(shiftFrom("2025-05-16", date.relativeTo!)).toEqual({ date: "2025-05-17", precision: "day" });
  });

  it("names the happening in 'three days after the summit' and 'on the eve of the vote'", () => {
    expect(findRelativeExpressions("They met three days after the summit in Geneva.")[0].relativeTo).toMatchObject({
      happening: { text: "the summit in Geneva" },
      amount: 3,
    });
    expect(findRelativeExpressions("On the eve of the vote, he spoke.")[0].relativeTo).toMatchObject({ happening: { text: "the vote" }, amount: -1 });
  });

  it("keeps the deictic 'the day before yesterday' counted from the publication date", () => {
    expect(found("They met the day before yesterday.")).toMatchObject([{ date: "2025-05-21", relative: true }]);
  });
});

describe("dates counted from the story's own earlier date", () => {
  it("counts 'the previous day' from the date the sentence gave", () => {
    const dates = found("On May 17, the ministers discussed the talks held the previous day in Istanbul.");
    expect(dates.map((d) => [d.text, d.date])).toEqual([
      ["May 17", "2025-05-17"],
      ["the previous day", "2025-05-16"],
    ]);
    expect(dates[1].note).toBe("counted from May 17 (2025-05-17)");
  });

  it("reads later that day, the next morning and two days later from the last date of the paragraph", () => {
    const dates = found("Trump called Putin on Tuesday. Later that day he called Zelensky. The next morning the Kremlin replied. Two days later they met.");
    expect(dates.map((d) => [d.text, d.date, d.partOfDay ?? null])).toEqual([
      ["on Tuesday", "2025-05-20", null],
      ["Later that day", "2025-05-20", null],
      ["The next morning", "2025-05-21", "morning"],
      ["Two days later", "2025-05-23", null],
    ]);
  });

  it("gives a calendar week as a range for 'the following week', seven days for 'a week later'", () => {
    const [, following] = found("They met on May 7. The following week they spoke again.");
    expect(following).toMatchObject({ date: "2025-05-01", precision: "month", note: "counted from May 7 (2025-05-07); between 2025-05-12 and 2025-05-18" });
    const [, later] = found("They met on May 7. A week later they spoke again.");
    expect(later).toMatchObject({ date: "2025-05-14", precision: "day" });
  });

  it("stays unresolved, never the publication date, when the paragraph gives no earlier date", () => {
    for (const passage of [
      "The next day, the Kremlin confirmed it.",
      "Later in the day, Trump spoke with Zelensky.",
      "On May 7 they met.\nThe next day they left.",
    ]) {
      const relative = found(passage).find((d) => d.relativeTo);
      expect(relative).toMatchObject({ date: null, note: "counted from an earlier date that the text does not give" });
    }
    expect(found("They met on May 7. Days later they left.")[1]).toMatchObject({
      date: null,
      note: "counted from another moment, but the text does not say how far",
    });
  });

  it("explains on the passage which dates could not be resolved", () => {
    const result = describePassageDates("The day after the Istanbul talks, Lavrov called Rubio.", PUBLISHED);
    expect(result.dates).toEqual([
      {
        text: "The day after",
        resolved: null,
        resolvedDate: null,
        relative: true,
        note: "counted from “the Istanbul talks”, whose date the text does not give",
        disagrees: false,
      },
    ]);
  });
});

describe("lengths of time are not dates", () => {
  it("does not read 'for about 90 minutes' or 'within two hours' as a time of day", () => {
    expect(found("On 19 March, Trump and Putin spoke for about 90 minutes.").map((d) => d.text)).toEqual(["On 19 March"]);
    expect(found("The two leaders talked for about 90 minutes.")).toEqual([]);
    expect(found("A reply is expected within two hours.")).toEqual([]);
    expect(found("The talks lasted for three days.")).toEqual([]);
  });

  it("still reads 'two hours ago' and 'in two weeks' as points in time", () => {
    expect(found("He spoke two hours ago.")).toHaveLength(1);
    expect(found("They will meet in two weeks.")).toMatchObject([{ date: "2025-06-01", precision: "month", relative: true }]);
  });
});
