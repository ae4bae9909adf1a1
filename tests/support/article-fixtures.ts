import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/**
 * An article with one revision holding `text`, inserted directly so entity and event tests
 * do not depend on the importer. Titles and URLs are unique per call.
 */
export async function makeArticle(
  author: Actor,
  options: { text: string; title?: string; outlet?: string | null; publishedAt?: string | null },
): Promise<{ articleId: string; revisionId: string }> {
  const suffix = randomBytes(4).toString("hex");
  const article = await db.article.create({
    data: {
      title: options.title ?? `Test article ${suffix}`,
      outlet: options.outlet === undefined ? "Test Outlet" : options.outlet,
      url: `https://example.test/${suffix}`,
      publishedAt: options.publishedAt ? new Date(`${options.publishedAt}T00:00:00Z`) : null,
      createdById: author.id,
    },
  });
  const bytes = Buffer.from(options.text, "utf8");
  const revision = await db.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      originalBytes: bytes,
      originalFormat: "text",
      encoding: "utf-8",
      contentHash: createHash("sha256").update(bytes).digest("hex"),
      text: options.text,
      removed: [],
      metadata: {},
      createdById: author.id,
    },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  return { articleId: article.id, revisionId: revision.id };
}

/** An annotation row on the article's current revision covering the first occurrence of `quote`. */
export async function makeAnnotation(
  author: Actor,
  article: { articleId: string; revisionId: string },
  quote: string,
  kind = "note",
): Promise<{ id: string; start: number; end: number }> {
  const revision = await db.articleRevision.findUniqueOrThrow({ where: { id: article.revisionId }, select: { text: true } });
  const start = revision.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article text`);
  const end = start + quote.length;
  const annotation = await db.annotation.create({
    data: {
      articleId: article.articleId,
      revisionId: article.revisionId,
      kind,
      body: {},
      exact: quote,
      prefix: revision.text.slice(Math.max(0, start - 32), start),
      suffix: revision.text.slice(end, end + 32),
      start,
      end,
      originalExact: quote,
      authorId: author.id,
    },
    select: { id: true, start: true, end: true },
  });
  return annotation;
}
