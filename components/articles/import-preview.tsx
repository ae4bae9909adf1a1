"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { type ArticleMetadata, withMetadataCorrections } from "@/lib/articles/article-metadata";
import { hasWordList, languageLabel } from "@/lib/articles/language";
import { blockLabel, groupLines, withDecisions } from "@/lib/articles/line-groups";
import { ARTICLE_KINDS, KIND_LABELS, type ImportMetadataInput, type ImportOutcome, type ImportPreview } from "@/lib/articles/schemas";
import "./articles.css";
import { PublishedDate } from "./published-date";

type Props = {
  name: string;
  preview: ImportPreview | null;
  outcome: ImportOutcome | null;
  /** Open the extraction at first (small batches): large ones start collapsed. */
  initiallyOpen: boolean;
  /** The editor's line choices so far, by line index; saved with the file. */
  decisions: ReadonlyMap<number, boolean>;
  onDecide: (indices: number[], kept: boolean) => void;
  /** What the editor typed in "Edit details", by field. */
  edits: DetailEdits;
  onEdit: (field: DetailField, value: string) => void;
  /** In a background batch the files are saved as extracted: corrections wait for the article page. */
  background: boolean;
};

/** The metadata an editor may correct before saving. */
export type DetailField = "title" | "outlet" | "publishedAt" | "author" | "kind";
export type DetailEdits = Partial<Record<DetailField, string>>;
const DETAIL_FIELDS: readonly DetailField[] = ["title", "outlet", "publishedAt", "author", "kind"];
const KIND_OPTIONS = ARTICLE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/**
 * The fields the editor changed from the extraction, as the save takes them: an emptied outlet,
 * author or date means "not known"; an emptied title keeps the extracted one.
 */
export function detailCorrections(metadata: ArticleMetadata, edits: DetailEdits): ImportMetadataInput {
  const corrections: Record<string, string | null> = {};
  for (const field of DETAIL_FIELDS) {
    const typed = edits[field]?.trim();
    if (typed === undefined || (field === "title" && typed === "")) continue;
    const value = typed === "" ? null : typed;
    if (value !== metadata[field]) corrections[field] = value;
  }
  return corrections as ImportMetadataInput;
}

/** The extraction with the editor's corrections, as it will be saved. */
function correctedMetadata(metadata: ArticleMetadata, edits: DetailEdits): ArticleMetadata {
  return withMetadataCorrections(metadata, detailCorrections(metadata, edits) as Partial<ArticleMetadata>);
}

function PreviewStatus({ preview, outcome }: { preview: ImportPreview | null; outcome: ImportOutcome | null }) {
  if (outcome) {
    if (outcome.status === "imported") return <span className="badge ok">imported</span>;
    if (outcome.status === "revision") return <span className="badge ok">saved as a revision</span>;
    if (outcome.status === "duplicate") return <span className="badge warn">already imported</span>;
    return <span className="badge error">not imported</span>;
  }
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
export function ImportPreviewItem({ name, preview, outcome, initiallyOpen, decisions, onDecide, edits, onEdit, background }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const metadata = preview?.ok ? correctedMetadata(preview.metadata, edits) : null;
  // Duplicates store nothing, and a new revision keeps the article's metadata: only new articles take corrections.
  const correctable = preview?.ok && !preview.duplicateOf && !preview.revisionOf && !outcome;
  return (
    <article className="card" aria-label={`Import of ${name}`}>
      <div className="preview-head">
        <h3>{name}</h3>
        <PreviewStatus preview={preview} outcome={outcome} />
      </div>
      {metadata ? (
        <p>
          <strong>{metadata.title}</strong>
          {metadata.titleProvisional ? (
            <>
              {" "}
              <span className="badge warn">provisional title</span>
            </>
          ) : null}
        </p>
      ) : null}
      {correctable && preview.ok ? (
        background ? (
          <p className="muted">In a background import the files are saved as extracted; correct their details on each article&apos;s page afterwards.</p>
        ) : (
          <DetailsForm name={name} metadata={preview.metadata} edits={edits} onEdit={onEdit} />
        )
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
          {open ? <Extraction preview={preview} metadata={metadata!} decisions={decisions} onDecide={outcome ? null : onDecide} /> : null}
        </details>
      ) : null}
    </article>
  );
}

/** "Edit details": the extracted title, outlet, date, author and kind, corrected before the file is saved. */
function DetailsForm({ name, metadata, edits, onEdit }: { name: string; metadata: ArticleMetadata; edits: DetailEdits; onEdit: Props["onEdit"] }) {
  const [open, setOpen] = useState(false);
  const formId = useId();
  const value = (field: DetailField) => edits[field] ?? metadata[field] ?? "";
  const input = (field: DetailField) => ({
    value: value(field),
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onEdit(field, event.target.value),
  });
  return (
    <div className="import-details">
      <button type="button" className="button secondary" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Edit details
      </button>
      {open ? (
        <fieldset id={formId} className="metadata-form">
          <legend>Details of {name}, saved with it</legend>
          <Field label="Title" {...input("title")} maxLength={500} />
          <Field label="Outlet" {...input("outlet")} maxLength={200} hint="Empty: unknown." />
          <Field label="Published" type="date" {...input("publishedAt")} hint="Empty: not stated." />
          <Field label="Author" {...input("author")} maxLength={300} hint="Empty: not named." />
          <SelectField label="Kind" options={KIND_OPTIONS} {...input("kind")} />
        </fieldset>
      ) : null}
    </div>
  );
}

type ExtractionProps = {
  preview: Extract<ImportPreview, { ok: true }>;
  /** The extraction's metadata with the editor's corrections. */
  metadata: ArticleMetadata;
  decisions: ReadonlyMap<number, boolean>;
  /** Null once saved: the choices can no longer change what was stored. */
  onDecide: Props["onDecide"] | null;
};

function Extraction({ preview, metadata, decisions, onDecide }: ExtractionProps) {
  const lines = withDecisions(preview.lines, decisions);
  const groups = groupLines(lines);
  const blocks = groups.flatMap((group) => (group.kind === "removed" ? [group] : []));
  const kept = groups.flatMap((group) => (group.kind === "kept" ? [group] : []));
  const removedCount = lines.length - kept.length;
  const unsure = lines.filter((line) => line.unsure).length;
  const language = metadata.language ? languageLabel(metadata.language) : "not recognised";
  const facts: [string, React.ReactNode][] = [
    ["Title", metadata.titleProvisional ? `${metadata.title} (provisional: no headline found)` : metadata.title],
    ["Outlet", metadata.outlet ?? "unknown"],
    ["Original URL", metadata.url ?? "none"],
    ["Author", metadata.author ?? "not named"],
    ["Published", metadata.publishedAt ? <PublishedDate key="published" day={metadata.publishedAt} time={metadata.publishedTime} /> : "not stated"],
    [
      "Language",
      preview.format === "text" && (preview.classifiedLanguage === null || !hasWordList(preview.classifiedLanguage))
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
                      <del dir="auto">{block.lines[0].text}</del> <span className="badge">{block.reason}</span>
                    </>
                  ) : (
                    <details className="removed-block">
                      <summary>
                        {label}
                        {block.unsure ? (
                          <>
                            {" "}
                            <span className="badge warn">{block.unsure} unsure</span>
                          </>
                        ) : null}
                      </summary>
                      {block.lines.map((line, k) => (
                        <div key={block.indices[k]}>
                          <del dir="auto">{line.text}</del>
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
              <bdi>{line.text}</bdi>
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
