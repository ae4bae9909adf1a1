import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as reattachRoute from "@/app/api/annotations/[id]/reattach/route";
import * as replyRoute from "@/app/api/annotations/[id]/replies/[replyId]/route";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import * as reviewRoute from "@/app/api/annotations/[id]/review/route";
import * as createRoute from "@/app/api/annotations/route";
import * as collectionRoute from "@/app/api/articles/[id]/annotations/route";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";
import { makeArticle } from "./annotations-fixtures";

const TEXT = [
  "Officials confirmed on Monday that the bridge would reopen next spring.",
  "The repairs cost 14 million euros, the transport ministry said in a statement.",
  "Residents said they had waited too long for the work to begin.",
].join("\n\n");

type Who = { actor: Actor; token: string };

async function who(role: "EDITOR" | "ANALYST" | "ADMIN"): Promise<Who> {
  const actor = await makeUser(role);
  return { actor, token: await makeToken(actor) };
}

function w3c(articleId: string, quote: string, body: Record<string, unknown> | unknown[] = { kind: "claim" }, text = TEXT) {
  const start = text.indexOf(quote);
  const selector: Record<string, unknown>[] = [
    {
      type: "TextQuoteSelector",
      exact: quote,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + quote.length, start + quote.length + 32),
    },
    { type: "TextPositionSelector", start, end: start + quote.length },
  ];
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    target: { source: articleId, selector },
    body,
  };
}

async function create(as: Who, articleId: string, quote: string, body?: Record<string, unknown> | unknown[]) {
  return callRoute(createRoute.POST, { method: "POST", token: as.token, body: w3c(articleId, quote, body) });
}

function idOf(json: { id: string }): string {
  return json.id.split("/").pop()!;
}

