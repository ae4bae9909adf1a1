"use client";

import { useMemo } from "react";
import { segmentsForHighlights, type HighlightSegment } from "@/lib/annotations/anchor";
import type { AnnotationKindView, AnnotationView } from "@/lib/annotations/types";
import { kindLabel } from "./labels";
import type { TextSelection } from "./selection-offsets";

type Props = {
  ref: React.Ref<HTMLDivElement>;
  text: string;
  /** Annotations whose selectors point into this text. */
  annotations: readonly AnnotationView[];
  kinds: readonly AnnotationKindView[];
  activeId: string | null;
  /** The selection being annotated, shown until it is saved or cancelled. */
  pending: TextSelection | null;
  onOpen: (id: string, focusPanel: boolean) => void;
};

const PENDING_ID = "\u0000pending";

/**
 * The article text as paragraphs of flat segments. Every segment carries its offsets
 * (data-start, data-end) so selections map back to the text exactly; highlighted segments
 * are focusable and open their annotation.
 */
export function AnnotatedText({ ref, text, annotations, kinds, activeId, pending, onOpen }: Props) {
  const byId = useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations]);
  const paragraphs = useMemo(() => {
    const ranges = annotations.map(({ id, start, end }) => ({ id, start, end }));
    if (pending) ranges.push({ id: PENDING_ID, start: pending.start, end: pending.end });
    return segmentsForHighlights(text, ranges);
  }, [text, annotations, pending]);

  /**
   * The annotation a segment opens: the open one if it covers the segment, else the
   * shortest; with `cycle` (repeated clicks), the next covering annotation after the open one.
   */
  function target(segment: HighlightSegment, cycle: boolean): string | null {
    const ids = segment.ids.filter((id) => byId.has(id)).sort((a, b) => span(byId.get(a)!) - span(byId.get(b)!));
    if (ids.length === 0) return null;
    const at = activeId ? ids.indexOf(activeId) : -1;
    if (at === -1) return ids[0];
    return cycle ? ids[(at + 1) % ids.length] : ids[at];
  }

  function describe(segment: HighlightSegment): string {
    const labels = segment.ids
      .map((id) => byId.get(id))
      .filter((annotation) => annotation !== undefined)
      .map((annotation) => `${kindLabel(kinds, annotation.kind)} by ${annotation.author.name}`);
    return `${labels.join("; ")}: ${segment.text}`;
  }

  return (
    <div ref={ref} className="annotated-text serif">
      {paragraphs.map((paragraph) => (
        // An article in Arabic or Hebrew reads right to left, each paragraph by its own first letters.
        <p key={paragraph.start} dir="auto">
          {paragraph.segments.map((segment) => {
            const ids = segment.ids.filter((id) => id !== PENDING_ID);
            const offsets = { "data-start": segment.start, "data-end": segment.end };
            if (ids.length === 0) {
              const className = segment.ids.length > 0 ? "pending-highlight" : undefined;
              return (
                <span key={segment.start} className={className} {...offsets}>
                  {segment.text}
                </span>
              );
            }
            const shortest = [...ids].filter((id) => byId.has(id)).sort((a, b) => span(byId.get(a)!) - span(byId.get(b)!))[0];
            const classes = [
              "highlight",
              shortest ? `highlight-kind-${kindColour(kinds, byId.get(shortest)!.kind)}` : "",
              `highlight-depth-${Math.min(ids.length, 3)}`,
              activeId && ids.includes(activeId) ? "highlight-active" : "",
              segment.ids.includes(PENDING_ID) ? "pending-highlight" : "",
            ];
            return (
              <mark
                key={segment.start}
                {...offsets}
                data-annotation-ids={ids.join(" ")}
                className={classes.filter(Boolean).join(" ")}
                tabIndex={0}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a highlight stays an inline mark in the running text; it is focusable and opens on Enter or Space like a button.
                role="button"
                aria-label={describe({ ...segment, ids })}
                onClick={() => {
                  // A drag that started on a highlight selects text; it does not open anything.
                  if (!window.getSelection()?.isCollapsed) return;
                  const id = target({ ...segment, ids }, true);
                  if (id) onOpen(id, false);
                }}
                onFocus={(event) => {
                  if (!event.currentTarget.matches(":focus-visible")) return;
                  const id = target({ ...segment, ids }, false);
                  if (id) onOpen(id, false);
                }}
                onKeyDown={(event) => {
                  if (event.key !== "Enter" && event.key !== " ") return;
                  event.preventDefault();
                  const id = target({ ...segment, ids }, false);
                  if (id) onOpen(id, true);
                }}
              >
                {segment.text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** What the highlight colours mean: the kinds of the annotations on the text. Outside the text, so selections never reach it. */
export function AnnotationKindLegend({ annotations, kinds }: { annotations: readonly AnnotationView[]; kinds: readonly AnnotationKindView[] }) {
  const shownKinds = kinds.filter((kind) => annotations.some((annotation) => annotation.kind === kind.key));
  if (shownKinds.length === 0) return null;
  return (
    <ul className="kind-legend" aria-label="Annotation kinds">
      {shownKinds.map((kind) => (
        <li key={kind.key}>
          <span className={`kind-swatch highlight-kind-${kindColour(kinds, kind.key)}`} aria-hidden="true" />
          {kind.label}
        </li>
      ))}
    </ul>
  );
}

/** The kind's colour: its place among the kinds, over a palette of eight (annotations.css). */
function kindColour(kinds: readonly AnnotationKindView[], key: string): number {
  const index = kinds.findIndex((kind) => kind.key === key);
  return index < 0 ? 7 : index % 8;
}

function span(annotation: AnnotationView): number {
  return annotation.end - annotation.start;
}
