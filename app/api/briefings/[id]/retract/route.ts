import { apiRoute } from "@/lib/api/route";
import { retractBriefing } from "@/lib/briefings/mutations";
import { retractBriefingSchema } from "@/lib/briefings/schemas";

/** `{ note }`: the public page stays, headed by the retraction note. */
export const POST = apiRoute<{ id: string }, typeof retractBriefingSchema>(
  { access: "briefings.compose", body: retractBriefingSchema },
  async ({ actor, params, body }) => {
    const briefing = await retractBriefing(actor, params.id, body);
    return { briefing };
  },
);
