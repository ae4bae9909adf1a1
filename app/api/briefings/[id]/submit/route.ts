import { apiRoute } from "@/lib/api/route";
import { submitBriefing } from "@/lib/briefings/mutations";
import { BRIEFING_WRITE_ROLES } from "@/lib/briefings/permissions";
import { submitBriefingSchema } from "@/lib/briefings/schemas";

export const POST = apiRoute<{ id: string }, typeof submitBriefingSchema>(
  { access: BRIEFING_WRITE_ROLES, body: submitBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await submitBriefing(actor!, params.id, body) }),
);
