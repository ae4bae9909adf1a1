import { apiRoute, created } from "@/lib/api/route";
import { createBriefing } from "@/lib/briefings/mutations";
import { BRIEFING_READ_ROLES, BRIEFING_WRITE_ROLES } from "@/lib/briefings/permissions";
import { listBriefings } from "@/lib/briefings/queries";
import { createBriefingSchema } from "@/lib/briefings/schemas";

/** `?status=draft|in_review|approved|published|retracted` filters the list; `?limit=` (at most 500) shortens it. */
export const GET = apiRoute({ access: BRIEFING_READ_ROLES }, async ({ request, actor }) => {
  const { status, limit } = Object.fromEntries(request.nextUrl.searchParams);
  return { briefings: await listBriefings(actor, { status: status || undefined, limit }) };
});

export const POST = apiRoute({ access: BRIEFING_WRITE_ROLES, body: createBriefingSchema }, async ({ actor, body }) =>
  created({ briefing: await createBriefing(actor!, body) }),
);
