import { apiRoute, created } from "@/lib/api/route";
import { createEvent } from "@/lib/events/mutations";
import { EVENT_READ_ROLES, EVENT_WRITE_ROLES } from "@/lib/events/permissions";
import { listEvents } from "@/lib/events/queries";
import { createEventSchema } from "@/lib/events/schemas";

/** Events in date order; `?q=` (title), `?entityId=`, `?from=` and `?to=` (YYYY-MM-DD) filter them. */
export const GET = apiRoute({ access: EVENT_READ_ROLES }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const events = await listEvents(actor, {
    q: params.get("q") ?? "",
    entityId: params.get("entityId") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    limit: params.get("limit") ?? undefined,
  });
  return { events };
});

export const POST = apiRoute({ access: EVENT_WRITE_ROLES, body: createEventSchema }, async ({ actor, body }) => created(await createEvent(actor, body)));
