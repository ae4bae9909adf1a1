import { apiRoute } from "@/lib/api/route";
import { deleteLink } from "@/lib/entities/links";

export const DELETE = apiRoute<{ id: string }>({ access: "passages.link" }, async ({ actor, params }) => {
  await deleteLink(actor, { id: params.id });
  return new Response(null, { status: 204 });
});
