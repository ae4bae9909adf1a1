import { describe, expect, it } from "vitest";
import { datesDisagree, NO_PUBLICATION_DATE_NOTE, resolveDatesInText } from "@/lib/events/dates";
import { eventDateParts, eventDateSchema, eventDateSegments, formatEventDate, toUtcInstant, type EventDate } from "@/lib/events/event-dates";

/** The only date found in the passage. */
function only(passage: string, publishedAt: string | null) {
  const found = resolveDatesInText(passage, publishedAt);
  expect(found).toHaveLength(1);
  expect(passage.slice(found[0].start, found[0].end)).toBe(found[0].text);
  return found[0];
}

const dateOf = (passage: string, publishedAt: string | null) => only(passage, publishedAt).date;

// 2025-05-21 is a Wednesday.
const WEDNESDAY = "2025-05-21";

describe("resolveDatesInText: weekdays", () => {
  it("reads a weekday in a past-tense sentence as the latest one on or before publication", () => {
    expect(dateOf("Putin spoke to Trump on Saturday.", WEDNESDAY)).toBe("2025-05-17");
    expect(dateOf("The two leaders talked Tuesday.", WEDNESDAY)).toBe("2025-05-20");
    expect(dateOf("On Wednesday, officials said the talks had ended.", WEDNESDAY)).toBe("2025-05-21");
  });

  it("reads a weekday in a future-tense sentence as the next one on or after publication", () => {
    expect(dateOf("The two leaders will meet on Saturday.", WEDNESDAY)).toBe("2025-05-24");
    expect(dateOf("Talks are scheduled for Tuesday.", WEDNESDAY)).toBe("2025-05-27");
  });

  it("crosses month and year boundaries", () => {
    // 2025-06-02 is a Monday; the previous Friday is in May.
    expect(dateOf("The call took place on Friday.", "2025-06-02")).toBe("2025-05-30");
    expect(dateOf("They will meet again on Monday.", "2025-05-30")).toBe("2025-06-02");
    expect(dateOf("The strike happened on Monday.", "2025-01-02")).toBe("2024-12-30");
  });

  it("marks weekdays as relative with day precision and keeps a part of the day", () => {
    const found = only("Trump spoke with Putin on Monday morning.", WEDNESDAY);
    expect(found).toMatchObject({ date: "2025-05-19", precision: "day", partOfDay: "morning", relative: true });
  });

  it("notes a weekday that contradicts the stated date", () => {
    expect(only("On Monday, May 20, 2025, the talks began.", WEDNESDAY).note).toMatch(/Monday.*Tuesday/);
  });
});

describe("resolveDatesInText: day of month and other relative expressions", () => {
  it("reads 'the 19th' as the latest 19th on or before publication", () => {
    expect(only("The call took place on the 19th.", WEDNESDAY)).toMatchObject({ date: "2025-05-19", relative: true });
    expect(dateOf("The call took place on the 29th.", "2025-06-02")).toBe("2025-05-29");
    // June has no 31st: the previous month that has one.
    expect(dateOf("They met on the 31st.", "2025-06-10")).toBe("2025-05-31");
  });

  it("reads 'the 2nd' in a future-tense sentence as the next 2nd", () => {
    expect(dateOf("He will travel on the 2nd.", "2025-05-30")).toBe("2025-06-02");
  });

  it("keeps the part of the day in 'the morning of the 19th'", () => {
    expect(only("It happened on the morning of the 19th.", WEDNESDAY)).toMatchObject({
      date: "2025-05-19",
      precision: "day",
      partOfDay: "morning",
    });
  });

  it("does not take ordinals of units or centuries for dates", () => {
    expect(resolveDatesInText("The 47th Mechanized Brigade, formed in the 19th century, held.", WEDNESDAY)).toEqual([]);
  });

  it("resolves yesterday, last week and approximately one month ago", () => {
    expect(only("He said yesterday that it was over.", WEDNESDAY)).toMatchObject({ date: "2025-05-20", precision: "day", relative: true });
    // Last week is 12–18 May: only the month is certain.
    const lastWeek = only("They talked last week.", WEDNESDAY);
    expect(lastWeek).toMatchObject({ date: "2025-05-01", precision: "month", relative: true });
    expect(lastWeek.note).toContain("2025-05-12 and 2025-05-18");
    expect(only("It began approximately one month ago.", WEDNESDAY)).toMatchObject({ date: "2025-04-01", precision: "month" });
  });
});

