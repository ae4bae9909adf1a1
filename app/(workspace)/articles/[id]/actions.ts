"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import {
  confirmAnchor,
  createAnnotation,
  createReply,
  deleteAnnotation,
  reattachAnnotation,
  requestCitationReview,
  updateAnnotation,
} from "@/lib/annotations/mutations";
import {
  confirmAnchorSchema,
  createAnnotationSchema,
  createReplySchema,
  deleteAnnotationSchema,
  reattachAnnotationSchema,
  updateAnnotationSchema,
  type CreateAnnotationInput,
  type CreateReplyInput,
  type SelectionInput,
  type UpdateAnnotationInput,
} from "@/lib/annotations/schemas";
import { changeArticleLines, updateArticle } from "@/lib/articles/mutations";
import { changeLinesSchema, updateArticleSchema, type ChangeLinesInput, type UpdateArticleInput } from "@/lib/articles/schemas";
import { requireActor } from "@/lib/auth/session";
import { acceptClaimProposal, acceptEventProposal, dismissClaimProposal, dismissEventProposal } from "@/lib/proposals/mutations";
import { acceptClaimProposalSchema, acceptEventProposalSchema, type AcceptClaimProposalInput, type AcceptEventProposalInput } from "@/lib/proposals/schemas";
import { idSchema, parseInput } from "@/lib/validation";

export async function updateArticleAction(input: UpdateArticleInput) {
  return runAction(async () => {
    const data = parseInput(updateArticleSchema, input);
    const actor = await requireActor("articles.edit");
    const updated = await updateArticle(actor, data);
    revalidatePath(`/articles/${data.articleId}`);
    revalidatePath("/articles");
    return updated;
  }, "Metadata saved.");
}

export async function changeArticleLinesAction(input: ChangeLinesInput) {
  return runAction(async () => {
    const data = parseInput(changeLinesSchema, input);
    const actor = await requireActor("articles.edit");
    const result = await changeArticleLines(actor, data);
    revalidatePath(`/articles/${data.articleId}`);
    return result;
  });
}

export async function acceptEventProposalAction(articleId: string, proposalId: string, input: AcceptEventProposalInput = {}) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, proposalId);
    const data = parseInput(acceptEventProposalSchema, input);
    const actor = await requireActor("proposals.decide");
    const result = await acceptEventProposal(actor, id, data);
    revalidatePath(`/articles/${article}`);
    revalidatePath(`/events/${result.eventId}`);
    return result;
  }, "Accepted: the event and its passages are recorded, unreviewed.");
}

export async function dismissEventProposalAction(articleId: string, proposalId: string) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, proposalId);
    const actor = await requireActor("proposals.decide");
    const result = await dismissEventProposal(actor, id);
    revalidatePath(`/articles/${article}`);
    return result;
  }, "Dismissed: it will not be proposed again.");
}

export async function acceptClaimProposalAction(articleId: string, proposalId: string, input: AcceptClaimProposalInput = {}) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, proposalId);
    const data = parseInput(acceptClaimProposalSchema, input);
    const actor = await requireActor("proposals.decide");
    const result = await acceptClaimProposal(actor, id, data);
    revalidatePath(`/articles/${article}`);
    return result;
  }, "Accepted: the claim is annotated, unreviewed.");
}

export async function dismissClaimProposalAction(articleId: string, proposalId: string) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, proposalId);
    const actor = await requireActor("proposals.decide");
    const result = await dismissClaimProposal(actor, id);
    revalidatePath(`/articles/${article}`);
    return result;
  }, "Dismissed: it will not be proposed again.");
}

/** The reader's writes name the article they were made on, so its page is the one refreshed. */
function revalidateArticle(articleId: string) {
  revalidatePath(`/articles/${articleId}`);
}

/** A selection in the reader's own offsets (UTF-16 code units, as stored); the API counts code points instead. */
export async function createAnnotationAction(input: CreateAnnotationInput) {
  return runAction(async () => {
    const data = parseInput(createAnnotationSchema, input);
    const actor = await requireActor("annotations.create");
    const { id } = await createAnnotation(actor, data);
    revalidateArticle(data.articleId);
    revalidatePath("/review");
    return { id };
  });
}

/** A stale `version` fails with 409 and the current annotation in `details.current`. */
export async function updateAnnotationAction(articleId: string, annotationId: string, input: UpdateAnnotationInput) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(updateAnnotationSchema, input);
    const actor = await requireActor("annotations.edit");
    const updated = await updateAnnotation(actor, id, data);
    revalidateArticle(article);
    revalidatePath("/review");
    return { version: updated.version };
  });
}

export async function deleteAnnotationAction(articleId: string, annotationId: string, input: { version: number }) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(deleteAnnotationSchema, input);
    const actor = await requireActor("annotations.edit");
    await deleteAnnotation(actor, id, data);
    revalidateArticle(article);
    revalidatePath("/review");
  });
}

export async function reattachAnnotationAction(articleId: string, annotationId: string, input: SelectionInput & { version: number }) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(reattachAnnotationSchema, input);
    const actor = await requireActor("annotations.reattach");
    await reattachAnnotation(actor, id, data);
    revalidateArticle(article);
  });
}

export async function confirmAnchorAction(articleId: string, annotationId: string, input: { version: number }) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(confirmAnchorSchema, input);
    const actor = await requireActor("annotations.maintain-anchor");
    await confirmAnchor(actor, id, data);
    revalidateArticle(article);
  });
}

/** An entity link goes to review so that it can be cited. */
export async function requestCitationReviewAction(articleId: string, annotationId: string, input: { version: number }) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(confirmAnchorSchema, input);
    const actor = await requireActor("annotations.edit");
    await requestCitationReview(actor, id, data);
    revalidateArticle(article);
    revalidatePath("/review");
  });
}

export async function createReplyAction(articleId: string, annotationId: string, input: CreateReplyInput) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, annotationId);
    const data = parseInput(createReplySchema, input);
    const actor = await requireActor("annotations.reply");
    await createReply(actor, id, data);
    revalidateArticle(article);
    revalidatePath("/inbox");
  });
}
