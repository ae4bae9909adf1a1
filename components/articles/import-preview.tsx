"use client";

import { formatDay } from "@/lib/dates/format";
import Link from "next/link";
import { useState } from "react";
import { blockLabel, groupLines, withDecisions } from "@/lib/articles/line-groups";
import { KIND_LABELS, type ImportOutcome, type ImportPreview } from "@/lib/articles/schemas";
import "./articles.css";

type Props = {
  name: string;
  preview: ImportPreview | null;
  outcome: ImportOutcome | null;
  /** Open the extraction at first (small batches): large ones start collapsed. */
  initiallyOpen: boolean;
  /** The editor's line choices so far, by line index; saved with the file. */
  decisions: ReadonlyMap<number, boolean>;
  onDecide: (indices: number[], kept: boolean) => void;
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
      return (
        <p className="alert success" role="status">
          Imported as {link}.
        </p>
      );
    case "duplicate":
      return (
        <p className="alert info" role="status">
          Duplicate: this content was already imported as {link}. Nothing new was stored.
        </p>
      );
    case "revision":
      return (
        <p className="alert success" role="status">
          Saved as revision {outcome.revisionNumber} of {link} (same URL, changed content).
        </p>
      );
    default:
      return (
        <p className="alert error" role="alert">
          Not imported: {outcome.error}
        </p>
      );
  }
}

/** One file of an import: its extraction before saving (metadata, body, removed lines with reasons) and the result after. */
export function ImportPreviewItem({ name, preview, outcome, initiallyOpen, decisions, onDecide }: Props) {
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
          {preview?.ok && preview.metadata.titleProvisional ? (
            <>
              {" "}
              <span className="badge warn">provisional title</span>
            </>
          ) : null}
        </p>
      ) : null}
      {preview && !preview.ok ? (
        <p className="alert error" role="alert">
          {preview.error}
        </p>
      ) : null}
      {preview?.ok && preview.duplicateOf && !outcome ? (
        <p className="muted">
          The same content was imported before as <Link href={`/articles/${preview.duplicateOf.id}`}>{preview.duplicateOf.title}</Link>; importing it again
          stores nothing.
        </p>
      ) : null}
      {preview?.ok && preview.revisionOf && !outcome ? (
        <p className="muted">
          An article with this URL exists: <Link href={`/articles/${preview.revisionOf.id}`}>{preview.revisionOf.title}</Link>. Saving adds this version as a
          new revision.
        </p>
      ) : null}
      {outcome ? <OutcomeLine outcome={outcome} /> : null}
      {preview?.ok ? (
        <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>Extraction of {name}</summary>
          {open ? <Extraction preview={preview} decisions={decisions} onDecide={outcome ? null : onDecide} /> : null}
        </details>
      ) : null}
    </article>
  );
}

type ExtractionProps = {
  preview: Extract<ImportPreview, { ok: true }>;
  decisions: ReadonlyMap<number, boolean>;
  /** Null once saved: the choices can no longer change what was stored. */
  onDecide: Props["onDecide"] | null;
};

function Extraction({ preview, decisions, onDecide }: ExtractionProps) {
  const { metadata } = preview;
  const lines = withDecisions(preview.lines, decisions);
  const groups = groupLines(lines);
  const blocks = groups.flatMap((group) => (group.kind === "removed" ? [group] : []));
  const kept = groups.flatMap((group) => (group.kind === "kept" ? [group] : []));
  const removedCount = lines.length - kept.length;
  const unsure = lines.filter((line) => line.unsure).length;
  const language = metadata.language ?? "not recognised";
  const facts: [string, string][] = [
    ["Title", metadata.titleProvisional ? `${metadata.title} (provisional: no headline found)` : metadata.title],
    ["Outlet", metadata.outlet ?? "unknown"],
    ["Original URL", metadata.url ?? "none"],
    ["Author", metadata.author ?? "not named"],
    ["Published", metadata.publishedAt ? formatDay(metadata.publishedAt) : "not stated"],
    [
      "Language",
      preview.format === "text" && preview.classifiedLanguage === null
        ? `${language}; lines sorted by their shape alone (no word list for this language)`
        : language,
    ],
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
        <h4>Removed lines ({removedCount})</h4>
        {unsure ? (
          <p className="muted">
            {unsure} line{unsure === 1 ? "" : "s"} marked “unsure”: check {unsure === 1 ? "it" : "them"} first.
          </p>
        ) : null}
        {blocks.length === 0 ? (
          <p className="muted">Nothing was removed.</p>
        ) : (
          <ul className="removed-lines" aria-label="Removed lines">
            {blocks.map((block) => {
              const label = blockLabel(block.reason, block.lines.length);
              return (
                <li key={block.indices[0]}>
                  {block.lines.length === 1 ? (
                    <>
                      <del>{block.lines[0].text}</del> <span className="badge">{block.reason}</span>
                    </>
                  ) : (
                    <details className="removed-block">
                      <summary>{label}</summary>
                      {block.lines.map((line, k) => (
                        <div key={block.indices[k]}>
                          <del>{line.text}</del>
                          {line.unsure ? (
                            <>
                              {" "}
                              <span className="badge warn">unsure</span>
                            </>
                          ) : null}
                        </div>
                      ))}
                    </details>
                  )}
                  {block.lines.length === 1 && block.unsure ? (
                    <>
                      {" "}
                      <span className="badge warn">unsure</span>
                    </>
                  ) : null}
                  {onDecide ? (
                    <button type="button" className="button secondary" aria-label={`Restore ${label}`} onClick={() => onDecide(block.indices, true)}>
                      Restore
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div>
        <h4>Body ({kept.length} paragraphs)</h4>
        {preview.noArticleFound ? (
          <p className="alert warn" role="alert">
            No article text found: this page looks like a home page or a list of links. Every line is kept so that nothing is lost; remove what is not article
            text, or leave this page out.
          </p>
        ) : null}
        <ol aria-label="Body paragraphs">
          {kept.map(({ index, line }) => (
            <li key={index}>
              {line.text}
              {line.unsure ? (
                <>
                  {" "}
                  <span className="badge warn">unsure</span>
                </>
              ) : null}
              {onDecide && (line.unsure || preview.noArticleFound) ? (
                <>
                  {" "}
                  <button type="button" className="button secondary" aria-label={`Remove line ${index + 1}`} onClick={() => onDecide([index], false)}>
                    Remove
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
