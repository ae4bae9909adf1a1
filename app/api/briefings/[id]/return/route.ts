import { apiRoute } from "@/lib/api/route";
import { returnBriefing } from "@/lib/briefings/mutations";
import { BRIEFING_REVIEW_ROLES } from "@/lib/briefings/permissions";
import { returnBriefingSchema } from "@/lib/briefings/schemas";

/** `{ comment }`: sends the briefing back to its writers as a draft. */
export const POST = apiRoute<{ id: string }, typeof returnBriefingSchema>(
  { access: BRIEFING_REVIEW_ROLES, body: returnBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await returnBriefing(actor!, params.id, body) }),
);
