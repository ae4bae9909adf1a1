import { apiRoute } from "@/lib/api/route";
import { deleteEntity, updateEntity } from "@/lib/entities/mutations";
import { getEntityPage } from "@/lib/entities/queries";
import { listEntityEvents } from "@/lib/events/queries";
import { updateEntitySchema } from "@/lib/entities/schemas";

type Params = { id: string };

/** The entity with its events, linked passages by outlet, merges and likely duplicates. */
export const GET = apiRoute<Params>({ access: "entities.read" }, async ({ actor, params }) => {
  const [page, events] = await Promise.all([getEntityPage(actor, params.id), listEntityEvents(actor, params.id)]);
  return { ...page, ...events };
});

/** Needs the `version` the client started from; a stale one gets 409 with the current state. */
export const PATCH = apiRoute<Params, typeof updateEntitySchema>({ access: "entities.edit", body: updateEntitySchema }, async ({ actor, params, body }) =>
  updateEntity(actor, params.id, body),
);

/** Only an entity nothing refers to can be deleted (409 otherwise). */
export const DELETE = apiRoute<Params>({ access: "entities.edit" }, async ({ actor, params }) => {
  await deleteEntity(actor, params.id);
  return new Response(null, { status: 204 });
});
