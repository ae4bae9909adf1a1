import { apiRoute } from "@/lib/api/route";
import { submitBriefing } from "@/lib/briefings/mutations";
import { submitBriefingSchema } from "@/lib/briefings/schemas";

export const POST = apiRoute<{ id: string }, typeof submitBriefingSchema>(
  { access: "briefings.compose", body: submitBriefingSchema },
  async ({ actor, params, body }) => ({ briefing: await submitBriefing(actor, params.id, body) }),
);
