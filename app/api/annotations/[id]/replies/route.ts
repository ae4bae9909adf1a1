import { apiRoute, created } from "@/lib/api/route";
import { createReply } from "@/lib/annotations/mutations";
import { getAnnotation } from "@/lib/annotations/queries";
import { createReplySchema } from "@/lib/annotations/schemas";

type Params = { id: string };

export const GET = apiRoute<Params>({ access: "annotations.read" }, async ({ actor, params }) => ({
  replies: (await getAnnotation(actor, params.id)).replies,
}));

export const POST = apiRoute<Params, typeof createReplySchema>({ access: "annotations.reply", body: createReplySchema }, async ({ actor, params, body }) => {
  const { id } = await createReply(actor, params.id, body);
  const reply = (await getAnnotation(actor, params.id)).replies.find((candidate) => candidate.id === id);
  return created(reply);
});
