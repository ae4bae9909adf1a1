import { apiRoute, created } from "@/lib/api/route";
import { createEvent } from "@/lib/events/mutations";
import { listEvents } from "@/lib/events/queries";
import { createEventSchema, eventListSchema } from "@/lib/events/schemas";

/** Events in date order; `?q=` (title), `?entityId=`, `?from=` and `?to=` (YYYY-MM-DD) filter them. */
export const GET = apiRoute({ access: "events.read", query: eventListSchema }, async ({ actor, query }) => ({ events: await listEvents(actor, query) }));

export const POST = apiRoute({ access: "events.edit", body: createEventSchema }, async ({ actor, body }) => created(await createEvent(actor, body)));
