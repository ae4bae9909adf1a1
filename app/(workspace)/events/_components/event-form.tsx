"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { EntityPicker } from "@/components/entities/entity-picker";
import type { PickerOption } from "@/components/entities/search-picker";
import { EventPicker } from "@/components/events/event-picker";
import { Field, SelectField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/api/action";
import type { EventView } from "@/lib/events/types";
import {
  DATE_PRECISION_LABELS,
  DATE_PRECISIONS,
  EVENT_RELATION_LABELS,
  EVENT_RELATION_TYPES,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  PARTICIPANT_ROLES,
  type DatePrecisionName,
  type EventRelationTypeName,
  type EventTypeName,
} from "@/lib/events/vocabulary";
import { createEventAction } from "../actions";
import { updateEventAction } from "../[id]/actions";

type ParticipantRow = { key: number; entity: PickerOption | null; role: string };
type RelationRow = { key: number; type: EventRelationTypeName; event: PickerOption | null };

const TYPE_OPTIONS = EVENT_TYPES.map((t) => ({ value: t, label: EVENT_TYPE_LABELS[t] }));
const PRECISION_OPTIONS = DATE_PRECISIONS.map((p) => ({ value: p, label: DATE_PRECISION_LABELS[p] }));
const RELATION_OPTIONS = EVENT_RELATION_TYPES.map((t) => ({ value: t, label: `This event ${EVENT_RELATION_LABELS[t]}` }));
const DATE_HINT = "As the source gives it: 2025, 2025-05, 2025-05-19, 2025-05-19T10 or 2025-05-19T10:00 (local time in the zone below).";

let nextKey = 1;

/** Creates an event, or edits one from the version shown. Everything typed stays on a refusal. */
export function EventForm({ event }: { event?: EventView }) {
  const router = useRouter();
  const ids = useId();
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const [type, setType] = useState<EventTypeName>(event?.type ?? "PHONE_CALL");
  const [title, setTitle] = useState(event?.title ?? "");
  const [localDate, setLocalDate] = useState(event?.date?.localDate ?? "");
  const [precision, setPrecision] = useState<DatePrecisionName>(event?.date?.precision ?? "day");
  const [timeZone, setTimeZone] = useState(event?.date?.timeZone ?? "");
  const [place, setPlace] = useState<PickerOption | null>(event?.place ? { id: event.place.id, label: event.place.name } : null);
  const [description, setDescription] = useState(event?.description ?? "");
  const [participants, setParticipants] = useState<ParticipantRow[]>(
    event?.participants.map((p) => ({ key: nextKey++, entity: { id: p.entity.id, label: p.entity.name }, role: p.role })) ?? [],
  );
  const [relations, setRelations] = useState<RelationRow[]>(
    event?.relations.filter((r) => r.direction === "from").map((r) => ({ key: nextKey++, type: r.type, event: { id: r.event.id, label: r.event.title } })) ??
      [],
  );
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const existing = result && !result.ok ? (result.details as { existing?: { id: string; title: string } } | undefined)?.existing : undefined;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      type,
      title,
      description,
      date: localDate.trim() ? { localDate: localDate.trim(), precision, timeZone: timeZone.trim() || null } : null,
      placeId: place?.id ?? null,
      participants: participants.filter((p) => p.entity).map((p) => ({ entityId: p.entity!.id, role: p.role })),
      relations: relations.filter((r) => r.event).map((r) => ({ type: r.type, eventId: r.event!.id })),
    };
    startTransition(async () => {
      const outcome = event ? await updateEventAction(event.id, { ...input, version: event.version }) : await createEventAction({ ...input, confirmDuplicate });
      setResult(outcome);
      if (outcome.ok) {
        router.push(`/events/${outcome.data.id}`);
        router.refresh();
      }
    });
  }

  return (
    <form className="card" aria-label={event ? "Edit event" : "New event"} onSubmit={submit}>
      <div className="inline-form">
        <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as EventTypeName)} options={TYPE_OPTIONS} />
        <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} size={40} />
      </div>
      <fieldset>
        <legend>Date</legend>
        <div className="inline-form">
          <Field label="Date and time" value={localDate} onChange={(e) => setLocalDate(e.target.value)} hint={DATE_HINT} placeholder="2025-05-19T10:00" />
          <SelectField label="Precision" value={precision} onChange={(e) => setPrecision(e.target.value as DatePrecisionName)} options={PRECISION_OPTIONS} />
          <Field
            label="Time zone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            list={`${ids}-zones`}
            hint="IANA name, e.g. America/New_York; empty when the source gives none"
          />
          <datalist id={`${ids}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <EntityPicker label="Place" value={place} onChange={setPlace} types={["PLACE", "FACILITY"]} />
      <fieldset>
        <legend>Participants</legend>
        <datalist id={`${ids}-roles`}>
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        {participants.map((row, index) => (
          <div key={row.key} className="inline-form">
            <EntityPicker
              label={`Participant ${index + 1}`}
              value={row.entity}
              onChange={(entity) => setParticipants((rows) => rows.map((r) => (r.key === row.key ? { ...r, entity } : r)))}
            />
            <Field
              label={`Role of participant ${index + 1}`}
              value={row.role}
              list={`${ids}-roles`}
              required
              maxLength={80}
              onChange={(e) => setParticipants((rows) => rows.map((r) => (r.key === row.key ? { ...r, role: e.target.value } : r)))}
            />
            <button type="button" className="button secondary" onClick={() => setParticipants((rows) => rows.filter((r) => r.key !== row.key))}>
              Remove participant {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setParticipants((rows) => [...rows, { key: nextKey++, entity: null, role: "participant" }])}
        >
          Add participant
        </button>
      </fieldset>
      <fieldset>
        <legend>Related events</legend>
        {relations.map((row, index) => (
          <div key={row.key} className="inline-form">
            <SelectField
              label={`Relation ${index + 1}`}
              value={row.type}
              options={RELATION_OPTIONS}
              onChange={(e) => setRelations((rows) => rows.map((r) => (r.key === row.key ? { ...r, type: e.target.value as EventRelationTypeName } : r)))}
            />
            <EventPicker
              label={`Related event ${index + 1}`}
              value={row.event}
              excludeId={event?.id}
              onChange={(picked) => setRelations((rows) => rows.map((r) => (r.key === row.key ? { ...r, event: picked } : r)))}
            />
            <button type="button" className="button secondary" onClick={() => setRelations((rows) => rows.filter((r) => r.key !== row.key))}>
              Remove relation {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => setRelations((rows) => [...rows, { key: nextKey++, type: "FOLLOWS", event: null }])}>
          Add relation
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-description`}>Description</label>
        <textarea id={`${ids}-description`} rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      {result && !result.ok ? (
        <div className="alert error" role="alert">
          {result.error}
          {existing ? (
            <p>
              <Link href={`/events/${existing.id}`}>Open “{existing.title}”</Link>{" "}
              <label>
                <input type="checkbox" checked={confirmDuplicate} onChange={(e) => setConfirmDuplicate(e.target.checked)} /> It is a different event: create it
                anyway
              </label>
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : event ? "Save event" : "Create event"}
      </button>
    </form>
  );
}
