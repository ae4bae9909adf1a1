import { apiRoute } from "@/lib/api/route";
import { annotationResponse, w3cAnnotationOf, withUnitOffsets, withW3CConflict } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { reattachAnnotation } from "@/lib/annotations/mutations";
import { reattachAnnotationSchema } from "@/lib/annotations/schemas";

/**
 * Re-attaches an orphaned or re-anchored annotation to a selection on the article's current
 * revision (its author or an admin; an anchored one answers 409); offsets in code points.
 */
export const POST = apiRoute<{ id: string }, typeof reattachAnnotationSchema>(
  { access: "annotations.reattach", body: reattachAnnotationSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const selection = await withUnitOffsets({ annotationId: params.id }, body);
    const reattached = await withW3CConflict(origin, () => reattachAnnotation(actor, params.id, selection));
    return annotationResponse(await w3cAnnotationOf(reattached, origin));
  },
);
