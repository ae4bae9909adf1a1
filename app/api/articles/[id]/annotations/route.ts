import { publicOrigin } from "@/lib/annotations/api";
import { apiRoute } from "@/lib/api/route";
import { jsonLdResponse, toAnnotationCollection } from "@/lib/annotations/json-ld";
import { getArticleSummary, listArticleAnnotations } from "@/lib/annotations/queries";

export const GET = apiRoute<{ id: string }>({ access: ["EDITOR", "ANALYST", "ADMIN"] }, async ({ request, actor, params }) => {
  const article = await getArticleSummary(actor, params.id);
  const annotations = await listArticleAnnotations(actor, article.id);
  return jsonLdResponse(toAnnotationCollection(annotations, publicOrigin(request), article));
});
