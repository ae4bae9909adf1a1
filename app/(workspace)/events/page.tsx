import "@/components/events/timeline.css";
import type { Metadata } from "next";
import Link from "next/link";
import { EventDate } from "@/components/events/event-date";
import { Timeline } from "@/components/events/timeline";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { listEntityRefs } from "@/lib/entities/queries";
import { ENTITY_TYPE_LABELS } from "@/lib/entities/schemas";
import { ValidationError } from "@/lib/errors";
import { canEditEvents } from "@/lib/events/permissions";
import { listEvents } from "@/lib/events/queries";
import { EVENT_TYPE_LABELS, eventListSchema } from "@/lib/events/schemas";
import type { EventSummary } from "@/lib/events/types";
import { parseInput } from "@/lib/validation";
import { EventFilters } from "./_components/event-filters";

export const metadata: Metadata = { title: "Events" };

type Search = { entity?: string; from?: string; to?: string };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const { entity = "", from = "", to = "" } = await searchParams;
  const [entityRef] = entity ? await listEntityRefs(actor, [entity]) : [];
  let problem: string | null = null;
  let events: EventSummary[] = [];
  try {
    events = await listEvents(actor, parseInput(eventListSchema, { entityId: entity || undefined, from, to, limit: 500 }));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problem = error.message;
  }
  const filtered = Boolean(entity || from || to);
  return (
    <>
      <h1>Events</h1>
      <p>
        One record per real event, however many outlets report it.{" "}
        {canEditEvents(actor) ? (
          <Link href="/events/new" className="button">
            New event
          </Link>
        ) : null}
      </p>
      <EventFilters
        entity={entityRef ? { id: entityRef.id, label: entityRef.name, detail: `(${ENTITY_TYPE_LABELS[entityRef.type].toLowerCase()})` } : null}
        from={from}
        to={to}
      />
      {problem ? <Alert kind="error">{problem}</Alert> : null}
      <h2>Timeline{entityRef ? ` of events involving ${entityRef.name}` : ""}</h2>
      <Timeline
        events={events}
        title={entityRef ? `Timeline of events involving ${entityRef.name}` : "Timeline of events"}
        from={from || undefined}
        to={to || undefined}
        emptyText={filtered ? "No dated event matches these filters." : "No dated events yet."}
      />
      <h2>All {filtered ? "matching " : ""}events</h2>
      {events.length === 0 ? (
        <p className="muted">No events{filtered ? " match these filters" : " yet"}.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Type</th>
              <th scope="col">Date</th>
              <th scope="col">Participants</th>
              <th scope="col">Place</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link href={`/events/${e.id}`}>{e.title}</Link>
                </td>
                <td>{EVENT_TYPE_LABELS[e.type]}</td>
                <td>{e.date ? <EventDate date={e.date} /> : "undated"}</td>
                <td>{e.participants.map((p) => `${p.entity.name} (${p.role})`).join(", ")}</td>
                <td>{e.place?.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
