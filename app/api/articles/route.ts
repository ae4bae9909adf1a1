import { apiRoute, created } from "@/lib/api/route";
import { articleJson, readImportSources } from "@/lib/articles/http";
import { importArticle } from "@/lib/articles/import-articles";
import { getArticle, listArticles, previewImports } from "@/lib/articles/queries";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** ?q= full-text search, &outlet=, &kind=, &from=, &to= (YYYY-MM-DD), &sort=, &page=, or (without q) &cursor= (a page's nextCursor). */
export const GET = apiRoute({ access: "articles.read" }, async ({ request, actor }) => {
  const query = parseInput(articleListQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return listArticles(actor, query);
});

/**
 * Imports one article: 201 with it, or 200 with `duplicate: true` when the same content was
 * imported before. `?dryRun=1` previews the extraction of one or more files and stores nothing.
 */
export const POST = apiRoute({ access: "articles.import" }, async ({ request, actor }) => {
  const sources = await readImportSources(request);
  if (/^(?:1|true|yes)$/i.test(request.nextUrl.searchParams.get("dryRun") ?? "")) {
    return { previews: await previewImports(actor, sources) };
  }
  if (sources.length !== 1) {
    throw new ValidationError("Send one article per request; for many files start a background import with POST /api/import-jobs.");
  }
  const outcome = await importArticle(actor, sources[0]);
  if (outcome.status === "duplicate") {
    return { duplicate: true, id: outcome.articleId, title: outcome.title, message: "This content was imported before; nothing new was stored." };
  }
  const article = await getArticle(actor, outcome.articleId!);
  return created({ duplicate: false, newRevision: outcome.status === "revision", ...articleJson(article) });
});
