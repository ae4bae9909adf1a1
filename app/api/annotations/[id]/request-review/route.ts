import { apiRoute } from "@/lib/api/route";
import { annotationResponse, w3cAnnotationOf, withW3CConflict } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { requestCitationReview } from "@/lib/annotations/mutations";
import { confirmAnchorSchema } from "@/lib/annotations/schemas";

/** Sends an entity link (a mention accepted from a suggestion) for review, so that it can be cited. */
export const POST = apiRoute<{ id: string }, typeof confirmAnchorSchema>(
  { access: "annotations.edit", body: confirmAnchorSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const view = await withW3CConflict(origin, () => requestCitationReview(actor, params.id, body));
    return annotationResponse(await w3cAnnotationOf(view, origin));
  },
);
