import { describe, expect, it } from "vitest";
import {
  claimValueSchema,
  compareValues,
  summarizeAgreement,
  type ClaimValue,
  type DateValue,
  type NumberQualifier,
  type NumberValue,
} from "@/lib/contradictions/claim-values";
import { parseValue } from "@/lib/contradictions/compare-values";

const day = (localDate: string, extra: Partial<DateValue> = {}): DateValue => ({ type: "date", localDate, precision: "day", ...extra });
const minute = (localDate: string, timeZone?: string): DateValue => ({ type: "date", localDate, precision: "minute", ...(timeZone ? { timeZone } : {}) });
const num = (value: number, qualifier: NumberQualifier = "exact", extra: Partial<NumberValue> = {}): NumberValue => ({
  type: "number",
  value,
  qualifier,
  ...extra,
});
const ids = (...list: string[]): ClaimValue => ({ type: "entities", ids: list });
const text = (t: string): ClaimValue => ({ type: "text", text: t });

describe("claimValueSchema", () => {
  it("accepts each kind of value", () => {
    for (const value of [day("2025-05-19", { partOfDay: "morning" }), num(5000, "more_than", { per: "week" }), ids("a", "b"), text("a call")]) {
      expect(claimValueSchema.safeParse(value).success).toBe(true);
    }
  });

  it("rejects impossible dates and unknown qualifiers", () => {
    const badDate = claimValueSchema.safeParse(day("2025-02-30"));
    expect(badDate.success).toBe(false);
    expect(badDate.error?.issues[0].message).toBe("2025-02-30 does not exist: February 2025 has 28 days");
    expect(claimValueSchema.safeParse({ type: "number", value: 5, qualifier: "plenty" }).success).toBe(false);
  });
});

describe("compareValues: dates", () => {
  it("finds a day and a time within it compatible, even across precision and zones", () => {
    expect(compareValues(day("2025-05-19", { partOfDay: "morning" }), minute("2025-05-19T10:00", "America/New_York"))).toBe("compatible");
    expect(compareValues({ type: "date", localDate: "2025-05", precision: "month" }, day("2025-05-19"))).toBe("compatible");
  });

  it("flags different days as a conflict", () => {
    expect(compareValues(day("2025-05-18"), day("2025-05-19"))).toBe("conflict");
  });

  it("flags a time outside the stated part of the day", () => {
    expect(compareValues(day("2025-05-19", { partOfDay: "morning" }), minute("2025-05-19T15:00"))).toBe("conflict");
  });

  it("converts to a common zone when both values have one", () => {
    // Same instant written in two zones.
    expect(compareValues(minute("2025-05-19T10:00", "America/New_York"), minute("2025-05-19T17:00", "Europe/Moscow"))).toBe("identical");
    // 01:00 on the 20th in Moscow is still the 19th in New York.
    expect(compareValues(day("2025-05-19", { timeZone: "America/New_York" }), minute("2025-05-20T01:00", "Europe/Moscow"))).toBe("compatible");
    // 23:00 on the 19th in New York is already the 20th in Moscow.
    expect(compareValues(minute("2025-05-19T23:00", "America/New_York"), day("2025-05-19", { timeZone: "Europe/Moscow" }))).toBe("conflict");
  });

  it("reads a date without zone as the calendar day the source gave", () => {
    expect(compareValues(day("2025-05-20"), minute("2025-05-20T01:00", "Europe/Moscow"))).toBe("compatible");
    expect(compareValues(day("2025-05-19"), minute("2025-05-20T01:00", "Europe/Moscow"))).toBe("conflict");
  });
});

describe("compareValues: numbers", () => {
  it("treats 'more than' as an open interval", () => {
    expect(compareValues(num(5000, "more_than"), num(6000))).toBe("compatible");
    expect(compareValues(num(5000, "more_than"), num(4000))).toBe("conflict");
    expect(compareValues(num(5000, "more_than"), num(5000))).toBe("conflict");
    expect(compareValues(num(5000, "more_than"), num(5000, "at_least"))).toBe("compatible");
  });

  it("treats 'nearly' as up to 10 % below", () => {
    expect(compareValues(num(3000, "nearly"), num(5000))).toBe("conflict");
    expect(compareValues(num(3000, "nearly"), num(2900))).toBe("compatible");
    expect(compareValues(num(3000, "nearly"), num(3100))).toBe("conflict");
  });

  it("treats 'about' as ±10 %", () => {
    expect(compareValues(num(5000, "about"), num(5500))).toBe("compatible");
    expect(compareValues(num(5000, "about"), num(5600))).toBe("conflict");
    expect(compareValues(num(5000, "about"), num(4400))).toBe("conflict");
  });

  it("calls equal values with equal qualifiers identical", () => {
    expect(compareValues(num(5000, "more_than", { per: "week" }), num(5000, "more_than", { per: "Week" }))).toBe("identical");
  });

  it("does not compare different units or rates", () => {
    expect(compareValues(num(5, "exact", { unit: "km" }), num(5, "exact", { unit: "mi" }))).toBe("incomparable");
    expect(compareValues(num(5000, "more_than", { per: "week" }), num(6000))).toBe("incomparable");
  });
});

