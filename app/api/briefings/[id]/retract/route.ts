import { apiRoute } from "@/lib/api/route";
import { retractBriefing } from "@/lib/briefings/mutations";
import { BRIEFING_WRITE_ROLES } from "@/lib/briefings/permissions";
import { retractBriefingSchema } from "@/lib/briefings/schemas";

/** `{ note }`: the public page stays, headed by the retraction note. */
export const POST = apiRoute<{ id: string }, typeof retractBriefingSchema>(
  { access: BRIEFING_WRITE_ROLES, body: retractBriefingSchema },
  async ({ actor, params, body }) => {
    const briefing = await retractBriefing(actor!, params.id, body);
    return { briefing };
  },
);
