import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { ReanchorCounts } from "@/lib/articles/signals";
import { Prisma, type Tx } from "@/lib/db";
import { buildSelectors, reanchorAll, SelectorError, type ReanchorResult } from "./anchor";

export type { ReanchorCounts };

type AnchorStatusValue = "ANCHORED" | "REANCHORED_CHECK" | "ORPHANED";

type Row = { id: string; exact: string; prefix: string; suffix: string; start: number; end: number; status: string };

type Change =
  | { id: string; located: true; status: AnchorStatusValue; exact: string; prefix: string; suffix: string; start: number; end: number }
  | { id: string; located: false };

/** Rows per UPDATE statement: 7 parameters each stays far below PostgreSQL's 65,535 parameters. */
const BATCH_SIZE = 1_000;

/**
 * Re-anchors every live annotation of the article on its new revision, inside the transaction
 * that wrote the revision (lib/wiring.ts subscribes it to articles' `articleRevised`). Kept and moved annotations get fresh selectors on the new
 * text; fuzzy matches too, marked REANCHORED_CHECK for an editor to confirm; so are lookalikes
 * (the same words, but not in their old surroundings), which also go back to review when they
 * were approved, because the passage they now point at may say something else; orphans keep
 * their old selectors and revision (so a later revision can still find them) and are never
 * deleted. Writes in a few set-based statements, not one round trip per annotation.
 */
export async function reanchorAnnotationsForRevision(tx: Tx, articleId: string, newRevision: { id: string; text: string }): Promise<ReanchorCounts> {
  const rows: Row[] = await tx.annotation.findMany({
    where: { articleId, deletedAt: null },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, status: true },
    orderBy: { id: "asc" },
  });
  const counts: ReanchorCounts = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  if (rows.length === 0) return counts;

  const results = reanchorAll(
    newRevision.text,
    rows.map((row) => ({
      quote: { type: "TextQuoteSelector", exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      position: { type: "TextPositionSelector", start: row.start, end: row.end },
    })),
  );
  const changes = rows.map((row, i) => toChange(row.id, newRevision.text, results[i]));
  for (const [i, change] of changes.entries()) {
    const status = change.located ? results[i].status : "orphaned";
    // Counted with the fuzzy ones: both are "to check".
    counts[status === "lookalike" ? "fuzzy" : (status as keyof ReanchorCounts)] += 1;
  }
  const lookalikeIds = changes.filter((change, i) => change.located && results[i].status === "lookalike").map((change) => change.id);
  const returnedIds = rows.filter((row) => row.status === "APPROVED" && lookalikeIds.includes(row.id)).map((row) => row.id);

  const located = changes.filter((change) => change.located);
  for (let at = 0; at < located.length; at += BATCH_SIZE) {
    await updateLocated(tx, newRevision.id, located.slice(at, at + BATCH_SIZE));
  }
  const orphanIds = changes.filter((change) => !change.located).map((change) => change.id);
  if (orphanIds.length > 0) {
    await tx.$executeRaw`
      UPDATE "Annotation"
      SET "anchorStatus" = 'ORPHANED'::"AnchorStatus", "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" IN (${Prisma.join(orphanIds)}) AND "anchorStatus" <> 'ORPHANED'::"AnchorStatus"`;
  }

  if (returnedIds.length > 0) {
    await tx.annotation.updateMany({ where: { id: { in: returnedIds } }, data: { status: "PENDING" } });
    await tx.annotationReview.createMany({
      data: returnedIds.map((annotationId) => ({
        annotationId,
        actorId: null,
        fromStatus: "APPROVED" as const,
        toStatus: "PENDING" as const,
        comment: "The quoted words were found on the new revision only in other surroundings; back in the review queue.",
      })),
    });
  }

  await recordAudit(tx, {
    actorId: null,
    action: "annotation.reanchor",
    targetType: "Article",
    targetId: articleId,
    detail: {
      revisionId: newRevision.id,
      ...counts,
      fuzzyIds: changes.filter((change, i) => change.located && results[i].status === "fuzzy").map((change) => change.id),
      lookalikeIds,
      returnedToReviewIds: returnedIds,
      orphanedIds: orphanIds,
    },
  });
  return counts;
}

function toChange(id: string, text: string, result: ReanchorResult): Change {
  if (result.status === "orphaned") return { id, located: false };
  try {
    const { quote, position } = buildSelectors(text, result.start, result.end);
    return {
      id,
      located: true,
      status: result.status === "fuzzy" || result.status === "lookalike" ? "REANCHORED_CHECK" : "ANCHORED",
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
    };
  } catch (error) {
    // A span that cannot carry selectors (e.g. whitespace only) is no anchor at all.
    if (error instanceof SelectorError) return { id, located: false };
    throw error;
  }
}

async function updateLocated(tx: Tx, revisionId: string, changes: Extract<Change, { located: true }>[]): Promise<void> {
  if (changes.length === 0) return;
  const values = Prisma.join(
    changes.map(
      (change) =>
        Prisma.sql`(${change.id}::text, ${change.status}::text, ${change.exact}::text, ${change.prefix}::text, ${change.suffix}::text, ${change.start}::int, ${change.end}::int)`,
    ),
  );
  await tx.$executeRaw`
    UPDATE "Annotation" AS a
    SET "revisionId" = ${revisionId},
        "anchorStatus" = v.status::"AnchorStatus",
        "exact" = v.exact,
        "prefix" = v.prefix,
        "suffix" = v.suffix,
        "start" = v.start,
        "end" = v."end",
        "version" = a."version" + 1,
        "updatedAt" = now()
    FROM (VALUES ${values}) AS v(id, status, exact, prefix, suffix, start, "end")
    WHERE a."id" = v.id`;
}