describe("resolveDatesInText: absolute dates, times and zones", () => {
  it("resolves full dates, months and years without the publication date", () => {
    expect(only("The deal was signed on May 17, 2025.", WEDNESDAY)).toMatchObject({ date: "2025-05-17", precision: "day", relative: false });
    expect(only("Prices rose in March 2024.", WEDNESDAY)).toMatchObject({ date: "2024-03-01", precision: "month" });
    expect(only("The war escalated in 2022, officials said.", WEDNESDAY)).toMatchObject({ date: "2022-01-01", precision: "year" });
  });

  it("takes the year of a month-day from the publication date", () => {
    expect(dateOf("They met on February 12.", WEDNESDAY)).toBe("2025-02-12");
    expect(dateOf("They met on December 12.", "2025-01-05")).toBe("2024-12-12");
  });

  it("reads the time and an abbreviated zone", () => {
    expect(only("The call began at 10:00 ET on May 19.", WEDNESDAY)).toMatchObject({
      text: "at 10:00 ET on May 19",
      date: "2025-05-19",
      precision: "minute",
      time: "10:00",
      timeZone: "America/New_York",
    });
    expect(only("It ended at 2pm BST.", WEDNESDAY)).toMatchObject({ precision: "hour", time: "14:00", timeZone: "Europe/London", date: null });
  });

  it("reads '<city> time' as that city's IANA zone and joins it to the date", () => {
    expect(only("The call began at 17:00 Moscow time on May 19.", WEDNESDAY)).toMatchObject({
      text: "at 17:00 Moscow time on May 19",
      date: "2025-05-19",
      time: "17:00",
      timeZone: "Europe/Moscow",
    });
  });
});

describe("resolveDatesInText without a publication date", () => {
  it("leaves relative dates unresolved with an explanation", () => {
    for (const passage of ["Putin spoke to Trump on Saturday.", "They met on the 19th.", "He left yesterday."]) {
      expect(only(passage, null)).toMatchObject({ date: null, relative: true, note: NO_PUBLICATION_DATE_NOTE });
    }
  });

  it("still resolves absolute dates", () => {
    expect(dateOf("The deal was signed on May 17, 2025.", null)).toBe("2025-05-17");
  });

  it("keeps a month-day without year at day precision but without a date", () => {
    const found = only("They met on February 12.", null);
    expect(found).toMatchObject({ date: null, precision: "day", relative: false });
    expect(found.note).toMatch(/year is not stated/);
  });
});

describe("eventDateSchema", () => {
  const issues = (value: unknown) => {
    const result = eventDateSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts every precision, with or without a zone", () => {
    expect(issues({ localDate: "2025", precision: "year", timeZone: null })).toEqual([]);
    expect(issues({ localDate: "2024-02-29", precision: "day", timeZone: null })).toEqual([]);
    expect(issues({ localDate: "2025-05-19T10", precision: "hour", timeZone: "America/New_York" })).toEqual([]);
    expect(issues({ localDate: "2025-05-19T10:00", precision: "minute", timeZone: "Europe/Moscow" })).toEqual([]);
  });

  it("rejects impossible dates with a clear message", () => {
    expect(issues({ localDate: "2025-02-30", precision: "day", timeZone: null })).toEqual(["localDate: 2025-02-30 does not exist: February 2025 has 28 days"]);
    expect(issues({ localDate: "2025-13", precision: "month", timeZone: null })).toEqual(["localDate: 2025-13 does not exist: there is no month 13"]);
    expect(issues({ localDate: "2025-05-19T24:00", precision: "minute", timeZone: null })[0]).toMatch(/hours go from 00 to 23/);
  });

  it("rejects a date whose form does not match its precision", () => {
    expect(issues({ localDate: "2025-05-19", precision: "minute", timeZone: null })).toEqual(['localDate: "2025-05-19" has day precision, not minute']);
  });

  it("rejects unknown time zones", () => {
    expect(issues({ localDate: "2025-05-19", precision: "day", timeZone: "Mars/Olympus" })[0]).toMatch(/^timeZone: unknown time zone "Mars\/Olympus"/);
  });
});

