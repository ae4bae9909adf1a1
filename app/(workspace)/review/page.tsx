import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { kindLabel } from "@/components/annotations/labels";
import { CursorPagination } from "@/components/ui/pagination";
import { canReviewAnnotation } from "@/lib/annotations/permissions";
import { listAnnotationKinds, listReviewQueue, listReviewQueueFacets, type ReviewQueuePage } from "@/lib/annotations/queries";
import { type ReviewQueueFilter, reviewQueueFilterSchema } from "@/lib/annotations/schemas";
import type { Actor } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { loadReviewContext } from "@/lib/annotations/review-context";
import { BULK_FORM_ID, BulkApprove } from "./_components/bulk-approve";
import { ReviewDecision } from "./_components/review-decision";
import "@/components/annotations/annotations.css";

export const metadata: Metadata = { title: "Review queue" };

const AGE_OPTIONS = [
  { value: "", label: "Any age" },
  { value: "1", label: "Waiting 1 day or more" },
  { value: "3", label: "Waiting 3 days or more" },
  { value: "7", label: "Waiting a week or more" },
  { value: "30", label: "Waiting a month or more" },
];

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function age(iso: string): string {
  const days = Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
  return days === 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

/** The queue's page, and whether it follows a cursor; a link whose cursor no longer reads as one starts again at the first page. */
async function readQueue(actor: Actor, filter: ReviewQueueFilter): Promise<[ReviewQueuePage, boolean]> {
  try {
    return [await listReviewQueue(actor, filter), Boolean(filter.cursor)];
  } catch (error) {
    if (!(error instanceof ValidationError) || !filter.cursor) throw error;
    return [await listReviewQueue(actor, { ...filter, cursor: undefined }), false];
  }
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("annotations.read");
  const params = await searchParams;
  const parsed = reviewQueueFilterSchema.safeParse({
    articleId: first(params.article),
    kind: first(params.kind),
    authorId: first(params.author),
    minAgeDays: first(params.age),
    cursor: first(params.cursor),
  });
  const filter: ReviewQueueFilter = parsed.success ? parsed.data : {};
  const [[queue, paged], facets, kinds] = await Promise.all([
    readQueue(actor, filter),
    listReviewQueueFacets(actor, { selectedArticleId: filter.articleId }),
    listAnnotationKinds({ includeInactive: true }),
  ]);
  const selected = (name: string) => first(params[name]) ?? "";
  const { items, total, totalIs, nextCursor } = queue;
  const contexts = await loadReviewContext(items.map((item) => item.id));
  const selectable = items.filter((item) => canReviewAnnotation(actor, item)).length;

  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">
        Annotations awaiting review, oldest first. {actor.role === "ANALYST" ? "You cannot review your own." : "Analysts approve, reject or request changes."}
      </p>
      <form method="get" className="card inline-form" aria-label="Filter the review queue">
        <div className="field">
          <label htmlFor="filter-article">Article</label>
          <select id="filter-article" name="article" defaultValue={selected("article")}>
            <option value="">All articles</option>
            {facets.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">Kind</label>
          <select id="filter-kind" name="kind" defaultValue={selected("kind")}>
            <option value="">All kinds</option>
            {kinds.map((kind) => (
              <option key={kind.key} value={kind.key}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" name="author" defaultValue={selected("author")}>
            <option value="">All authors</option>
            {facets.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-age">Age</label>
          <select id="filter-age" name="age" defaultValue={selected("age")}>
            {AGE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Apply filters
        </button>
        <Link href="/review">Clear</Link>
      </form>

      <h2>
        {total === 1 ? "1 annotation" : `${{ exact: "", "at-least": "At least ", about: "About " }[totalIs]}${total.toLocaleString("en")} annotations`} awaiting
        review
        {paged ? ", continued" : ""}
      </h2>
      {total === 0 ? <p>Nothing is waiting for review.</p> : null}
      <BulkApprove selectable={selectable} />
      {items.map((item) => {
        const context = contexts.get(item.id);
        const quote = item.anchorStatus === "ORPHANED" ? item.originalExact : item.exact;
        const label = `${kindLabel(kinds, item.kind)} on ${item.article.title}`;
        return (
          <article key={item.id} className="card review-queue-item" aria-label={label}>
            <header>
              <span>
                {canReviewAnnotation(actor, item) ? (
                  <input
                    type="checkbox"
                    form={BULK_FORM_ID}
                    value={item.id}
                    data-version={item.version}
                    aria-label={`Select “${quote.slice(0, 60)}”`}
                    className="review-select"
                  />
                ) : null}{" "}
                <strong>{kindLabel(kinds, item.kind)}</strong> on <Link href={`/articles/${item.article.id}#annotation-${item.id}`}>{item.article.title}</Link>
              </span>
              <span className="muted">
                by {item.author.name} · <LocalDate value={item.createdAt} style="timestamp" /> · waiting {age(item.createdAt)}
                {item.anchorStatus !== "ANCHORED" ? ` · ${item.anchorStatus === "ORPHANED" ? "orphaned" : "re-anchored, check"}` : ""}
              </span>
            </header>
            {context && item.anchorStatus !== "ORPHANED" ? (
              <blockquote className="annotation-quote review-context" aria-label="Passage in context">
                {context.passage.before ? <span className="muted">{context.passage.before}</span> : null}
                <mark>{context.passage.quote}</mark>
                {context.passage.after ? <span className="muted">{context.passage.after}</span> : null}
              </blockquote>
            ) : (
              <blockquote className="annotation-quote">{quote}</blockquote>
            )}
            {context?.claim || (context?.links.length ?? 0) > 0 ? (
              <dl className="review-facts">
                {context?.claim ? (
                  <>
                    <dt>Claim</dt>
                    <dd>
                      {context.claim.attribute}: <strong>{context.claim.value}</strong>
                      {context.claim.subject ? (
                        <>
                          {" "}
                          · about the {context.claim.subject.type} <Link href={context.claim.subject.href}>{context.claim.subject.label}</Link>
                        </>
                      ) : null}
                    </dd>
                  </>
                ) : null}
                {context && context.links.length > 0 ? (
                  <>
                    <dt>Linked to</dt>
                    <dd>
                      {context.links.map((link, index) => (
                        <span key={`${link.href}-${index}`}>
                          {index > 0 ? "; " : ""}
                          {link.relation} the {link.type} <Link href={link.href}>{link.label}</Link>
                        </span>
                      ))}
                    </dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is produced by the lib/rich-text sanitizer when the comment is saved. */}
            {item.bodyHtml ? <div className="annotation-comment" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} /> : null}
            {item.tags.length > 0 ? <p className="muted">Tags: {item.tags.join(", ")}</p> : null}
            {canReviewAnnotation(actor, item) ? (
              <ReviewDecision annotationId={item.id} version={item.version} quote={item.exact} />
            ) : (
              <p className="muted">{actor.role === "ANALYST" ? "Your own annotation: another analyst reviews it." : "Awaiting an analyst."}</p>
            )}
          </article>
        );
      })}
      <CursorPagination
        path="/review"
        params={Object.fromEntries(Object.entries(params).map(([name, value]) => [name, first(value)]))}
        paged={paged}
        nextCursor={nextCursor}
      />
    </>
  );
}
