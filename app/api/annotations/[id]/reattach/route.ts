import { apiRoute } from "@/lib/api/route";
import { publicOrigin, withW3CConflict } from "@/lib/annotations/api";
import { jsonLdResponse, toW3CAnnotation } from "@/lib/annotations/json-ld";
import { reattachAnnotation } from "@/lib/annotations/mutations";
import { reattachAnnotationSchema } from "@/lib/annotations/schemas";

/** Re-attaches an orphaned (or misplaced) annotation to a selection on the article's current revision. */
export const POST = apiRoute<{ id: string }, typeof reattachAnnotationSchema>(
  { access: "annotations.maintain-anchor", body: reattachAnnotationSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const reattached = await withW3CConflict(origin, () => reattachAnnotation(actor, params.id, body));
    return jsonLdResponse(toW3CAnnotation(reattached, origin));
  },
);
