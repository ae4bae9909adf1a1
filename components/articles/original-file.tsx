import type { RevisionDetail } from "@/lib/articles/queries";
import { FORMAT_LABELS, formatBytes } from "./format";
import "./articles.css";

type Props = { articleId: string; revision: RevisionDetail; original: { text: string; truncated: boolean } };

/** What was imported, byte for byte: facts, a download, and the text as read (never rendered as HTML). */
export function OriginalFile({ articleId, revision, original }: Props) {
  return (
    <div className="card">
      <dl className="metadata-list">
        <dt>File</dt>
        <dd>{revision.originalFilename ?? <span className="muted">pasted text</span>}</dd>
        <dt>Format</dt>
        <dd>
          {FORMAT_LABELS[revision.originalFormat] ?? revision.originalFormat}, {revision.encoding}
        </dd>
        <dt>Size</dt>
        <dd>{formatBytes(revision.originalSize)}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code>{revision.contentHash}</code>
        </dd>
      </dl>
      <p>
        <a className="button secondary" href={`/articles/${articleId}/revisions/${revision.number}/original`} download>
          Download the original
        </a>
      </p>
      <details>
        <summary>Show the original as imported</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so that keyboard users can scroll a long original. */}
        <pre className="original-text" role="region" aria-label="Original text" tabIndex={0}>
          {original.text}
        </pre>
        {original.truncated ? <p className="muted">Only the beginning is shown; download the file for all of it.</p> : null}
      </details>
    </div>
  );
}
