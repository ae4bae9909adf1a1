import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { isoDay } from "@/lib/iso-day";
import { entityNames } from "./claims";
import type { ClaimValue } from "./claim-values";
import { NEW_SOURCE_ACTION, readClaimValue } from "./detection";
import { formatClaimValue } from "./format";
import { assertCanReadContradictions } from "./permissions";
import { person, subjectOf, subjectSelect, type SubjectRef } from "./query-shapes";
import type { ContradictionStatus, Resolution } from "./schemas";

const contradictionDetail = {
  id: true,
  status: true,
  detected: true,
  internal: true,
  summary: true,
  attribute: true,
  resolution: true,
  acceptedClaimId: true,
  rationale: true,
  resolvedAt: true,
  signedOffAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  resolvedBy: person,
  signedOffBy: person,
  ...subjectSelect,
  members: { select: { annotation: { select: passageSelect() } } },
  evidence: { select: { note: true, createdAt: true, annotation: { select: passageSelect() } }, orderBy: { createdAt: "asc" } },
  history: {
    select: { id: true, action: true, fromStatus: true, toStatus: true, rationale: true, detail: true, createdAt: true, actor: person },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ContradictionSelect;

function passageSelect() {
  return {
    id: true,
    kind: true,
    exact: true,
    prefix: true,
    suffix: true,
    anchorStatus: true,
    deletedAt: true,
    article: { select: { id: true, title: true, outlet: true, url: true, publishedAt: true } },
    claim: { select: { id: true, attribute: true, value: true, ...subjectSelect } },
  } satisfies Prisma.AnnotationSelect;
}

type PassageRow = Prisma.AnnotationGetPayload<{ select: ReturnType<typeof passageSelect> }>;

/** Names of the entities the passages' claims name, for formatting their values. */
function claimedEntityNames(passages: PassageRow[]): Promise<Map<string, string>> {
  return entityNames(passages.flatMap((p) => (p.claim ? [readClaimValue(p.claim.value)] : [])));
}

export interface PassageView {
  annotationId: string;
  kind: string;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: string;
  deleted: boolean;
  article: { id: string; title: string; outlet: string | null; url: string | null; publishedAt: string | null };
  claim: {
    id: string;
    attribute: string;
    value: ClaimValue;
    formattedValue: string;
    subject: SubjectRef | null;
  } | null;
}

function toPassageView(p: PassageRow, names: Map<string, string>): PassageView {
  const value = p.claim ? readClaimValue(p.claim.value) : null;
  return {
    annotationId: p.id,
    kind: p.kind,
    exact: p.exact,
    prefix: p.prefix,
    suffix: p.suffix,
    anchorStatus: p.anchorStatus,
    deleted: p.deletedAt !== null,
    article: { ...p.article, publishedAt: isoDay(p.article.publishedAt) },
    claim:
      p.claim && value
        ? {
            id: p.claim.id,
            attribute: p.claim.attribute,
            value,
            formattedValue: formatClaimValue(value, names),
            subject: subjectOf(p.claim),
          }
        : null,
  };
}

export interface ContradictionView {
  id: string;
  status: ContradictionStatus;
  detected: boolean;
  internal: boolean;
  summary: string;
  attribute: string | null;
  subject: SubjectRef | null;
  resolution: Resolution | null;
  acceptedClaimId: string | null;
  rationale: string | null;
  createdBy: { id: string; name: string } | null;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  signedOffBy: { id: string; name: string } | null;
  signedOffAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  passages: PassageView[];
  evidence: (PassageView & { note: string | null })[];
  /** Claims that conflicted after the settlement and wait for "does the new source change this?". */
  newSource: { claimIds: string[]; at: string } | null;
  history: {
    id: string;
    action: string;
    fromStatus: ContradictionStatus | null;
    toStatus: ContradictionStatus;
    rationale: string | null;
    detail: Prisma.JsonValue;
    actor: { id: string; name: string } | null;
    createdAt: string;
  }[];
}

/** A contradiction with its passages (side by side), their claims, evidence and history. */
export async function getContradiction(actor: Actor, id: string): Promise<ContradictionView> {
  assertCanReadContradictions(actor);
  const row = await db.contradiction.findUnique({ where: { id }, select: contradictionDetail });
  if (!row) throw new NotFoundError("The contradiction");
  const passages = [...row.members.map((m) => m.annotation), ...row.evidence.map((e) => e.annotation)];
  const names = await claimedEntityNames(passages);
  const toPassage = (p: PassageRow) => toPassageView(p, names);
  const byArticle = (a: PassageView, b: PassageView) =>
    (a.article.publishedAt ?? "").localeCompare(b.article.publishedAt ?? "") || a.article.title.localeCompare(b.article.title);
  return {
    id: row.id,
    status: row.status,
    detected: row.detected,
    internal: row.internal,
    summary: row.summary,
    attribute: row.attribute,
    subject: subjectOf(row),
    resolution: row.resolution,
    acceptedClaimId: row.acceptedClaimId,
    rationale: row.rationale,
    createdBy: row.createdBy,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    signedOffBy: row.signedOffBy,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    passages: row.members.map((m) => toPassage(m.annotation)).sort(byArticle),
    evidence: row.evidence.map((e) => ({ ...toPassage(e.annotation), note: e.note })),
    history: row.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    newSource: pendingNewSource(row.history),
  };
}

function pendingNewSource(history: { action: string; detail: Prisma.JsonValue; createdAt: Date }[]): ContradictionView["newSource"] {
  const last = history[history.length - 1];
  if (!last || last.action !== NEW_SOURCE_ACTION) return null;
  return { claimIds: ((last.detail ?? {}) as { claimIds?: string[] }).claimIds ?? [], at: last.createdAt.toISOString() };
}

/** Live annotations whose quote contains `query`, for choosing passages to flag by hand. */
export async function searchPassages(actor: Actor, query: string, options: { include?: string[] } = {}): Promise<PassageView[]> {
  assertCanReadContradictions(actor);
  const q = query.trim();
  const include = options.include ?? [];
  if (q.length === 0 && include.length === 0) return [];
  return livePassages({ OR: [...(q ? [{ exact: { contains: q, mode: "insensitive" as const } }] : []), { id: { in: include } }] }, 50);
}

/**
 * Passages that could back a resolution: others about the same subject (by claim or link),
 * or, without a subject, others from the same articles.
 */
export async function listEvidenceCandidates(
  actor: Actor,
  contradiction: Pick<ContradictionView, "subject" | "passages" | "evidence">,
): Promise<PassageView[]> {
  assertCanReadContradictions(actor);
  const exclude = [...contradiction.passages, ...contradiction.evidence].map((p) => p.annotationId);
  const subject = contradiction.subject;
  const about: Prisma.AnnotationWhereInput = subject
    ? {
        OR: [
          { claim: { is: subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id } } },
          { links: { some: subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id } } },
        ],
      }
    : { articleId: { in: [...new Set(contradiction.passages.map((p) => p.article.id))] } };
  return livePassages({ id: { notIn: exclude }, ...about }, 30);
}

/** Up to `take` live annotations matching `where`, in article and text order. */
async function livePassages(where: Prisma.AnnotationWhereInput, take: number): Promise<PassageView[]> {
  const rows = await db.annotation.findMany({
    where: { deletedAt: null, ...where },
    select: passageSelect(),
    orderBy: [{ articleId: "asc" }, { start: "asc" }],
    take,
  });
  const names = await claimedEntityNames(rows);
  return rows.map((p) => toPassageView(p, names));
}
