"use client";

import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState, useTransition } from "react";
import { EventDate } from "@/components/events/event-date";
import { EventPicker } from "@/components/events/event-picker";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { LINK_RELATION_LABELS, LINK_RELATIONS, type LinkRelationName, type LinkTargetTypeName } from "@/lib/entities/schemas";
import { EntityPicker } from "./entity-picker";
import { linkPassageAction, loadPassageLinksAction, unlinkPassageAction } from "./link-passage-actions";
import type { PickerOption } from "./search-picker";
import "./entities.css";

type Context = Extract<Awaited<ReturnType<typeof loadPassageLinksAction>>, { ok: true }>["data"];

const RELATION_OPTIONS = LINK_RELATIONS.map((r) => ({ value: r, label: LINK_RELATION_LABELS[r] }));

/**
 * Links an annotated passage to entities and events. Shows the passage's links (with
 * unlink), and the dates found in the passage resolved against the article's publication
 * date; when an event is chosen, warns where a resolved date disagrees with the event's.
 */
export function LinkPassage({ annotationId, articleId }: { annotationId: string; articleId: string }) {
  const router = useRouter();
  const ids = useId();
  const [context, setContext] = useState<Context | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [targetType, setTargetType] = useState<LinkTargetTypeName>("ENTITY");
  const [target, setTarget] = useState<PickerOption | null>(null);
  const [relation, setRelation] = useState<LinkRelationName>("MENTIONS");
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const eventId = targetType === "EVENT" ? target?.id : undefined;

  const load = useCallback(async () => {
    const result = await loadPassageLinksAction(annotationId, eventId);
    if (result.ok) {
      setContext(result.data);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, [annotationId, eventId]);

  useEffect(() => {
    void load();
  }, [load]);

  function link(event: React.FormEvent) {
    event.preventDefault();
    if (!target) {
      setMessage({ kind: "error", text: `Choose ${targetType === "ENTITY" ? "an entity" : "an event"} first.` });
      return;
    }
    startTransition(async () => {
      const result = await linkPassageAction(articleId, { annotationId, targetType, targetId: target.id, relation });
      setMessage(result.ok ? { kind: "success", text: `Linked to ${result.data.target.name}.` } : { kind: "error", text: result.error });
      if (result.ok) {
        setTarget(null);
        await load();
        router.refresh();
      }
    });
  }

  function unlink(linkId: string, name: string, href: string) {
    startTransition(async () => {
      const result = await unlinkPassageAction(articleId, linkId, href);
      setMessage(result.ok ? { kind: "success", text: `Unlinked from ${name}.` } : { kind: "error", text: result.error });
      if (result.ok) {
        await load();
        router.refresh();
      }
    });
  }

  if (loadError) return <Alert kind="error">{loadError}</Alert>;
  if (!context)
    return (
      <p className="muted" aria-live="polite">
        Loading links…
      </p>
    );
  const disagreements = context.event ? context.dates.dates.filter((d) => d.disagrees) : [];

  return (
    <section className="link-passage" aria-label="Links of this passage">
      <h3>Linked to</h3>
      {context.links.length === 0 ? (
        <p className="muted">No entity or event yet.</p>
      ) : (
        <ul className="links" aria-label="Links">
          {context.links.map((l) => (
            <li key={l.id}>
              <span className="tag">{LINK_RELATION_LABELS[l.relation]}</span>
              <Link href={l.target.href}>{l.target.name}</Link>
              <span className="muted">({l.target.kind})</span>
              {context.canEdit ? (
                <button
                  type="button"
                  className="button secondary"
                  disabled={pending}
                  aria-label={`Unlink ${l.target.name}`}
                  onClick={() => unlink(l.id, l.target.name, l.target.href)}
                >
                  Unlink
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {context.canEdit ? (
        <form onSubmit={link} aria-label="Link this passage">
          <fieldset>
            <legend>Link to</legend>
            {(["ENTITY", "EVENT"] as const).map((t) => (
              <label key={t} htmlFor={`${ids}-${t}`} className="radio-option">
                <input
                  id={`${ids}-${t}`}
                  type="radio"
                  name={`${ids}-target-type`}
                  checked={targetType === t}
                  onChange={() => {
                    setTargetType(t);
                    setTarget(null);
                  }}
                />{" "}
                {t === "ENTITY" ? "An entity" : "An event"}
              </label>
            ))}
          </fieldset>
          {targetType === "ENTITY" ? (
            <EntityPicker label="Entity" value={target} onChange={setTarget} />
          ) : (
            <EventPicker label="Event" value={target} onChange={setTarget} />
          )}
          <SelectField label="Relation" value={relation} options={RELATION_OPTIONS} onChange={(e) => setRelation(e.target.value as LinkRelationName)} />
          {context.event && targetType === "EVENT" ? (
            <p className="muted">
              “{context.event.title}” is dated {context.event.date ? <EventDate date={context.event.date} /> : "nothing yet"}.
            </p>
          ) : null}
          {disagreements.map((d) => (
            <div key={d.text} className="alert error" role="alert">
              Date mismatch: the passage says “{d.text}”, which is {d.resolvedDate ? <EventDate date={d.resolvedDate} /> : d.resolved}, but the event is dated{" "}
              {context.event?.date ? <EventDate date={context.event.date} /> : null}.
            </div>
          ))}
          <button type="submit" className="button" disabled={pending || !target}>
            {pending ? "Linking…" : "Link passage"}
          </button>
        </form>
      ) : null}
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}

      <h3>Dates in this passage</h3>
      {context.dates.unresolvableReason ? <Alert kind="info">{context.dates.unresolvableReason}</Alert> : null}
      {context.dates.dates.length === 0 ? (
        <p className="muted">No dates found in this passage.</p>
      ) : (
        <ul className="passage-dates" aria-label="Dates in this passage">
          {context.dates.dates.map((d) => (
            <li key={`${d.text}|${d.resolved}`}>
              “{d.text}” → {d.resolvedDate ? <EventDate date={d.resolvedDate} /> : <em>cannot be resolved</em>}
              {d.relative && d.resolved && context.dates.publishedAt ? (
                <span className="muted">
                  {" "}
                  (counted from the publication date, <LocalDate value={context.dates.publishedAt} />)
                </span>
              ) : null}
              {d.note ? <span className="muted"> — {d.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
