"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/api/action";
import { PARTS_OF_DAY } from "@/lib/events/vocabulary";
import type { ClaimView } from "@/lib/contradictions/claims";
import {
  NUMBER_QUALIFIERS,
  type ClaimValue,
  type ClaimValueType,
  type DateValue,
  type NumberQualifier,
  type NumberValue,
} from "@/lib/contradictions/claim-values";
import type { DetectionResult } from "@/lib/contradictions/detection";
import { formatClaimValue } from "@/lib/contradictions/format";
import {
  ATTRIBUTE_LABELS,
  isKnownAttribute,
  KNOWN_ATTRIBUTES,
  MAX_CLAIM_TEXT,
  VALUE_TYPE_LABELS,
  valueTypesFor,
  type ClaimFormInput,
} from "@/lib/contradictions/schemas";
import { claimValueOf, EMPTY, type Fields, fieldsOf, precisionOf, QUALIFIER_LABELS } from "./claim-fields";
import "./contradictions.css";
import { DetectionOutcome } from "./detection-outcome";
import { type Subject, subjectKeyOf, uniqueSubjects, useSubjectSearch } from "./use-subject-search";

type Saved = { claim: ClaimView; detection: DetectionResult };

/** The server actions that record a claim and correct it. */
export type ClaimSaveActions = {
  create: (input: ClaimFormInput & { annotationId: string }) => Promise<ActionResult<Saved>>;
  update: (claimId: string, input: ClaimFormInput & { updatedAt: string }) => Promise<ActionResult<Saved>>;
};

export interface ClaimFormProps {
  annotation: { id: string; exact: string };
  /** The date and the number read from the passage on the server, proposed until the editor changes them. */
  proposed: { date: DateValue | null; number: NumberValue | null };
  /** Entities and events the passage is linked to: offered as subject, and as the proposed entity list. */
  linkedEntities: { id: string; name: string }[];
  linkedEvents: { id: string; title: string }[];
  /** The claim already on the annotation, to correct it. */
  claim?: {
    id: string;
    updatedAt: string;
    subject: { type: "event" | "entity"; id: string };
    subjectLabel: string;
    attribute: string;
    value: ClaimValue;
    entityLabels: Record<string, string>;
  } | null;
  actions: ClaimSaveActions;
}

/** The attribute a passage most likely states, for a first proposal. */
function guessAttribute(proposed: ClaimFormProps["proposed"], hasEntities: boolean): string {
  if (proposed.date) return "date";
  if (proposed.number) return "quantity";
  return hasEntities ? "participants" : "statement";
}

/**
 * Records the claim a passage makes: its subject (an event or entity), the attribute, and
 * the value, proposed from the passage (dates and numbers parsed, entities from the
 * passage's links) for the editor to confirm or correct.
 */
