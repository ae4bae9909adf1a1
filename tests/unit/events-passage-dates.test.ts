import { describe, expect, it } from "vitest";
import { describePassageDates } from "@/lib/events/passage-dates";

// 2025-05-21 is a Wednesday.
const PUBLISHED = "2025-05-21";

describe("describePassageDates", () => {
  it("resolves relative dates against the publication date and says when one disagrees with the event", () => {
    const result = describePassageDates("Putin spoke to Trump on Saturday.", PUBLISHED, { localDate: "2025-05-19", precision: "day", timeZone: null });
    expect(result.dates).toEqual([
      {
        text: "on Saturday",
        resolved: "17 May 2025",
        resolvedDate: { localDate: "2025-05-17", precision: "day", timeZone: null },
        relative: true,
        note: null,
        disagrees: true,
      },
    ]);
    expect(result.unresolvableReason).toBeNull();
  });

  it("does not flag a date that fits the event, even at a coarser precision", () => {
    const result = describePassageDates("The two leaders talked Monday.", PUBLISHED, { localDate: "2025-05", precision: "month", timeZone: null });
    expect(result.dates).toMatchObject([{ resolved: "19 May 2025", disagrees: false }]);
  });

  it("compares a zoned time as an instant", () => {
    const event = { localDate: "2025-05-19T17:00", precision: "minute" as const, timeZone: "Europe/Moscow" };
    const same = describePassageDates("The call began at 10:00 ET on May 19.", PUBLISHED, event);
    expect(same.dates).toMatchObject([{ resolved: "19 May 2025, 10:00 EDT (14:00 UTC)", disagrees: false }]);
    const other = describePassageDates("The call began at 11:00 ET on May 19.", PUBLISHED, event);
    expect(other.dates[0].disagrees).toBe(true);
  });

  it("says that relative dates cannot be resolved without a publication date, but still resolves absolute ones", () => {
    const result = describePassageDates("They spoke on Saturday; the deal was signed on May 17, 2025.", null, {
      localDate: "2025-05-10",
      precision: "day",
      timeZone: null,
    });
    expect(result.unresolvableReason).toMatch(/no publication date/);
    expect(result.dates).toMatchObject([
      { text: "on Saturday", resolved: null, disagrees: false },
      { text: "May 17, 2025", resolved: "17 May 2025", disagrees: true },
    ]);
  });

  it("finds nothing in a passage without dates", () => {
    expect(describePassageDates("Talks will go on.", PUBLISHED)).toEqual({ publishedAt: PUBLISHED, dates: [], unresolvableReason: null });
  });
});
