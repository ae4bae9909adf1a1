import { describe, expect, it } from "vitest";
import { confirmAnchor, createAnnotation, reviewAnnotation } from "@/lib/annotations/mutations";
import { reanchorAnnotationsForRevision } from "@/lib/annotations/reanchor-revision";
import { db } from "@/lib/db";
import { approvedBriefing, bodyCiting, briefingApi, makeNewsroom, makePassage } from "../support/briefing-fixtures";
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

  it("flags a quote found only in another sentence, returns it to review and blocks briefings citing it until confirmed and approved", async () => {
    const newsroom = await makeNewsroom();
    const call = "A separate phone call between the two ministers took place on Tuesday afternoon, officials said.";
    const talks = "Negotiators from both delegations met on Tuesday in Riyadh to prepare a text.";
    const passage = await makePassage(newsroom.editor, { text: [call, talks].join("\n\n"), exact: "on Tuesday" });
    const briefingId = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    expect((await briefingApi.blockers(newsroom.editor, briefingId)).json.blockers).toEqual([]);

    // The sentence with the phone call is cut; "on Tuesday" survives only in the talks sentence.
    const revision = await addRevision(passage.articleId, talks);
    const counts = await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, passage.articleId, revision));
    expect(counts).toEqual({ kept: 0, moved: 0, fuzzy: 1, orphaned: 0 });

    const row = await db.annotation.findUniqueOrThrow({ where: { id: passage.id }, include: { reviews: true } });
    expect(row).toMatchObject({ anchorStatus: "REANCHORED_CHECK", status: "PENDING", revisionId: revision.id });
    expect(talks.slice(row.start, row.end)).toBe("on Tuesday");
    expect(row.reviews).toEqual([expect.objectContaining({ actorId: null, fromStatus: "APPROVED", toStatus: "PENDING" })]);

    const blocked = (await briefingApi.blockers(newsroom.editor, briefingId)).json.blockers.map((b: { type: string }) => b.type);
    expect(blocked).toEqual(expect.arrayContaining(["annotation_unapproved", "citation_unchecked"]));
    expect((await briefingApi.publish(newsroom.editor, briefingId)).status).toBe(409);

    const confirmed = await confirmAnchor(newsroom.editor, passage.id, { version: row.version });
    await reviewAnnotation(newsroom.analyst, passage.id, { decision: "approve", version: confirmed.version });
    const after = (await briefingApi.blockers(newsroom.editor, briefingId)).json.blockers.map((b: { type: string }) => b.type);
    expect(after).not.toContain("annotation_unapproved");
    expect(after).not.toContain("citation_unchecked");
  });

  it("keeps a short quote anchored and approved when only its near-duplicate paragraph is cut", async () => {
    const newsroom = await makeNewsroom();
    const foreign = "The foreign ministers spoke by phone on Tuesday afternoon about the prisoner exchange.";
    const defence = "The defence ministers spoke by phone on Tuesday evening about the border incidents.";
    const onDefence = await makePassage(newsroom.editor, { text: [foreign, defence].join("\n\n"), exact: "on Tuesday evening" });
    const onForeign = await db.annotation.create({
      data: {
        ...(await db.annotation.findUniqueOrThrow({
          where: { id: onDefence.id },
          select: { articleId: true, revisionId: true, kind: true, body: true, status: true, authorId: true },
        })),
        body: { type: "doc", content: [{ type: "paragraph" }] },
        exact: "on Tuesday",
        originalExact: "on Tuesday",
        prefix: foreign.slice(0, foreign.indexOf("on Tuesday")).slice(-32),
        suffix: foreign.slice(foreign.indexOf("on Tuesday") + 10, foreign.indexOf("on Tuesday") + 42),
        start: foreign.indexOf("on Tuesday"),
        end: foreign.indexOf("on Tuesday") + 10,
      },
    });

    const revision = await addRevision(onDefence.articleId, defence);
    await db.$transaction((tx) => reanchorAnnotationsForRevision(tx, onDefence.articleId, revision));

    expect(await db.annotation.findUniqueOrThrow({ where: { id: onDefence.id } })).toMatchObject({
      anchorStatus: "ANCHORED",
      status: "APPROVED",
      start: defence.indexOf("on Tuesday"),
    });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: onForeign.id } })).toMatchObject({ anchorStatus: "REANCHORED_CHECK", status: "PENDING" });
  });
});
