import "server-only";
import { passageInContext, MAX_CONTEXT_CHARS, type PassageInContext } from "@/lib/briefings/passage";
import { entityNames } from "@/lib/contradictions/claims";
import { readClaimValue } from "@/lib/contradictions/detection";
import { formatClaimValue } from "@/lib/contradictions/format";
import { attributeLabel } from "@/lib/contradictions/schemas";
import { db } from "@/lib/db";

export type ReviewTarget = { type: "entity" | "event"; label: string; href: string; relation: string };

/** What a reviewer needs beside the quote to decide without leaving the queue. */
export type ReviewContext = {
  passage: PassageInContext;
  claim: { attribute: string; value: string; subject: ReviewTarget | null } | null;
  links: ReviewTarget[];
};

const RELATION_LABELS: Record<string, string> = { MENTIONS: "mentions", DESCRIBES: "describes", QUOTES: "quotes", CLAIMS_ABOUT: "claims about" };

/**
 * For each annotation: its passage within its sentence (read from a window of the revision's text,
 * not the whole text), its claim's attribute, normalized value and subject, and what it links to.
 */
export async function loadReviewContext(annotationIds: string[]): Promise<Map<string, ReviewContext>> {
  if (annotationIds.length === 0) return new Map();
  const [windows, rows] = await Promise.all([
    db.$queryRaw<{ id: string; offset: number; window: string }[]>`
      SELECT a."id", greatest(0, a."start" - ${MAX_CONTEXT_CHARS}) AS "offset",
             substr(r."text", greatest(0, a."start" - ${MAX_CONTEXT_CHARS}) + 1, (a."end" - greatest(0, a."start" - ${MAX_CONTEXT_CHARS})) + ${MAX_CONTEXT_CHARS}) AS "window"
      FROM "Annotation" a JOIN "ArticleRevision" r ON r."id" = a."revisionId"
      WHERE a."id" = ANY(${annotationIds})`,
    db.annotation.findMany({
      where: { id: { in: annotationIds } },
      select: {
        id: true,
        exact: true,
        prefix: true,
        suffix: true,
        start: true,
        end: true,
        claim: { select: { attribute: true, value: true, entity: { select: { id: true, name: true } }, event: { select: { id: true, title: true } } } },
        links: {
          select: { relation: true, entity: { select: { id: true, name: true } }, event: { select: { id: true, title: true } } },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
  ]);
  const windowOf = new Map(windows.map((row) => [row.id, row]));
  const values = rows.flatMap((row) => (row.claim ? [readClaimValue(row.claim.value)] : []));
  const names = await entityNames(values);
  const target = (relation: string, entity: { id: string; name: string } | null, event: { id: string; title: string } | null): ReviewTarget | null =>
    entity
      ? { type: "entity", label: entity.name, href: `/entities/${entity.id}`, relation }
      : event
        ? { type: "event", label: event.title, href: `/events/${event.id}`, relation }
        : null;
  const result = new Map<string, ReviewContext>();
  for (const row of rows) {
    const window = windowOf.get(row.id);
    const offset = Number(window?.offset ?? 0);
    const passage = passageInContext(window?.window ?? "", { ...row, start: row.start - offset, end: row.end - offset });
    const claim = row.claim
      ? {
          attribute: attributeLabel(row.claim.attribute),
          value: formatClaimValue(readClaimValue(row.claim.value), names),
          subject: target("claims about", row.claim.entity, row.claim.event),
        }
      : null;
    const links = row.links.flatMap((link) => target(RELATION_LABELS[link.relation] ?? link.relation.toLowerCase(), link.entity, link.event) ?? []);
    result.set(row.id, { passage, claim, links });
  }
  return result;
}
