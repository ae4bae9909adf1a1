import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/mutations";
import { reanchorAnnotationsForRevision } from "@/lib/annotations/reanchor-revision";
import { db } from "@/lib/db";
import { makeUser } from "../support/fixtures";
import { addRevision, makeArticle } from "./annotations-fixtures";

const FIRST = [
  "The minister met the delegation in Geneva on Tuesday morning.",
  "Talks lasted four hours, according to a spokesperson for the ministry.",
  "Protesters gathered outside the building waving flags.",
  "No agreement was announced after the meeting ended.",
].join("\n\n");

function span(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length, exact: quote };
}

describe("reanchorAnnotationsForRevision", () => {
  it("keeps, moves, re-anchors fuzzily for checking, and orphans without deleting", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(FIRST);
    const make = (quote: string) => createAnnotation(editor, { articleId: article.id, kind: "note", ...span(FIRST, quote) });
    const kept = await make("The minister met the delegation");
    const moved = await make("Talks lasted four hours");
    const fuzzy = await make("Protesters gathered outside the building waving flags.");
    const orphan = await make("No agreement was announced after the meeting ended.");

    const second = [
      "The minister met the delegation in Geneva on Tuesday morning.",
      "A new paragraph was inserted here by the copy desk before publication.",
      "Talks lasted four hours, according to a spokesperson for the ministry.",
      "Protesters gathered outside the buildings, waving flags.",
      "The meeting closed with a joint statement.",
    ].join("\n\n");
    const revision = await addRevision(article.id, second);
    const counts = await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, article.id, revision));
    expect(counts).toEqual({ kept: 1, moved: 1, fuzzy: 1, orphaned: 1 });

    const rows = await db.annotation.findMany({ where: { articleId: article.id } });
    const byId = new Map(rows.map((row) => [row.id, row]));

    const keptRow = byId.get(kept.id)!;
    expect(keptRow).toMatchObject({ anchorStatus: "ANCHORED", revisionId: revision.id, start: 0 });

    const movedRow = byId.get(moved.id)!;
    expect(movedRow).toMatchObject({ anchorStatus: "ANCHORED", revisionId: revision.id, exact: "Talks lasted four hours" });
    expect(second.slice(movedRow.start, movedRow.end)).toBe("Talks lasted four hours");
    expect(movedRow.prefix).toBe(second.slice(movedRow.start - 32, movedRow.start));

    const fuzzyRow = byId.get(fuzzy.id)!;
    expect(fuzzyRow.anchorStatus).toBe("REANCHORED_CHECK");
    expect(fuzzyRow.exact).toBe("Protesters gathered outside the buildings, waving flags.");
    expect(second.slice(fuzzyRow.start, fuzzyRow.end)).toBe(fuzzyRow.exact);
    expect(fuzzyRow.originalExact).toBe("Protesters gathered outside the building waving flags.");

    const orphanRow = byId.get(orphan.id)!;
    expect(orphanRow).toMatchObject({
      anchorStatus: "ORPHANED",
      revisionId: article.revisionId,
      exact: "No agreement was announced after the meeting ended.",
      originalExact: "No agreement was announced after the meeting ended.",
      deletedAt: null,
    });
  });

  it("re-anchors a thousand annotations in one call", async () => {
    const editor = await makeUser("EDITOR");
    const sentences = Array.from({ length: 1000 }, (_, i) => `Sentence number ${i} reports a distinct fact ${i * 7}.`);
    const text = sentences.join("\n\n");
    const article = await makeArticle(text);
    let at = 0;
    const data = sentences.map((sentence) => {
      const start = at;
      at += sentence.length + 2;
      return {
        articleId: article.id,
        revisionId: article.revisionId,
        kind: "note",
        body: { type: "doc", content: [{ type: "paragraph" }] },
        exact: sentence,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + sentence.length, start + sentence.length + 32),
        start,
        end: start + sentence.length,
        originalExact: sentence,
        authorId: editor.id,
      };
    });
    await db.annotation.createMany({ data });
    const revision = await addRevision(article.id, `A new opening paragraph.\n\n${text}`);
    const counts = await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, article.id, revision), { timeout: 60_000 });
    expect(counts).toEqual({ kept: 0, moved: 1000, fuzzy: 0, orphaned: 0 });
    const sample = await db.annotation.findFirstOrThrow({ where: { articleId: article.id, exact: sentences[500] } });
    expect(revision.text.slice(sample.start, sample.end)).toBe(sentences[500]);
    expect(sample.revisionId).toBe(revision.id);
  });
});
