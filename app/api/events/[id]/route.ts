import { apiRoute } from "@/lib/api/route";
import { deleteEvent, updateEvent } from "@/lib/events/mutations";
import { getEventPage } from "@/lib/events/queries";
import { updateEventSchema } from "@/lib/events/schemas";

type Params = { id: string };

/** The event with its participants, relations and every linked passage, grouped by outlet. */
export const GET = apiRoute<Params>({ access: "events.read" }, async ({ actor, params }) => getEventPage(actor, params.id));

export const PATCH = apiRoute<Params, typeof updateEventSchema>({ access: "events.edit", body: updateEventSchema }, async ({ actor, params, body }) =>
  updateEvent(actor, params.id, body),
);

export const DELETE = apiRoute<Params>({ access: "events.edit" }, async ({ actor, params }) => {
  await deleteEvent(actor, params.id);
  return new Response(null, { status: 204 });
});
