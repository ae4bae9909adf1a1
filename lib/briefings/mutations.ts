import "server-only";
import { publicOrigin } from "@/lib/public-origin";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, Prisma, type Tx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { afterCommit, transaction } from "@/lib/jobs/transaction";
import { parseInput } from "@/lib/validation";
import { briefingDocSchema, collectReferences, emptyBriefingDoc, sanitizeBriefingDoc, type BriefingDoc, type BriefingReferences } from "./document";
import { approvedContentOf } from "./approved-content";
import { buildBriefingJsonLd } from "./json-ld";
import { canComposeBriefings, canReviewBriefing, canReviewBriefings } from "./permissions";
import { briefingContentSelect, listBriefingWriters, loadBriefingView } from "./queries";
import { revalidatePublicBriefing } from "./public-cache";
import { renderBriefing } from "./render";
import type {
  ApproveBriefingData,
  BriefingStatusName,
  CreateBriefingData,
  PublishBriefingData,
  RetractBriefingData,
  ReturnBriefingData,
  SubmitBriefingData,
  UpdateBriefingData,
} from "./schemas";
import { briefingPath, PUBLISHER_NAME } from "./site";
import { slugify, suggestFreeSlug } from "./slug";
import { loadSources, toRenderSources, type Client } from "./sources";
import type { BriefingView, PublishResult } from "./types";
import { checkBriefingStep, type BriefingStep } from "./state-machine";
import { findBlockers } from "./vetting";

/** Publishing renders every cited article's text; give it more than Prisma's default 5 s. */
const TRANSACTION_OPTIONS = { timeout: 30_000, maxWait: 10_000 };

function assertComposer(actor: Actor): void {
  if (!canComposeBriefings(actor)) throw new ForbiddenError("Only editors and admins compose, publish and retract briefings.");
}

async function viewOf(tx: Tx, id: string): Promise<BriefingView> {
  const view = await loadBriefingView(tx, id);
  if (!view) throw new NotFoundError("The briefing");
  return view;
}

// ───────────────────────────── body and slug checks ─────────────────────────────

/**
 * Cleans the body (unknown nodes, attributes and unsafe links removed), validates it strictly,
 * and refuses references to passages, entities, events or contradictions that do not exist or
 * were deleted, unless the stored body already had them (a source deleted after it was cited is
 * a publishing blocker, and must not stop the writer from saving other changes).
 */
async function prepareBody(tx: Tx, raw: unknown, previous: BriefingReferences | null): Promise<BriefingDoc> {
  const doc = parseInput(briefingDocSchema, sanitizeBriefingDoc(raw));
  const refs = collectReferences(doc);
  const fresh = (ids: string[], old: string[] | undefined) => ids.filter((id) => !old?.includes(id));
  const annotationIds = fresh(refs.annotationIds, previous?.annotationIds);
  const entityIds = fresh(refs.entityIds, previous?.entityIds);
  const eventIds = fresh(refs.eventIds, previous?.eventIds);
  const contradictionIds = fresh(refs.contradictionIds, previous?.contradictionIds);
  const annotations = annotationIds.length ? await tx.annotation.findMany({ where: { id: { in: annotationIds }, deletedAt: null }, select: { id: true } }) : [];
  const entities = entityIds.length ? await tx.entity.findMany({ where: { id: { in: entityIds }, deletedAt: null }, select: { id: true } }) : [];
  const events = eventIds.length ? await tx.event.findMany({ where: { id: { in: eventIds }, deletedAt: null }, select: { id: true } }) : [];
  const contradictions = contradictionIds.length ? await tx.contradiction.findMany({ where: { id: { in: contradictionIds } }, select: { id: true } }) : [];
  const missing = (ids: string[], found: { id: string }[]) => ids.filter((id) => !found.some((row) => row.id === id));
  const problems = {
    annotationIds: missing(annotationIds, annotations),
    entityIds: missing(entityIds, entities),
    eventIds: missing(eventIds, events),
    contradictionIds: missing(contradictionIds, contradictions),
  };
  if (problems.annotationIds.length > 0) {
    throw new ValidationError(`A citation points to a passage that does not exist or was deleted (${problems.annotationIds.join(", ")}).`, {
      missing: problems,
    });
  }
  const other = [...problems.entityIds, ...problems.eventIds, ...problems.contradictionIds];
  if (other.length > 0) {
    throw new ValidationError(`The body refers to an entity, event or contradiction that does not exist or was deleted (${other.join(", ")}).`, {
      missing: problems,
    });
  }
  return doc;
}

