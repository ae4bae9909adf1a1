import { apiRoute } from "@/lib/api/route";
import { acceptSuggestionSchema } from "@/lib/entities/schemas";
import { acceptSuggestion } from "@/lib/entities/suggestions";

/** Creates the mention annotation and its link; for a proposed entity, optional `{ name, type }` correct it. */
export const POST = apiRoute<{ id: string }, typeof acceptSuggestionSchema>(
  { access: "passages.link", body: acceptSuggestionSchema },
  async ({ actor, params, body }) => acceptSuggestion(actor, params.id, body),
);
