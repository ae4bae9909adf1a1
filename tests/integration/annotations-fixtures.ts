import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** An article with one revision holding `text`, made directly: the annotation tests need no importer. */
export async function makeArticle(text: string, createdById?: string): Promise<{ id: string; revisionId: string }> {
  const article = await db.article.create({ data: { title: `Test article ${randomBytes(4).toString("hex")}`, createdById } });
  const revision = await addRevision(article.id, text);
  return { id: article.id, revisionId: revision.id };
}

/** Adds the next revision and makes it current, as an import of a corrected text would. */
export async function addRevision(articleId: string, text: string): Promise<{ id: string; text: string }> {
  const count = await db.articleRevision.count({ where: { articleId } });
  const bytes = Buffer.from(text, "utf8");
  const revision = await db.articleRevision.create({
    data: {
      articleId,
      number: count + 1,
      originalBytes: bytes,
      originalFormat: "text",
      encoding: "utf-8",
      contentHash: createHash("sha256").update(bytes).digest("hex"),
      text,
      removed: [],
      metadata: {},
    },
  });
  await db.article.update({ where: { id: articleId }, data: { currentRevisionId: revision.id } });
  return { id: revision.id, text };
}
