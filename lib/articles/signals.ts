import "server-only";
import { defineSignal } from "@/lib/jobs/signals";

/** What became of an article's annotations on its new revision. */
export type ReanchorCounts = { kept: number; moved: number; fuzzy: number; orphaned: number };

/**
 * An article has a new current revision, inside the transaction that wrote it. Whatever is
 * anchored in the old text (annotations) moves onto the new one before the write commits.
 */
export const articleRevised = defineSignal<{ articleId: string; revision: { id: string; text: string } }, ReanchorCounts>("article.revised");

/** Articles whose text is new or changed (imports, new revisions): work that may lag (suggestions) is queued. */
export const articleTextsChanged = defineSignal<{ articleIds: string[] }>("article.texts-changed");
