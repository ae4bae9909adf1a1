import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { allows, allowsOn } from "@/lib/auth/policy";
import { SYSTEM } from "@/lib/auth/principal";

const actor = (id: string, role: Actor["role"]): Actor => ({ id, email: `${id}@newsroom.example`, name: id, role });
const editor = actor("e1", "EDITOR");
const otherEditor = actor("e2", "EDITOR");
const analyst = actor("a1", "ANALYST");
const admin = actor("x1", "ADMIN");

describe("the policy table", () => {
  it("allows by role and refuses anonymous callers", () => {
    expect(allows(editor, "annotations.create")).toBe(true);
    expect(allows(analyst, "annotations.create")).toBe(false);
    expect(allows(analyst, "annotations.review")).toBe(true);
    expect(allows(admin, "annotations.review")).toBe(false);
    expect(allows(null, "articles.read")).toBe(false);
  });

  it("lets authors change their own records and admins anyone's", () => {
    expect(allowsOn(editor, "annotations.edit", "e1")).toBe(true);
    expect(allowsOn(otherEditor, "annotations.edit", "e1")).toBe(false);
    expect(allowsOn(admin, "annotations.edit", "e1")).toBe(true);
    expect(allowsOn(analyst, "annotations.edit", "a1")).toBe(false);
  });

  it("keeps re-attaching an annotation and changing its claim to its author or an admin", () => {
    for (const action of ["annotations.reattach", "claims.edit"] as const) {
      expect(allowsOn(editor, action, "e1")).toBe(true);
      expect(allowsOn(otherEditor, action, "e1")).toBe(false);
      expect(allowsOn(admin, action, "e1")).toBe(true);
    }
    // Confirming a re-anchored highlight changes nothing it says: any editor.
    expect(allowsOn(otherEditor, "annotations.maintain-anchor", "e1")).toBe(true);
  });

  it("never lets anyone judge their own work", () => {
    expect(allowsOn(analyst, "annotations.review", "e1")).toBe(true);
    expect(allowsOn(analyst, "annotations.review", "a1")).toBe(false);
    expect(allowsOn(analyst, "briefings.review", new Set(["e1", "a1"]))).toBe(false);
    expect(allowsOn(admin, "briefings.review", new Set(["e1"]))).toBe(true);
    expect(allowsOn(analyst, "contradictions.sign-off", null)).toBe(true);
  });

  it("keeps tokens to their holder", () => {
    expect(allowsOn(analyst, "tokens.manage", "a1")).toBe(true);
    expect(allowsOn(admin, "tokens.manage", "a1")).toBe(false);
  });

  it("lets the system (command line, seeding) do only what the table grants it", () => {
    expect(allows(SYSTEM, "articles.import")).toBe(true);
    expect(allows(SYSTEM, "users.manage")).toBe(true);
    expect(allowsOn(SYSTEM, "tokens.manage", "a1")).toBe(true);
    expect(allows(SYSTEM, "articles.read")).toBe(false);
    expect(allows(SYSTEM, "annotations.create")).toBe(false);
    expect(allowsOn(SYSTEM, "briefings.review", null)).toBe(false);
  });
});
