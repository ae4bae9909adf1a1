"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { requireActor } from "@/lib/auth/session";
import { acceptSuggestionSchema } from "@/lib/entities/schemas";
import { acceptEntitySuggestions, acceptSuggestion, dismissSuggestion } from "@/lib/entities/suggestions";
import { idSchema, parseInput } from "@/lib/validation";

export async function acceptSuggestionAction(articleId: string, suggestionId: string, input: unknown = {}) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, suggestionId);
    const data = parseInput(acceptSuggestionSchema, input);
    const actor = await requireActor("passages.link");
    const result = await acceptSuggestion(actor, id, data);
    revalidatePath(`/articles/${article}`);
    revalidatePath(`/entities/${result.entityId}`);
    return result;
  }, "Accepted: the mention is annotated and linked.");
}

export async function acceptEntitySuggestionsAction(articleId: string, entityId: string) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const entity = parseInput(idSchema, entityId);
    const actor = await requireActor("passages.link");
    const result = await acceptEntitySuggestions(actor, article, entity);
    revalidatePath(`/articles/${article}`);
    revalidatePath(`/entities/${entity}`);
    return result;
  });
}

export async function dismissSuggestionAction(articleId: string, suggestionId: string) {
  return runAction(async () => {
    const article = parseInput(idSchema, articleId);
    const id = parseInput(idSchema, suggestionId);
    const actor = await requireActor("passages.link");
    const result = await dismissSuggestion(actor, id);
    revalidatePath(`/articles/${article}`);
    return result;
  }, "Dismissed; it will not be suggested again.");
}
