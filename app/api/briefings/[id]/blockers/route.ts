import { apiRoute } from "@/lib/api/route";
import { BRIEFING_READ_ROLES } from "@/lib/briefings/permissions";
import { getBriefingBlockers } from "@/lib/briefings/queries";

/** What would stop publishing right now: `{ blockers: [{ type, id, message, href }] }`. */
export const GET = apiRoute<{ id: string }>({ access: BRIEFING_READ_ROLES }, async ({ actor, params }) => ({
  blockers: await getBriefingBlockers(actor, params.id),
}));
