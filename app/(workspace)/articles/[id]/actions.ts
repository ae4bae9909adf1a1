"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/api/action";
import { changeArticleLines, updateArticle } from "@/lib/articles/mutations";
import { changeLinesSchema, updateArticleSchema, type ChangeLinesInput, type UpdateArticleInput } from "@/lib/articles/schemas";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

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
