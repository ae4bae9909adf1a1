import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError, ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { buildSelectors, CONTEXT_LENGTH, verifySelectors, type AnchorSelectors } from "./anchor";
import { prepareComment, type PreparedComment } from "./comment";
import {
  canCreateAnnotation,
  canEditAnnotation,
  canMaintainAnchor,
  canManageAnnotationKinds,
  canReattachAnnotation,
  canReply,
  canReviewAnnotations,
} from "./permissions";
import { loadAnnotationView } from "./queries";
import {
  type ApproveAnnotationsData,
  type CommentInput,
  type ConfirmAnchorData,
  type CreateAnnotationData,
  type CreateAnnotationKindData,
  type CreateReplyData,
  containsHtml,
  type DeleteAnnotationData,
  type ReattachAnnotationData,
  type ReviewAnnotationData,
  type SelectionInput,
  type UpdateAnnotationData,
  type UpdateAnnotationKindData,
} from "./schemas";
import { REVIEW_DECISIONS } from "./statuses";
import type { AnnotationView } from "./types";

type Selected = Prisma.AnnotationGetPayload<{
  select: { id: true; authorId: true; status: true; anchorStatus: true; version: true; deletedAt: true; articleId: true };
}>;

function comment(input: CommentInput | undefined): PreparedComment {
  const result = prepareComment(input);
  if (!result.ok) throw new ValidationError(`comment: ${result.message}`);
  return result.comment;
}

async function activeKind(tx: Tx, key: string): Promise<string> {
  const kind = await tx.annotationKind.findUnique({ where: { key } });
  if (kind?.active) return kind.key;
  const kinds = await tx.annotationKind.findMany({ where: { active: true }, orderBy: { position: "asc" }, select: { key: true } });
  throw new ValidationError(`kind: Unknown annotation kind "${key}". Choose one of: ${kinds.map((k) => k.key).join(", ")}.`);
}

/** Checks a selection against the article's current revision and returns the revision and canonical selectors. */
async function selectOnCurrentRevision(tx: Tx, articleId: string, selection: SelectionInput): Promise<{ revisionId: string; selectors: AnchorSelectors }> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { currentRevision: { select: { id: true, text: true } } },
  });
  if (!article) throw new NotFoundError("The article");
  const revision = article.currentRevision;
  if (!revision) throw new ValidationError("The article has no text to annotate yet.");
  const { text } = revision;
  const { start, end, exact } = selection;
  const verdict = verifySelectors(
    text,
    {
      type: "TextQuoteSelector",
      exact,
      // Context is optional for API clients; when omitted, it is taken from the text itself.
      prefix: selection.prefix ?? text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: selection.suffix ?? text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: "TextPositionSelector", start, end },
  );
  if (!verdict.ok) throw new ValidationError(verdict.message, { code: verdict.code });
  return { revisionId: revision.id, selectors: buildSelectors(text, start, end) };
}

async function currentState(tx: Tx, id: string): Promise<AnnotationView> {
  const view = await loadAnnotationView(tx, id);
  if (!view || view.deletedAt) throw new NotFoundError("The annotation");
  return view;
}

