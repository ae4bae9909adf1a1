import { apiRoute } from "@/lib/api/route";
import { annotationResponse, w3cAnnotationOf, withW3CConflict } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { confirmAnchor } from "@/lib/annotations/mutations";
import { confirmAnchorSchema } from "@/lib/annotations/schemas";

/** Confirms that an annotation re-anchored by fuzzy matching ("re-anchored, check") points at the right words. */
export const POST = apiRoute<{ id: string }, typeof confirmAnchorSchema>(
  { access: "annotations.maintain-anchor", body: confirmAnchorSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const confirmed = await withW3CConflict(origin, () => confirmAnchor(actor, params.id, body));
    return annotationResponse(await w3cAnnotationOf(confirmed, origin));
  },
);
