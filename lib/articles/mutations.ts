import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { LONG_TRANSACTION } from "@/lib/db/long-transaction";
import { dateOfIsoDay } from "@/lib/iso-day";
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { emit } from "@/lib/jobs/signals";
import { applyLineDecisions, normalizedText, type ClassifiedLine } from "./extract";
import { canEditArticles } from "./permissions";
import { articleRevised, articleTextsChanged, type ReanchorCounts } from "./signals";
import type { ChangeLinesInput, UpdateArticleData } from "./schemas";

const editableFields = {
  id: true,
  title: true,
  titleProvisional: true,
  outlet: true,
  url: true,
  author: true,
  publishedAt: true,
  publishedTime: true,
  kind: true,
  version: true,
} as const;

type EditableState = Prisma.ArticleGetPayload<{ select: typeof editableFields }>;

function editableView(article: EditableState) {
  return { ...article, publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null };
}

/**
 * Corrects the metadata. Saving a title confirms it (no longer provisional). The update names
 * the version the editor started from; a stale one gets a ConflictError with the current state.
 */
export async function updateArticle(actor: Actor, data: UpdateArticleData) {
  if (!canEditArticles(actor)) throw new ForbiddenError("Only editors and admins can change articles.");
  return db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id: data.articleId }, select: editableFields });
    if (!current) throw new NotFoundError("The article");
    const stale = () =>
      new StaleVersionError("Someone else changed this article after you opened it. Their version is shown; make your change again.", {
        current: editableView(current),
      });
    if (current.version !== data.version) throw stale();
    if (data.url && data.url !== current.url) {
      const other = await tx.article.findUnique({ where: { url: data.url }, select: { id: true, title: true } });
      if (other) throw new ConflictError(`Another article already has this URL: “${other.title}”.`, { articleId: other.id });
    }
    const changes = {
      title: data.title,
      outlet: data.outlet,
      url: data.url,
      author: data.author,
      publishedAt: data.publishedAt === undefined ? undefined : data.publishedAt === null ? null : dateOfIsoDay(data.publishedAt),
      // The time the source stated belongs to the day it stated; another day drops it.
      publishedTime: data.publishedAt !== undefined && data.publishedAt !== editableView(current).publishedAt ? null : undefined,
      kind: data.kind,
    };
    const { count } = await tx.article.updateMany({
      where: { id: current.id, version: data.version },
      data: { ...changes, ...(data.title !== undefined || data.confirmTitle ? { titleProvisional: false } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    const updated = await tx.article.findUniqueOrThrow({ where: { id: current.id }, select: editableFields });
    const before = editableView(current);
    const after = editableView(updated);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => before[key] !== after[key]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.update",
      targetType: "Article",
      targetId: current.id,
      detail: {
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        titleConfirmed: current.titleProvisional && !updated.titleProvisional,
      },
    });
    return after;
  });
}

/**
 * Restores removed lines or removes kept ones: a new revision with the same original bytes, and
 * the article's annotations re-anchored onto it. The editor names the revision they looked at;
 * if the article moved on meanwhile, a ConflictError carries the current revision.
 */
export async function changeArticleLines(actor: Actor, data: ChangeLinesInput): Promise<{ revisionId: string; number: number; reanchored: ReanchorCounts }> {
  if (!canEditArticles(actor)) throw new ForbiddenError("Only editors and admins can change articles.");
  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true, currentRevisionId: true } });
    if (!article?.currentRevisionId) throw new NotFoundError("The article");
    await tx.$executeRaw`SELECT 1 FROM "Article" WHERE "id" = ${article.id} FOR UPDATE`;
    const current = await tx.articleRevision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
    if (current.id !== data.revisionId) {
      throw new StaleVersionError("The article has a newer revision than the one you were looking at. Review it and try again.", {
        currentRevisionId: current.id,
        currentRevisionNumber: current.number,
      });
    }
    const lines = current.removed as unknown as ClassifiedLine[];
    let content: ReturnType<typeof applyLineDecisions>;
    try {
      content = applyLineDecisions(lines, data.decisions);
    } catch (error) {
      if (error instanceof RangeError) throw new ValidationError(error.message);
      throw error;
    }
    const changed = data.decisions.filter(({ index, kept }) => lines[index].kept !== kept);
    if (changed.length === 0) throw new ValidationError("Nothing changes: those lines are already as you asked.");
    if (content.paragraphs.length === 0) throw new ValidationError("An article needs at least one paragraph of text: keep at least one line.");

    const last = await tx.articleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = last.number + 1;
    const text = normalizedText(content.paragraphs);
    const revision = await tx.articleRevision.create({
      data: {
        articleId: article.id,
        number,
        originalBytes: current.originalBytes,
        originalFilename: current.originalFilename,
        originalFormat: current.originalFormat,
        encoding: current.encoding,
        contentHash: current.contentHash,
        text,
        removed: content.lines as unknown as Prisma.InputJsonValue,
        metadata: current.metadata as Prisma.InputJsonValue,
        note: describeLineChanges(lines, changed),
        createdById: actor.id,
      },
      select: { id: true },
    });
    // The version guards metadata edits; a new revision is guarded by the revision the editor names.
    await tx.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
    const [reanchored] = await emit(articleRevised, tx, { articleId: article.id, revision: { id: revision.id, text } });
    await emit(articleTextsChanged, tx, { articleIds: [article.id] });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.revision",
      targetType: "Article",
      targetId: article.id,
      detail: { revisionId: revision.id, number, source: "lines", from: current.number, decisions: changed, reanchored },
    });
    return { revisionId: revision.id, number, reanchored };
  }, LONG_TRANSACTION);
  return result;
}

function describeLineChanges(lines: readonly ClassifiedLine[], changed: readonly { index: number; kept: boolean }[]): string {
  const quote = (index: number) => {
    const text = lines[index].text;
    return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
  };
  const restored = changed.filter((change) => change.kept).map((change) => quote(change.index));
  const removed = changed.filter((change) => !change.kept).map((change) => quote(change.index));
  return [restored.length ? `Restored ${restored.join(", ")}.` : "", removed.length ? `Removed ${removed.join(", ")}.` : ""].filter(Boolean).join(" ");
}
