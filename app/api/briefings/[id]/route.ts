import { apiRoute } from "@/lib/api/route";
import { updateBriefing } from "@/lib/briefings/mutations";
import { getBriefing } from "@/lib/briefings/queries";
import { updateBriefingSchema } from "@/lib/briefings/schemas";

type Params = { id: string };

export const GET = apiRoute<Params>({ access: "briefings.read" }, async ({ actor, params }) => ({ briefing: await getBriefing(actor, params.id) }));

/** Saves the draft; `version` is the one the edit started from. A stale version gets 409 with `current`. */
export const PATCH = apiRoute<Params, typeof updateBriefingSchema>(
  { access: "briefings.compose", body: updateBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await updateBriefing(actor, params.id, body) }),
);
