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
  /** The record's current title and page, when it still exists and has one. */
  target: { title: string; href: string | null } | null;
};

export type AuditPage = { items: AuditEntryView[]; total: number; page: number; pageCount: number };

const DAY_MS = 86_400_000;

/** The audit log, newest first, filtered; administrators only. */
export async function listAuditLog(actor: Actor, filter: AuditFilter = {}): Promise<AuditPage> {
  if (!canBrowseAudit(actor)) throw new ForbiddenError("Only administrators read the audit log.");
  const where: Prisma.AuditLogWhereInput = {
    // "entity" finds entity.create, entity.merge…; "entity.merge" finds that action and entity.merge.undo.
    OR: filter.action ? [{ action: filter.action }, { action: { startsWith: `${filter.action.replace(/\.$/, "")}.` } }] : undefined,
    targetType: filter.targetType,
    targetId: filter.targetId,
    actorId: filter.actorId,
    createdAt:
      filter.from || filter.to
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
  const targets = await describeTargets(rows);
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt.toISOString(),
      actor: row.actor,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      detail: row.detail,
      target: row.targetId ? (targets.get(`${row.targetType.toLowerCase()}:${row.targetId}`) ?? null) : null,
    })),
    total,
    page,
    pageCount,
  };
}

/** The record types that occur in the log, for the filter. */
export async function listAuditTargetTypes(actor: Actor): Promise<string[]> {
  if (!canBrowseAudit(actor)) throw new ForbiddenError("Only administrators read the audit log.");
  const rows = await db.auditLog.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } });
  return rows.map((row) => row.targetType);
}

type TargetRef = { targetType: string; targetId: string | null };

/** Titles and pages of the records a page of entries names: one query per record type. */
async function describeTargets(rows: readonly TargetRef[]): Promise<Map<string, { title: string; href: string | null }>> {
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.targetType.toLowerCase() === type && row.targetId).map((row) => row.targetId!))];
  const [articles, briefings, entities, events, contradictions, users, annotations] = await Promise.all([
    db.article.findMany({ where: { id: { in: idsOf("article") } }, select: { id: true, title: true } }),
    db.briefing.findMany({ where: { id: { in: idsOf("briefing") } }, select: { id: true, title: true } }),
    db.entity.findMany({ where: { id: { in: idsOf("entity") } }, select: { id: true, name: true } }),
    db.event.findMany({ where: { id: { in: idsOf("event") } }, select: { id: true, title: true } }),
    db.contradiction.findMany({ where: { id: { in: idsOf("contradiction") } }, select: { id: true, summary: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, email: true } }),
    db.annotation.findMany({ where: { id: { in: idsOf("annotation") } }, select: { id: true, exact: true, articleId: true } }),
  ]);
  const described = new Map<string, { title: string; href: string | null }>();
  for (const row of articles) described.set(`article:${row.id}`, { title: row.title, href: `/articles/${row.id}` });
  for (const row of briefings) described.set(`briefing:${row.id}`, { title: row.title, href: `/compose/${row.id}` });
  for (const row of entities) described.set(`entity:${row.id}`, { title: row.name, href: `/entities/${row.id}` });
  for (const row of events) described.set(`event:${row.id}`, { title: row.title, href: `/events/${row.id}` });
  for (const row of contradictions) described.set(`contradiction:${row.id}`, { title: row.summary, href: `/contradictions/${row.id}` });
  for (const row of users) described.set(`user:${row.id}`, { title: `${row.name} (${row.email})`, href: "/admin/users" });
  for (const row of annotations) described.set(`annotation:${row.id}`, { title: `“${row.exact}”`, href: `/articles/${row.articleId}#annotation-${row.id}` });
  return described;
}
