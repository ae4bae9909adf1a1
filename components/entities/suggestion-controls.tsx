"use client";

import { useId, useState } from "react";
import { DecisionError, useDecision } from "@/components/ui/use-decision";
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityTypeName } from "@/lib/entities/schemas";
import { acceptEntitySuggestionsAction, acceptSuggestionAction, dismissSuggestionAction } from "./article-suggestions-actions";

/** Accept and dismiss for one suggested mention of a known entity. */
export function SuggestionButtons({ articleId, suggestionId, subject }: { articleId: string; suggestionId: string; subject: string }) {
  const { pending, error, run } = useDecision();
  return (
    <span className="verdicts">
      <button
        type="button"
        className="button"
        disabled={pending}
        aria-label={`Accept ${subject}`}
        onClick={() => run(() => acceptSuggestionAction(articleId, suggestionId))}
      >
        Accept
      </button>
      <DismissButton articleId={articleId} suggestionId={suggestionId} subject={subject} />
      <DecisionError error={error} />
    </span>
  );
}

/** Dismisses a suggestion (for an ambiguous mention: every reading of it). */
export function DismissButton({ articleId, suggestionId, subject }: { articleId: string; suggestionId: string; subject: string }) {
  const { pending, error, run } = useDecision();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Dismiss ${subject}`}
        onClick={() => run(() => dismissSuggestionAction(articleId, suggestionId))}
      >
        Dismiss
      </button>
      <DecisionError error={error} />
    </>
  );
}

/** Accepts every open mention of one entity in the article. */
export function AcceptAllButton({ articleId, entityId, entityName, count }: { articleId: string; entityId: string; entityName: string; count: number }) {
  const { pending, error, run } = useDecision();
  return (
    <>
      <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => acceptEntitySuggestionsAction(articleId, entityId))}>
        {pending ? "Accepting…" : `Accept all ${count} mentions of ${entityName}`}
      </button>
      <DecisionError error={error} />
    </>
  );
}

/** One reading of an ambiguous mention: accept it as this entity (the other readings are dismissed). */
export function AmbiguousChoice({
  articleId,
  suggestionId,
  entityName,
  exact,
}: {
  articleId: string;
  suggestionId: string;
  entityName: string;
  exact: string;
}) {
  const { pending, error, run } = useDecision();
  return (
    <>
      <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => acceptSuggestionAction(articleId, suggestionId))}>
        “{exact}” is {entityName}
      </button>
      <DecisionError error={error} />
    </>
  );
}

/** A proposed new entity: the editor may correct its name and type, then create it and link this mention. */
export function ProposalControls({
  articleId,
  suggestionId,
  proposedName,
  proposedType,
}: {
  articleId: string;
  suggestionId: string;
  proposedName: string;
  proposedType: EntityTypeName;
}) {
  const ids = useId();
  const { pending, error, run } = useDecision();
  const [name, setName] = useState(proposedName);
  const [type, setType] = useState<EntityTypeName>(proposedType);
  return (
    <span className="inline-form">
      <span className="field">
        <label htmlFor={`${ids}-name`}>Name for {proposedName}</label>
        <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </span>
      <span className="field">
        <label htmlFor={`${ids}-type`}>Type of {proposedName}</label>
        <select id={`${ids}-type`} value={type} onChange={(e) => setType(e.target.value as EntityTypeName)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </span>
      <button type="button" className="button" disabled={pending} onClick={() => run(() => acceptSuggestionAction(articleId, suggestionId, { name, type }))}>
        Create {name || proposedName} and link
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Dismiss ${proposedName}`}
        onClick={() => run(() => dismissSuggestionAction(articleId, suggestionId))}
      >
        Dismiss
      </button>
      <DecisionError error={error} />
    </span>
  );
}
