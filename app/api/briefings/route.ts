import { apiRoute, created } from "@/lib/api/route";
import { createBriefing } from "@/lib/briefings/mutations";
import { listBriefings } from "@/lib/briefings/queries";
import { createBriefingSchema, listBriefingsSchema } from "@/lib/briefings/schemas";

/** `?status=draft|in_review|approved|published|retracted` filters the list; `?limit=` (at most 500) shortens it. */
export const GET = apiRoute({ access: "briefings.read", query: listBriefingsSchema }, async ({ actor, query }) => ({
  briefings: await listBriefings(actor, query),
}));

export const POST = apiRoute({ access: "briefings.compose", body: createBriefingSchema }, async ({ actor, body }) =>
  created({ briefing: await createBriefing(actor, body) }),
);
