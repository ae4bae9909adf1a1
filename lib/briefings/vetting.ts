import "server-only";
import { approvedContentOf, changesSinceApproval, readApprovedContent } from "./approved-content";
import { collectReferences, sanitizeBriefingDoc } from "./document";
import type { Blocker, BlockerType } from "./schemas";
import { loadSources, toRenderSources, type Client, type LoadedSources, type SourceAnnotation } from "./sources";

/** Where a person fixes each kind of blocker in the workspace. */
export const blockerLinks = {
  annotation: (annotation: { id: string; articleId: string }) => `/articles/${annotation.articleId}#annotation-${annotation.id}`,
  contradiction: (id: string) => `/contradictions/${id}`,
  event: (id: string) => `/events/${id}`,
  entity: (id: string) => `/entities/${id}`,
  briefingReview: (briefingId: string) => `/compose/${briefingId}#workflow`,
  briefingBody: (briefingId: string) => `/compose/${briefingId}#composer`,
};

type VettedBriefing = { id: string; status: string; version: number; approvedVersion: number | null; body: unknown };

/**
 * Every reason the briefing cannot be published now, each with the id of what to fix:
 * - it has not been approved since its last edit;
 * - a cited passage (a citation, an account of a disagreement, or its accepted passage) is
 *   deleted, not approved, orphaned, or re-anchored and not yet checked;
 * - a contradiction touching what the briefing cites or names (its events and entities, the
 *   events and entities the cited passages are linked to or make claims about, the cited
 *   passages themselves) is open or awaiting sign-off;
 * - a disagreement shown to readers is not resolved or disclosed;
 * - an event, entity or contradiction it points at no longer exists;
 * - the page would show something other than what the analyst approved (a renamed entity, an
 *   article's new title, outlet or address, a passage's new context after a re-import).
 */
export async function findBlockers(client: Client, briefing: VettedBriefing, loaded?: LoadedSources): Promise<Blocker[]> {
  // Publishing and the composer pass what they loaded already: the body is read once.
  const sources = loaded ?? (await loadSources(client, collectReferences(sanitizeBriefingDoc(briefing.body))));
  const { refs } = sources;
  const blockers: Blocker[] = [];
  const add = (type: BlockerType, id: string, message: string, href: string) => {
    if (!blockers.some((blocker) => blocker.type === type && blocker.id === id)) blockers.push({ type, id, message, href });
  };

  const approved = briefing.status === "APPROVED" && briefing.approvedVersion === briefing.version;
  if (!approved) {
    const message =
      briefing.status === "PUBLISHED"
        ? "This draft is already published: edit it, and have the new version approved, to publish an update."
        : briefing.approvedVersion !== null && briefing.approvedVersion !== briefing.version
          ? `The briefing was edited after it was approved (approved version ${briefing.approvedVersion}, now version ${briefing.version}): an analyst must approve it again.`
          : "The briefing has not been approved by an analyst.";
    add("not_approved", briefing.id, message, blockerLinks.briefingReview(briefing.id));
  }

  if (approved) {
    const stored = await client.briefing.findUnique({ where: { id: briefing.id }, select: { approvedContent: true } });
    const frozen = readApprovedContent(stored?.approvedContent);
    if (!frozen) {
      add(
        "changed_since_approval",
        briefing.id,
        "The briefing was approved before approvals recorded what its page shows: save the draft and have an analyst approve it again.",
        blockerLinks.briefingBody(briefing.id),
      );
    } else {
      for (const change of changesSinceApproval(frozen, approvedContentOf(await toRenderSources(client, sources)))) {
        add(
          "changed_since_approval",
          change.id,
          `${change.message} Save the draft and have an analyst approve it again, or undo the change.`,
          blockerLinks.briefingBody(briefing.id),
        );
      }
    }
  }

  for (const id of sources.citedAnnotationIds) {
    const annotation = sources.annotations.get(id);
    if (!annotation || annotation.deletedAt) {
      add("annotation_deleted", id, "A cited passage has been deleted; remove or replace the citation.", blockerLinks.briefingBody(briefing.id));
      continue;
    }
    const href = blockerLinks.annotation(annotation);
    const passage = describePassage(annotation);
    if (annotation.status !== "APPROVED") {
      add("annotation_unapproved", id, `The cited passage ${passage} is not approved (${annotation.status.toLowerCase().replace("_", " ")}).`, href);
    }
    if (annotation.anchorStatus === "ORPHANED") {
      add("citation_orphaned", id, `The cited passage ${passage} no longer anchors in its article (orphaned).`, href);
    } else if (annotation.anchorStatus === "REANCHORED_CHECK") {
      add("citation_unchecked", id, `The cited passage ${passage} was re-anchored on a new revision and nobody has checked it yet.`, href);
    }
  }

  for (const id of refs.eventIds) {
    const event = sources.events.get(id);
    if (!event || event.deletedAt) add("reference_missing", id, "An event the briefing refers to has been deleted.", blockerLinks.briefingBody(briefing.id));
  }
  for (const id of refs.entityIds) {
    const target = sources.entityTargets.get(id);
    if (!target || target.deletedAt) add("reference_missing", id, "An entity the briefing names has been deleted.", blockerLinks.briefingBody(briefing.id));
  }
  for (const id of refs.contradictionIds) {
    const contradiction = sources.contradictions.get(id);
    if (!contradiction) {
      add("reference_missing", id, "A disagreement the briefing shows has been deleted.", blockerLinks.briefingBody(briefing.id));
    } else if (contradiction.status !== "RESOLVED" && contradiction.status !== "DISCLOSED") {
      add(
        "disagreement_unsettled",
        id,
        `The disagreement “${clip(contradiction.summary)}” is shown to readers but is ${contradiction.status.toLowerCase().replace("_", " ")}, not resolved or disclosed.`,
        blockerLinks.contradiction(id),
      );
    }
  }

  for (const contradiction of await findTouchingOpenContradictions(client, sources, refs)) {
    const state = contradiction.status === "OPEN" ? "open" : "awaiting sign-off";
    add(
      "contradiction_open",
      contradiction.id,
      `The contradiction “${clip(contradiction.summary)}” touches what the briefing cites and is ${state}.`,
      blockerLinks.contradiction(contradiction.id),
    );
  }
  return blockers;
}

