import { apiRoute } from "@/lib/api/route";
import { returnBriefing } from "@/lib/briefings/mutations";
import { returnBriefingSchema } from "@/lib/briefings/schemas";

/** `{ comment }`: sends the briefing back to its writers as a draft. */
export const POST = apiRoute<{ id: string }, typeof returnBriefingSchema>(
  { access: "briefings.review", body: returnBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await returnBriefing(actor, params.id, body) }),
);
