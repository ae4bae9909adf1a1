import { apiRoute } from "@/lib/api/route";
import { mergeEntities } from "@/lib/entities/mutations";
import { mergeEntitySchema } from "@/lib/entities/schemas";

/** Merges this entity into `{ "into": id }`; the answer names the merge, for undo. */
export const POST = apiRoute<{ id: string }, typeof mergeEntitySchema>({ access: "entities.edit", body: mergeEntitySchema }, async ({ actor, params, body }) =>
  mergeEntities(actor, params.id, body),
);
