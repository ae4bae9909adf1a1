import { apiRoute, created } from "@/lib/api/route";
import { createEvent } from "@/lib/events/mutations";
import { listEvents } from "@/lib/events/queries";
import { createEventSchema } from "@/lib/events/schemas";

/** Events in date order; `?q=` (title), `?entityId=`, `?from=` and `?to=` (YYYY-MM-DD) filter them. */
export const GET = apiRoute({ access: "events.read" }, async ({ request, actor }) => {
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

export const POST = apiRoute({ access: "events.edit", body: createEventSchema }, async ({ actor, body }) => created(await createEvent(actor, body)));
