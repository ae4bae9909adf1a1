import { apiRoute } from "@/lib/api/route";
import { annotationResponse, w3cAnnotationOf, withW3CConflict } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { reviewAnnotationSchema } from "@/lib/annotations/schemas";

export const POST = apiRoute<{ id: string }, typeof reviewAnnotationSchema>(
  { access: "annotations.review", body: reviewAnnotationSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const reviewed = await withW3CConflict(origin, () => reviewAnnotation(actor, params.id, body));
    return annotationResponse(await w3cAnnotationOf(reviewed, origin));
  },
);
