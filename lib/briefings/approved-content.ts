/**
 * What an analyst approves is the page readers will get, not only the draft's words: the
 * names, titles, sources and quoted passages the page pulls from the workspace at publication.
 * At approval the briefing keeps a copy of everything it shows from each record it points at;
 * before publishing, the same is read again, and every difference is reported by record and
 * field, so nobody can change the published page by renaming an entity, editing an article's
 * outlet or URL, or re-importing the text around a cited passage after the approval.
 *
 * Pure module: the caller loads the render sources (lib/briefings/sources.ts).
 */
import type { RenderSources } from "./render";

type Kind = "entity" | "event" | "passage" | "disagreement";

/** One record the page shows, with each shown field as text. */
export type ApprovedItem = { kind: Kind; id: string; fields: Record<string, string | null> };

export type ApprovedContent = { items: ApprovedItem[] };

export type ContentChange = { kind: Kind; id: string; message: string };

const FIELD_LABELS: Record<Kind, Record<string, string>> = {
  entity: { entityId: "entity (it was merged into another)", name: "name", type: "type", description: "description" },
  event: { title: "title", type: "type", date: "date", place: "place", description: "description" },
  passage: {
    quote: "quoted words",
    before: "text before the quote",
    after: "text after the quote",
    articleTitle: "article title",
    outlet: "outlet",
    url: "article address",
    publishedAt: "publication date",
  },
  disagreement: {
    summary: "summary",
    status: "status",
    resolution: "resolution",
    rationale: "rationale",
    resolvedAt: "resolution date",
    accounts: "cited accounts",
    accepted: "accepted account",
  },
};

/** Everything the page shows from the records the briefing points at, in a stable order. */
export function approvedContentOf(sources: RenderSources): ApprovedContent {
  const items: ApprovedItem[] = [];
  for (const [id, entity] of sources.entities) {
    items.push({ kind: "entity", id, fields: { entityId: entity.id, name: entity.name, type: entity.typeLabel, description: entity.description } });
  }
  for (const [id, event] of sources.events) {
    items.push({
      kind: "event",
      id,
      fields: { title: event.title, type: event.typeLabel, date: event.dateLabel, place: event.place, description: event.description },
    });
  }
  for (const [id, passage] of sources.passages) {
    items.push({
      kind: "passage",
      id,
      fields: {
        quote: passage.quote,
        before: passage.before,
        after: passage.after,
        articleTitle: passage.articleTitle,
        outlet: passage.outlet,
        url: passage.url,
        publishedAt: passage.publishedAt,
      },
    });
  }
  for (const [id, contradiction] of sources.contradictions) {
    items.push({
      kind: "disagreement",
      id,
      fields: {
        summary: contradiction.summary,
        status: contradiction.status,
        resolution: contradiction.resolution,
        rationale: contradiction.rationale,
        resolvedAt: contradiction.resolvedAt,
        accounts: [...contradiction.accountIds].sort().join(" "),
        accepted: contradiction.acceptedAnnotationId,
      },
    });
  }
  const order = (item: ApprovedItem) => `${item.kind}:${item.id}`;
  return { items: items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)) };
}

/** Reads a stored copy; anything unrecognizable counts as no copy (so nothing passes unchecked). */
export function readApprovedContent(value: unknown): ApprovedContent | null {
  if (!value || typeof value !== "object" || !Array.isArray((value as ApprovedContent).items)) return null;
  return value as ApprovedContent;
}

/**
 * Every shown field that differs from the approved copy, one change per record, naming the
 * record as the analyst saw it. Records gone since are not reported here: vetting reports
 * deleted passages and references on their own.
 */
export function changesSinceApproval(approved: ApprovedContent, current: ApprovedContent): ContentChange[] {
  const before = new Map(approved.items.map((item) => [`${item.kind}:${item.id}`, item]));
  const changes: ContentChange[] = [];
  for (const item of current.items) {
    const old = before.get(`${item.kind}:${item.id}`);
    if (!old) {
      changes.push({ kind: item.kind, id: item.id, message: `${describe(item)} is shown but was not part of what the analyst approved.` });
      continue;
    }
    const differences = Object.keys(FIELD_LABELS[item.kind])
      .filter((field) => (old.fields[field] ?? null) !== (item.fields[field] ?? null))
      .map((field) =>
        ID_FIELDS.has(field) ? FIELD_LABELS[item.kind][field] : `${FIELD_LABELS[item.kind][field]} ${shown(old.fields[field])} → ${shown(item.fields[field])}`,
      );
    if (differences.length > 0) {
      changes.push({ kind: item.kind, id: item.id, message: `${describe(old)} changed after the briefing was approved: ${differences.join("; ")}.` });
    }
  }
  return changes;
}

/** Fields holding workspace ids: named, not quoted, in messages. */
const ID_FIELDS = new Set(["entityId", "accounts", "accepted"]);

function describe(item: ApprovedItem): string {
  switch (item.kind) {
    case "entity":
      return `The entity “${clip(item.fields.name)}”`;
    case "event":
      return `The event “${clip(item.fields.title)}”`;
    case "passage":
      return `The cited passage “${clip(item.fields.quote)}” (${clip(item.fields.outlet ?? item.fields.articleTitle)})`;
    case "disagreement":
      return `The disagreement “${clip(item.fields.summary)}”`;
  }
}

function shown(value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? "(none)" : `“${clip(value)}”`;
}

function clip(text: string | null | undefined, max = 80): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
