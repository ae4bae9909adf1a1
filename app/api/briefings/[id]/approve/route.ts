import { apiRoute } from "@/lib/api/route";
import { approveBriefing } from "@/lib/briefings/mutations";
import { BRIEFING_REVIEW_ROLES } from "@/lib/briefings/permissions";
import { approveBriefingSchema } from "@/lib/briefings/schemas";

/** `{ version?, comment? }`: naming the version read makes approving a newer, unread draft a 409. */
export const POST = apiRoute<{ id: string }, typeof approveBriefingSchema>(
  { access: BRIEFING_REVIEW_ROLES, body: approveBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await approveBriefing(actor!, params.id, body) }),
);
