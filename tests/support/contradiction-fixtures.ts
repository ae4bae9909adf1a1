import { createHash, randomBytes } from "node:crypto";
import { createAnnotation } from "@/lib/annotations/mutations";
import type { Actor } from "@/lib/auth/permissions";
import { createClaim } from "@/lib/contradictions/claims";
import type { ClaimValue } from "@/lib/contradictions/claim-values";
import { db } from "@/lib/db";
import { createEvent } from "@/lib/events/mutations";
import { createEventSchema } from "@/lib/events/schemas";

const unique = () => randomBytes(4).toString("hex");

export type TestArticle = { id: string; text: string; outlet: string | null };

/**
 * An article with one current revision. Written with Prisma directly: the import library
 * has no function that takes ready text, and these tests are about what comes after.
 */
export async function makeArticle(text: string, options: { outlet?: string | null; title?: string; publishedAt?: string } = {}): Promise<TestArticle> {
  const outlet = options.outlet === undefined ? `Outlet ${unique()}` : options.outlet;
  const article = await db.article.create({
    data: { title: options.title ?? `Article ${unique()}`, outlet, publishedAt: options.publishedAt ? new Date(`${options.publishedAt}T00:00:00Z`) : null },
  });
  const bytes = Buffer.from(text, "utf8");
  const revision = await db.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      originalBytes: bytes,
      originalFormat: "text",
      encoding: "utf-8",
      contentHash: createHash("sha256").update(bytes).update(unique()).digest("hex"),
      text,
      removed: [],
      metadata: {},
    },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  return { id: article.id, text, outlet };
}

export async function makeEvent(actor: Actor, title = `Call ${unique()}`): Promise<{ id: string; title: string }> {
  const { id } = await createEvent(actor, createEventSchema.parse({ type: "PHONE_CALL", title, confirmDuplicate: true }));
  return { id, title };
}

/**
 * Written with Prisma directly: createEntity starts a background refresh of every article's
 * mention suggestions, which would outlive the test.
 */
export async function makeEntity(name = `Person ${unique()}`, type: "PERSON" | "ORGANIZATION" | "PLACE" = "PERSON"): Promise<{ id: string; name: string }> {
  return db.entity.create({ data: { type, name, normalizedName: name.toLowerCase() }, select: { id: true, name: true } });
}

/** Annotates the first occurrence of `quote` in the article. */
export async function annotate(actor: Actor, article: TestArticle, quote: string, kind = "claim"): Promise<string> {
  const start = article.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article`);
  return (await createAnnotation(actor, { articleId: article.id, kind, start, end: start + quote.length, exact: quote })).id;
}

/** A claim on a new claim annotation of `quote`. */
export async function makeClaim(
  actor: Actor,
  article: TestArticle,
  quote: string,
  claim: { eventId?: string; entityId?: string; attribute: string; value: ClaimValue },
) {
  const start = article.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article`);
  return createClaim(actor, { annotation: { articleId: article.id, start, end: start + quote.length, exact: quote }, ...claim });
}

export const dayValue = (localDate: string): ClaimValue => ({ type: "date", localDate, precision: "day" });