/** Writes `data` only if the annotation is still at `version`; otherwise a 409 with the current state. */
async function updateAtVersion(tx: Tx, id: string, version: number, data: Prisma.AnnotationUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.annotation.updateMany({
    where: { id, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await staleVersion(tx, id);
}

async function staleVersion(tx: Tx, id: string): Promise<ConflictError> {
  const current = await currentState(tx, id);
  return new StaleVersionError("Someone changed this annotation since you opened it. Review the current state before saving again.", {
    current,
  });
}

async function findLive(tx: Tx, id: string): Promise<Selected> {
  const annotation = await tx.annotation.findUnique({
    where: { id },
    select: { id: true, authorId: true, status: true, anchorStatus: true, version: true, deletedAt: true, articleId: true },
  });
  if (!annotation || annotation.deletedAt) throw new NotFoundError("The annotation");
  return annotation;
}

async function returnToReview(tx: Tx, actor: Actor, annotation: Selected, reason: string): Promise<Prisma.AnnotationUncheckedUpdateManyInput> {
  if (annotation.status === "PENDING") return {};
  await tx.annotationReview.create({
    data: { annotationId: annotation.id, actorId: actor.id, fromStatus: annotation.status, toStatus: "PENDING", comment: reason },
  });
  return { status: "PENDING" };
}

/**
 * Creates an annotation on the article's current revision. The selection must match that
 * revision's text exactly (else 422); the kind must be active; the comment is validated,
 * sanitized and stored with its HTML. Pass `options.tx` to create it inside the caller's
 * transaction (e.g. together with accepting a mention suggestion).
 */
/** `linkOnly`: an entity link accepted from a suggestion, kept out of review and citation. */
export async function createAnnotation(actor: Actor, data: CreateAnnotationData, options: { tx?: Tx; linkOnly?: boolean } = {}): Promise<{ id: string }> {
  if (!canCreateAnnotation(actor)) throw new ForbiddenError("Only editors and admins create annotations.");
  const prepared = comment(data.comment);
  const write = async (tx: Tx) => {
    const kind = await activeKind(tx, data.kind);
    const { revisionId, selectors } = await selectOnCurrentRevision(tx, data.articleId, data);
    const annotation = await tx.annotation.create({
      data: {
        articleId: data.articleId,
        revisionId,
        kind,
        body: prepared.body,
        bodyHtml: prepared.bodyHtml,
        tags: data.tags ?? [],
        exact: selectors.quote.exact,
        prefix: selectors.quote.prefix,
        suffix: selectors.quote.suffix,
        start: selectors.position.start,
        end: selectors.position.end,
        originalExact: selectors.quote.exact,
        linkOnly: options.linkOnly ?? false,
        authorId: actor.id,
      },
      select: { id: true },
    });
    await tx.annotationReview.create({ data: { annotationId: annotation.id, actorId: actor.id, fromStatus: null, toStatus: "PENDING" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.create",
      targetType: "Annotation",
      targetId: annotation.id,
      detail: { articleId: data.articleId, revisionId, kind, start: selectors.position.start, end: selectors.position.end },
    });
    return annotation;
  };
  return options.tx ? write(options.tx) : db.$transaction(write);
}

/**
 * Changes kind, comment or tags (author or admin). A reviewed annotation whose content
 * changes goes back to PENDING; a stale `version` gets a 409 with the current state.
 */
export async function updateAnnotation(actor: Actor, id: string, data: UpdateAnnotationData): Promise<AnnotationView> {
  const prepared = data.comment === undefined ? undefined : comment(data.comment);
  return db.$transaction(async (tx) => {
    const annotation = await findLive(tx, id);
    if (!canEditAnnotation(actor, annotation)) throw new ForbiddenError("Only the author or an admin can edit this annotation.");
    const current = await currentState(tx, id);
    const kind = data.kind === undefined ? undefined : await activeKind(tx, data.kind);
    const changes: Prisma.AnnotationUncheckedUpdateManyInput = {};
    if (kind !== undefined && kind !== current.kind) changes.kind = kind;
    if (data.tags !== undefined && JSON.stringify(data.tags) !== JSON.stringify(current.tags)) changes.tags = data.tags;
    if (prepared && JSON.stringify(prepared.body) !== JSON.stringify(current.body)) {
      changes.body = prepared.body;
      changes.bodyHtml = prepared.bodyHtml;
    }
    if (annotation.version !== data.version) throw await staleVersion(tx, id);
    if (Object.keys(changes).length === 0) return current;
    const review = await returnToReview(tx, actor, annotation, "Edited after review; back in the review queue.");
    await updateAtVersion(tx, id, data.version, { ...changes, ...review });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.update",
      targetType: "Annotation",
      targetId: id,
      detail: { changed: Object.keys(changes), fromStatus: annotation.status, toStatus: review.status ?? annotation.status },
    });
    return currentState(tx, id);
  });
}

/**
 * Points an orphaned annotation, or one re-anchored for a check, at a new selection on the
 * current revision (author or admin). An annotation still anchored where it was written is
 * refused with 409: moving it would change what an analyst approved.
 */
export async function reattachAnnotation(actor: Actor, id: string, data: ReattachAnnotationData): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const annotation = await findLive(tx, id);
    if (!canReattachAnnotation(actor, annotation)) throw new ForbiddenError("Only the author or an admin can re-attach this annotation.");
    if (annotation.anchorStatus === "ANCHORED") {
      throw new ConflictError("This annotation is anchored where it was written; only an orphaned or re-anchored annotation can be re-attached.", {
        current: await currentState(tx, id),
      });
    }
    const { revisionId, selectors } = await selectOnCurrentRevision(tx, annotation.articleId, data);
    const review = await returnToReview(tx, actor, annotation, "Re-attached to a new passage; back in the review queue.");
    await updateAtVersion(tx, id, data.version, {
      revisionId,
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position.start,
      end: selectors.position.end,
      anchorStatus: "ANCHORED",
      ...review,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.reattach",
      targetType: "Annotation",
      targetId: id,
      detail: {
        revisionId,
        start: selectors.position.start,
        end: selectors.position.end,
        fromAnchorStatus: annotation.anchorStatus,
        fromStatus: annotation.status,
        toStatus: review.status ?? annotation.status,
      },
    });
    return currentState(tx, id);
  });
}

