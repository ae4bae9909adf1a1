"use client";

import { useId } from "react";
import { REVIEW_STATUSES, type ReviewStatusName } from "@/lib/annotations/statuses";
import type { AnnotationKindView, AnnotationView } from "@/lib/annotations/types";
import { ANCHOR_STATUS_LABELS, kindLabel, REVIEW_STATUS_LABELS } from "./labels";

export type Filters = { kind: string; status: "" | ReviewStatusName; author: string; tag: string };
export const EMPTY_FILTERS: Filters = { kind: "", status: "", author: "", tag: "" };

export function applyFilters(annotations: readonly AnnotationView[], filters: Filters): AnnotationView[] {
  return annotations.filter(
    (annotation) =>
      (!filters.kind || annotation.kind === filters.kind) &&
      (!filters.status || annotation.status === filters.status) &&
      (!filters.author || annotation.author.id === filters.author) &&
      (!filters.tag || annotation.tags.includes(filters.tag)),
  );
}

type Props = {
  annotations: readonly AnnotationView[];
  filtered: readonly AnnotationView[];
  filters: Filters;
  onFilters: (filters: Filters) => void;
  kinds: readonly AnnotationKindView[];
  selectedId: string | null;
  isOnText: (annotation: AnnotationView) => boolean;
  onOpen: (id: string) => void;
};

function excerpt(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Filters and the article's annotations in text order; orphans are listed apart with their original quote. */
export function AnnotationList({ annotations, filtered, filters, onFilters, kinds, selectedId, isOnText, onOpen }: Props) {
  const id = useId();
  const authors = [...new Map(annotations.map((annotation) => [annotation.author.id, annotation.author.name])).entries()];
  const tags = [...new Set(annotations.flatMap((annotation) => annotation.tags))].sort((a, b) => a.localeCompare(b));
  const usedKinds = kinds.filter((kind) => annotations.some((annotation) => annotation.kind === kind.key));
  const anchored = filtered.filter(isOnText);
  const orphans = filtered.filter((annotation) => !isOnText(annotation));

  const select = (name: keyof Filters, label: string, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={filters[name]} onChange={(event) => onFilters({ ...filters, [name]: event.target.value })}>
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const item = (annotation: AnnotationView, quote: string) => (
    <li key={annotation.id}>
      <button
        type="button"
        className={`annotation-list-item${annotation.id === selectedId ? " selected" : ""}`}
        aria-current={annotation.id === selectedId ? "true" : undefined}
        onClick={() => onOpen(annotation.id)}
      >
        <span className="annotation-list-quote">“{excerpt(quote)}”</span>
        <span className="annotation-list-meta">
          {kindLabel(kinds, annotation.kind)} · {annotation.author.name} · {annotation.linkOnly ? "entity link" : REVIEW_STATUS_LABELS[annotation.status]}
          {annotation.anchorStatus !== "ANCHORED" ? ` · ${ANCHOR_STATUS_LABELS[annotation.anchorStatus]}` : ""}
          {annotation.tags.length > 0 ? ` · ${annotation.tags.join(", ")}` : ""}
        </span>
      </button>
    </li>
  );

  return (
    <section className="annotation-list" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Annotations ({annotations.length})</h2>
      <div className="annotation-filters" role="group" aria-label="Filter annotations">
        {select(
          "kind",
          "Kind",
          usedKinds.map((kind) => [kind.key, kind.label]),
        )}
        {select(
          "status",
          "Status",
          REVIEW_STATUSES.map((status) => [status, REVIEW_STATUS_LABELS[status]]),
        )}
        {select("author", "Author", authors)}
        {select(
          "tag",
          "Tag",
          tags.map((tag) => [tag, tag]),
        )}
      </div>
      {filtered.length !== annotations.length ? (
        <p className="muted">
          Showing {filtered.length} of {annotations.length}.
        </p>
      ) : null}
      {annotations.length === 0 ? <p className="muted">No annotations yet. Select a passage to annotate it.</p> : null}
      {anchored.length > 0 ? <ol className="annotation-items">{anchored.map((annotation) => item(annotation, annotation.exact))}</ol> : null}
      {orphans.length > 0 ? (
        <>
          <h3>Orphaned: no longer in the text ({orphans.length})</h3>
          <ul className="annotation-items">{orphans.map((annotation) => item(annotation, annotation.originalExact))}</ul>
        </>
      ) : null}
    </section>
  );
}
