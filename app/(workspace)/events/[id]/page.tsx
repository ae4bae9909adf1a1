import type { Metadata } from "next";
import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { OpenContradictionsBadge } from "@/components/contradictions/open-contradictions-badge";
import { notFound } from "next/navigation";
import { PassagesByOutlet } from "@/components/entities/passages-by-outlet";
import { EventAccounts } from "@/components/proposals/event-accounts";
import { requirePageActor } from "@/lib/auth/session";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { NotFoundError } from "@/lib/errors";
import { canEditEvents } from "@/lib/events/permissions";
import { getEventPage } from "@/lib/events/queries";
import { DATE_PRECISION_LABELS, EVENT_TYPE_LABELS } from "@/lib/events/schemas";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteEventAction } from "./actions";
import { EventForm } from "../_components/event-form";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const page = await getEventPage(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { event } = page;
  const canEdit = canEditEvents(actor);
  const hasTime = event.date && (event.date.precision === "hour" || event.date.precision === "minute");
  return (
    <>
      <p>
        <Link href="/events">← Events</Link>
      </p>
      <h1>
        {event.title} <span className="tag">{EVENT_TYPE_LABELS[event.type]}</span>
      </h1>
      <OpenContradictionsBadge eventId={event.id} />
      <dl className="event-facts">
        <dt>Date</dt>
        <dd>
          {event.date ? (
            <>
              <EventDate date={event.date} />
              {hasTime && event.date.timeZone ? (
                <>
                  <br />
                  <span className="muted">
                    In UTC: <EventDate date={event.date} zone="UTC" />
                  </span>
                </>
              ) : null}
              <br />
              <span className="muted">
                {DATE_PRECISION_LABELS[event.date.precision]} precision{event.date.timeZone ? `, time zone ${event.date.timeZone}` : ", no time zone given"}
              </span>
            </>
          ) : (
            "Not dated yet"
          )}
        </dd>
        <dt>Place</dt>
        <dd>{event.place ? <Link href={`/entities/${event.place.id}`}>{event.place.name}</Link> : <span className="muted">Not given</span>}</dd>
        <dt>Participants</dt>
        <dd>
          {event.participants.length === 0 ? (
            <span className="muted">None given</span>
          ) : (
            <ul aria-label="Participants">
              {event.participants.map((p) => (
                <li key={`${p.entity.id}|${p.role}`}>
                  <Link href={`/entities/${p.entity.id}`}>{p.entity.name}</Link>{" "}
                  <span className="muted">({ENTITY_TYPE_LABELS[p.entity.type].toLowerCase()})</span>: {p.role}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Related events</dt>
        <dd>
          {event.relations.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul aria-label="Related events">
              {event.relations.map((r) => (
                <li key={`${r.direction}|${r.type}|${r.event.id}`}>
                  This event {r.label} <Link href={`/events/${r.event.id}`}>{r.event.title}</Link>
                  {r.event.date ? (
                    <span className="muted">
                      {" "}
                      (<EventDate date={r.event.date} />)
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {event.description ? <p>{event.description}</p> : null}

      <EventAccounts actor={actor} eventId={event.id} />

      <section aria-labelledby="passages-heading">
        <h2 id="passages-heading">What the sources say</h2>
        <PassagesByOutlet groups={page.passages} emptyText="No passage is linked to this event yet. Link one from an annotation in an article." />
      </section>

      {canEdit ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <EventForm event={event} key={event.version} />
          {page.canDelete ? (
            <ConfirmDeleteButton
              action={deleteEventAction.bind(null, event.id)}
              confirmText={`Delete “${event.title}”? No passage links to it.`}
              redirectTo="/events"
              label="Delete event"
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
