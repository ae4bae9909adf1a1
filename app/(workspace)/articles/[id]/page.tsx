import { LocalDate } from "@/components/ui/local-date";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleAnnotations } from "@/components/annotations/article-annotations";
import { ArticleFacts } from "@/components/articles/article-facts";
import { ArticleMetadataForm } from "@/components/articles/article-metadata-form";
import { Disclosure } from "@/components/ui/disclosure";
import { OpenContradictionsBadge } from "@/components/contradictions/open-contradictions-badge";
import { ArticleSuggestions } from "@/components/entities/article-suggestions";
import { LineList } from "@/components/articles/line-list";
import { OriginalFile } from "@/components/articles/original-file";
import { ArticleProposals } from "@/components/proposals/article-proposals";
import { RevisionList } from "@/components/articles/revision-list";
import { articleMetadata } from "@/lib/articles/article-metadata";
import { canEditArticles } from "@/lib/articles/permissions";
import { decodeOriginal, getArticle, getOriginalFile } from "@/lib/articles/queries";
import { KIND_LABELS } from "@/lib/articles/schemas";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { PageSectionsNav } from "./_components/page-sections-nav";
import { reviewAnnotationAction } from "../../review/actions";
import {
  acceptClaimProposalAction,
  acceptEventProposalAction,
  changeArticleLinesAction,
  confirmAnchorAction,
  createAnnotationAction,
  createReplyAction,
  deleteAnnotationAction,
  dismissClaimProposalAction,
  dismissEventProposalAction,
  reattachAnnotationAction,
  requestCitationReviewAction,
  updateAnnotationAction,
  updateArticleAction,
} from "./actions";

const ANNOTATION_ACTIONS = {
  create: createAnnotationAction,
  update: updateAnnotationAction,
  remove: deleteAnnotationAction,
  reattach: reattachAnnotationAction,
  confirmAnchor: confirmAnchorAction,
  requestCitationReview: requestCitationReviewAction,
  review: reviewAnnotationAction,
  reply: createReplyAction,
};

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const article = await getArticle(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const revision = article.currentRevision;
  const original = decodeOriginal(await getOriginalFile(actor, id, revision.number));
  const canEdit = canEditArticles(actor);
  const removedCount = revision.lines.filter((line) => !line.kept).length;

  return (
    <article aria-labelledby="article-title">
      <p>
        <Link href="/articles">← All articles</Link>
      </p>
      <h1 id="article-title">
        <bdi>{article.title}</bdi>
        {article.titleProvisional ? (
          <>
            {" "}
            <span className="badge warn">provisional title</span>
          </>
        ) : null}
      </h1>
      <p className="muted">
        {article.outlet ? `${article.outlet} · ` : null}
        {article.publishedAt ? (
          <>
            <LocalDate value={article.publishedAt} />
            {" · "}
          </>
        ) : null}
        {KIND_LABELS[article.kind]} · revision {revision.number} of {article.revisions.length}
      </p>
      <OpenContradictionsBadge articleId={article.id} />

      <PageSectionsNav
        sections={[
          { href: "#text-heading", label: "Text and annotations" },
          { href: "#metadata-heading", label: "Metadata" },
          { href: "#suggestions-heading", label: "Suggested mentions" },
          { href: "#proposals-heading", label: "Proposed events and claims" },
          { href: "#provenance-heading", label: "Provenance" },
        ]}
      />

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        <ArticleAnnotations actor={actor} article={{ id: article.id, currentRevisionId: revision.id, text: revision.text }} actions={ANNOTATION_ACTIONS} />
      </section>

      <section aria-labelledby="metadata-heading" className="card">
        <h2 id="metadata-heading">Metadata</h2>
        <ArticleFacts article={article} />
        {canEdit ? (
          <Disclosure summary="Correct the metadata" defaultOpen={article.titleProvisional}>
            <ArticleMetadataForm article={{ id: article.id, version: article.version, ...articleMetadata(article) }} save={updateArticleAction} />
          </Disclosure>
        ) : null}
      </section>

      <ArticleSuggestions actor={actor} articleId={article.id} />

      <ArticleProposals
        actor={actor}
        articleId={article.id}
        decisions={{
          acceptEvent: acceptEventProposalAction,
          dismissEvent: dismissEventProposalAction,
          acceptClaim: acceptClaimProposalAction,
          dismissClaim: dismissClaimProposalAction,
        }}
      />

      <section aria-labelledby="provenance-heading" className="card">
        <h2 id="provenance-heading">Provenance</h2>
        <h3>Original</h3>
        <OriginalFile articleId={article.id} revision={revision} original={original} />
        <h3>Lines</h3>
        <p className="muted">
          The importer kept {revision.lines.length - removedCount} and removed {removedCount} of {revision.lines.length} lines.
          {canEdit ? " Restoring or removing a line makes a new revision; annotations move with the text." : ""}
        </p>
        <LineList articleId={article.id} revisionId={revision.id} lines={revision.lines} change={canEdit ? changeArticleLinesAction : undefined} />
        <h3>Revisions</h3>
        <RevisionList articleId={article.id} revisions={article.revisions} currentNumber={revision.number} />
      </section>
    </article>
  );
}
