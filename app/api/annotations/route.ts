import { annotationResponse, ALLOW, w3cAnnotationOf, withUnitOffsets } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { apiRoute } from "@/lib/api/route";
import { toW3CReply, w3cPostSchema } from "@/lib/annotations/json-ld";
import { createAnnotation, createReply } from "@/lib/annotations/mutations";
import { getAnnotation } from "@/lib/annotations/queries";

/** An annotation, or (motivation "replying", which any member may post) a reply to one. */
export const POST = apiRoute({ access: "annotations.reply", body: w3cPostSchema }, async ({ request, actor, body }) => {
  const origin = publicOrigin(request);
  if ("motivation" in body) {
    const { id } = await createReply(actor, body.annotationId, body);
    const reply = (await getAnnotation(actor, body.annotationId)).replies.find((candidate) => candidate.id === id)!;
    return annotationResponse(toW3CReply(reply, body.annotationId, origin), { status: 201, allow: ALLOW.reply });
  }
  const { id } = await createAnnotation(actor, await withUnitOffsets({ articleId: body.articleId }, body));
  return annotationResponse(await w3cAnnotationOf(await getAnnotation(actor, id), origin), { status: 201 });
});
