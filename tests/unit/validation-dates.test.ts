import { describe, expect, it } from "vitest";
import { articleListQuerySchema, updateArticleSchema } from "@/lib/articles/schemas";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { eventListSchema } from "@/lib/events/schemas";
import { isRealDay } from "@/lib/iso-day";

describe("calendar days", () => {
  it("accepts days that exist, leap days included", () => {
    for (const day of ["2025-01-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) expect(isRealDay(day), day).toBe(true);
  });

  it("refuses days that do not exist instead of moving them to the next month, and year 0000", () => {
    for (const day of [
      "2025-02-30",
      "2025-04-31",
      "2025-02-29",
      "1900-02-29",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "0000-01-01",
      "0000-12-31",
      "2025-1-1",
      "20250101",
    ]) {
      expect(isRealDay(day), day).toBe(false);
    }
  });

  it("is how every date filter and an article's publication day are checked", () => {
    for (const day of ["2025-02-30", "0000-01-01"]) {
      expect(articleListQuerySchema.safeParse({ from: day }).success, `articles ${day}`).toBe(false);
      expect(eventListSchema.safeParse({ to: day }).success, `events ${day}`).toBe(false);
      expect(auditFilterSchema.safeParse({ from: day }).success, `audit ${day}`).toBe(false);
      expect(updateArticleSchema.safeParse({ articleId: "a", version: 1, publishedAt: day }).success, `publishedAt ${day}`).toBe(false);
    }
    expect(updateArticleSchema.safeParse({ articleId: "a", version: 2147483648 }).success).toBe(false);
    expect(updateArticleSchema.parse({ articleId: "a", version: 1, publishedAt: "2024-02-29" }).publishedAt).toBe("2024-02-29");
  });
});
