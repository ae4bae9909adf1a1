import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { canBrowseAudit } from "./permissions";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntryView = {
  id: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Prisma.JsonValue | null;
};

export type AuditPage = { items: AuditEntryView[]; total: number; page: number; pageCount: number };

const DAY_MS = 86_400_000;

/** The audit log, newest first, filtered; administrators only. */
export async function listAuditLog(actor: Actor | null, filter: AuditFilter = {}): Promise<AuditPage> {
  if (!canBrowseAudit(actor)) throw new ForbiddenError("Only administrators read the audit log.");
  const where: Prisma.AuditLogWhereInput = {
    // "entity" finds entity.create, entity.merge…; "entity.merge" finds that action and entity.merge.undo.
    OR: filter.action ? [{ action: filter.action }, { action: { startsWith: `${filter.action.replace(/\.$/, "")}.` } }] : undefined,
    targetType: filter.targetType,
    targetId: filter.targetId,
    actorId: filter.actorId,
    createdAt: filter.from || filter.to
      ? {
          gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
          lt: filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
        }
      : undefined,
  };
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { id: true, name: true } } },
  });
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt.toISOString(),
      actor: row.actor,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      detail: row.detail,
    })),
    total,
    page,
    pageCount,
  };
}

/** The record types that occur in the log, for the filter. */
export async function listAuditTargetTypes(actor: Actor | null): Promise<string[]> {
  if (!canBrowseAudit(actor)) throw new ForbiddenError("Only administrators read the audit log.");
  const rows = await db.auditLog.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } });
  return rows.map((row) => row.targetType);
}
