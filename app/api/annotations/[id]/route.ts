import { apiRoute } from "@/lib/api/route";
import { annotationResponse, w3cAnnotationOf, withW3CConflict } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { w3cAnnotationPatchSchema } from "@/lib/annotations/json-ld";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/mutations";
import { getAnnotation } from "@/lib/annotations/queries";
import { deleteAnnotationSchema } from "@/lib/annotations/schemas";
import { parseInput } from "@/lib/validation";

type Params = { id: string };

export const GET = apiRoute<Params>({ access: "annotations.read" }, async ({ request, actor, params }) =>
  annotationResponse(await w3cAnnotationOf(await getAnnotation(actor, params.id), publicOrigin(request))),
);

export const PATCH = apiRoute<Params, typeof w3cAnnotationPatchSchema>(
  { access: "annotations.edit", body: w3cAnnotationPatchSchema },
  async ({ request, actor, params, body }) => {
    const origin = publicOrigin(request);
    const updated = await withW3CConflict(origin, () => updateAnnotation(actor, params.id, body));
    return annotationResponse(await w3cAnnotationOf(updated, origin));
  },
);

/** Soft delete; `?version=` makes it conditional on the version the client saw. */
export const DELETE = apiRoute<Params>({ access: "annotations.edit" }, async ({ request, actor, params }) => {
  const version = request.nextUrl.searchParams.get("version");
  await withW3CConflict(publicOrigin(request), () =>
    deleteAnnotation(actor, params.id, parseInput(deleteAnnotationSchema, version === null ? {} : { version: Number(version) })),
  );
  return new Response(null, { status: 204 });
});
