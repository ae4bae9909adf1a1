import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dateTimeAttribute, formatDate, formatDay, formatMonth, formatTimestamp, SITE_DATE_SETTING } from "@/lib/dates/format";
import { LOCALIZE_DATES_SCRIPT } from "@/lib/dates/localize-script";
import { contentSecurityPolicy } from "@/lib/security/headers";

const german = (timeZone: string) => ({ locale: "de-DE", timeZone });

describe("formatDate: the site's default (server text, and what stays without JavaScript)", () => {
  it("writes a calendar day with the month spelled out", () => {
    expect(formatDate("2025-03-07", "calendar-day")).toBe("7 March 2025");
    expect(formatDay("2025-01-01")).toBe("1 January 2025");
  });

  it("writes an instant in UTC, saying so", () => {
    expect(formatDate("2025-03-07T04:05:00.000Z", "timestamp")).toBe("7 March 2025 at 04:05 UTC");
    expect(formatTimestamp(new Date("2025-03-07T16:45:59.000Z"))).toBe("7 March 2025 at 16:45 UTC");
  });

  it("shows a month-precision date as the month alone", () => {
    expect(formatDate("2025-05", "calendar-month")).toBe("May 2025");
    expect(formatMonth("2025-05-01")).toBe("May 2025");
  });
});

describe("formatDate in a reader's locale and time zone", () => {
  it("writes the day in the reader's language", () => {
    expect(formatDate("2025-03-07", "calendar-day", german("Europe/Berlin"))).toBe("7. März 2025");
    expect(formatDate("2025-03-07", "calendar-day", { locale: "en-US", timeZone: "UTC" })).toBe("March 7, 2025");
  });

  it("never shifts a calendar day, whatever the reader's time zone", () => {
    // A date without a time, whether a bare day or a day stored as UTC midnight.
    expect(formatDate("2025-03-07", "calendar-day", german("America/New_York"))).toBe("7. März 2025");
    expect(formatDate(new Date("2025-03-07T00:00:00Z"), "calendar-day", german("America/Los_Angeles"))).toBe("7. März 2025");
    expect(formatDate("2025-03-01", "calendar-month", german("America/New_York"))).toBe("März 2025");
    expect(formatDate("2025-03-07", "calendar-day", german("Pacific/Kiritimati"))).toBe("7. März 2025");
  });

  it("labels a time axis briefly in the reader's language, a day or month unshifted", () => {
    expect(formatDate("2025-05-01", "axis-day", german("America/New_York"))).toBe("1. Mai");
    expect(formatDate("2025-05-01", "axis-month", german("America/New_York"))).toBe("Mai 2025");
    expect(formatDate("2025-05-01", "axis-month")).toBe("May 2025");
  });

  it("shows an instant in the reader's time zone, on the reader's day", () => {
    const lateInLondon = "2025-03-07T03:30:00.000Z";
    expect(formatDate(lateInLondon, "timestamp", german("America/New_York"))).toBe("6. März 2025 um 22:30 GMT-5");
    expect(formatDate(lateInLondon, "day", german("America/New_York"))).toBe("6. März 2025");
    expect(formatDate(lateInLondon, "day", german("Europe/Berlin"))).toBe("7. März 2025");
    expect(formatDate(lateInLondon, "timestamp", { locale: "en-US", timeZone: "America/New_York" })).toBe("March 6, 2025 at 10:30 PM EST");
  });

  it("keeps the site's default for the helpers whose text is not localized later", () => {
    expect(SITE_DATE_SETTING).toEqual({ locale: "en-GB", timeZone: "UTC" });
    expect(formatDay("2025-03-07", "de-DE")).toBe("7. März 2025");
  });
});

describe("dateTimeAttribute", () => {
  it("gives a calendar date alone and an instant in full", () => {
    expect(dateTimeAttribute(new Date("2025-03-07T00:00:00Z"), "calendar-day")).toBe("2025-03-07");
    expect(dateTimeAttribute("2025-03-07", "calendar-month")).toBe("2025-03");
    expect(dateTimeAttribute("2025-03-07T04:05:00Z", "timestamp")).toBe("2025-03-07T04:05:00.000Z");
  });
});

describe("the public pages' date script", () => {
  it("is allowed by its hash on the cached public pages and by no other means", () => {
    const hash = createHash("sha256").update(LOCALIZE_DATES_SCRIPT).digest("base64");
    const policy = contentSecurityPolicy({ nonce: null, development: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scripts).toBe(`script-src 'self' 'sha256-${hash}'`);
  });
});
