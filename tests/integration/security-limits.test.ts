import { beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { createAnnotation } from "@/lib/annotations/mutations";
import type { Actor } from "@/lib/auth/permissions";
import { getPublicBriefing } from "@/lib/briefings/public";
import { callRoute } from "../support/api";
import { makeArticle } from "../support/article-fixtures";
import { approvedBriefing, briefingApi, makeEntity, makeNewsroom } from "../support/briefing-fixtures";
import { makeToken, makeUser } from "../support/fixtures";
import { callApiPath, listApiHandlers } from "../support/route-client";

/**
 * Limits on what one request may send or ask for: every endpoint that reads a body refuses an
 * oversized one with 413 and a message, malformed JSON and unstorable text get 422, and list
 * endpoints refuse page sizes over their maximum. Never a 500.
 */

/** Write handlers that read no body at all: nothing to limit. */
const READS_NO_BODY = new Set([
  "DELETE annotations/[id]",
  "DELETE entities/[id]",
  "DELETE events/[id]",
  "DELETE links/[id]",
  "POST entities/merges/[id]/undo",
  "POST suggestions/[id]/dismiss",
  "POST claim-proposals/[id]/dismiss",
  "POST event-proposals/[id]/dismiss",
  "POST contradiction-candidates/[id]/confirm",
  "POST contradiction-candidates/[id]/dismiss",
]);

/** Uploads are multipart; everything else is JSON (or a sign-in form). */
const MULTIPART = new Set(["POST import-jobs", "POST import-jobs/[id]/files"]);

let admin: string;
let analyst: string;
let editor: Actor;
let editorToken: string;

beforeAll(async () => {
  admin = await makeToken(await makeUser("ADMIN"));
  analyst = await makeToken(await makeUser("ANALYST"));
  editor = await makeUser("EDITOR");
  editorToken = await makeToken(editor);
});

const oversized = (bytes: number) => JSON.stringify({ type: "person", name: "Big", description: "a".repeat(bytes) });

describe("body size", () => {
  it("refuses a JSON body over 1 MB with 413 and says so, whether or not its length was declared", async () => {
    const streamed = await callApiPath(editorToken, "POST", "/api/entities", oversized(1_100_000), { "content-type": "application/json" });
    expect(streamed.status).toBe(413);
    // The message states the limit the user ran into.
    expect(streamed.json).toMatchObject({ code: "too_large", error: "The request body is over 1 MB." });

    const declared = await callApiPath(editorToken, "POST", "/api/entities", "{}", { "content-type": "application/json", "content-length": "5000000" });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ code: "too_large", error: "The request body is over 1 MB." });

    const justUnder = await callApiPath(editorToken, "POST", "/api/entities", oversized(900_000), { "content-type": "application/json" });
    expect(justUnder.status).toBe(422);
    expect(justUnder.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "description" })] });
  });

  it("gives every endpoint that reads a body a size limit (413), and no endpoint a 500", async () => {
    const outcomes: string[] = [];
    for (const { route, method, names, handler } of await listApiHandlers()) {
      if (method === "GET") continue;
      const key = `${method} ${route}`;
      const params = route.startsWith("auth/") ? { nextauth: ["callback", "credentials"] } : Object.fromEntries(names.map((name) => [name, "missing-id"]));
      const headers = {
        "content-type": MULTIPART.has(key)
          ? "multipart/form-data; boundary=limit"
          : route.startsWith("auth/")
            ? "application/x-www-form-urlencoded"
            : "application/json",
        "content-length": String(200 * 1024 * 1024),
      };
      const call = (token: string) => callRoute(handler, { method, token, body: "{}", params: params as never, headers, url: `/api/${route}` });
      let { status } = await call(admin);
      if (status === 403) ({ status } = await call(analyst));
      outcomes.push(`${key} → ${status}`);
      if (READS_NO_BODY.has(key)) expect(status, key).toBeLessThan(500);
      else expect(status, key).toBe(413);
    }
    expect(outcomes.length).toBeGreaterThan(30);
  });

  it("limits imports by their own, larger, measure, and the sign-in form by a small one", async () => {
    const article = await callApiPath(editorToken, "POST", "/api/articles", "{}", { "content-type": "text/plain", "content-length": String(21 * 1024 * 1024) });
    expect(article.status).toBe(413);
    expect(article.json).toMatchObject({ code: "too_large", error: "The request body is over 20 MB." });

    const signIn = await callRoute(authRoute.POST as never, {
      method: "POST",
      body: `email=a%40b.c&password=${"x".repeat(20_000)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      params: { nextauth: ["callback", "credentials"] } as never,
      url: "/api/auth/callback/credentials",
    });
    expect(signIn.status).toBe(413);
    expect(signIn.json).toMatchObject({ code: "too_large", error: "The request body is over 16 KB." });
  });
});

describe("malformed input", () => {
  it("answers malformed JSON with 422, on the API and on the sign-in endpoint", async () => {
    for (const [method, path] of [
      ["POST", "/api/entities"],
      ["POST", "/api/annotations"],
      ["POST", "/api/articles"],
      ["POST", "/api/briefings"],
      ["PATCH", "/api/briefings/missing-id"],
    ]) {
      const { status, json } = await callApiPath(editorToken, method, path, '{"title": "unterminated', { "content-type": "application/json" });
      expect(status, path).toBe(422);
      expect(json.error, path).toBe("The request body is not valid JSON.");
    }
    const signIn = await callRoute(authRoute.POST as never, {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
      params: { nextauth: ["callback", "credentials"] } as never,
      url: "/api/auth/callback/credentials",
    });
    expect(signIn.status).toBe(422);
  });

  it("answers text the database cannot store (NUL, broken Unicode) with 422 naming the field, not a 500", async () => {
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/entities", { type: "person", name: "Nul\u0000Name" }, "name"],
      ["POST", "/api/events", { type: "meeting", title: "Talks", description: "half \ud83d of an emoji" }, "description"],
      [
        "POST",
        "/api/briefings",
        { title: "Fine", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a\u0000b" }] }] } },
        "body.content.0.content.0.text",
      ],
      ["POST", "/api/articles", { text: "Title\n\nGENEVA. The talks\u0000 lasted six hours." }, "text"],
    ];
    for (const [method, path, body, field] of cases) {
      const { status, json } = await callApiPath(editorToken, method, path, body);
      expect(status, path).toBe(422);
      expect(json.error, path).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}: .*cannot be stored`));
    }
    for (const url of ["/api/entities?q=a%00b", "/api/annotations/a%00b"]) {
      const { status } = await callApiPath(editorToken, "GET", url);
      expect(status, url).toBe(422);
    }
  });
});

