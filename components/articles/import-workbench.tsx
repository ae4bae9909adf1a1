"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { MAX_IMPORT_BYTES, ParseError } from "@/lib/articles/errors";
import {
  BACKGROUND_IMPORT_THRESHOLD,
  IMPORT_CHUNK_BYTES,
  IMPORT_CHUNK_FILES,
  type ImportJobView,
  type ImportOutcome,
  type ImportPreview,
} from "@/lib/articles/schemas";
import { detailCorrections, ImportPreviewItem, type DetailEdits, type DetailField } from "./import-preview";
import "./articles.css";

type Entry = {
  key: string;
  name: string;
  file?: File;
  text?: string;
  preview: ImportPreview | null;
  outcome: ImportOutcome | null;
  /** Lines the editor restored or removed in the preview, by index. */
  decisions: Map<number, boolean>;
  /** What the editor typed in "Edit details"; the changed fields are saved with the file. */
  edits: DetailEdits;
};

const NO_DECISIONS: ReadonlyMap<number, boolean> = new Map();

/** The preview's line choices that differ from the importer's, as the API takes them. */
function changedDecisions(entry: Entry): { index: number; kept: boolean }[] {
  const lines = entry.preview?.ok ? entry.preview.lines : [];
  return [...entry.decisions].filter(([index, kept]) => lines[index] && lines[index].kept !== kept).map(([index, kept]) => ({ index, kept }));
}

/** The metadata fields the editor corrected, as the API takes them, or undefined for none. */
function corrections(entry: Entry) {
  if (!entry.preview?.ok) return undefined;
  const changed = detailCorrections(entry.preview.metadata, entry.edits);
  return Object.keys(changed).length ? changed : undefined;
}

type Progress = { label: string; value: number; max: number } | null;

// Files per preview request: small enough that results appear steadily and the request stays modest.
const PREVIEW_BATCH = 10;
const PREVIEW_BATCH_BYTES = 3 * MAX_IMPORT_BYTES;
const POLL_MS = 1000;
// Up to this many entries the extraction of each is shown open.
const OPEN_UP_TO = 3;

let nextKey = 0;

async function readJson(response: Response): Promise<{ error?: string } & Record<string, unknown>> {
  try {
    return await response.json();
  } catch {
    return { error: `The server answered ${response.status}.` };
  }
}

function failed(entry: Entry, error: string): ImportOutcome {
  return { file: entry.name, status: "failed", articleId: null, title: null, revisionNumber: null, error };
}

/** Slices of files for upload requests, by count and by bytes. */
function slices(entries: Entry[], maxFiles: number, maxBytes: number): Entry[][] {
  const result: Entry[][] = [];
  let current: Entry[] = [];
  let size = 0;
  for (const entry of entries) {
    const bytes = entry.file?.size ?? 0;
    if (current.length >= maxFiles || (current.length > 0 && size + bytes > maxBytes)) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += bytes;
  }
  if (current.length) result.push(current);
  return result;
}

/**
 * The import page: add files (drop, choose, or a whole folder) or paste text; every file is
 * previewed before anything is saved; then a few files are saved one request each, and larger
 * batches go to a background job whose progress is shown here.
 */