describe("compareValues: entity lists and text", () => {
  it("calls the same entities in another order identical and other lists a conflict", () => {
    expect(compareValues(ids("putin", "trump"), ids("trump", "putin"))).toBe("identical");
    expect(compareValues(ids("putin", "trump"), ids("putin", "trump", "witkoff"))).toBe("conflict");
  });

  it("calls equal text identical after normalization and leaves other text to the editor", () => {
    expect(compareValues(text("A “productive” call."), text('a "productive"   call'))).toBe("identical");
    expect(compareValues(text("a productive call"), text("a tense call"))).toBe("incomparable");
  });

  it("does not compare values of different types", () => {
    expect(compareValues(num(19), day("2025-05-19"))).toBe("incomparable");
  });
});

describe("parseValue", () => {
  const ctx = { publishedAt: "2025-05-21" };

  it("reads a qualified number with its rate", () => {
    expect(parseValue("number", "More than 5,000 Russian soldiers are killed each week, officials said on May 19.", ctx)).toEqual(
      num(5000, "more_than", { per: "week" }),
    );
    expect(parseValue("number", "Nearly 3,000 people have died.", ctx)).toEqual(num(3000, "nearly"));
    expect(parseValue("number", "Approximately 1.2 million people fled.", ctx)).toEqual(num(1_200_000, "about"));
    expect(parseValue("number", "The deal is worth $2.5 billion.", ctx)).toEqual(num(2_500_000_000, "exact", { unit: "USD" }));
  });

  it("ignores numbers that belong to dates", () => {
    expect(parseValue("number", "On May 19, 2025, 6,000 troops arrived.", ctx)).toEqual(num(6000));
    expect(parseValue("number", "The talks on the 19th ended.", ctx)).toBeNull();
  });

  it("proposes the most precise date of the passage", () => {
    expect(parseValue("date", "On Monday, May 19, at 10:00 ET, Trump called Putin.", ctx)).toEqual(minute("2025-05-19T10:00", "America/New_York"));
    expect(parseValue("date", "The call took place on the morning of the 19th.", ctx)).toEqual(day("2025-05-19", { partOfDay: "morning" }));
  });

  it("proposes nothing it cannot resolve or read", () => {
    expect(parseValue("date", "The call took place on Saturday.", { publishedAt: null })).toBeNull();
    expect(parseValue("entities", "Putin called Trump.", ctx)).toBeNull();
  });
});

describe("summarizeAgreement", () => {
  const values = [
    { articleId: "a1", outlet: "Reuters", value: num(5000, "more_than") },
    { articleId: "a2", outlet: "AP", value: num(6000) },
    { articleId: "a3", outlet: "Reuters", value: num(5500, "about") },
    { articleId: "a4", outlet: "BBC", value: num(3000, "nearly") },
  ];

  it("groups agreeing values and counts distinct outlets", () => {
    const [top, other] = summarizeAgreement(values).corroborations;
    expect(top.members.map((m) => m.articleId)).toEqual(["a1", "a2", "a3"]);
    expect(top).toMatchObject({ outletCount: 2, outlets: ["Reuters", "AP"], agreement: "compatible" });
    expect(other.members.map((m) => m.articleId)).toEqual(["a4"]);
  });

  it("lists conflicting pairs from different articles only", () => {
    const withCorrection = [...values, { articleId: "a4", outlet: "BBC", value: num(9000) }];
    const pairs = summarizeAgreement(withCorrection).conflicts.map(({ a, b }) => `${a.articleId}/${b.articleId}`);
    expect(pairs).toContain("a1/a4");
    expect(pairs).toContain("a2/a4");
    expect(pairs).toContain("a3/a4");
    expect(pairs.filter((p) => p === "a4/a4")).toHaveLength(0);
  });
});

describe("parseValue: durations", () => {
  const ctx = { publishedAt: "2025-03-20" };
  const hours = (value: number, qualifier: NumberQualifier = "exact") => num(value, qualifier, { unit: "h" });

  it("reads 'for about 90 minutes' as a duration of about 1.5 h, not as a time of day", () => {
    expect(parseValue("date", "The two leaders talked for about 90 minutes.", ctx)).toBeNull();
    expect(parseValue("number", "The two leaders talked for about 90 minutes.", ctx)).toEqual(hours(1.5, "about"));
    expect(parseValue("date", "On 19 March, Trump and Putin spoke for about 90 minutes.", ctx)).toEqual(day("2025-03-19"));
  });

  it("normalizes written durations to hours with their qualifier", () => {
    expect(parseValue("number", "The call lasted more than two hours.", ctx)).toEqual(hours(2, "more_than"));
    expect(parseValue("number", "They talked for nearly three hours.", ctx)).toEqual(hours(3, "nearly"));
    expect(parseValue("number", "They met for an hour and a half.", ctx)).toEqual(hours(1.5));
    expect(parseValue("number", "It was a 90-minute call.", ctx)).toEqual(hours(1.5));
    expect(parseValue("number", "The meeting took 2 hours and 15 minutes.", ctx)).toEqual(hours(2.25));
  });

  it("compares durations as intervals: about 3 h fits more than 2 h, about 1.5 h does not", () => {
    const about3 = parseValue("number", "They spoke for about three hours.", ctx)!;
    expect(compareValues(about3, parseValue("number", "The call lasted more than two hours.", ctx)!)).toBe("compatible");
    expect(compareValues(about3, parseValue("number", "They spoke for about 90 minutes.", ctx)!)).toBe("conflict");
  });
});
