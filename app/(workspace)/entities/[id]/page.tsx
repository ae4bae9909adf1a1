import { LocalDate } from "@/components/ui/local-date";
import "@/components/events/timeline.css";
import type { Metadata } from "next";
import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { OpenContradictionsBadge } from "@/components/contradictions/open-contradictions-badge";
import { notFound } from "next/navigation";
import { PassagesByOutlet } from "@/components/entities/passages-by-outlet";
import { Timeline } from "@/components/events/timeline";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { canEditEntities } from "@/lib/entities/permissions";
import { getEntityPage } from "@/lib/entities/queries";
import { listEntityEvents } from "@/lib/events/queries";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { EVENT_TYPE_LABELS } from "@/lib/events/schemas";
import { AliasEditor } from "../_components/alias-editor";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteEntityAction } from "./actions";
import { DuplicatePairs } from "../_components/duplicate-pairs";
import { EditEntityForm } from "../_components/edit-entity-form";
import { MergeForm } from "../_components/merge-form";
import { UndoMergeButton } from "../_components/undo-merge-button";

export const metadata: Metadata = { title: "Entity" };

const WIKIDATA_ID = /^Q\d+$/;

export default async function EntityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const page = await getEntityPage(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { entity } = page;
  const { participations, placeOf } = await listEntityEvents(actor, id);
  const canEdit = canEditEntities(actor);
  const events = [...participations, ...placeOf.filter((e) => !participations.some((p) => p.id === e.id))];
  return (
    <>
      <p>
        <Link href="/entities">← Entities</Link>
      </p>
      <h1>
        {entity.name} <span className="tag">{ENTITY_TYPE_LABELS[entity.type]}</span>
      </h1>
      <OpenContradictionsBadge entityId={entity.id} />
      {entity.mergedInto ? (
        <div className="alert info" role="status">
          Merged into <Link href={`/entities/${entity.mergedInto.id}`}>{entity.mergedInto.name}</Link>: that entity is canonical now.
        </div>
      ) : null}
      {entity.description ? <p>{entity.description}</p> : null}
      {entity.externalId ? (
        <p>
          External id:{" "}
          {WIKIDATA_ID.test(entity.externalId) ? (
            <a href={`https://www.wikidata.org/wiki/${entity.externalId}`} rel="noreferrer noopener" target="_blank">
              {entity.externalId}
            </a>
          ) : (
            entity.externalId
          )}
        </p>
      ) : null}

      <div className="two-columns">
        <div className="stack">
          <section aria-labelledby="events-heading">
            <h2 id="events-heading">Events</h2>
            {events.length === 0 ? (
              <p className="muted">Not a participant or place of any event yet.</p>
            ) : (
              <>
                <Timeline events={events} title={`Events involving ${entity.name}`} width={640} />
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">Type</th>
                      <th scope="col">Date</th>
                      <th scope="col">Role</th>
                    </tr>
                  </thead>
                  <tbody>
                    {participations.map((e) => (
                      <tr key={`${e.id}|${e.role}`}>
                        <td>
                          <Link href={`/events/${e.id}`}>{e.title}</Link>
                        </td>
                        <td>{EVENT_TYPE_LABELS[e.type]}</td>
                        <td>{e.date ? <EventDate date={e.date} /> : "undated"}</td>
                        <td>{e.role}</td>
                      </tr>
                    ))}
                    {placeOf.map((e) => (
                      <tr key={`${e.id}|place`}>
                        <td>
                          <Link href={`/events/${e.id}`}>{e.title}</Link>
                        </td>
                        <td>{EVENT_TYPE_LABELS[e.type]}</td>
                        <td>{e.date ? <EventDate date={e.date} /> : "undated"}</td>
                        <td>place</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section aria-labelledby="passages-heading">
            <h2 id="passages-heading">Linked passages</h2>
            <PassagesByOutlet groups={page.passages} emptyText="No passage is linked to this entity yet." />
          </section>
        </div>
        <div className="stack">
          <AliasEditor entityId={entity.id} aliases={entity.aliases} canEdit={canEdit && !entity.mergedInto} />
          {page.duplicates.length > 0 ? (
            <section aria-labelledby="duplicates-heading">
              <h2 id="duplicates-heading">Possible duplicates</h2>
              <DuplicatePairs candidates={page.duplicates} canEdit={canEdit} />
            </section>
          ) : null}
          {page.merges.length > 0 ? (
            <section aria-labelledby="merges-heading">
              <h2 id="merges-heading">Merges</h2>
              <ul>
                {page.merges.map((m) => {
                  const description = `${m.source.name} into ${m.target.name}`;
                  return (
                    <li key={m.id}>
                      {description} by {m.actor.name}, <LocalDate value={m.createdAt} style="day" />{" "}
                      <span className="muted">
                        ({m.summary.aliases} aliases, {m.summary.links} passages, {m.summary.participations} participations moved)
                      </span>{" "}
                      {m.undoneAt ? <span className="tag">undone</span> : canEdit ? <UndoMergeButton mergeId={m.id} description={description} /> : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
        </div>
      </div>

      {canEdit && !entity.mergedInto ? (
        <div className="stack">
          <EditEntityForm entity={entity} />
          <MergeForm entityId={entity.id} entityName={entity.name} />
          {page.canDelete ? (
            <ConfirmDeleteButton
              action={deleteEntityAction.bind(null, entity.id)}
              confirmText={`Delete ${entity.name}? Nothing links to it.`}
              redirectTo="/entities"
              label="Delete entity"
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