/** 409 with a free address to use instead. */
async function assertSlugFree(tx: Client, slug: string, exceptId?: string): Promise<void> {
  const holder = await tx.briefing.findUnique({ where: { slug }, select: { id: true } });
  if (!holder || holder.id === exceptId) return;
  const suggestion = await freeSlugLike(tx, slug);
  throw new ConflictError(`The address /briefings/${slug} is taken. Try /briefings/${suggestion}.`, { suggestion });
}

async function freeSlugLike(tx: Client, slug: string): Promise<string> {
  const taken = await tx.briefing.findMany({ where: { slug: { startsWith: slug.slice(0, 60) } }, select: { slug: true } });
  return suggestFreeSlug(slug, new Set(taken.map((row) => row.slug)));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ───────────────────────────── drafts ─────────────────────────────

export async function createBriefing(actor: Actor, data: CreateBriefingData): Promise<BriefingView> {
  assertComposer(actor);
  try {
    return await db.$transaction(async (tx) => {
      const body = await prepareBody(tx, data.body ?? emptyBriefingDoc(), null);
      // An address the writer chose must be free; one derived from the title is made free.
      const slug = data.slug ?? (await freeSlugLike(tx, slugify(data.title)));
      if (data.slug) await assertSlugFree(tx, slug);
      const bodyJson = body as unknown as Prisma.InputJsonValue;
      const created = await tx.briefing.create({
        data: { slug, title: data.title, summary: data.summary ?? null, body: bodyJson, authorId: actor.id },
        select: { id: true },
      });
      await tx.briefingDraft.create({ data: { briefingId: created.id, version: 1, title: data.title, body: bodyJson, authorId: actor.id } });
      await recordAudit(tx, { actorId: actor.id, action: "briefing.create", targetType: "Briefing", targetId: created.id, detail: { slug } });
      return viewOf(tx, created.id);
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const slug = data.slug ?? slugify(data.title);
      const suggestion = await freeSlugLike(db, slug);
      throw new ConflictError(`The address /briefings/${slug} was just taken. Try /briefings/${suggestion}.`, { suggestion });
    }
    throw error;
  }
}

/**
 * Saves the draft if `version` is still current (else 409 with the current state, never a
 * silent overwrite) and records it as a new BriefingDraft. An edit after approval or
 * publication makes the briefing a draft again that needs a new approval.
 */
export async function updateBriefing(actor: Actor, id: string, data: UpdateBriefingData): Promise<BriefingView> {
  assertComposer(actor);
  return db.$transaction(async (tx) => {
    const current = await tx.briefing.findUnique({
      where: { id },
      select: { id: true, version: true, status: true, title: true, slug: true, body: true, _count: { select: { published: true } } },
    });
    if (!current) throw new NotFoundError("The briefing");
    const edit = checkBriefingStep(current.status, "edit");
    if (!edit.ok) throw new ConflictError(edit.message, { current: await viewOf(tx, id) });
    if (data.version !== current.version) {
      throw new StaleVersionError(`Someone else saved this briefing (now version ${current.version}) after the version you edited (${data.version}).`, {
        current: await viewOf(tx, id),
      });
    }
    if (data.slug !== undefined && data.slug !== current.slug) {
      if (current._count.published > 0) throw new ValidationError("The address of a published briefing cannot change: readers and feeds link to it.");
      await assertSlugFree(tx, data.slug, id);
    }
    const previousRefs = collectReferences(sanitizeBriefingDoc(current.body));
    const body = data.body === undefined ? undefined : await prepareBody(tx, data.body, previousRefs);
    const version = current.version + 1;
    const title = data.title ?? current.title;
    const bodyJson = (body ?? sanitizeBriefingDoc(current.body)) as unknown as Prisma.InputJsonValue;
    // Conditional on the version read above, so a concurrent save cannot slip in between.
    const status = await applyTransition(
      tx,
      current,
      "edit",
      { version, title, slug: data.slug, summary: data.summary, ...(body ? { body: bodyJson } : {}) },
      "Someone else saved this briefing at the same moment.",
    );
    await tx.briefingDraft.create({ data: { briefingId: id, version, title, body: bodyJson, authorId: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "briefing.update", targetType: "Briefing", targetId: id, detail: { version, status } });
    return viewOf(tx, id);
  }, TRANSACTION_OPTIONS);
}

// ───────────────────────────── review workflow ─────────────────────────────

/**
 * The one place a briefing's status is written: checks the step (state-machine.ts), then
 * writes its status with `data` only if the status (and, when given, the version) is still
 * the one read, so a concurrent step cannot slip in between. Returns the new status.
 */
async function applyTransition(
  tx: Tx,
  briefing: { id: string; status: BriefingStatusName; version?: number },
  step: BriefingStep,
  data: Prisma.BriefingUncheckedUpdateManyInput = {},
  concurrentMessage = "The briefing changed at the same moment; read it again.",
): Promise<BriefingStatusName> {
  const check = checkBriefingStep(briefing.status, step);
  if (!check.ok) throw new ConflictError(check.message, { current: await viewOf(tx, briefing.id) });
  const { count } = await tx.briefing.updateMany({
    where: { id: briefing.id, status: briefing.status, ...(briefing.version === undefined ? {} : { version: briefing.version }) },
    data: { ...data, status: check.to },
  });
  if (count === 0) throw new StaleVersionError(concurrentMessage, { current: await viewOf(tx, briefing.id) });
  return check.to;
}

export async function submitBriefing(actor: Actor, id: string, data: SubmitBriefingData = {}): Promise<BriefingView> {
  assertComposer(actor);
  return db.$transaction(async (tx) => {
    const current = await tx.briefing.findUnique({ where: { id }, select: { id: true, status: true } });
    if (!current) throw new NotFoundError("The briefing");
    await applyTransition(tx, current, "submit", {}, "The briefing changed at the same moment; reload it.");
    await tx.briefingReview.create({ data: { briefingId: id, actorId: actor.id, action: "submit", comment: data.comment ?? null } });
    await recordAudit(tx, { actorId: actor.id, action: "briefing.submit", targetType: "Briefing", targetId: id });
    return viewOf(tx, id);
  });
}

async function assertReviewer(tx: Tx, actor: Actor, id: string, step: "approve" | "return") {
  if (!canReviewBriefings(actor)) throw new ForbiddenError("Only analysts approve or return briefings.");
  const current = await tx.briefing.findUnique({ where: { id }, select: { id: true, status: true, version: true, authorId: true } });
  if (!current) throw new NotFoundError("The briefing");
  if (!canReviewBriefing(actor, await listBriefingWriters(tx, id, current.authorId))) {
    throw new ForbiddenError("You wrote this briefing, so another analyst must review it.");
  }
  const check = checkBriefingStep(current.status, step);
  if (!check.ok) throw new ConflictError(check.message, { current: await viewOf(tx, id) });
  return current;
}

/**
 * Approves the current draft version, and with it what the page shows from the workspace now
 * (see approved-content.ts); naming an older version than the current one (the analyst read a
 * stale draft) is refused.
 */
export async function approveBriefing(actor: Actor, id: string, data: ApproveBriefingData = {}): Promise<BriefingView> {
  return db.$transaction(async (tx) => {
    const current = await assertReviewer(tx, actor, id, "approve");
    if (data.version !== undefined && data.version !== current.version) {
      throw new StaleVersionError(
        `The briefing was edited (now version ${current.version}) after the version you read (${data.version}); read it again before approving.`,
        {
          current: await viewOf(tx, id),
        },
      );
    }
    const { body } = await tx.briefing.findUniqueOrThrow({ where: { id }, select: { body: true } });
    const loaded = await loadSources(tx, collectReferences(sanitizeBriefingDoc(body)));
    const approvedContent = approvedContentOf(await toRenderSources(tx, loaded)) as unknown as Prisma.InputJsonValue;
    await applyTransition(tx, current, "approve", { approvedById: actor.id, approvedVersion: current.version, approvedContent });
    await tx.briefingReview.create({ data: { briefingId: id, actorId: actor.id, action: "approve", comment: data.comment ?? null } });
    await recordAudit(tx, { actorId: actor.id, action: "briefing.approve", targetType: "Briefing", targetId: id, detail: { version: current.version } });
    return viewOf(tx, id);
  });
}

export async function returnBriefing(actor: Actor, id: string, data: ReturnBriefingData): Promise<BriefingView> {
  return db.$transaction(async (tx) => {
    const current = await assertReviewer(tx, actor, id, "return");
    await applyTransition(tx, { id, status: current.status }, "return");
    await tx.briefingReview.create({ data: { briefingId: id, actorId: actor.id, action: "return", comment: data.comment } });
    await recordAudit(tx, { actorId: actor.id, action: "briefing.return", targetType: "Briefing", targetId: id });
    return viewOf(tx, id);
  });
}

// ───────────────────────────── publishing ─────────────────────────────

/**
 * Publishes the approved draft as the next immutable BriefingVersion: sanitized HTML with its
 * citations, quotes, timeline and structured data frozen as the workspace has them now.
 * Refused with 409 and every blocker (see vetting.ts) when anything is not vetted; publishing
 * again needs a change note.
 */
export async function publishBriefing(actor: Actor, id: string, data: PublishBriefingData = {}): Promise<PublishResult & { slug: string }> {
  assertComposer(actor);
  return transaction(async (tx) => {
    // One publisher at a time per briefing: the version number is the next after the last.
    await tx.$queryRaw`SELECT 1 FROM "Briefing" WHERE "id" = ${id} FOR UPDATE`;
    const briefing = await tx.briefing.findUnique({
      where: { id },
      select: {
        ...briefingContentSelect,
        author: { select: { name: true } },
        published: { select: { number: true, publishedAt: true }, orderBy: { number: "asc" } },
      },
    });
    if (!briefing) throw new NotFoundError("The briefing");
    // A retracted briefing is refused outright; any other unapproved state is a blocker (vetting.ts).
    const publish = checkBriefingStep(briefing.status, "publish");
    if (!publish.ok && briefing.status === "RETRACTED") throw new ConflictError(publish.message, { blockers: [] });
    const doc = sanitizeBriefingDoc(briefing.body);
    const loaded = await loadSources(tx, collectReferences(doc));
    const blockers = await findBlockers(tx, briefing, loaded);
    if (blockers.length > 0) {
      throw new ConflictError(`The briefing cannot be published yet: ${blockers.length} ${blockers.length === 1 ? "problem needs" : "problems need"} fixing.`, {
        blockers,
      });
    }
    const previous = briefing.published.at(-1);
    if (previous && !data.note) throw new ValidationError("Publishing a new version needs a change note telling readers what changed.");

    const rendered = renderBriefing(doc, await toRenderSources(tx, loaded));
    const number = (previous?.number ?? 0) + 1;
    const publishedAt = new Date();
    const path = briefingPath(briefing.slug);
    const url = `${publicOrigin()}${path}`;
    const jsonLd = buildBriefingJsonLd({
      url,
      headline: briefing.title,
      description: briefing.summary,
      datePublished: (briefing.published[0]?.publishedAt ?? publishedAt).toISOString(),
      dateModified: publishedAt.toISOString(),
      authorName: briefing.author.name,
      publisherName: PUBLISHER_NAME,
      publisherUrl: publicOrigin(),
      notes: rendered.notes,
      disagreements: rendered.disagreements,
    });
    await tx.briefingVersion.create({
      data: {
        briefingId: id,
        number,
        title: briefing.title,
        summary: briefing.summary,
        html: rendered.html,
        citations: rendered.notes as unknown as Prisma.InputJsonValue,
        timeline: rendered.timelines as unknown as Prisma.InputJsonValue,
        jsonLd: jsonLd as unknown as Prisma.InputJsonValue,
        changeNote: data.note ?? null,
        publishedById: actor.id,
        publishedAt,
      },
    });
    await applyTransition(tx, briefing, "publish");
    await tx.briefingReview.create({ data: { briefingId: id, actorId: actor.id, action: "publish", comment: data.note ?? null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "briefing.publish",
      targetType: "Briefing",
      targetId: id,
      detail: { number, draftVersion: briefing.version },
    });
    afterCommit(tx, () => revalidatePublicBriefing(briefing.slug));
    return { version: number, url, path, publishedAt: publishedAt.toISOString(), slug: briefing.slug };
  }, TRANSACTION_OPTIONS);
}

/** Retracts a published briefing: its public page stays, headed by the retraction note. */
export async function retractBriefing(actor: Actor, id: string, data: RetractBriefingData): Promise<BriefingView> {
  assertComposer(actor);
  return transaction(async (tx) => {
    const current = await tx.briefing.findUnique({ where: { id }, select: { id: true, status: true, _count: { select: { published: true } } } });
    if (!current) throw new NotFoundError("The briefing");
    if (current._count.published === 0) throw new ConflictError("Only a published briefing can be retracted.", { current: await viewOf(tx, id) });
    await applyTransition(tx, current, "retract", { retractedAt: new Date(), retractionNote: data.note });
    await tx.briefingReview.create({ data: { briefingId: id, actorId: actor.id, action: "retract", comment: data.note } });
    await recordAudit(tx, { actorId: actor.id, action: "briefing.retract", targetType: "Briefing", targetId: id });
    const view = await viewOf(tx, id);
    afterCommit(tx, () => revalidatePublicBriefing(view.slug));
    return view;
  });
}
