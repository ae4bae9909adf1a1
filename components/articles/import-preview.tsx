"use client";

import Link from "next/link";
import { useState } from "react";
import { KIND_LABELS, type ImportOutcome, type ImportPreview } from "@/lib/articles/schemas";
import { formatDay } from "./format";
import "./articles.css";

type Props = {
  name: string;
  preview: ImportPreview | null;
  outcome: ImportOutcome | null;
  /** Open the extraction at first (small batches): large ones start collapsed. */
  initiallyOpen: boolean;
};

function PreviewStatus({ preview }: { preview: ImportPreview | null }) {
  if (!preview) return <span className="badge">reading…</span>;
  if (!preview.ok) return <span className="badge error">cannot be imported</span>;
  if (preview.duplicateOf) return <span className="badge warn">already imported</span>;
  if (preview.revisionOf) return <span className="badge warn">new revision of an article</span>;
  return <span className="badge ok">ready</span>;
}

/** What happened when the file was saved, with a link to the article. */
function OutcomeLine({ outcome }: { outcome: ImportOutcome }) {
  const link = outcome.articleId ? <Link href={`/articles/${outcome.articleId}`}>{outcome.title ?? "the article"}</Link> : null;
  switch (outcome.status) {
    case "imported":
      return <p className="alert success" role="status">Imported as {link}.</p>;
    case "duplicate":
      return <p className="alert info" role="status">Duplicate: this content was already imported as {link}. Nothing new was stored.</p>;
    case "revision":
      return <p className="alert success" role="status">Saved as revision {outcome.revisionNumber} of {link} (same URL, changed content).</p>;
    default:
      return <p className="alert error" role="alert">Not imported: {outcome.error}</p>;
  }
}

/** One file of an import: its extraction before saving (metadata, body, removed lines with reasons) and the result after. */
export function ImportPreviewItem({ name, preview, outcome, initiallyOpen }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const title = preview?.ok ? preview.metadata.title : null;
  return (
    <article className="card" aria-label={`Import of ${name}`}>
      <div className="preview-head">
        <h3>{name}</h3>
        <PreviewStatus preview={preview} />
      </div>
      {title ? (
        <p>
          <strong>{title}</strong>
          {preview?.ok && preview.metadata.titleProvisional ? <> <span className="badge warn">provisional title</span></> : null}
        </p>
      ) : null}
      {preview && !preview.ok ? <p className="alert error" role="alert">{preview.error}</p> : null}
      {preview?.ok && preview.duplicateOf && !outcome ? (
        <p className="muted">The same content was imported before as <Link href={`/articles/${preview.duplicateOf.id}`}>{preview.duplicateOf.title}</Link>; importing it again stores nothing.</p>
      ) : null}
      {preview?.ok && preview.revisionOf && !outcome ? (
        <p className="muted">An article with this URL exists: <Link href={`/articles/${preview.revisionOf.id}`}>{preview.revisionOf.title}</Link>. Saving adds this version as a new revision.</p>
      ) : null}
      {outcome ? <OutcomeLine outcome={outcome} /> : null}
      {preview?.ok ? (
        <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>Extraction of {name}</summary>
          {open ? <Extraction preview={preview} /> : null}
        </details>
      ) : null}
    </article>
  );
}

function Extraction({ preview }: { preview: Extract<ImportPreview, { ok: true }> }) {
  const { metadata } = preview;
  const facts: [string, string][] = [
    ["Title", metadata.titleProvisional ? `${metadata.title} (provisional: no headline found)` : metadata.title],
    ["Outlet", metadata.outlet ?? "unknown"],
    ["Original URL", metadata.url ?? "none"],
    ["Author", metadata.author ?? "not named"],
    ["Published", metadata.publishedAt ? formatDay(metadata.publishedAt) : "not stated"],
    ["Language", metadata.language ?? "not recognised"],
    ["Kind", KIND_LABELS[metadata.kind]],
  ];
  if (metadata.commentators.length) facts.push(["Commentators", metadata.commentators.join(", ")]);
  if (metadata.disclaimer) facts.push(["Disclaimer", metadata.disclaimer]);
  facts.push(["Read as", `${preview.format}, ${preview.encoding}`]);
  return (
    <div className="preview-body">
      <div>
        <h4>Metadata</h4>
        <dl className="metadata-list">
          {facts.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h4>Removed lines ({preview.removed.length})</h4>
        {preview.removed.length === 0 ? (
          <p className="muted">Nothing was removed.</p>
        ) : (
          <ul className="removed-lines" aria-label="Removed lines">
            {preview.removed.map((line, i) => (
              <li key={i}>
                <del>{line.text}</del> <span className="badge">{line.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h4>Body ({preview.paragraphs.length} paragraphs)</h4>
        <ol aria-label="Body paragraphs">
          {preview.paragraphs.map((paragraph, i) => <li key={i}>{paragraph}</li>)}
        </ol>
      </div>
    </div>
  );
}
