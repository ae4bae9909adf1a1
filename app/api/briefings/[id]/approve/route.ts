import { apiRoute } from "@/lib/api/route";
import { approveBriefing } from "@/lib/briefings/mutations";
import { approveBriefingSchema } from "@/lib/briefings/schemas";

/** `{ version?, comment? }`: naming the version read makes approving a newer, unread draft a 409. */
export const POST = apiRoute<{ id: string }, typeof approveBriefingSchema>(
  { access: "briefings.review", body: approveBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await approveBriefing(actor, params.id, body) }),
);
