import { apiRoute } from "@/lib/api/route";
import { getBriefingBlockers } from "@/lib/briefings/queries";

/** What would stop publishing right now: `{ blockers: [{ type, id, message, href }] }`. */
export const GET = apiRoute<{ id: string }>({ access: "briefings.read" }, async ({ actor, params }) => ({
  blockers: await getBriefingBlockers(actor, params.id),
}));
