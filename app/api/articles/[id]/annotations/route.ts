import { z } from "zod";
import { collectionResponse, withCodePointOffsets } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { limitParam, pageParam } from "@/lib/api/pagination";
import { apiRoute } from "@/lib/api/route";
import { toAnnotationCollection, toAnnotationPage } from "@/lib/annotations/json-ld";
import { getArticleSummary, listArticleAnnotationPage } from "@/lib/annotations/queries";
import { parseInput } from "@/lib/validation";

const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 200;
const pagingSchema = z.object({ page: pageParam, limit: limitParam(MAX_PAGE_SIZE) });

/** The article's annotations as a W3C AnnotationCollection: `?limit=` (at most 1000, default 200) per page, later pages by `?page=`. */
export const GET = apiRoute<{ id: string }>({ access: "annotations.read" }, async ({ request, actor, params }) => {
  const query = parseInput(pagingSchema, Object.fromEntries(request.nextUrl.searchParams));
  const paging = { page: query.page ?? 1, limit: query.limit ?? DEFAULT_PAGE_SIZE };
  const article = await getArticleSummary(actor, params.id);
  const { items, total } = await listArticleAnnotationPage(actor, article.id, paging);
  const answer = paging.page === 1 ? toAnnotationCollection : toAnnotationPage;
  return collectionResponse(answer(await withCodePointOffsets(items), publicOrigin(request), article, { total, ...paging }));
});
