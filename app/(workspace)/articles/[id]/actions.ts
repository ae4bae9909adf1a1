"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
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
