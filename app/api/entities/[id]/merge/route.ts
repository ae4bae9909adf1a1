import { apiRoute } from "@/lib/api/route";
import { mergeEntities } from "@/lib/entities/mutations";
import { ENTITY_WRITE_ROLES } from "@/lib/entities/permissions";
import { mergeEntitySchema } from "@/lib/entities/schemas";

/** Merges this entity into `{ "into": id }`; the answer names the merge, for undo. */
export const POST = apiRoute<{ id: string }, typeof mergeEntitySchema>({ access: ENTITY_WRITE_ROLES, body: mergeEntitySchema }, async ({ actor, params, body }) =>
  mergeEntities(actor, params.id, body),
);