export function ClaimForm({ annotation, proposed, linkedEntities, linkedEvents, claim, actions }: ClaimFormProps) {
  const id = useId();

  const linkedSubjects: Subject[] = [
    ...linkedEvents.map((e) => ({ type: "event" as const, id: e.id, label: e.title })),
    ...linkedEntities.map((e) => ({ type: "entity" as const, id: e.id, label: e.name })),
  ];
  const [subjects, setSubjects] = useState<Subject[]>(() => {
    const current = claim ? [{ ...claim.subject, label: claim.subjectLabel }] : [];
    return uniqueSubjects([...current, ...linkedSubjects]);
  });
  const [subjectKey, setSubjectKey] = useState(() => (claim ? subjectKeyOf(claim.subject) : linkedSubjects[0] ? subjectKeyOf(linkedSubjects[0]) : ""));
  const [subjectQuery, setSubjectQuery] = useState("");
  const subjectResults = useSubjectSearch(subjectQuery);

  const initialAttribute = claim?.attribute ?? guessAttribute(proposed, linkedEntities.length > 0);
  const [attributeChoice, setAttributeChoice] = useState(isKnownAttribute(initialAttribute) ? initialAttribute : "other");
  const [otherName, setOtherName] = useState(isKnownAttribute(initialAttribute) ? "" : initialAttribute);
  const attribute = attributeChoice === "other" ? otherName.trim().toLowerCase() : attributeChoice;
  const allowedTypes = valueTypesFor(attribute || "other");
  const [valueType, setValueType] = useState<ClaimValueType>(claim?.value.type ?? allowedTypes[0]);

  const [entityLabels, setEntityLabels] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(linkedEntities.map((e) => [e.id, e.name])),
    ...(claim?.entityLabels ?? {}),
  }));
  const [fields, setFields] = useState<Fields>(() => ({ ...EMPTY, ...(claim ? fieldsOf(claim.value) : propose(allowedTypes[0]).fields) }));
  const [proposalNote, setProposalNote] = useState<string | null>(() => (claim ? null : propose(allowedTypes[0]).note));
  const [entityQuery, setEntityQuery] = useState("");
  const entityResults = useSubjectSearch(entityQuery, "entity");

  const [saved, setSaved] = useState<{ id: string; updatedAt: string } | null>(claim ? { id: claim.id, updatedAt: claim.updatedAt } : null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; detection: DetectionResult } | { ok: false; error: string } | null>(null);

  function propose(type: ClaimValueType): { fields: Partial<Fields>; note: string } {
    if (type === "entities") {
      return linkedEntities.length > 0
        ? { fields: { entityIds: linkedEntities.map((e) => e.id) }, note: "Proposed from the entities the passage is linked to. Confirm or correct." }
        : { fields: { entityIds: [] }, note: "The passage is not linked to any entity: add them below." };
    }
    if (type === "text")
      return { fields: { text: annotation.exact.slice(0, MAX_CLAIM_TEXT) }, note: "Proposed: the passage itself. Shorten it to what is claimed." };
    const parsed = proposed[type];
    if (!parsed) return { fields: {}, note: `No ${type} found in the passage: enter it.` };
    return { fields: fieldsOf(parsed), note: `Proposed from the passage: ${formatClaimValue(parsed)}. Confirm or correct.` };
  }

  function changeType(type: ClaimValueType) {
    setValueType(type);
    const proposal = propose(type);
    setFields((f) => ({ ...f, ...proposal.fields }));
    setProposalNote(proposal.note);
  }

  function changeAttribute(choice: string, name = otherName) {
    setAttributeChoice(choice);
    const allowed = valueTypesFor(choice === "other" ? name.trim().toLowerCase() || "other" : choice);
    if (!allowed.includes(valueType)) changeType(allowed[0]);
  }

  const set =
    <K extends keyof Fields>(key: K) =>
    (value: Fields[K]) =>
      setFields((f) => ({ ...f, [key]: value }));

  function chooseSubject(subject: Subject) {
    setSubjects((list) => uniqueSubjects([...list, subject]));
    setSubjectKey(subjectKeyOf(subject));
    setSubjectQuery("");
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const subject = subjects.find((s) => subjectKeyOf(s) === subjectKey);
    const body = {
      ...(subject ? (subject.type === "event" ? { eventId: subject.id } : { entityId: subject.id }) : {}),
      attribute,
      value: claimValueOf(valueType, fields),
    };
    setPending(true);
    try {
      const result = saved
        ? await actions.update(saved.id, { ...body, updatedAt: saved.updatedAt })
        : await actions.create({ ...body, annotationId: annotation.id });
      if (!result.ok) {
        setOutcome({ ok: false, error: result.error });
        return;
      }
      setSaved({ id: result.data.claim.id, updatedAt: result.data.claim.updatedAt });
      setOutcome({ ok: true, detection: result.data.detection });
    } catch {
      setOutcome({ ok: false, error: "The claim was not saved: the server could not be reached. Try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="card cx-form" aria-label={saved ? "Correct the claim" : "Record the claim"}>
      <fieldset>
        <legend>What the claim is about</legend>
        <div className="field">
          <label htmlFor={`${id}-subject-search`}>Search events and entities</label>
          <input id={`${id}-subject-search`} type="search" value={subjectQuery} onChange={(e) => setSubjectQuery(e.target.value)} />
        </div>
        {subjectResults.length > 0 ? (
          <ul className="cx-subject-results" aria-label="Matching events and entities">
            {subjectResults.map((s) => (
              <li key={subjectKeyOf(s)}>
                <button type="button" className="button secondary" onClick={() => chooseSubject(s)}>
                  Choose {s.label} ({s.type})
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-subject`}>Subject</label>
          <select id={`${id}-subject`} value={subjectKey} onChange={(e) => setSubjectKey(e.target.value)} required>
            <option value="">Choose an event or entity</option>
            {subjects.map((s) => (
              <option key={subjectKeyOf(s)} value={subjectKeyOf(s)}>
                {s.label} ({s.type})
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-attribute`}>Attribute</label>
          <select id={`${id}-attribute`} value={attributeChoice} onChange={(e) => changeAttribute(e.target.value)}>
            {KNOWN_ATTRIBUTES.map((a) => (
              <option key={a} value={a}>
                {ATTRIBUTE_LABELS[a]}
              </option>
            ))}
            <option value="other">Other (name it)</option>
          </select>
        </div>
        {attributeChoice === "other" ? (
          <div className="field">
            <label htmlFor={`${id}-attribute-name`}>Attribute name</label>
            <input
              id={`${id}-attribute-name`}
              value={otherName}
              required
              maxLength={60}
              onChange={(e) => {
                setOtherName(e.target.value);
                changeAttribute("other", e.target.value);
              }}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-type`}>Kind of value</label>
          <select id={`${id}-type`} value={valueType} onChange={(e) => changeType(e.target.value as ClaimValueType)}>
            {allowedTypes.map((t) => (
              <option key={t} value={t}>
                {VALUE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {proposalNote ? (
        <p className="muted" role="status">
          {proposalNote}
        </p>
      ) : null}

      {valueType === "date" ? (
        <div className="inline-form">
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input
              id={`${id}-date`}
              value={fields.localDate}
              required
              onChange={(e) => set("localDate")(e.target.value)}
              aria-describedby={`${id}-date-hint`}
            />
            <span id={`${id}-date-hint`} className="hint">
              2025-05-19, 2025-05 or 2025; with a time 2025-05-19T10:00 (read as {precisionOf(fields.localDate)}).
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`}>Time zone (optional)</label>
            <input id={`${id}-zone`} value={fields.timeZone} placeholder="America/New_York" onChange={(e) => set("timeZone")(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-part`}>Part of the day (optional)</label>
            <select id={`${id}-part`} value={fields.partOfDay} onChange={(e) => set("partOfDay")(e.target.value)}>
              <option value="">Not stated</option>
              {PARTS_OF_DAY.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}

      {valueType === "number" ? (
        <div className="inline-form">
          <div className="field">
            <label htmlFor={`${id}-qualifier`}>Qualifier</label>
            <select id={`${id}-qualifier`} value={fields.qualifier} onChange={(e) => set("qualifier")(e.target.value as NumberQualifier)}>
              {NUMBER_QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {QUALIFIER_LABELS[q]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-amount`}>Number</label>
            <input id={`${id}-amount`} inputMode="decimal" value={fields.amount} required onChange={(e) => set("amount")(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-unit`}>Unit (optional)</label>
            <input id={`${id}-unit`} value={fields.unit} placeholder="%, km, USD" onChange={(e) => set("unit")(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-per`}>Per (optional)</label>
            <input id={`${id}-per`} value={fields.per} placeholder="week" onChange={(e) => set("per")(e.target.value)} />
          </div>
        </div>
      ) : null}

      {valueType === "entities" ? (
        <fieldset>
          <legend>Entities</legend>
          {fields.entityIds.length === 0 ? (
            <p className="muted">None chosen yet.</p>
          ) : (
            <ul className="cx-chosen" aria-label="Chosen entities">
              {fields.entityIds.map((entityId) => (
                <li key={entityId}>
                  {entityLabels[entityId] ?? entityId}
                  <button
                    type="button"
                    aria-label={`Remove ${entityLabels[entityId] ?? entityId}`}
                    onClick={() => set("entityIds")(fields.entityIds.filter((e) => e !== entityId))}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field">
            <label htmlFor={`${id}-entity-search`}>Add an entity</label>
            <input id={`${id}-entity-search`} type="search" value={entityQuery} onChange={(e) => setEntityQuery(e.target.value)} />
          </div>
          {entityResults.length > 0 ? (
            <ul className="cx-subject-results" aria-label="Matching entities">
              {entityResults
                .filter((e) => !fields.entityIds.includes(e.id))
                .map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => {
                        setEntityLabels((labels) => ({ ...labels, [e.id]: e.label }));
                        set("entityIds")([...fields.entityIds, e.id]);
                        setEntityQuery("");
                      }}
                    >
                      Add {e.label}
                    </button>
                  </li>
                ))}
            </ul>
          ) : null}
        </fieldset>
      ) : null}

      {valueType === "text" ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>Claimed text</label>
          <textarea id={`${id}-text`} value={fields.text} required maxLength={MAX_CLAIM_TEXT} onChange={(e) => set("text")(e.target.value)} />
          <span className="hint">Free text is compared by hand: flag a contradiction if another source says otherwise.</span>
        </div>
      ) : null}

      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : saved ? "Save correction" : "Save claim"}
      </button>
      {outcome && !outcome.ok ? <Alert kind="error">{outcome.error}</Alert> : null}
      {outcome?.ok ? <DetectionOutcome detection={outcome.detection} /> : null}
    </form>
  );
}