describe("annotations API", () => {
  let editor: Who;
  let editor2: Who;
  let analyst: Who;
  let admin: Who;
  let article: { id: string; revisionId: string };

  beforeAll(async () => {
    [editor, editor2, analyst, admin] = await Promise.all([who("EDITOR"), who("EDITOR"), who("ANALYST"), who("ADMIN")]);
    article = await makeArticle(TEXT);
  });

  it("creates an annotation from the W3C shape (201) and returns it as a JSON-LD Annotation", async () => {
    const comment = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Check the date", marks: [{ type: "bold" }] }] }] };
    const { status, json } = await create(editor, article.id, "the bridge would reopen next spring", {
      kind: "claim",
      comment,
      tags: ["infrastructure", "dates"],
    });
    expect(status).toBe(201);
    expect(json["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", { concord: expect.any(String) }]);
    expect(json.type).toBe("Annotation");
    expect(json.target.source).toMatch(new RegExp(`/articles/${article.id}$`));
    expect(json.target.selector).toEqual([
      {
        type: "TextQuoteSelector",
        exact: "the bridge would reopen next spring",
        prefix: "Officials confirmed on Monday that ".slice(-32),
        suffix: ".\n\nThe repairs cost 14 million euros".slice(0, 32),
      },
      { type: "TextPositionSelector", start: TEXT.indexOf("the bridge"), end: TEXT.indexOf("the bridge") + 35 },
    ]);
    expect(json.body).toContainEqual(expect.objectContaining({ purpose: "commenting", value: "<p><strong>Check the date</strong></p>", format: "text/html" }));
    expect(json.body).toContainEqual(expect.objectContaining({ purpose: "classifying", value: "claim" }));
    expect(json.body.filter((b: { purpose: string }) => b.purpose === "tagging").map((b: { value: string }) => b.value)).toEqual(["infrastructure", "dates"]);
    expect(json.creator).toMatchObject({ type: "Person", name: editor.actor.name });
    expect(json["concord:status"]).toBe("PENDING");
    expect(json["concord:version"]).toBe(1);

    const fetched = await callRoute(annotationRoute.GET, { token: analyst.token, params: { id: idOf(json) } });
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(json);
  });

  it("accepts W3C TextualBody items and a bare article IRI as source", async () => {
    const body = [
      { type: "TextualBody", purpose: "classifying", value: "fact" },
      { type: "TextualBody", purpose: "commenting", value: "Ministry figure", format: "text/plain" },
      { type: "TextualBody", purpose: "tagging", value: "money" },
    ];
    const payload = w3c(article.id, "14 million euros", body);
    payload.target.source = `http://localhost:3000/articles/${article.id}`;
    const { status, json } = await callRoute(createRoute.POST, { method: "POST", token: editor.token, body: payload });
    expect(status).toBe(201);
    expect(json["concord:kind"]).toBe("fact");
    expect(json["concord:tags"]).toEqual(["money"]);
    expect(json.body).toContainEqual(expect.objectContaining({ purpose: "commenting", value: "<p>Ministry figure</p>" }));
  });

  describe("refuses bad input with 422 and stores nothing", () => {
    async function expectRefused(payload: unknown, message: RegExp) {
      const before = await db.annotation.count({ where: { articleId: article.id } });
      const { status, json } = await callRoute(createRoute.POST, { method: "POST", token: editor.token, body: payload });
      expect(status).toBe(422);
      expect(json.code).toBe("validation");
      // These refusals share the code and name no field; the message says which rule the input broke.
      expect(json.error).toMatch(message);
      expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(before);
    }

    it("a quote that does not match the position", async () => {
      const payload = w3c(article.id, "Residents said");
      payload.target.selector[0] = { ...payload.target.selector[0], exact: "Neighbours said" };
      await expectRefused(payload, /does not match/);
    });

    it("an unknown kind", async () => {
      await expectRefused(w3c(article.id, "Residents said", { kind: "rumour" }), /Unknown annotation kind "rumour"/);
    });

    it("a selection outside the text", async () => {
      const payload = w3c(article.id, "Residents said");
      payload.target.selector[1] = { type: "TextPositionSelector", start: TEXT.length - 2, end: TEXT.length + 10 };
      await expectRefused(payload, /outside the text/);
    });

    it("an empty selection", async () => {
      const payload = w3c(article.id, "Residents said");
      payload.target.selector[0] = { type: "TextQuoteSelector", exact: "", prefix: "", suffix: "" };
      payload.target.selector[1] = { type: "TextPositionSelector", start: 5, end: 5 };
      await expectRefused(payload, /empty/i);
    });

    it("a comment over the limit", async () => {
      await expectRefused(w3c(article.id, "Residents said", { kind: "note", comment: "x".repeat(10_001) }), /too long/);
    });

    it("HTML or script in the comment", async () => {
      await expectRefused(w3c(article.id, "Residents said", { kind: "note", comment: "<script>alert(1)</script>" }), /HTML/);
      const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: '<img src=x onerror="alert(1)">' }] }] };
      await expectRefused(w3c(article.id, "Residents said", { kind: "note", comment: doc }), /HTML/);
      const link = {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
      };
      await expectRefused(w3c(article.id, "Residents said", { kind: "note", comment: link }), /http\(s\) or mailto/);
    });
  });

  it("lets only editors and admins create", async () => {
    const { status } = await create(analyst, article.id, "Residents said");
    expect(status).toBe(403);
  });

  it("refuses a PATCH based on a stale version with 409 and the current state", async () => {
    const { json } = await create(editor, article.id, "waited too long", { kind: "opinion", comment: "First take" });
    const id = idOf(json);
    const first = await callRoute(annotationRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id },
      body: { version: 1, comment: "Second take" },
    });
    expect(first.status).toBe(200);
    expect(first.json["concord:version"]).toBe(2);

    const stale = await callRoute(annotationRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body: { version: 1, comment: "Overwrite?" } });
    expect(stale.status).toBe(409);
    expect(stale.json.current["concord:version"]).toBe(2);
    expect(stale.json.current.body).toContainEqual(expect.objectContaining({ purpose: "commenting", value: "<p>Second take</p>" }));
    const stored = await db.annotation.findUniqueOrThrow({ where: { id } });
    expect(stored.bodyHtml).toBe("<p>Second take</p>");
  });

  it("lets only the author or an admin edit", async () => {
    const { json } = await create(editor, article.id, "Officials confirmed on Monday");
    const id = idOf(json);
    const other = await callRoute(annotationRoute.PATCH, { method: "PATCH", token: editor2.token, params: { id }, body: { version: 1, tags: ["x"] } });
    expect(other.status).toBe(403);
    const byAdmin = await callRoute(annotationRoute.PATCH, { method: "PATCH", token: admin.token, params: { id }, body: { version: 1, tags: ["checked"] } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.json["concord:tags"]).toEqual(["checked"]);
  });

  it("lets an analyst approve, nobody review their own, and returns an edited approved annotation to review", async () => {
    const { json } = await create(admin, article.id, "the transport ministry said");
    const id = idOf(json);

    const own = await callRoute(reviewRoute.POST, { method: "POST", token: admin.token, params: { id }, body: { decision: "approve" } });
    expect(own.status).toBe(403);
    const editorReview = await callRoute(reviewRoute.POST, { method: "POST", token: editor.token, params: { id }, body: { decision: "approve" } });
    expect(editorReview.status).toBe(403);

    const approved = await callRoute(reviewRoute.POST, {
      method: "POST",
      token: analyst.token,
      params: { id },
      body: { decision: "approve", comment: "Matches the statement." },
    });
    expect(approved.status).toBe(200);
    expect(approved.json["concord:status"]).toBe("APPROVED");
    expect(approved.json["concord:reviews"].at(-1)).toMatchObject({
      actor: { id: analyst.actor.id },
      fromStatus: "PENDING",
      toStatus: "APPROVED",
      comment: "Matches the statement.",
    });

    const edited = await callRoute(annotationRoute.PATCH, {
      method: "PATCH",
      token: admin.token,
      params: { id },
      body: { version: approved.json["concord:version"], comment: "Reworded" },
    });
    expect(edited.status).toBe(200);
    expect(edited.json["concord:status"]).toBe("PENDING");
    expect(edited.json["concord:reviews"].at(-1)).toMatchObject({ fromStatus: "APPROVED", toStatus: "PENDING", actor: { id: admin.actor.id } });
    const audit = await db.auditLog.findMany({ where: { targetType: "Annotation", targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["annotation.create", "annotation.review", "annotation.update"]);
  });

  it("rejects an own review by an analyst even when the analyst is the author through an admin role change", async () => {
    const author = await who("ADMIN");
    const { json } = await create(author, article.id, "next spring");
    await db.user.update({ where: { id: author.actor.id }, data: { role: "ANALYST" } });
    const own = await callRoute(reviewRoute.POST, { method: "POST", token: author.token, params: { id: idOf(json) }, body: { decision: "approve" } });
    expect(own.status).toBe(403);
    expect(own.json.code).toBe("forbidden");
    // The role allows reviewing, so only authorship refuses it; no field tells the two 403s apart.
    expect(own.json.error).toMatch(/your own/);
  });

  it("soft-deletes for the author: gone from the API, kept in the database", async () => {
    const { json } = await create(editor, article.id, "the work to begin");
    const id = idOf(json);
    expect((await callRoute(annotationRoute.DELETE, { method: "DELETE", token: editor2.token, params: { id } })).status).toBe(403);
    const deleted = await callRoute(annotationRoute.DELETE, { method: "DELETE", token: editor.token, params: { id }, url: `/api/annotations/${id}?version=1` });
    expect(deleted.status).toBe(204);
    expect((await callRoute(annotationRoute.GET, { token: editor.token, params: { id } })).status).toBe(404);
    const row = await db.annotation.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    const collection = await callRoute(collectionRoute.GET, { token: editor.token, params: { id: article.id } });
    expect(collection.json.first.items.map((item: { id: string }) => idOf(item))).not.toContain(id);
  });

  it("threads replies from any role", async () => {
    const { json } = await create(editor, article.id, "Residents said they had waited");
    const id = idOf(json);
    const first = await callRoute(repliesRoute.POST, { method: "POST", token: analyst.token, params: { id }, body: { body: "Which residents?" } });
    expect(first.status).toBe(201);
    const answer = await callRoute(repliesRoute.POST, {
      method: "POST",
      token: editor.token,
      params: { id },
      body: { body: "Quoted in paragraph 3.", parentId: first.json.id },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ parentId: first.json.id, author: { id: editor.actor.id }, body: "Quoted in paragraph 3." });
    const listed = await callRoute(repliesRoute.GET, { token: admin.token, params: { id } });
    expect(listed.json.replies.map((reply: { body: string }) => reply.body)).toEqual(["Which residents?", "Quoted in paragraph 3."]);
  });

  it("returns the article's annotations as a JSON-LD AnnotationCollection in text order", async () => {
    const fresh = await makeArticle(TEXT);
    await create(editor, fresh.id, "Residents said");
    await create(editor, fresh.id, "Officials confirmed");
    const { status, json } = await callRoute(collectionRoute.GET, { token: analyst.token, params: { id: fresh.id } });
    expect(status).toBe(200);
    expect(json["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(json.type).toBe("AnnotationCollection");
    expect(json.total).toBe(2);
    expect(json.first.type).toBe("AnnotationPage");
    expect(json.first.items.map((item: { target: { selector: { exact?: string }[] } }) => item.target.selector[0].exact)).toEqual([
      "Officials confirmed",
      "Residents said",
    ]);
    expect(json.first.items[0]).not.toHaveProperty("@context");
    expect(json.first.items[0].type).toBe("Annotation");
    expect((await callRoute(collectionRoute.GET, { token: analyst.token, params: { id: "no-such-article" } })).status).toBe(404);
  });

  describe("W3C Web Annotation conformance", () => {
    const EMOJI_TEXT = "Crowds cheered 🎉🎉 as the minister said the 👍🏽 deal was signed on Friday.";
    const codePointsBefore = (text: string, quote: string) => [...text.slice(0, text.indexOf(quote))].length;

    /** A W3C annotation on `quote`, its position counted in code points (or, to show the difference, in UTF-16 units). */
    function onEmojiText(articleId: string, quote: string, unit: "code points" | "UTF-16 units" = "code points") {
      const at = EMOJI_TEXT.indexOf(quote);
      const start = unit === "code points" ? codePointsBefore(EMOJI_TEXT, quote) : at;
      return {
        type: "Annotation",
        target: {
          source: articleId,
          selector: [
            { type: "TextQuoteSelector", exact: quote, prefix: EMOJI_TEXT.slice(0, at), suffix: EMOJI_TEXT.slice(at + quote.length) },
            { type: "TextPositionSelector", start, end: start + [...quote].length },
          ],
        },
        body: { kind: "claim" },
      };
    }

    it("counts TextPositionSelector offsets in code points both ways, stores UTF-16 units", async () => {
      const emojiArticle = await makeArticle(EMOJI_TEXT);
      const quote = "deal was signed";
      // Four code points before the quote take seven UTF-16 units: a position in units misses the quote.
      const inUnits = await callRoute(createRoute.POST, { method: "POST", token: editor.token, body: onEmojiText(emojiArticle.id, quote, "UTF-16 units") });
      expect(inUnits.status).toBe(422);
      const accepted = await callRoute(createRoute.POST, { method: "POST", token: editor.token, body: onEmojiText(emojiArticle.id, quote) });
      expect(accepted.json.error).toBeUndefined();
      expect(accepted.status).toBe(201);
      const start = codePointsBefore(EMOJI_TEXT, quote);
      expect(accepted.json.target.selector[1]).toEqual({ type: "TextPositionSelector", start, end: start + quote.length });
      const row = await db.annotation.findUniqueOrThrow({ where: { id: idOf(accepted.json) } });
      expect(EMOJI_TEXT.slice(row.start, row.end)).toBe(quote);
      expect(row.start).toBe(EMOJI_TEXT.indexOf(quote));

      const collection = await callRoute(collectionRoute.GET, { token: analyst.token, params: { id: emojiArticle.id } });
      expect(collection.json.first.items[0].target.selector[1]).toEqual({ type: "TextPositionSelector", start, end: start + quote.length });

      // Only an annotation that lost its passage is re-attached.
      await db.annotation.update({ where: { id: idOf(accepted.json) }, data: { anchorStatus: "ORPHANED" } });
      const reattachTo = "minister said";
      const reattachStart = codePointsBefore(EMOJI_TEXT, reattachTo);
      const at = EMOJI_TEXT.indexOf(reattachTo);
      const reattached = await callRoute(reattachRoute.POST, {
        method: "POST",
        token: editor.token,
        params: { id: idOf(accepted.json) },
        body: {
          start: reattachStart,
          end: reattachStart + reattachTo.length,
          exact: reattachTo,
          prefix: EMOJI_TEXT.slice(0, at),
          suffix: EMOJI_TEXT.slice(at + reattachTo.length),
          version: 1,
        },
      });
      expect(reattached.status).toBe(200);
      expect(reattached.json.target.selector[1]).toMatchObject({ start: reattachStart });
      expect((await db.annotation.findUniqueOrThrow({ where: { id: idOf(accepted.json) } })).start).toBe(at);
    });

    it("gives an article with no annotations a collection without a first page", async () => {
      const empty = await makeArticle(TEXT);
      const { status, json } = await callRoute(collectionRoute.GET, { token: analyst.token, params: { id: empty.id } });
      expect(status).toBe(200);
      expect(json).toMatchObject({ type: "AnnotationCollection", total: 0 });
      expect(json).not.toHaveProperty("first");
    });

    it("answers POST with Location and ETag, and items and collections with the protocol's Link and Allow headers", async () => {
      const created = await create(editor, article.id, "the transport ministry");
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toBe(created.json.id);
      expect(created.headers.get("etag")).toMatch(/^"[^"]+"$/);
      expect(created.headers.get("link")).toContain('<http://www.w3.org/ns/ldp#Resource>; rel="type"');

      const fetched = await callRoute(annotationRoute.GET, { token: analyst.token, params: { id: idOf(created.json) } });
      expect(fetched.headers.get("etag")).toBe(created.headers.get("etag"));
      expect(fetched.headers.get("allow")).toMatch(/GET.*HEAD.*OPTIONS.*PATCH.*DELETE/);
      expect(fetched.headers.get("content-type")).toContain("application/ld+json");
      const patched = await callRoute(annotationRoute.PATCH, {
        method: "PATCH",
        token: editor.token,
        params: { id: idOf(created.json) },
        body: { version: 1, tags: ["ministry"] },
      });
      expect(patched.headers.get("etag")).not.toBe(created.headers.get("etag"));

      const collection = await callRoute(collectionRoute.GET, { token: analyst.token, params: { id: article.id } });
      expect(collection.headers.get("link")).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
      expect(collection.headers.get("link")).toContain('<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"');
      expect(collection.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(collection.headers.get("etag")).toMatch(/^"[^"]+"$/);
    });

    it("takes a reply posted as a W3C annotation replying to the annotation's IRI, from any role", async () => {
      const { json } = await create(editor, article.id, "waited too long");
      const posted = await callRoute(createRoute.POST, {
        method: "POST",
        token: analyst.token,
        body: {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          type: "Annotation",
          motivation: "replying",
          target: json.id,
          body: { type: "TextualBody", value: "Which residents?" },
        },
      });
      expect(posted.status).toBe(201);
      expect(posted.json).toMatchObject({
        type: "Annotation",
        motivation: "replying",
        target: json.id,
        body: { value: "Which residents?" },
        creator: { name: analyst.actor.name },
      });
      expect(posted.headers.get("location")).toBe(posted.json.id);

      const answer = await callRoute(createRoute.POST, {
        method: "POST",
        token: editor.token,
        body: { type: "Annotation", motivation: "replying", target: posted.json.id, body: { type: "TextualBody", value: "Quoted in paragraph 3." } },
      });
      expect(answer.json.target).toBe(posted.json.id);
      const listed = await callRoute(repliesRoute.GET, { token: admin.token, params: { id: idOf(json) } });
      expect(listed.json.replies.map((reply: { body: string; parentId: string | null }) => [reply.body, reply.parentId])).toEqual([
        ["Which residents?", null],
        ["Quoted in paragraph 3.", idOf(posted.json)],
      ]);
      const dereferenced = await callRoute(replyRoute.GET, { token: editor.token, params: { id: idOf(json), replyId: idOf(posted.json) } });
      expect(dereferenced.json).toEqual(posted.json);
      expect(dereferenced.headers.get("link")).toContain("ldp#Resource");

      const refused = await callRoute(createRoute.POST, {
        method: "POST",
        token: analyst.token,
        body: { motivation: "replying", target: json.id, body: { value: "" } },
      });
      expect(refused.status).toBe(422);
    });
  });
});
