import { apiRoute } from "@/lib/api/route";
import { publicOrigin, withW3CConflict } from "@/lib/annotations/api";
import { jsonLdResponse, toW3CAnnotation } from "@/lib/annotations/json-ld";
import { reviewAnnotation } from "@/lib/annotations/mutations";
import { reviewAnnotationSchema } from "@/lib/annotations/schemas";

export const POST = apiRoute<{ id: string }, typeof reviewAnnotationSchema>(
  { access: "annotations.review", body: reviewAnnotationSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const reviewed = await withW3CConflict(origin, () => reviewAnnotation(actor, params.id, body));
    return jsonLdResponse(toW3CAnnotation(reviewed, origin));
  },
);
