import { apiRoute, created } from "@/lib/api/route";
import { createEntity } from "@/lib/entities/mutations";
import { listEntities } from "@/lib/entities/queries";
import { createEntitySchema, entitySearchSchema } from "@/lib/entities/schemas";

/**
 * `?q=` searches names and aliases (case and diacritics ignored); `?type=` and `?limit=` narrow it.
 * Without `q`, the registry by name; `?cursor=` with the previous answer's `nextCursor` pages it.
 */
export const GET = apiRoute({ access: "entities.read", query: entitySearchSchema }, async ({ actor, query }) => listEntities(actor, query));

/** 409 naming the existing entity when one of the same type has this name, unless `confirmDuplicate: true`. */
export const POST = apiRoute({ access: "entities.edit", body: createEntitySchema }, async ({ actor, body }) => created(await createEntity(actor, body)));
