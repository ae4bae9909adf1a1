"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CONTEXT_LENGTH } from "@/lib/annotations/anchor";
import { canCreateAnnotation, canReattachAnnotation } from "@/lib/annotations/permissions";
import type { AnnotationKindView, AnnotationView } from "@/lib/annotations/types";
import type { Actor } from "@/lib/auth/permissions";
import { AnnotatedText, AnnotationKindLegend } from "./annotated-text";
import { AnnotationDetail } from "./annotation-detail";
import { AnnotationForm, type AnnotationFormValues } from "./annotation-form";
import { AnnotationList, applyFilters, EMPTY_FILTERS, type Filters } from "./annotation-list";
import { attempt, type AnnotationActions } from "./annotation-actions";
import { PassageFinder } from "./passage-finder";
import { selectionToOffsets, type TextSelection } from "./selection-offsets";
import "./annotations.css";

type Props = {
  articleId: string;
  revisionId: string;
  text: string;
  annotations: AnnotationView[];
  kinds: AnnotationKindView[];
  viewer: Actor;
  actions: AnnotationActions;
};

type Notice = { kind: "success" | "error" | "info"; text: string };

/** True when the annotation's selectors point into the text shown (current revision, quote still there). */
export function isOnText(annotation: AnnotationView, revisionId: string, text: string): boolean {
  return annotation.anchorStatus !== "ORPHANED" && annotation.revisionId === revisionId && text.slice(annotation.start, annotation.end) === annotation.exact;
}

/** A selection with its quote context; offsets stay in UTF-16 code units, as the reader and the store count them. */
function withContext(text: string, selection: TextSelection) {
  return {
    ...selection,
    prefix: text.slice(Math.max(0, selection.start - CONTEXT_LENGTH), selection.start),
    suffix: text.slice(selection.end, selection.end + CONTEXT_LENGTH),
  };
}

/**
 * The article reader: clean text with highlights, selection → "Annotate", and the side
 * panel (new annotation form, the open annotation, the filtered list, orphans).
 */
