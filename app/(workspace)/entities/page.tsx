import type { Metadata } from "next";
import Link from "next/link";
import { Field, SelectField } from "@/components/ui/field";
import { requirePageActor } from "@/lib/auth/session";
import { canEditEntities } from "@/lib/entities/permissions";
import { CursorPagination } from "@/components/ui/pagination";
import { ValidationError } from "@/lib/errors";
import { listEntities } from "@/lib/entities/queries";
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, entitySearchSchema } from "@/lib/entities/schemas";
import { parseInput } from "@/lib/validation";
import { CreateEntityForm } from "./_components/create-entity-form";

export const metadata: Metadata = { title: "Entities" };

const TYPE_FILTER = [{ value: "", label: "Any type" }, ...ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] }))];

export default async function EntitiesPage({ searchParams }: { searchParams: Promise<{ q?: string; type?: string; cursor?: string }> }) {
  const actor = await requirePageActor();
  const { q = "", type = "", cursor = "" } = await searchParams;
  const validType = (ENTITY_TYPES as readonly string[]).includes(type) ? type : "";
  const query = parseInput(entitySearchSchema, { q, type: validType || undefined, limit: 100 });
  const paged = Boolean(cursor && !q.trim());
  // A link whose cursor no longer reads as one lists the registry from its start.
  const { entities, nextCursor } = await listEntities(actor, { ...query, cursor: paged ? cursor : undefined }).catch((error: unknown) =>
    error instanceof ValidationError && paged ? listEntities(actor, query) : Promise.reject(error),
  );
  return (
    <>
      <h1>Entities</h1>
      <p>
        People, organizations, places, facilities and documents, each once, with every spelling as an alias.{" "}
        <Link href="/entities/duplicates">Suggested duplicates</Link>
      </p>
      <form method="get" className="inline-form" role="search" aria-label="Search entities">
        <Field label="Name or alias" name="q" type="search" defaultValue={q} />
        <SelectField label="Type" name="type" options={TYPE_FILTER} defaultValue={validType} />
        <button type="submit" className="button secondary">
          Search
        </button>
      </form>
      <h2>{q ? `Entities matching “${q}”` : "All entities"}</h2>
      {entities.length === 0 ? (
        <p className="muted">{q ? "No entity has that name or alias." : "No entities yet."}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Aliases</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {entities.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link href={`/entities/${e.id}`}>{e.name}</Link>
                  {e.matched !== e.name ? <span className="muted"> (as “{e.matched}”)</span> : null}
                </td>
                <td>{ENTITY_TYPE_LABELS[e.type]}</td>
                <td>{e.aliases.join(", ")}</td>
                <td>{e.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CursorPagination path="/entities" params={{ q, type: validType }} paged={paged} nextCursor={nextCursor} />
      {canEditEntities(actor) ? <CreateEntityForm /> : null}
    </>
  );
}
