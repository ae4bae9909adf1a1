import { apiRoute } from "@/lib/api/route";
import { ENTITY_WRITE_ROLES } from "@/lib/entities/permissions";
import { acceptSuggestionSchema } from "@/lib/entities/schemas";
import { acceptSuggestion } from "@/lib/entities/suggestions";

/** Creates the mention annotation and its link; for a proposed entity, optional `{ name, type }` correct it. */
export const POST = apiRoute<{ id: string }, typeof acceptSuggestionSchema>({ access: ENTITY_WRITE_ROLES, body: acceptSuggestionSchema }, async ({ actor, params, body }) =>
  acceptSuggestion(actor, params.id, body),
);
