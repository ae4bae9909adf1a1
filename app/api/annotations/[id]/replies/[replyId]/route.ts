import { ALLOW, annotationResponse } from "@/lib/annotations/api";
import { publicOrigin } from "@/lib/public-origin";
import { toW3CReply } from "@/lib/annotations/json-ld";
import { getAnnotation } from "@/lib/annotations/queries";
import { apiRoute } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";

type Params = { id: string; replyId: string };

/** One reply as a W3C annotation (motivation "replying"): the IRI a posted reply's Location names. */
export const GET = apiRoute<Params>({ access: "annotations.read" }, async ({ request, actor, params }) => {
  const reply = (await getAnnotation(actor, params.id)).replies.find((candidate) => candidate.id === params.replyId);
  if (!reply) throw new NotFoundError("The reply");
  return annotationResponse(toW3CReply(reply, params.id, publicOrigin(request)), { allow: ALLOW.reply });
});