export function AnnotationReader({ articleId, revisionId, text, annotations, kinds, viewer, actions }: Props) {
  const router = useRouter();
  const rootRef = useRef<HTMLDivElement>(null);
  const readerRef = useRef<HTMLDivElement>(null);
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);
  const actionButtonRef = useRef<HTMLButtonElement>(null);
  const focusActionRef = useRef(false);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [buttonAt, setButtonAt] = useState<{ top: number; left: number } | null>(null);
  const [composing, setComposing] = useState<TextSelection | null>(null);
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [notice, setNotice] = useState<Notice | null>(null);

  const mayAnnotate = canCreateAnnotation(viewer);
  const selected = annotations.find((annotation) => annotation.id === selectedId) ?? null;
  const reattaching = annotations.find((annotation) => annotation.id === reattachId) ?? null;
  const mayReattach = reattaching !== null && canReattachAnnotation(viewer, reattaching);
  const filtered = useMemo(() => applyFilters(annotations, filters), [annotations, filters]);
  const onText = useMemo(() => filtered.filter((annotation) => isOnText(annotation, revisionId, text)), [filtered, revisionId, text]);

  // Follow the document selection while it lies in the article text.
  useEffect(() => {
    function update() {
      const root = rootRef.current;
      const reader = readerRef.current;
      if (!root || !reader) return;
      const current = window.getSelection();
      const offsets = selectionToOffsets(root, text, current);
      setSelection(offsets);
      if (offsets && current && current.rangeCount > 0) {
        const rect = current.getRangeAt(0).getBoundingClientRect();
        const frame = reader.getBoundingClientRect();
        setButtonAt({ top: Math.max(0, rect.bottom - frame.top + 4), left: Math.max(0, rect.left - frame.left) });
      }
    }
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [text]);

  // After a keyboard selection (PassageFinder), the action button takes focus as soon as it appears.
  useEffect(() => {
    if (selection && focusActionRef.current && actionButtonRef.current) {
      focusActionRef.current = false;
      actionButtonRef.current.focus();
    }
  }, [selection]);

  // A link such as /articles/{id}#annotation-{annotationId} (from the review queue) opens that annotation.
  useEffect(() => {
    const match = /^#annotation-(.+)$/.exec(window.location.hash);
    if (match) setSelectedId(decodeURIComponent(match[1]));
  }, []);

  // After an action the refreshed annotations come with its answer; without one the page reloads them.
  const changed = useCallback((message: string) => setNotice({ kind: "success", text: message }), []);
  const reload = useCallback(
    (message: string) => {
      setNotice({ kind: "success", text: message });
      router.refresh();
    },
    [router],
  );

  function open(id: string, focus: boolean) {
    setSelectedId(id);
    if (focus) requestAnimationFrame(() => detailHeadingRef.current?.focus());
  }

  async function create(target: TextSelection, values: AnnotationFormValues): Promise<string | null> {
    const result = await attempt(() =>
      actions.create({ ...withContext(text, target), articleId, kind: values.kind, comment: values.comment, tags: values.tags }),
    );
    if (!result.ok) return result.error;
    setComposing(null);
    setSelectedId(result.data.id);
    window.getSelection()?.removeAllRanges();
    changed("Annotation saved. It awaits review.");
    return null;
  }

  async function reattach(target: TextSelection) {
    if (!reattaching) return;
    const result = await attempt(() => actions.reattach(articleId, reattaching.id, { ...withContext(text, target), version: reattaching.version }));
    if (!result.ok) {
      setNotice({ kind: "error", text: result.error });
      return;
    }
    setSelectedId(reattaching.id);
    setReattachId(null);
    window.getSelection()?.removeAllRanges();
    changed("Annotation re-attached to the selected passage.");
  }

  const actionLabel = reattaching ? "Re-attach here" : "Annotate";
  const canAct = reattaching ? mayReattach : mayAnnotate;

  return (
    <div className="annotation-reader" ref={readerRef}>
      <div className="annotation-reader-text">
        {canAct ? <PassageFinder text={text} rootRef={rootRef} onSelected={() => (focusActionRef.current = true)} /> : null}
        {reattaching ? (
          <div className="alert info" role="status">
            Select the passage that “{reattaching.originalExact}” belongs to, then choose “Re-attach here”.{" "}
            <button type="button" className="button secondary" onClick={() => setReattachId(null)}>
              Cancel re-attaching
            </button>
          </div>
        ) : null}
        {canAct && selection && !composing ? (
          <button
            ref={actionButtonRef}
            type="button"
            className="button annotate-button"
            style={buttonAt ?? undefined}
            // Keep the text selection when the button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (reattaching ? void reattach(selection) : setComposing(selection))}
          >
            {actionLabel}
          </button>
        ) : null}
        <AnnotationKindLegend annotations={onText} kinds={kinds} />
        <AnnotatedText ref={rootRef} text={text} annotations={onText} kinds={kinds} activeId={selectedId} pending={composing} onOpen={open} />
      </div>
      <aside className="annotation-panel" aria-label="Annotations">
        {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
        {composing ? (
          <AnnotationForm
            key={`${composing.start}-${composing.end}`}
            title="New annotation"
            quote={composing.exact}
            kinds={kinds}
            submitLabel="Save annotation"
            onSubmit={(values) => create(composing, values)}
            onCancel={() => setComposing(null)}
          />
        ) : null}
        {selected ? (
          <AnnotationDetail
            key={selected.id}
            annotation={selected}
            kinds={kinds}
            viewer={viewer}
            headingRef={detailHeadingRef}
            actions={actions}
            onChanged={changed}
            onReload={reload}
            onStartReattach={() => setReattachId(selected.id)}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
        <AnnotationList
          annotations={annotations}
          filtered={filtered}
          filters={filters}
          onFilters={setFilters}
          kinds={kinds}
          selectedId={selectedId}
          isOnText={(annotation) => isOnText(annotation, revisionId, text)}
          onOpen={(id) => open(id, true)}
        />
      </aside>
    </div>
  );
}