describe("text cut to a length", () => {
  it("is cut between characters, so half an emoji never reaches the database", async () => {
    const newsroom = await makeNewsroom();
    const entity = await makeEntity();
    // Schema.org headlines stop at 110 characters; the emoji straddles the cut.
    const title = `${"a".repeat(108)}\u{1F600}${"b".repeat(10)}`;
    const label = `${"a".repeat(299)}\u{1F600}`;
    const body = {
      type: "doc" as const,
      content: [{ type: "paragraph" as const, content: [{ type: "entityMention" as const, attrs: { entityId: entity.id, label } }] }],
    };
    const id = await approvedBriefing(newsroom, body, title);
    const published = await briefingApi.publish(newsroom.editor, id);
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    const { version } = (await getPublicBriefing(published.json.path.split("/").pop()))!;
    const headline = (version.jsonLd as { headline?: string }[])[0]!.headline!;
    expect(headline).toBe(`${"a".repeat(108)}\u{1F600}…`);
    const saved = await briefingApi.get(newsroom.editor, id);
    expect(saved.json.briefing.body.content[0].content[0].attrs.label).toBe("a".repeat(299));
  });
});

describe("page sizes", () => {
  it("refuses a page size over the maximum with 422 and honours one within it", async () => {
    for (const url of [
      "/api/entities?limit=101",
      "/api/events?limit=501",
      "/api/contradictions?limit=501",
      "/api/briefings?limit=501",
      "/api/briefings?limit=0",
      "/api/contradictions?limit=ten",
    ]) {
      const { status, json } = await callApiPath(editorToken, "GET", url);
      expect(status, url).toBe(422);
      expect(json.error, url).toMatch(/^limit: /);
    }
    for (const name of ["briefings", "contradictions", "events", "entities"]) {
      const { status, json } = await callApiPath(editorToken, "GET", `/api/${name}?limit=1`);
      expect(status, name).toBe(200);
      expect(json[name].length, name).toBeLessThanOrEqual(1);
    }
    // The article list has a fixed page size; a page past the end is clamped to an existing one.
    const articles = await callApiPath(editorToken, "GET", "/api/articles?page=100001");
    expect(articles.status).toBe(200);
    expect(articles.json.page).toBeLessThanOrEqual(articles.json.pageCount);
    expect(articles.json.items.length).toBeLessThanOrEqual(articles.json.pageSize);
  });

  it("pages an article's annotations as a W3C collection, refusing pages over 1000", async () => {
    const text = "Officials met in Geneva on Tuesday. The talks lasted six hours. A second round is planned.";
    const article = await makeArticle(editor, { text });
    for (const quote of ["Officials met", "talks lasted", "second round"]) {
      const start = text.indexOf(quote);
      await createAnnotation(editor, { articleId: article.articleId, kind: "note", start, end: start + quote.length, exact: quote });
    }
    const base = `/api/articles/${article.articleId}/annotations`;
    expect((await callApiPath(editorToken, "GET", `${base}?limit=1001`)).status).toBe(422);

    const first = await callApiPath(editorToken, "GET", `${base}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ type: "AnnotationCollection", total: 3, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(first.json.first.items).toHaveLength(2);
    expect(first.json.first.next).toMatch(/\?page=2&limit=2$/);

    const second = await callApiPath(editorToken, "GET", `${base}?page=2&limit=2`);
    expect(second.json).toMatchObject({ type: "AnnotationPage", startIndex: 2, partOf: { type: "AnnotationCollection", total: 3 } });
    expect(second.json.items.map((item: { target: { selector: { exact?: string }[] } }) => item.target.selector[0].exact)).toEqual(["second round"]);
    expect(second.json).not.toHaveProperty("next");
  });
});
