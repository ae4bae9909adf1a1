"use client";

import { EditorContent, useEditor, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { editorJson } from "@/components/ui/editor-json";
import { FormatToolbar } from "@/components/ui/format-toolbar";
import { useAutosave, type SaveAttempt } from "@/components/ui/use-autosave";
import type { ActionResult } from "@/lib/api/action";
import type { BriefingDoc } from "@/lib/briefings/document";
import { MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, type UpdateBriefingInput } from "@/lib/briefings/schemas";
import type { BriefingView, ComposerOptions, SavedDraft } from "@/lib/briefings/types";
import { BriefingDocumentNode, CitationNode, DisagreementsNode, EntityMentionNode, EventRefNode, KeyActorsNode, TimelineNode } from "./composer-nodes";
import { useShowSavedDraft } from "./draft-state";
import { ReferencePicker, type PickerItem } from "./reference-picker";
import "./briefing-composer.css";

/** Quiet time after the last keystroke before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1200;

export type ComposerBriefing = { id: string; title: string; summary: string | null; body: BriefingDoc; version: number };

type PickerKind = "citation" | "entity" | "event" | "timeline" | "disagreements" | "keyActors";

type Props = {
  briefing: ComposerBriefing;
  options: ComposerOptions;
  editable: boolean;
  /** Saves the draft: a server action bound to the briefing, answering with the saved version's preview and checklist. */
  save: (input: UpdateBriefingInput) => Promise<ActionResult<SavedDraft>>;
};

/**
 * The briefing editor. Every change is saved after a short pause (useAutosave) as a new draft
 * version through `save`, naming the version it started from. When someone else saved first,
 * the server refuses with 409 and the current state: the editor stops saving and asks whether
 * to load their version or to save this one over it; nothing is overwritten silently.
 */
