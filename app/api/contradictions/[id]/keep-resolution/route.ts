import { apiRoute } from "@/lib/api/route";
import { keepResolution } from "@/lib/contradictions/mutations";
import { keepResolutionSchema } from "@/lib/contradictions/schemas";

/** `{ version, note? }`: the new source after a settlement does not change it; the resolution stands. */
export const POST = apiRoute<{ id: string }, typeof keepResolutionSchema>(
  { access: "contradictions.reopen", body: keepResolutionSchema },
  async ({ actor, params, body }) => ({ contradiction: await keepResolution(actor, params.id, body) }),
);
