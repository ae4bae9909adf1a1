import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LineList } from "@/components/articles/line-list";
import { OriginalFile } from "@/components/articles/original-file";
import { decodeOriginal, getArticleRevision, getOriginalFile } from "@/lib/articles/queries";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";

type Params = Promise<{ id: string; n: string }>;

export const metadata: Metadata = { title: "Article revision" };

/** An earlier (or the current) revision, read-only, exactly as it was. */
export default async function RevisionPage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { id, n } = await params;
  const number = Number(n);
  if (!Number.isInteger(number) || number < 1) notFound();
  const found = await getArticleRevision(actor, id, number).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { article, revision, isCurrent } = found;
  const original = decodeOriginal(await getOriginalFile(actor, id, number));

  return (
    <article aria-labelledby="revision-title">
      <p>
        <Link href={`/articles/${article.id}`}>← Back to the article</Link>
      </p>
      <h1 id="revision-title">
        Revision {revision.number} of “{article.title}”
      </h1>
      <p className="muted">
        <LocalDate value={revision.createdAt} style="timestamp" />
        {revision.by ? ` by ${revision.by}` : ""}. {revision.note}
      </p>
      <p role="note" className="alert info">
        {isCurrent ? "This is the current revision." : `This is an earlier revision; the article has ${article.revisionCount}.`}
      </p>
      <section aria-labelledby="revision-text-heading">
        <h2 id="revision-text-heading">Text</h2>
        <div className="serif">
          {revision.paragraphs.map((paragraph, i) => (
            <p key={i} dir="auto">
              {paragraph}
            </p>
          ))}
        </div>
      </section>
      <section aria-labelledby="revision-provenance-heading">
        <h2 id="revision-provenance-heading">Provenance</h2>
        <OriginalFile articleId={article.id} revision={revision} original={original} />
        <h3>Lines</h3>
        <LineList articleId={article.id} revisionId={revision.id} lines={revision.lines} />
      </section>
    </article>
  );
}
