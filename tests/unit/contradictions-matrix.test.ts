import { describe, expect, it } from "vitest";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import { entityIdsOf, formatClaimValue } from "@/lib/contradictions/format";
import { buildMatrix, outletKeyOf } from "@/lib/contradictions/matrix";
import { createClaimSchema, resolveContradictionSchema } from "@/lib/contradictions/schemas";

const source = (articleId: string, outlet: string | null) => ({ articleId, title: `Title ${articleId}`, outlet, publishedAt: null });
let next = 0;
const claim = (articleId: string, attribute: string, value: ClaimValue) => ({ id: `c${++next}`, annotationId: `a${next}`, articleId, attribute, value });
const day = (localDate: string): ClaimValue => ({ type: "date", localDate, precision: "day" });

describe("buildMatrix", () => {
  const sources = [source("tass", "TASS"), source("ap", "AP"), source("ap2", "ap"), source("blog", null)];

  it("puts a row per attribute (known ones first) and a column per source, silent where a source says nothing", () => {
    const matrix = buildMatrix(
      sources,
      [
        claim("tass", "casualties", { type: "number", value: 3, qualifier: "exact" }),
        claim("tass", "date", day("2025-05-18")),
        claim("ap", "date", day("2025-05-19")),
      ],
      ["date", "time"],
    );
    expect(matrix.sources.map((s) => s.articleId)).toEqual(["tass", "ap", "ap2", "blog"]);
    expect(matrix.rows.map((r) => r.attribute)).toEqual(["date", "casualties"]);
    expect(matrix.rows[0].cells.map((c) => c.state)).toEqual(["conflict", "conflict", "silent", "silent"]);
    expect(matrix.rows[0].cells[0].claims[0].conflictsWith).toEqual(["ap"]);
    expect(matrix.rows[0].conflictCount).toBe(1);
    expect(matrix.rows[1].cells.map((c) => c.state)).toEqual(["alone", "silent", "silent", "silent"]);
  });

  it("tells identical from compatible values and counts outlets, not articles", () => {
    const matrix = buildMatrix(sources, [
      claim("ap", "date", day("2025-05-19")),
      claim("ap2", "date", day("2025-05-19")),
      claim("tass", "date", day("2025-05-19")),
      claim("blog", "date", { type: "date", localDate: "2025-05", precision: "month" }),
    ]);
    const [row] = matrix.rows;
    expect(row.cells.map((c) => c.state)).toEqual(["agrees", "agrees", "agrees", "compatible"]);
    expect(row.cells[1].claims[0].identicalOutlets).toBe(2);
    expect(row.cells[3].claims[0].compatibleWith.sort()).toEqual(["ap", "ap2", "tass"]);
    expect(row.bestAgreement).toMatchObject({ outletCount: 3, agreement: "compatible" });
  });

  it("shows a conflict even where the source also agrees with someone", () => {
    const matrix = buildMatrix(sources, [
      claim("ap", "date", day("2025-05-19")),
      claim("tass", "date", day("2025-05-19")),
      claim("blog", "date", day("2025-05-18")),
    ]);
    expect(matrix.rows[0].cells.map((c) => c.state)).toEqual(["conflict", "conflict", "silent", "conflict"]);
  });

  it("keys outlets case-insensitively and an unnamed outlet by its article", () => {
    expect(outletKeyOf({ articleId: "x", outlet: " AP " })).toBe(outletKeyOf({ articleId: "y", outlet: "ap" }));
    expect(outletKeyOf({ articleId: "x", outlet: null })).not.toBe(outletKeyOf({ articleId: "y", outlet: null }));
  });
});

describe("formatClaimValue", () => {
  it("writes dates, numbers, entity lists and text in words", () => {
    expect(formatClaimValue({ type: "date", localDate: "2025-05-19", precision: "day", partOfDay: "morning" })).toBe("the morning of 19 May 2025");
    expect(formatClaimValue({ type: "date", localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" })).toBe(
      "19 May 2025, 10:00 EDT (14:00 UTC)",
    );
    expect(formatClaimValue({ type: "number", value: 5000, qualifier: "more_than", per: "week" })).toBe("more than 5,000 per week");
    expect(formatClaimValue({ type: "number", value: 30, qualifier: "nearly", unit: "%" })).toBe("nearly 30%");
    const names = new Map([
      ["t", "Donald Trump"],
      ["p", "Vladimir Putin"],
      ["w", "Steve Witkoff"],
    ]);
    expect(formatClaimValue({ type: "entities", ids: ["t", "p", "w"] }, names)).toBe("Donald Trump, Vladimir Putin and Steve Witkoff");
    expect(formatClaimValue({ type: "entities", ids: ["t", "gone"] }, names)).toBe("Donald Trump and unknown entity");
    expect(formatClaimValue({ type: "text", text: "productive" })).toBe("“productive”");
    expect(entityIdsOf([{ type: "entities", ids: ["t", "p"] }, { type: "entities", ids: ["p"] }, day("2025-05-19")])).toEqual(["t", "p"]);
  });
});

describe("claim and resolution input", () => {
  const base = { annotationId: "a1", eventId: "e1" };

  it("requires the value type to fit the attribute; named attributes take any value", () => {
    expect(createClaimSchema.safeParse({ ...base, attribute: "quantity", value: { type: "number", value: 3, qualifier: "exact" } }).success).toBe(true);
    const wrong = createClaimSchema.safeParse({ ...base, attribute: "quantity", value: day("2025-05-19") });
    expect(wrong.error?.issues[0].message).toBe("The quantity takes number, not date or time.");
    expect(createClaimSchema.safeParse({ ...base, attribute: "Casualties reported", value: day("2025-05-19") }).data?.attribute).toBe("casualties reported");
    expect(createClaimSchema.safeParse({ ...base, attribute: "<script>", value: day("2025-05-19") }).success).toBe(false);
  });

  it("requires exactly one subject and one annotation", () => {
    const value = day("2025-05-19");
    expect(createClaimSchema.safeParse({ annotationId: "a1", eventId: "e1", entityId: "x1", attribute: "date", value }).success).toBe(false);
    expect(createClaimSchema.safeParse({ eventId: "e1", attribute: "date", value }).success).toBe(false);
  });

  it("reads resolutions in either case and requires the accepted claim only for accept_one", () => {
    expect(resolveContradictionSchema.parse({ version: 1, resolution: "accept_one", acceptedClaimId: "c1", rationale: " why " })).toMatchObject({
      resolution: "ACCEPT_ONE",
      rationale: "why",
    });
    expect(resolveContradictionSchema.safeParse({ version: 1, resolution: "accept_one", rationale: "why" }).success).toBe(false);
    expect(resolveContradictionSchema.safeParse({ version: 1, resolution: "DISCLOSE", acceptedClaimId: "c1", rationale: "why" }).success).toBe(false);
  });
});
