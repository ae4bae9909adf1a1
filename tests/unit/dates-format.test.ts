import { describe, expect, it } from "vitest";
import { formatDay, formatMonth, formatTimestamp } from "@/lib/dates/format";

describe("formatDay", () => {
  it("writes a calendar day with the month spelled out", () => {
    expect(formatDay("2025-03-07")).toBe("7 March 2025");
  });

  it("reads a bare day as that day, not as midnight in some zone", () => {
    expect(formatDay("2025-01-01")).toBe("1 January 2025");
  });

  it("gives an instant its UTC day", () => {
    expect(formatDay("2025-03-07T23:30:00.000Z")).toBe("7 March 2025");
    expect(formatDay(new Date("2025-03-08T00:30:00.000Z"))).toBe("8 March 2025");
  });

  it("follows the locale it is given", () => {
    expect(formatDay("2025-03-07", "en-US")).toBe("March 7, 2025");
    expect(formatDay("2025-03-07", "de-DE")).toBe("7. März 2025");
  });
});

describe("formatTimestamp", () => {
  it("writes the day the same way, then a 24-hour UTC time", () => {
    expect(formatTimestamp("2025-03-07T04:05:00.000Z")).toBe("7 March 2025, 04:05 UTC");
    expect(formatTimestamp(new Date("2025-03-07T16:45:59.000Z"))).toBe("7 March 2025, 16:45 UTC");
  });

  it("keeps a 24-hour clock in locales that default to 12 hours", () => {
    expect(formatTimestamp("2025-03-07T16:45:00.000Z", "en-US")).toBe("March 7, 2025, 16:45 UTC");
  });
});

describe("formatMonth", () => {
  it("shows a month-precision date as the month alone", () => {
    expect(formatMonth("2025-05-01")).toBe("May 2025");
  });
});