/** Open or awaiting-sign-off contradictions touching what the loaded briefing sources cite or name. */
export async function findTouchingOpenContradictions(client: Client, sources: LoadedSources, refs: { eventIds: string[]; entityIds: string[] }) {
  const eventIds = new Set(refs.eventIds);
  const entityIds = new Set(refs.entityIds);
  for (const target of sources.entityTargets.values()) entityIds.add(target.id);
  const annotationIds: string[] = [];
  for (const annotation of sources.annotations.values()) {
    if (annotation.deletedAt) continue;
    annotationIds.push(annotation.id);
    for (const link of annotation.links) {
      if (link.eventId) eventIds.add(link.eventId);
      if (link.entityId) entityIds.add(link.entityId);
    }
    if (annotation.claim?.eventId) eventIds.add(annotation.claim.eventId);
    if (annotation.claim?.entityId) entityIds.add(annotation.claim.entityId);
  }
  const events = [...eventIds];
  const entities = [...entityIds];
  const touching = [
    ...(events.length > 0 ? [{ eventId: { in: events } }, { members: { some: { annotation: { claim: { eventId: { in: events } } } } } }] : []),
    ...(entities.length > 0 ? [{ entityId: { in: entities } }, { members: { some: { annotation: { claim: { entityId: { in: entities } } } } } }] : []),
    ...(annotationIds.length > 0 ? [{ members: { some: { annotationId: { in: annotationIds } } } }] : []),
  ];
  if (touching.length === 0) return [];
  return client.contradiction.findMany({
    where: { status: { in: ["OPEN", "AWAITING_SIGNOFF"] }, OR: touching },
    select: { id: true, status: true, summary: true },
    orderBy: { createdAt: "asc" },
  });
}

function describePassage(annotation: SourceAnnotation): string {
  const source = annotation.article.outlet ?? annotation.article.title;
  return `“${clip(annotation.exact)}” (${source})`;
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