/** Confirms that a fuzzily re-anchored annotation points at the right words. */
export async function confirmAnchor(actor: Actor, id: string, data: ConfirmAnchorData): Promise<AnnotationView> {
  if (!canMaintainAnchor(actor)) throw new ForbiddenError("Only editors and admins confirm re-anchored annotations.");
  return db.$transaction(async (tx) => {
    const current = await currentState(tx, id);
    if (current.anchorStatus !== "REANCHORED_CHECK") {
      throw new ValidationError(
        current.anchorStatus === "ORPHANED"
          ? "This annotation is orphaned: re-attach it to a passage instead."
          : "This annotation's anchor needs no confirmation.",
      );
    }
    await updateAtVersion(tx, id, data.version, { anchorStatus: "ANCHORED" });
    await recordAudit(tx, { actorId: actor.id, action: "annotation.confirm-anchor", targetType: "Annotation", targetId: id });
    return currentState(tx, id);
  });
}

/**
 * An entity link becomes a statement to cite: it joins the review queue and the citation picker,
 * and like any cited passage it must be approved before a briefing citing it is published.
 */
export async function requestCitationReview(actor: Actor, id: string, data: ConfirmAnchorData): Promise<AnnotationView> {
  if (!canCreateAnnotation(actor)) throw new ForbiddenError("Only editors and admins send a passage for review.");
  return db.$transaction(async (tx) => {
    const current = await currentState(tx, id);
    if (!current.linkOnly) throw new ValidationError("This annotation is already reviewed like any other; it needs no request.");
    await updateAtVersion(tx, id, data.version, { linkOnly: false });
    await tx.annotationReview.create({
      data: { annotationId: id, actorId: actor.id, fromStatus: current.status, toStatus: current.status, comment: "Sent for review to be cited." },
    });
    await recordAudit(tx, { actorId: actor.id, action: "annotation.request-review", targetType: "Annotation", targetId: id });
    return currentState(tx, id);
  });
}

/** Soft delete (author or admin): the row stays for history and for anything that cited it. */
export async function deleteAnnotation(actor: Actor, id: string, data: DeleteAnnotationData = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const annotation = await findLive(tx, id);
    if (!canEditAnnotation(actor, annotation)) throw new ForbiddenError("Only the author or an admin can delete this annotation.");
    await updateAtVersion(tx, id, data.version ?? annotation.version, { deletedAt: new Date() });
    await recordAudit(tx, { actorId: actor.id, action: "annotation.delete", targetType: "Annotation", targetId: id });
  });
}