describe("toUtcInstant", () => {
  it("uses the zone's offset on that date, daylight saving included", () => {
    expect(toUtcInstant({ localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" }).toISOString()).toBe("2025-05-19T14:00:00.000Z");
    expect(toUtcInstant({ localDate: "2025-01-15T10:00", precision: "minute", timeZone: "America/New_York" }).toISOString()).toBe("2025-01-15T15:00:00.000Z");
  });

  it("starts a day at local midnight, and at UTC midnight without a zone", () => {
    expect(toUtcInstant({ localDate: "2025-05-19", precision: "day", timeZone: "Europe/Moscow" }).toISOString()).toBe("2025-05-18T21:00:00.000Z");
    expect(toUtcInstant({ localDate: "2025-05", precision: "month", timeZone: null }).toISOString()).toBe("2025-05-01T00:00:00.000Z");
  });
});

describe("formatEventDate", () => {
  const call: EventDate = { localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" };

  it("shows the time in its zone and in UTC", () => {
    expect(formatEventDate(call)).toBe("19 May 2025, 10:00 EDT (14:00 UTC)");
  });

  it("converts to another zone", () => {
    expect(formatEventDate(call, { zone: "Europe/Moscow" })).toBe("19 May 2025, 17:00 Moscow time (14:00 UTC)");
    expect(formatEventDate(call, { zone: "Europe/London" })).toBe("19 May 2025, 15:00 BST (14:00 UTC)");
    expect(formatEventDate(call, { zone: "UTC" })).toBe("19 May 2025, 14:00 UTC");
  });

  it("shows the UTC date when it differs, and hours as a range", () => {
    expect(formatEventDate({ localDate: "2025-05-19T22", precision: "hour", timeZone: "America/New_York" })).toBe(
      "19 May 2025, 22:00–23:00 EDT (20 May 2025, 02:00–03:00 UTC)",
    );
  });

  it("says when a time has no zone, and shows coarser dates plainly", () => {
    expect(formatEventDate({ localDate: "2025-05-19T10:00", precision: "minute", timeZone: null }, { zone: "UTC" })).toBe(
      "19 May 2025, 10:00 (time zone not stated)",
    );
    expect(formatEventDate({ localDate: "2025-05-19", precision: "day", timeZone: null })).toBe("19 May 2025");
    expect(formatEventDate({ localDate: "2025-05", precision: "month", timeZone: null })).toBe("May 2025");
  });
});

describe("event dates in the reader's locale", () => {
  const lateCall: EventDate = { localDate: "2025-05-19T22:30", precision: "minute", timeZone: "America/New_York" };

  it("writes the days in the locale and keeps the times and zone as the source gave them", () => {
    expect(formatEventDate(lateCall, { locale: "de-DE" })).toBe("19. Mai 2025, 22:30 EDT (20. Mai 2025, 02:30 UTC)");
    expect(formatEventDate({ localDate: "2025-05", precision: "month", timeZone: null }, { locale: "de-DE" })).toBe("Mai 2025");
    expect(formatEventDate({ localDate: "2025", precision: "year", timeZone: null }, { locale: "de-DE" })).toBe("2025");
  });

  it("names a calendar day that no reader's time zone shifts", () => {
    expect(formatEventDate({ localDate: "2025-05-01", precision: "day", timeZone: null }, { locale: "en-US" })).toBe("May 1, 2025");
  });

  it("keeps a part of the day beside the day", () => {
    expect(formatEventDate({ localDate: "2025-05-19", precision: "day", timeZone: null, partOfDay: "evening" })).toBe("19 May 2025 (evening)");
  });

  it("takes a date apart into calendar days to localize and words to keep", () => {
    expect(eventDateParts(lateCall)).toEqual({
      calendar: { precision: "day", value: "2025-05-19" },
      time: "22:30",
      zone: "EDT",
      utc: { day: "2025-05-20", time: "02:30" },
      note: null,
    });
    expect(eventDateSegments(eventDateParts(lateCall))).toEqual([
      { value: "2025-05-19", style: "calendar-day" },
      ", 22:30 EDT",
      " (",
      { value: "2025-05-20", style: "calendar-day" },
      ", ",
      "02:30 UTC)",
    ]);
    expect(eventDateSegments(eventDateParts({ localDate: "2025-05", precision: "month", timeZone: null }))).toEqual([
      { value: "2025-05", style: "calendar-month" },
    ]);
  });
});

describe("datesDisagree", () => {
  const saturday = only("Putin spoke to Trump on Saturday.", WEDNESDAY); // 2025-05-17

  it("is true when the passage's day cannot be the event's day", () => {
    expect(datesDisagree(saturday, { localDate: "2025-05-19", precision: "day", timeZone: null })).toBe(true);
  });

  it("compares at the coarser precision", () => {
    expect(datesDisagree(saturday, { localDate: "2025-05-17T15:00", precision: "minute", timeZone: "Europe/Moscow" })).toBe(false);
    expect(datesDisagree(saturday, { localDate: "2025-05", precision: "month", timeZone: null })).toBe(false);
    expect(datesDisagree(saturday, { localDate: "2025-04", precision: "month", timeZone: null })).toBe(true);
  });

  it("converts times in different zones before comparing", () => {
    const passage = only("The call began at 10:00 ET on May 19.", WEDNESDAY);
    expect(datesDisagree(passage, { localDate: "2025-05-19T17:00", precision: "minute", timeZone: "Europe/Moscow" })).toBe(false);
    expect(datesDisagree(passage, { localDate: "2025-05-19T18:00", precision: "minute", timeZone: "Europe/Moscow" })).toBe(true);
  });

  it("never flags a passage date that could not be resolved", () => {
    const unresolved = only("Putin spoke to Trump on Saturday.", null);
    expect(datesDisagree(unresolved, { localDate: "2025-05-19", precision: "day", timeZone: null })).toBe(false);
  });
});

describe("resolveDatesInText: a month or day without its year, by the sentence's tense", () => {
  it("reads a month in the past tense as the last one before publication, and in the future tense as the next one", () => {
    expect(dateOf("The two ministers last held talks in Beijing in December.", "2031-06-13")).toBe("2030-12-01");
    expect(dateOf("They met in January.", "2031-12-20")).toBe("2031-01-01");
    expect(dateOf("They will meet in December.", "2031-01-10")).toBe("2031-12-01");
  });

  it("leaves a date a few days off the publication date, or in a sentence about a plan, at the nearest such date", () => {
    expect(dateOf("Delegations held talks in Singapore on May 13.", "2030-05-12")).toBe("2030-05-13");
    expect(dateOf("A summit was scheduled for December 3.", "2031-06-13")).toBe("2031-12-03");
  });
});

describe("resolveDatesInText: the present of a schedule", () => {
  it("reads a weekday after 'arrives' or 'begins' as the coming one, and after 'arrived' as the last one", () => {
    expect(dateOf("Chancellor Felix Braun arrives in Paris on Monday for talks with President Claire Dumas.", WEDNESDAY)).toBe("2025-05-26");
    expect(dateOf("The state visit begins on Friday.", WEDNESDAY)).toBe("2025-05-23");
    expect(dateOf("Chancellor Felix Braun arrived in Paris on Monday.", WEDNESDAY)).toBe("2025-05-19");
    expect(dateOf("The heads of state met on Monday.", WEDNESDAY)).toBe("2025-05-19");
  });
});
