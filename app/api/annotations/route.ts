import { publicOrigin } from "@/lib/annotations/api";
import { apiRoute } from "@/lib/api/route";
import { jsonLdResponse, toW3CAnnotation, w3cAnnotationInputSchema } from "@/lib/annotations/json-ld";
import { createAnnotation } from "@/lib/annotations/mutations";
import { getAnnotation } from "@/lib/annotations/queries";

export const POST = apiRoute({ access: "annotations.create", body: w3cAnnotationInputSchema }, async ({ request, actor, body }) => {
  const { id } = await createAnnotation(actor, body);
  return jsonLdResponse(toW3CAnnotation(await getAnnotation(actor, id), publicOrigin(request)), 201);
});
