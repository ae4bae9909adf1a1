import { apiRoute } from "@/lib/api/route";
import { deleteLink } from "@/lib/entities/links";
import { ENTITY_WRITE_ROLES } from "@/lib/entities/permissions";

export const DELETE = apiRoute<{ id: string }>({ access: ENTITY_WRITE_ROLES }, async ({ actor, params }) => {
  await deleteLink(actor, { id: params.id });
  return new Response(null, { status: 204 });
});
