import { apiRoute } from "@/lib/api/route";
import { articleJson } from "@/lib/articles/http";
import { updateArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/queries";
import { patchArticleSchema } from "@/lib/articles/schemas";

type Params = { id: string };

/** The article with its current revision's text, removed lines and revision list. */
export const GET = apiRoute<Params>({ access: "articles.read" }, async ({ params, actor }) => articleJson(await getArticle(actor, params.id)));

/** Corrects metadata (title, outlet, publishedAt, url, author, kind); `version` is the one the change starts from. */
export const PATCH = apiRoute<Params, typeof patchArticleSchema>({ access: "articles.edit", body: patchArticleSchema }, async ({ params, actor, body }) => {
  await updateArticle(actor, { ...body, articleId: params.id });
  return articleJson(await getArticle(actor, params.id));
});
