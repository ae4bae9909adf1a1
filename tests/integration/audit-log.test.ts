import { describe, expect, it } from "vitest";
import { canBrowseAudit } from "@/lib/audit/permissions";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/audit/queries";
import { createUser, updateUser } from "@/lib/auth/mutations";
import { db } from "@/lib/db";
import { createEntity } from "@/lib/entities/mutations";
import { createEntitySchema } from "@/lib/entities/schemas";
import { ForbiddenError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "../support/fixtures";

describe("the audit log for administrators", () => {
  it("shows who changed which record, newest first, and filters by action, record, person and day", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const created = await createUser(admin, { email: `audited-${editor.id}@test.concord`, name: "Audited", role: "EDITOR", password: TEST_PASSWORD });
    await updateUser(admin, { userId: created.id, role: "ANALYST" });
    const entity = await createEntity(editor, createEntitySchema.parse({ type: "PLACE", name: `Auditville ${editor.id}` }));

    const mine = await listAuditLog(admin, { actorId: admin.id });
    expect(mine.items.map((entry) => entry.action)).toEqual(["user.update", "user.create"]);
    expect(mine.items[0]).toMatchObject({ actor: { id: admin.id, name: admin.name }, targetType: "User", targetId: created.id });

    expect((await listAuditLog(admin, { action: "user", targetId: created.id })).items.map((entry) => entry.action)).toEqual(["user.update", "user.create"]);
    expect((await listAuditLog(admin, { action: "user.update", targetId: created.id })).total).toBe(1);
    const byEditor = await listAuditLog(admin, { actorId: editor.id, targetType: "Entity" });
    expect(byEditor.items.map((entry) => entry.targetId)).toContain(entity.id);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditLog(admin, { actorId: admin.id, from: today, to: today })).total).toBe(2);
    expect((await listAuditLog(admin, { actorId: admin.id, to: "2020-01-01" })).total).toBe(0);
  });

  it("pages long results", async () => {
    const admin = await makeUser("ADMIN");
    await db.auditLog.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({ actorId: admin.id, action: "test.paging", targetType: "Test", targetId: String(i) })),
    });
    const first = await listAuditLog(admin, { actorId: admin.id, action: "test.paging" });
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect((await listAuditLog(admin, { actorId: admin.id, action: "test.paging", page: 2 })).items).toHaveLength(3);
  });

  it("is for administrators only", async () => {
    for (const role of ["EDITOR", "ANALYST"] as const) {
      await expect(listAuditLog(await makeUser(role))).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Anonymous callers never reach it: the rule the audit page is guarded by refuses them.
    expect(canBrowseAudit(null)).toBe(false);
  });
});
