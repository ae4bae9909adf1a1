import { describe, expect, it } from "vitest";
import { summarizeAuditDetail } from "@/lib/audit/summary";

describe("audit summaries", () => {
  it("says what changed in words, field by field", () => {
    expect(summarizeAuditDetail({ role: { from: "EDITOR", to: "ANALYST" }, passwordChanged: true, aliases: ["Lavrov", "Lavrow"] })).toEqual([
      "Role: “EDITOR” → “ANALYST”",
      "Password changed: yes",
      "Aliases: “Lavrov”, “Lavrow”",
    ]);
  });

  it("shortens long text and long lists, and shows nothing for no detail", () => {
    const [line] = summarizeAuditDetail({ note: "x".repeat(200), ids: Array.from({ length: 8 }, (_, i) => i) });
    expect(line!.length).toBeLessThan(100);
    expect(summarizeAuditDetail({ ids: Array.from({ length: 8 }, (_, i) => i) })).toEqual(["Ids: 0, 1, 2, 3, 4 and 3 more"]);
    expect(summarizeAuditDetail(null)).toEqual([]);
    expect(summarizeAuditDetail({ role: "ANALYST", disabled: null })).toEqual(["Role: “ANALYST”"]);
    expect(summarizeAuditDetail({ merged: { into: "Sergey Lavrov", count: 2 } })).toEqual(["Merged: (into “Sergey Lavrov”, count 2)"]);
  });
});