/** An analyst's decision; nobody reviews their own annotation. Every decision is kept as history. */
export async function reviewAnnotation(actor: Actor, id: string, data: ReviewAnnotationData): Promise<AnnotationView> {
  if (!canReviewAnnotations(actor)) throw new ForbiddenError("Only analysts review annotations.");
  const toStatus = REVIEW_DECISIONS[data.decision];
  return db.$transaction(async (tx) => {
    const annotation = await findLive(tx, id);
    if (annotation.authorId === actor.id) throw new ForbiddenError("You cannot review your own annotation.");
    await updateAtVersion(tx, id, data.version ?? annotation.version, { status: toStatus });
    await tx.annotationReview.create({
      data: { annotationId: id, actorId: actor.id, fromStatus: annotation.status, toStatus, comment: data.comment ?? null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.review",
      targetType: "Annotation",
      targetId: id,
      detail: { decision: data.decision, fromStatus: annotation.status, toStatus },
    });
    return currentState(tx, id);
  });
}

/**
 * Approves a selection in one step. Each annotation is reviewed on its own, under the same rules
 * as a single review (nobody reviews their own, a stale version is refused): one refusal does not
 * undo the others, and each refusal is reported with its reason.
 */
export async function approveAnnotations(
  actor: Actor,
  { items }: ApproveAnnotationsData,
): Promise<{ approved: { id: string; articleId: string }[]; refused: { id: string; message: string }[] }> {
  if (!canReviewAnnotations(actor)) throw new ForbiddenError("Only analysts review annotations.");
  const approved: { id: string; articleId: string }[] = [];
  const refused: { id: string; message: string }[] = [];
  for (const item of items) {
    try {
      const view = await reviewAnnotation(actor, item.id, { decision: "approve", version: item.version });
      approved.push({ id: view.id, articleId: view.articleId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id: item.id, message: error.message });
    }
  }
  return { approved, refused };
}

/** Any member may reply; a reply may answer another reply of the same annotation. */
export async function createReply(actor: Actor, annotationId: string, data: CreateReplyData): Promise<{ id: string }> {
  if (!canReply(actor)) throw new ForbiddenError("Sign in to reply.");
  if (containsHtml(data.body)) throw new ValidationError("body: Replies cannot contain HTML tags.");
  return db.$transaction(async (tx) => {
    await findLive(tx, annotationId);
    if (data.parentId) {
      const parent = await tx.annotationReply.findUnique({ where: { id: data.parentId }, select: { annotationId: true, deletedAt: true } });
      if (!parent || parent.deletedAt || parent.annotationId !== annotationId) {
        throw new ValidationError("parentId: The reply you answer is not part of this annotation.");
      }
    }
    const reply = await tx.annotationReply.create({
      data: { annotationId, parentId: data.parentId ?? null, authorId: actor.id, body: data.body },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "annotation.reply", targetType: "Annotation", targetId: annotationId, detail: { replyId: reply.id } });
    return reply;
  });
}

export async function createAnnotationKind(actor: Actor, data: CreateAnnotationKindData) {
  if (!canManageAnnotationKinds(actor)) throw new ForbiddenError("Only an admin configures annotation kinds.");
  return db.$transaction(async (tx) => {
    if (await tx.annotationKind.findUnique({ where: { key: data.key } })) {
      throw new ValidationError(`key: A kind with the key "${data.key}" already exists.`);
    }
    const last = await tx.annotationKind.aggregate({ _max: { position: true } });
    const kind = await tx.annotationKind.create({ data: { key: data.key, label: data.label, position: (last._max.position ?? 0) + 10 } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation-kind.create",
      targetType: "AnnotationKind",
      targetId: kind.key,
      detail: { label: kind.label },
    });
    return kind;
  });
}

/** Relabels, reorders or (de)activates a kind. Built-in kinds stay active: other features depend on them. */
export async function updateAnnotationKind(actor: Actor, data: UpdateAnnotationKindData) {
  if (!canManageAnnotationKinds(actor)) throw new ForbiddenError("Only an admin configures annotation kinds.");
  return db.$transaction(async (tx) => {
    const kind = await tx.annotationKind.findUnique({ where: { key: data.key } });
    if (!kind) throw new NotFoundError("The annotation kind");
    if (kind.builtIn && data.active === false) throw new ValidationError(`"${kind.label}" is built in and cannot be deactivated.`);
    const updated = await tx.annotationKind.update({
      where: { key: kind.key },
      data: { label: data.label, active: data.active, position: data.position },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation-kind.update",
      targetType: "AnnotationKind",
      targetId: kind.key,
      detail: { label: data.label ?? null, active: data.active ?? null, position: data.position ?? null },
    });
    return updated;
  });
}