export function ImportWorkbench() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [pasted, setPasted] = useState("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success" | "info"; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  const update = (changes: Map<string, Partial<Entry>>) =>
    setEntries((current) => current.map((entry) => (changes.has(entry.key) ? { ...entry, ...changes.get(entry.key) } : entry)));

  async function preview(added: Entry[]) {
    setBusy(true);
    setMessage(null);
    try {
      // A file over the limit is refused here, without uploading it.
      const tooLarge = added.filter((entry) => (entry.file?.size ?? 0) > MAX_IMPORT_BYTES);
      update(new Map(tooLarge.map((entry) => [entry.key, { preview: { file: entry.name, ok: false, error: new ParseError("too-large").message } }])));
      const texts = added.filter((entry) => entry.text !== undefined);
      const batches = [
        ...slices(
          added.filter((entry) => entry.file && !tooLarge.includes(entry)),
          PREVIEW_BATCH,
          PREVIEW_BATCH_BYTES,
        ),
        ...texts.map((entry) => [entry]),
      ];
      let read = tooLarge.length;
      for (const batch of batches) {
        setProgress({ label: `Reading ${read + batch.length} of ${added.length}`, value: read, max: added.length });
        let body: FormData | string;
        if (batch[0].text !== undefined) {
          body = JSON.stringify({ text: batch[0].text });
        } else {
          body = new FormData();
          for (const entry of batch) body.append("file", entry.file!, entry.name);
        }
        const previews = await requestPreviews(body);
        // A refused request (e.g. not multipart-readable) gives one error for the whole batch.
        update(
          new Map(batch.map((entry, i) => [entry.key, { preview: previews.length === batch.length ? previews[i] : { ...previews[0], file: entry.name } }])),
        );
        read += batch.length;
      }
    } catch (error) {
      setMessage({ kind: "error", text: (error as Error).message });
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }

  async function requestPreviews(body: FormData | string): Promise<ImportPreview[]> {
    const response = await fetch("/api/articles?dryRun=1", {
      method: "POST",
      body,
      headers: typeof body === "string" ? { "content-type": "application/json" } : undefined,
    });
    const json = await readJson(response);
    if (!response.ok) {
      // A refused request (too large, not text) is that file's problem, not the page's.
      return [{ file: null, ok: false, error: json.error ?? `The server answered ${response.status}.` }];
    }
    return json.previews as ImportPreview[];
  }

  function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    const added = Array.from(list)
      .filter((file) => !file.name.startsWith("."))
      .map(
        (file): Entry => ({
          key: `f${nextKey++}`,
          name: file.webkitRelativePath || file.name,
          file,
          preview: null,
          outcome: null,
          decisions: new Map(),
          edits: {},
        }),
      );
    setEntries((current) => [...current.filter((entry) => !entry.outcome), ...added]);
    void preview(added);
  }

  function addPasted() {
    if (!pasted.trim()) {
      setMessage({ kind: "error", text: "Paste the article's text first." });
      return;
    }
    const entry: Entry = { key: `t${nextKey++}`, name: "Pasted text", text: pasted, preview: null, outcome: null, decisions: new Map(), edits: {} };
    setEntries((current) => [...current.filter((item) => !item.outcome), entry]);
    setPasted("");
    void preview([entry]);
  }

  function decide(key: string, indices: number[], kept: boolean) {
    setEntries((current) =>
      current.map((entry) => {
        if (entry.key !== key) return entry;
        const decisions = new Map(entry.decisions);
        for (const index of indices) decisions.set(index, kept);
        return { ...entry, decisions };
      }),
    );
  }

  function edit(key: string, field: DetailField, value: string) {
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, edits: { ...entry.edits, [field]: value } } : entry)));
  }

  const importable = entries.filter((entry) => entry.preview?.ok && !entry.outcome);
  // Past the threshold the files go to a background job, which saves them as extracted.
  const background = importable.filter((entry) => entry.file).length > BACKGROUND_IMPORT_THRESHOLD;

  async function importAll() {
    const targets = importable;
    if (targets.length === 0) return;
    setBusy(true);
    setMessage(null);
    const outcomes: ImportOutcome[] = [];
    try {
      const files = targets.filter((entry) => entry.file);
      if (files.length > BACKGROUND_IMPORT_THRESHOLD) {
        outcomes.push(
          ...(await importOneByOne(
            targets.filter((entry) => entry.text !== undefined),
            targets.length,
          )),
        );
        outcomes.push(...(await importInBackground(files)));
      } else {
        outcomes.push(...(await importOneByOne(targets, targets.length)));
      }
      const tally = (status: ImportOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
      setMessage({
        kind: tally("failed") ? "error" : "success",
        text: `Finished ${targets.length} file${targets.length === 1 ? "" : "s"}: ${tally("imported")} imported, ${tally("duplicate")} duplicate, ${tally("revision")} new revision, ${tally("failed")} failed.`,
      });
    } catch (error) {
      setMessage({ kind: "error", text: `The import stopped: ${(error as Error).message}` });
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }

  async function importOneByOne(targets: Entry[], total: number): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const [i, entry] of targets.entries()) {
      setProgress({ label: `Saving ${i + 1} of ${total}`, value: i, max: total });
      let response: Response;
      const decisions = changedDecisions(entry);
      const metadata = corrections(entry);
      if (entry.file) {
        const form = new FormData();
        form.append("file", entry.file, entry.name);
        if (decisions.length) form.append("decisions", JSON.stringify(decisions));
        if (metadata) form.append("metadata", JSON.stringify(metadata));
        response = await fetch("/api/articles", { method: "POST", body: form });
      } else {
        const body = JSON.stringify({ text: entry.text, ...(decisions.length ? { decisions } : {}), ...(metadata ? { metadata } : {}) });
        response = await fetch("/api/articles", { method: "POST", body, headers: { "content-type": "application/json" } });
      }
      const json = (await readJson(response)) as Record<string, never>;
      const outcome: ImportOutcome = response.ok
        ? {
            file: entry.name,
            status: json.duplicate ? "duplicate" : json.newRevision ? "revision" : "imported",
            articleId: json.id,
            title: json.title ?? (json.metadata as { title?: string } | undefined)?.title ?? null,
            revisionNumber: (json.revision as { number?: number } | undefined)?.number ?? null,
            error: null,
          }
        : failed(entry, (json.error as string | undefined) ?? `The server answered ${response.status}.`);
      outcomes.push(outcome);
      update(new Map([[entry.key, { outcome }]]));
    }
    return outcomes;
  }

  async function importInBackground(files: Entry[]): Promise<ImportOutcome[]> {
    let job: ImportJobView | null = null;
    let sent = 0;
    for (const slice of slices(files, IMPORT_CHUNK_FILES, IMPORT_CHUNK_BYTES)) {
      setProgress({ label: `Uploading ${sent + slice.length} of ${files.length} files`, value: sent, max: files.length });
      const form = new FormData();
      form.append(job ? "offset" : "total", String(job ? sent : files.length));
      for (const entry of slice) form.append("file", entry.file!, entry.name);
      const response = await fetch(job ? `/api/import-jobs/${job.id}/files` : "/api/import-jobs", { method: "POST", body: form });
      const json = await readJson(response);
      if (!response.ok) throw new Error(json.error ?? `The server answered ${response.status}.`);
      job = json as unknown as ImportJobView;
      sent += slice.length;
    }
    if (!job) return [];
    setMessage({ kind: "info", text: "The files are importing in the background. You may leave this page; the import goes on." });
    for (;;) {
      const response = await fetch(`/api/import-jobs/${job.id}`);
      const json = await readJson(response);
      if (!response.ok) throw new Error(json.error ?? `The server answered ${response.status}.`);
      const view = json as unknown as ImportJobView;
      const changes = new Map<string, Partial<Entry>>();
      for (const result of view.results) {
        const entry = result.position === undefined ? undefined : files[result.position];
        if (entry) changes.set(entry.key, { outcome: result });
      }
      update(changes);
      setProgress({
        label: `Imported ${view.done + view.failed} of ${view.total}${view.failed ? ` (${view.failed} failed)` : ""}`,
        value: view.done + view.failed,
        max: view.total,
      });
      if (view.status === "finished") return view.results;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  // Saved files are counted apart: "ready" and the rest describe what an import would still do.
  const pending = entries.filter((entry) => !entry.outcome);
  const counts = {
    saved: entries.length - pending.length,
    ready: pending.filter((entry) => entry.preview?.ok && !entry.preview.duplicateOf && !entry.preview.revisionOf).length,
    duplicate: pending.filter((entry) => entry.preview?.ok && entry.preview.duplicateOf).length,
    revision: pending.filter((entry) => entry.preview?.ok && entry.preview.revisionOf).length,
    failed: pending.filter((entry) => entry.preview && !entry.preview.ok).length,
  };

  return (
    <>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add articles</h2>
        <div className="import-sources">
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone serves mouse drags; the file input inside it is the keyboard and screen-reader way to add files. */}
          <div
            className={`drop-zone${dragging ? " active" : ""}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              addFiles(event.dataTransfer.files);
            }}
          >
            <p>Drop text, HTML or Markdown files here, or choose them.</p>
            <div className="field">
              <label htmlFor="import-files">Files to import</label>
              <input
                id="import-files"
                type="file"
                multiple
                accept=".txt,.text,.html,.htm,.xhtml,.md,.markdown,text/plain,text/html,text/markdown"
                disabled={busy}
                onChange={(event) => {
                  addFiles(event.target.files);
                  event.target.value = "";
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="import-folder">A whole folder</label>
              <input
                id="import-folder"
                type="file"
                multiple
                disabled={busy}
                {...{ webkitdirectory: "" }}
                onChange={(event) => {
                  addFiles(event.target.files);
                  event.target.value = "";
                }}
              />
            </div>
          </div>
          <div className="card">
            <div className="field">
              <label htmlFor="import-text">Pasted text</label>
              <textarea
                id="import-text"
                value={pasted}
                onChange={(event) => setPasted(event.target.value)}
                placeholder="Paste the article as copied from the web page"
              />
            </div>
            <button type="button" className="button secondary" disabled={busy} onClick={addPasted}>
              Preview pasted text
            </button>
          </div>
        </div>
      </section>

      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {progress ? (
        <div className="import-progress">
          <progress aria-label="Import progress" value={progress.value} max={progress.max} />
          <span role="status">{progress.label}</span>
        </div>
      ) : null}

      {entries.length > 0 ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p className="muted">
            {entries.length} file{entries.length === 1 ? "" : "s"}: {counts.saved ? `${counts.saved} saved, ` : ""}
            {counts.ready} ready, {counts.duplicate} already imported, {counts.revision} new revision
            {counts.revision === 1 ? "" : "s"} of existing articles, {counts.failed} cannot be imported.
            {importable.length > 0 ? (counts.saved ? " Nothing else is saved until you import." : " Nothing is saved until you import.") : ""}
            {importable.length > BACKGROUND_IMPORT_THRESHOLD ? " This many files are imported in the background." : ""}
          </p>
          <div className="import-actions">
            {importable.length > 0 ? (
              <button type="button" className="button" disabled={busy} onClick={importAll}>
                Import {importable.length} {importable.length === 1 ? "article" : "articles"}
              </button>
            ) : null}
            <button type="button" className="button secondary" disabled={busy} onClick={() => setEntries([])}>
              Clear the list
            </button>
          </div>
          <ul className="preview-list" aria-label="Files to import">
            {entries.map((entry) => (
              <li key={entry.key}>
                <ImportPreviewItem
                  name={entry.name}
                  preview={entry.preview}
                  outcome={entry.outcome}
                  initiallyOpen={entries.length <= OPEN_UP_TO}
                  decisions={entry.decisions ?? NO_DECISIONS}
                  onDecide={(indices, kept) => decide(entry.key, indices, kept)}
                  edits={entry.edits}
                  onEdit={(field, value) => edit(entry.key, field, value)}
                  background={background && entry.file !== undefined}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