export function BriefingComposer({ briefing, options, editable, save }: Props) {
  const router = useRouter();
  const showSaved = useShowSavedDraft();
  const titleId = useId();
  const summaryId = useId();
  const [title, setTitle] = useState(briefing.title);
  const [summary, setSummary] = useState(briefing.summary ?? "");
  const [version, setVersion] = useState(briefing.version);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<BriefingView | null>(null);
  const [picker, setPicker] = useState<PickerKind | null>(null);

  // The save reads the latest values: the autosave loop outlives any one render.
  const latest = useRef({ title, summary, version });
  latest.current.title = title;
  latest.current.summary = summary;
  const editorRef = useRef<Editor | null>(null);

  async function saveDraft(): Promise<SaveAttempt> {
    const editor = editorRef.current;
    if (!editor) return { ok: false };
    const { title: savedTitle, summary: savedSummary, version: from } = latest.current;
    let result: ActionResult<SavedDraft>;
    try {
      result = await save({ version: from, title: savedTitle, summary: savedSummary, body: editorJson(editor) });
    } catch {
      setError("The draft could not be saved: the connection failed. Your changes are kept here; save again when you are back online.");
      return { ok: false };
    }
    if (result.ok) {
      const { briefing: saved, preview, blockers } = result.data;
      latest.current.version = saved.version;
      setVersion(saved.version);
      setError(null);
      showSaved({ version: saved.version, preview, blockers });
      return { ok: true };
    }
    const current = (result.details as { current?: BriefingView } | undefined)?.current;
    if (result.status === 409 && current) {
      setConflict(current);
      return { ok: false, block: true };
    }
    setError(result.error);
    return { ok: false };
  }
  const autosave = useAutosave({ delayMs: AUTOSAVE_DELAY_MS, save: saveDraft });
  const { changed } = autosave;

  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      StarterKit.configure({
        document: false,
        heading: { levels: [2, 3] },
        codeBlock: false,
        code: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
      }),
      BriefingDocumentNode,
      CitationNode,
      EntityMentionNode,
      EventRefNode,
      TimelineNode,
      DisagreementsNode,
      KeyActorsNode,
    ],
    content: briefing.body as JSONContent,
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", "aria-label": "Briefing body", class: "composer-content serif" },
    },
    onUpdate: () => changed(),
  });
  editorRef.current = editor;

  function loadTheirs() {
    if (!conflict || !editor) return;
    editor.commands.setContent(conflict.body as JSONContent, { emitUpdate: false });
    setTitle(conflict.title);
    setSummary(conflict.summary ?? "");
    latest.current = { title: conflict.title, summary: conflict.summary ?? "", version: conflict.version };
    setVersion(conflict.version);
    setConflict(null);
    void autosave.resume(false);
    router.refresh();
  }

  function keepMine() {
    if (!conflict) return;
    latest.current.version = conflict.version;
    setConflict(null);
    void autosave.resume(true);
  }

  function insertInline(node: JSONContent) {
    editor?.chain().focus().insertContent(node).run();
  }

  function insertBlock(node: JSONContent) {
    if (!editor) return;
    const { selection } = editor.state;
    // After the top-level block holding the cursor: inserted blocks live at the top level only.
    const position = selection.$from.depth === 0 ? selection.to : selection.$from.after(1);
    editor.chain().focus().insertContentAt(position, node).run();
  }

  function insertChosen(kind: PickerKind, ids: string[]) {
    setPicker(null);
    switch (kind) {
      case "citation": {
        const outlets = [
          ...new Set(
            ids.map((id) => options.passages.find((passage) => passage.id === id)).map((passage) => passage?.outlet ?? passage?.articleTitle ?? "source"),
          ),
        ];
        insertInline({ type: "citation", attrs: { annotationIds: ids, label: outlets.join("; ") } });
        return;
      }
      case "entity": {
        const entity = options.entities.find((item) => item.id === ids[0]);
        if (entity) insertInline({ type: "entityMention", attrs: { entityId: entity.id, label: entity.name } });
        return;
      }
      case "event": {
        const event = options.events.find((item) => item.id === ids[0]);
        if (event) insertInline({ type: "eventRef", attrs: { eventId: event.id, label: event.title } });
        return;
      }
      case "timeline":
        insertBlock({ type: "timeline", attrs: { eventIds: ids } });
        return;
      case "disagreements":
        insertBlock({ type: "disagreements", attrs: { contradictionIds: ids } });
        return;
      case "keyActors":
        insertBlock({ type: "keyActors", attrs: { entityIds: ids } });
    }
  }

  const status = {
    saving: "Saving…",
    unsaved: "Unsaved changes",
    blocked: "Not saved: someone else saved a newer version",
    saved: `All changes saved (version ${version})`,
  }[autosave.status];

  return (
    <div className="briefing-composer">
      {editable ? (
        <>
          <div className="field">
            <label htmlFor={titleId}>Title</label>
            <input
              id={titleId}
              value={title}
              maxLength={MAX_TITLE_CHARS}
              required
              onChange={(event) => {
                setTitle(event.target.value);
                changed();
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={summaryId}>Summary</label>
            <textarea
              id={summaryId}
              rows={2}
              value={summary}
              maxLength={MAX_SUMMARY_CHARS}
              onChange={(event) => {
                setSummary(event.target.value);
                changed();
              }}
            />
          </div>
        </>
      ) : null}

      {conflict ? (
        <div className="alert error" role="alert">
          <p>
            <strong>Someone else saved this briefing</strong> (version {conflict.version}, titled &ldquo;{conflict.title}&rdquo;) while you were editing. Your
            changes are not saved and nothing was overwritten.
          </p>
          <div className="inline-form">
            <button type="button" className="button secondary" onClick={loadTheirs}>
              Load their version
            </button>
            <button type="button" className="button danger" onClick={keepMine}>
              Save mine over theirs
            </button>
          </div>
        </div>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}

      {editable ? <Toolbar editor={editor} onPick={setPicker} /> : null}
      {picker ? (
        <Picker
          kind={picker}
          options={options}
          cited={picker === "disagreements" && editor ? citedPassages(editor.getJSON()) : new Set()}
          onInsert={(ids) => insertChosen(picker, ids)}
          onCancel={() => setPicker(null)}
        />
      ) : null}
      <EditorContent editor={editor} className="composer-editor" />

      {editable ? (
        <div className="composer-status">
          <p role="status" aria-live="polite">
            {status}
          </p>
          <button type="button" className="button secondary" onClick={() => void autosave.flush()} disabled={autosave.status !== "unsaved"}>
            Save now
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Toolbar({ editor, onPick }: { editor: Editor | null; onPick: (kind: PickerKind) => void }) {
  const insert = (kind: PickerKind, text: string) => (
    <button type="button" className="toolbar-button" disabled={!editor} onClick={() => onPick(kind)}>
      {text}
    </button>
  );
  return (
    <FormatToolbar
      editor={editor}
      label="Briefing formatting and sources"
      className="composer-toolbar"
      formats={["bold", "italic", "h2", "h3", "bulletList", "orderedList", "blockquote"]}
    >
      <span className="toolbar-separator" aria-hidden="true" />
      {insert("citation", "Cite passages")}
      {insert("entity", "Mention entity")}
      {insert("event", "Refer to event")}
      {insert("timeline", "Insert timeline")}
      {insert("disagreements", "Insert disagreements")}
      {insert("keyActors", "Insert key actors")}
    </FormatToolbar>
  );
}

/** The annotation ids the draft cites right now, saved or not. */
function citedPassages(node: JSONContent, found = new Set<string>()): Set<string> {
  if (node.type === "citation" && Array.isArray(node.attrs?.annotationIds)) for (const id of node.attrs.annotationIds as string[]) found.add(id);
  for (const child of node.content ?? []) citedPassages(child, found);
  return found;
}

function Picker({
  kind,
  options,
  cited,
  onInsert,
  onCancel,
}: {
  kind: PickerKind;
  options: ComposerOptions;
  /** Passages the draft cites: contradictions between them come first in the disagreements picker. */
  cited: ReadonlySet<string>;
  onInsert: (ids: string[]) => void;
  onCancel: () => void;
}) {
  const passages: PickerItem[] = options.passages.map((passage) => ({
    id: passage.id,
    label: passage.label,
    detail: passage.articleTitle,
    warning:
      passage.status !== "APPROVED"
        ? `${passage.status.toLowerCase().replace("_", " ")}: publishing waits for approval`
        : passage.anchorStatus !== "ANCHORED"
          ? "anchor needs checking"
          : undefined,
  }));
  const entities: PickerItem[] = options.entities.map((entity) => ({ id: entity.id, label: entity.name, detail: entity.typeLabel }));
  const events: PickerItem[] = options.events.map((event) => ({ id: event.id, label: event.title, detail: event.dateLabel ?? "date unknown" }));
  const contradictions: PickerItem[] = options.contradictions
    .map((item) => ({ item, touches: item.touchesDraft || item.memberAnnotationIds.some((id) => cited.has(id)) }))
    .sort((a, b) => Number(b.touches) - Number(a.touches))
    .map(({ item, touches }) => ({
      id: item.id,
      label: item.summary,
      detail: `${item.statusLabel}${touches ? "; touches what this briefing cites" : ""}`,
      warning: item.publicationNeeds ?? undefined,
    }));
  const props = {
    citation: {
      title: "Cite passages",
      items: passages,
      multiple: true,
      insertLabel: "Insert citation",
      emptyText: "No annotated passages yet: annotate articles first.",
    },
    entity: { title: "Mention an entity", items: entities, multiple: false, insertLabel: "Insert mention", emptyText: "No entities yet." },
    event: { title: "Refer to an event", items: events, multiple: false, insertLabel: "Insert reference", emptyText: "No events yet." },
    timeline: { title: "Timeline of events", items: events, multiple: true, insertLabel: "Insert timeline", emptyText: "No events yet." },
    disagreements: {
      title: "What the sources disagree on",
      items: contradictions,
      multiple: true,
      insertLabel: "Insert disagreements",
      emptyText: "No contradictions yet.",
    },
    keyActors: { title: "Key actors", items: entities, multiple: true, insertLabel: "Insert key actors", emptyText: "No entities yet." },
  }[kind];
  return <ReferencePicker key={kind} {...props} onInsert={onInsert} onCancel={onCancel} />;
}
