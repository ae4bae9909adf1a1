import { randomBytes } from "node:crypto";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as articlesRoute from "@/app/api/articles/route";
import { importArticle } from "@/lib/articles/import-articles";
import { changeArticleLines } from "@/lib/articles/mutations";
import { getArticleRevision } from "@/lib/articles/queries";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { callRoute } from "../support/api";
import { makeToken, makeUser } from "../support/fixtures";

type Who = { actor: Actor; token: string };

async function who(role: "EDITOR" | "ANALYST" | "ADMIN"): Promise<Who> {
  const actor = await makeUser(role);
  return { actor, token: await makeToken(actor) };
}

/** A word no other test uses, so searches and counts only see this file's articles. */
function token(prefix: string): string {
  return `${prefix}${randomBytes(5).toString("hex")}`;
}

/** A messy copied page: headline, byline, body, and furniture the importer must drop. */
function story(options: { word?: string; url?: string; extra?: string } = {}) {
  const word = options.word ?? token("zq");
  const lines = [
    `Harbour authority approves ${word} expansion plan`,
    "By Maria Lindqvist",
    ...(options.url ? [`Original article: ${options.url}`] : []),
    "",
    `The harbour authority on Tuesday approved a plan to expand the ${word} container terminal, ending two years of debate between the city and shipping companies.`,
    "",
    "Leave a Reply",
    "",
    `The expansion will add four berths and is expected to be finished in 2028, officials told reporters at a briefing in the old customs house.${options.extra ? ` ${options.extra}` : ""}`,
    "",
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
  ];
  return { word, text: lines.join("\n") };
}

function multipart(files: { name: string; bytes: Uint8Array; type?: string }[]): FormData {
  const form = new FormData();
  for (const file of files) form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? "text/plain" }));
  return form;
}

async function articleCount(): Promise<number> {
  return db.article.count();
}

describe("importing articles through the API", () => {
  let editor: Who;
  let analyst: Who;
  let admin: Who;

  beforeAll(async () => {
    [editor, analyst, admin] = await Promise.all([who("EDITOR"), who("ANALYST"), who("ADMIN")]);
  });

  it("imports pasted text (201) with metadata and clean paragraphs, and says duplicate (200) the second time", async () => {
    const { word, text } = story();
    const first = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    expect(first.status).toBe(201);
    expect(first.json.duplicate).toBe(false);
    expect(first.json.metadata).toMatchObject({
      title: `Harbour authority approves ${word} expansion plan`,
      author: "Maria Lindqvist",
      titleProvisional: false,
      kind: "NEWS",
    });
    expect(first.json.paragraphs).toHaveLength(2);
    expect(first.json.paragraphs[0]).toContain(`expand the ${word} container terminal`);
    expect(first.json.removed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: "Leave a Reply", reason: "comment form" }),
        expect.objectContaining({ reason: "consent" }),
        expect.objectContaining({ text: "By Maria Lindqvist", reason: "byline" }),
      ]),
    );
    expect(first.json.text).toBe(first.json.paragraphs.join("\n\n"));

    const before = await articleCount();
    const second = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ duplicate: true, id: first.json.id });
    expect(await articleCount()).toBe(before);
    expect(await db.articleRevision.count({ where: { articleId: first.json.id } })).toBe(1);
  });

  it("stores the original bytes unchanged, their SHA-256, the line list and an audit entry", async () => {
    const { text } = story();
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replaceAll("\n", "\r\n"))]);
    const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: multipart([{ name: "harbour.txt", bytes: withBom }]) });
    expect(response.status).toBe(201);
    const revision = await db.articleRevision.findUniqueOrThrow({ where: { id: response.json.revision.id } });
    expect(Buffer.from(revision.originalBytes).equals(Buffer.from(withBom))).toBe(true);
    expect(revision.contentHash).toBe((await import("node:crypto")).createHash("sha256").update(withBom).digest("hex"));
    expect(revision.originalFilename).toBe("harbour.txt");
    expect(revision.text).toBe(response.json.paragraphs.join("\n\n"));
    const lines = revision.removed as { text: string; kept: boolean; reason?: string }[];
    expect(lines.find((line) => line.text === "Leave a Reply")).toMatchObject({ kept: false, reason: "comment form" });
    const audit = await db.auditLog.findFirst({ where: { action: "article.import", targetId: response.json.id } });
    expect(audit?.actorId).toBe(editor.actor.id);
  });

  it("turns the same URL with changed content into a new revision; the old one stays readable", async () => {
    const url = `https://news.example.org/harbour/${token("u")}`;
    const { word, text } = story({ url });
    const first = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    expect(first.status).toBe(201);
    expect(first.json.metadata.url).toBe(url);
    expect(first.json.metadata.outlet).toBe("news.example.org");

    const changed = story({ word, url, extra: "The port later corrected the number of berths to five." });
    const second = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text: changed.text } });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ id: first.json.id, newRevision: true, duplicate: false });
    expect(second.json.revision.number).toBe(2);
    expect(second.json.text).toContain("corrected the number of berths");
    expect(await db.article.count({ where: { url } })).toBe(1);

    const old = await getArticleRevision(editor.actor, first.json.id, 1);
    expect(old.isCurrent).toBe(false);
    expect(old.revision.text).toBe(first.json.text);
    const current = await callRoute(articleRoute.GET, { token: analyst.token, params: { id: first.json.id } });
    expect(current.json.revisions.map((revision: { number: number }) => revision.number)).toEqual([2, 1]);
    expect(current.json.text).toBe(second.json.text);
  });

  it("gives text without a headline a provisional title for the editor to confirm", async () => {
    const word = token("nh");
    const text = [
      `Rescue teams reached the ${word} valley on Sunday after a landslide cut the only road, local officials said in a statement.`,
      "",
      "About two hundred residents were evacuated to a school in the neighbouring town, and no injuries were reported by the evening.",
    ].join("\n");
    const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    expect(response.status).toBe(201);
    expect(response.json.metadata.titleProvisional).toBe(true);
    expect(response.json.metadata.title).toMatch(/^Rescue teams reached the/);

    const confirmed = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: response.json.id },
      body: { version: response.json.version, title: `Landslide cuts off ${word} valley` },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.metadata).toMatchObject({ title: `Landslide cuts off ${word} valley`, titleProvisional: false });
  });

  it("reads HTML: canonical URL, headline and body, never the scripts", async () => {
    const word = token("ht");
    const html = `<!doctype html><html lang="en"><head><title>Ferry strike ends | Coastal Post</title>
      <link rel="canonical" href="https://coastalpost.example.com/ferry-${word}">
      <meta property="article:published_time" content="2025-03-14T09:00:00Z">
      <script>document.write("tracking-${word}")</script></head>
      <body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
      <article><h1>Ferry strike ends</h1>
      <p>Ferry crews on the ${word} route returned to work on Friday after the union accepted a new pay offer from the operator.</p>
      <p>Services will run to the normal timetable from Saturday morning, the company said, after a week of cancellations.</p>
      <script>alert("x-${word}")</script></article></body></html>`;
    const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { html, filename: "ferry.html" } });
    expect(response.status).toBe(201);
    expect(response.json.metadata).toMatchObject({
      title: "Ferry strike ends",
      url: `https://coastalpost.example.com/ferry-${word}`,
      publishedAt: "2025-03-14",
    });
    expect(response.json.text).toContain(`${word} route returned to work`);
    expect(response.json.text).not.toMatch(/tracking-|alert\(/);
    expect(response.json.revision.originalFormat).toBe("html");
  });

  it("decodes a Windows-1252 upload instead of producing mojibake", async () => {
    const word = token("cp");
    const text = `Café owners in ${word} protest new rules\n\nCafé owners said on Monday that the new rules — announced without consultation — would cost them “thousands” each year in lost trade.\n\nThe council said it would meet the owners’ association next week to discuss the concerns raised at the protest.`;
    const bytes = iconv.encode(text, "windows-1252");
    const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: multipart([{ name: "cafe.txt", bytes }]) });
    expect(response.status).toBe(201);
    expect(response.json.revision.encoding).toBe("windows-1252");
    expect(response.json.metadata.title).toBe(`Café owners in ${word} protest new rules`);
    expect(response.json.text).toContain("“thousands”");
  });

  describe("refuses bad input with 422 and a reason, storing nothing", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const cases: [string, () => unknown, RegExp][] = [
      ["an empty text", () => ({ text: "" }), /empty/i],
      ["a blank file", () => multipart([{ name: "blank.txt", bytes: new TextEncoder().encode("  \n\n ") }]), /empty/i],
      ["a binary file", () => multipart([{ name: "photo.txt", bytes: png }]), /binary/i],
      ["a file over 5 MB", () => multipart([{ name: "huge.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) }]), /5 MB/],
      ["bytes invalid in their encoding", () => multipart([{ name: "broken.txt", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]) }]), /encoding/i],
      [
        "HTML that is only scripts",
        () => ({ html: "<html><head><script>alert(1)</script></head><body><script>var a = 1;</script></body></html>" }),
        /no readable text/i,
      ],
      ["JSON with neither text nor html", () => ({ filename: "x.txt" }), /text.*html/i],
    ];

    it.each(cases)("%s", async (_name, body, reason) => {
      const articles = await articleCount();
      const revisions = await db.articleRevision.count();
      const audits = await db.auditLog.count({ where: { action: "article.import" } });
      const response = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: body() });
      expect(response.status).toBe(422);
      expect(response.json.code).toBe("validation");
      // These refusals share the code and name no field; the reason is what the user reads.
      expect(response.json.error).toMatch(reason);
      expect(await articleCount()).toBe(articles);
      expect(await db.articleRevision.count()).toBe(revisions);
      expect(await db.auditLog.count({ where: { action: "article.import" } })).toBe(audits);
    });
  });

  it("lets analysts read but not import, and refuses anonymous callers", async () => {
    const { text } = story();
    const imported = await callRoute(articlesRoute.POST, { method: "POST", token: admin.token, body: { text } });
    expect(imported.status).toBe(201);

    expect((await callRoute(articlesRoute.GET, { token: analyst.token, url: "/api/articles" })).status).toBe(200);
    expect((await callRoute(articleRoute.GET, { token: analyst.token, params: { id: imported.json.id } })).status).toBe(200);
    const refused = await callRoute(articlesRoute.POST, { method: "POST", token: analyst.token, body: story() });
    expect(refused.status).toBe(403);
    expect(
      (await callRoute(articleRoute.PATCH, { method: "PATCH", token: analyst.token, params: { id: imported.json.id }, body: { version: 1, title: "No" } }))
        .status,
    ).toBe(403);

    expect((await callRoute(articlesRoute.GET, { url: "/api/articles" })).status).toBe(401);
    expect((await callRoute(articlesRoute.POST, { method: "POST", body: { text } })).status).toBe(401);
    expect((await callRoute(articleRoute.GET, { params: { id: imported.json.id } })).status).toBe(401);
  });

  it("answers 404 for an unknown article", async () => {
    expect((await callRoute(articleRoute.GET, { token: analyst.token, params: { id: "no-such-article" } })).status).toBe(404);
  });

  it("finds articles by full-text search over title, outlet and text, with filters", async () => {
    const bodyWord = token("ft");
    const titleWord = token("tt");
    const { text } = story({ word: bodyWord });
    const imported = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: imported.json.id },
      body: { version: imported.json.version, title: `Terminal ${titleWord} approved`, outlet: "Harbour Gazette", kind: "ANALYSIS", publishedAt: "2024-06-02" },
    });

    const search = async (query: string) => (await callRoute(articlesRoute.GET, { token: analyst.token, url: `/api/articles?${query}` })).json;
    // The body word now only appears in the text (the title was corrected).
    expect((await search(`q=${bodyWord}`)).items.map((item: { id: string }) => item.id)).toEqual([imported.json.id]);
    // The title word appears only in the corrected title.
    expect((await search(`q=${titleWord}`)).items.map((item: { id: string }) => item.id)).toEqual([imported.json.id]);
    expect((await search(`q=${bodyWord}&outlet=Harbour%20Gazette&kind=ANALYSIS`)).total).toBe(1);
    expect((await search(`q=${bodyWord}&kind=NEWS`)).total).toBe(0);
    expect((await search(`q=${bodyWord}&from=2024-06-01&to=2024-06-30`)).total).toBe(1);
    expect((await search(`q=${bodyWord}&from=2024-07-01`)).total).toBe(0);
    expect((await search(`q=${token("none")}`)).total).toBe(0);
  });

  it("ranks a search: the word in the title first, then the text that says most about it", async () => {
    const word = token("rk");
    const importText = async (text: string) => (await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } })).json.id as string;
    // Imported in the reverse of the expected order, so newest-first would get it wrong.
    const titled = await importText(`${word} plan approved\n\nThe council approved the plan after a short debate about harbour dredging costs.`);
    const often = await importText(
      `Council approves dredging\n\nThe ${word} dredging plan won. Supporters of ${word} said ${word} work starts soon, and ${word} barges are ready.`,
    );
    const once = await importText(`Port budget debated\n\nThe council mentioned ${word} once while discussing the port budget for next year.`);
    const found = await callRoute(articlesRoute.GET, { token: analyst.token, url: `/api/articles?q=${word}` });
    expect(found.json.items.map((item: { id: string }) => item.id)).toEqual([titled, often, once]);
  });

  it("also finds the other spellings of an entity the query names, and says so", async () => {
    const t = token("");
    await db.entity.create({
      data: {
        type: "PERSON",
        name: `Volodymyr Zelensky${t}`,
        normalizedName: `volodymyr zelensky${t}`,
        aliases: {
          create: ["Zelensky", "Zelenskyy", "Zelenskiy", "V. Zelensky"].map((alias) => ({ alias: `${alias}${t}`, normalized: `${alias.toLowerCase()}${t}` })),
        },
      },
    });
    const importText = async (text: string) => (await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } })).json.id as string;
    const spelledY = await importText(`Talks in Kyiv resume\n\nZelenskyy${t} met the delegation on Monday and spoke about the grain corridor.`);
    const spelledI = await importText(`Corridor reopened\n\nPresident Zelenskiy${t} said the corridor would stay open through the winter.`);
    const plain = await importText(`Harbour plans\n\nThe harbour board met again; Zelensky${t} was not mentioned by name.`);

    const found = (await callRoute(articlesRoute.GET, { token: analyst.token, url: `/api/articles?q=Zelenskyy${t}` })).json;
    expect(found.items.map((item: { id: string }) => item.id).sort()).toEqual([spelledY, spelledI, plain].sort());
    expect(found.alsoSearched).toEqual([`Zelensky${t}`, `Zelenskiy${t}`]);
    expect(found).toMatchObject({ total: 3, totalIs: "exact" });

    // A word that names no entity is searched as written.
    const other = (await callRoute(articlesRoute.GET, { token: analyst.token, url: `/api/articles?q=corridor%20Zelenskiy${t}` })).json;
    expect(other.items.map((item: { id: string }) => item.id).sort()).toEqual([spelledY, spelledI].sort());
    expect(other.alsoSearched).toEqual([`Zelensky${t}`, `Zelenskyy${t}`]);
  });

  it("uses the full-text indexes for the search", async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT "id" FROM "Article" WHERE to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("outlet", '')) @@ websearch_to_tsquery('simple', 'harbour')
        UNION SELECT "articleId" FROM "ArticleRevision" WHERE "searchVector" @@ websearch_to_tsquery('english', 'harbour')`;
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("Article_search_idx");
    expect(text).toContain("ArticleRevision_search_recent_idx");
  });

  it("previews with ?dryRun=1 without storing anything, flagging duplicates", async () => {
    const { text } = story();
    const articles = await articleCount();
    const preview = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, url: "/api/articles?dryRun=1", body: { text } });
    expect(preview.status).toBe(200);
    expect(preview.json.previews[0]).toMatchObject({ ok: true, duplicateOf: null });
    expect(preview.json.previews[0].removed).toEqual(expect.arrayContaining([{ text: "Leave a Reply", reason: "comment form" }]));
    expect(await articleCount()).toBe(articles);

    const saved = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    const again = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, url: "/api/articles?dryRun=1", body: { text } });
    expect(again.json.previews[0].duplicateOf).toMatchObject({ id: saved.json.id });

    const files = multipart([
      { name: "ok.txt", bytes: new TextEncoder().encode(story().text) },
      { name: "empty.txt", bytes: new Uint8Array() },
    ]);
    const several = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, url: "/api/articles?dryRun=true", body: files });
    expect(several.json.previews.map((item: { file: string; ok: boolean }) => [item.file, item.ok])).toEqual([
      ["ok.txt", true],
      ["empty.txt", false],
    ]);
  });

  it("stores the metadata corrected in the preview, for pasted text and for a file, and refuses a bad date (422)", async () => {
    const word = token("mc");
    const text = [
      `Rescue teams reached the ${word} valley on Sunday after a landslide cut the only road, local officials said in a statement.`,
      "",
      "About two hundred residents were evacuated to a school in the neighbouring town, and no injuries were reported by the evening.",
    ].join("\n");
    const bad = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text, metadata: { publishedAt: "2024-02-30" } } });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "metadata.publishedAt" })] });
    const badKind = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text, metadata: { kind: "GOSSIP" } } });
    expect(badKind.status).toBe(422);
    expect(badKind.json).toMatchObject({ code: "validation", issues: [expect.objectContaining({ path: "metadata.kind" })] });
    expect(await db.article.count({ where: { title: { contains: word } } })).toBe(0);

    const metadata = { title: `Landslide cuts off ${word} valley`, outlet: "Valley Courier", publishedAt: "2024-03-17", author: "Ana Ruiz", kind: "ANALYSIS" };
    const saved = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text, metadata } });
    expect(saved.status).toBe(201);
    expect(saved.json.metadata).toMatchObject({ ...metadata, titleProvisional: false });
    const stored = await db.article.findUniqueOrThrow({ where: { id: saved.json.id } });
    expect(stored).toMatchObject({ title: metadata.title, titleProvisional: false, outlet: "Valley Courier", author: "Ana Ruiz", kind: "ANALYSIS" });
    expect(stored.publishedAt?.toISOString()).toBe("2024-03-17T00:00:00.000Z");

    // A file: only the fields sent change; the extracted headline and author stay.
    const { word: fileWord, text: fileText } = story();
    const form = multipart([{ name: "harbour.txt", bytes: new TextEncoder().encode(fileText) }]);
    form.append("metadata", JSON.stringify({ outlet: "Port Gazette", publishedAt: "2023-11-02" }));
    const file = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: form });
    expect(file.status).toBe(201);
    expect(file.json.metadata).toMatchObject({
      title: `Harbour authority approves ${fileWord} expansion plan`,
      author: "Maria Lindqvist",
      outlet: "Port Gazette",
      publishedAt: "2023-11-02",
    });
  });

  it("keeps the time and zone a page states with its date, until an editor gives another day", async () => {
    const { word, text } = story();
    const dated = text.replace("By Maria Lindqvist", "Maria Lindqvist - Mar 3, 2020, 10:31 pm CST");
    const imported = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text: dated } });
    expect(imported.status).toBe(201);
    expect(imported.json.metadata).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-06:00" });
    const read = await callRoute(articleRoute.GET, { token: editor.token, params: { id: imported.json.id } });
    expect(read.json.metadata).toMatchObject({ title: expect.stringContaining(word), publishedAt: "2020-03-03", publishedTime: "22:31-06:00" });

    const sameDay = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: imported.json.id },
      body: { version: imported.json.version, publishedAt: "2020-03-03", author: "Jon Berg" },
    });
    expect(sameDay.json.metadata).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-06:00" });
    const otherDay = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: imported.json.id },
      body: { version: sameDay.json.version, publishedAt: "2020-03-04" },
    });
    expect(otherDay.json.metadata).toMatchObject({ publishedAt: "2020-03-04", publishedTime: null });
  });

  it("refuses a metadata change based on a stale version (409) with the current state", async () => {
    const { text } = story();
    const imported = await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: { text } });
    const first = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: imported.json.id },
      body: { version: imported.json.version, author: "Jon Berg" },
    });
    expect(first.status).toBe(200);
    const stale = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: admin.token,
      params: { id: imported.json.id },
      body: { version: imported.json.version, author: "Someone Else" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.current.author).toBe("Jon Berg");
    const badUrl = await callRoute(articleRoute.PATCH, {
      method: "PATCH",
      token: editor.token,
      params: { id: imported.json.id },
      body: { version: first.json.version, url: "javascript:alert(1)" },
    });
    expect(badUrl.status).toBe(422);
  });
});

describe("restoring and removing lines", () => {
  let editor: Actor;
  let analyst: Actor;

  beforeAll(async () => {
    [editor, analyst] = await Promise.all([makeUser("EDITOR"), makeUser("ANALYST")]);
  });

  it("restoring a removed line makes a new revision, moves annotations onto it, and keeps the old one", async () => {
    const { text } = story();
    const outcome = await importArticle(editor, { bytes: new TextEncoder().encode(text), filename: "lines.txt" });
    const article = await db.article.findUniqueOrThrow({ where: { id: outcome.articleId! }, include: { currentRevision: true } });
    const first = article.currentRevision!;
    const lines = first.removed as { text: string; kept: boolean }[];
    const index = lines.findIndex((line) => line.text === "Leave a Reply");
    expect(lines[index].kept).toBe(false);

    // An annotation on the second paragraph must follow it to the new revision.
    const quote = "four berths";
    const start = first.text.indexOf(quote);
    const annotation = await db.annotation.create({
      data: {
        articleId: article.id,
        revisionId: first.id,
        kind: "claim",
        body: {},
        exact: quote,
        prefix: first.text.slice(Math.max(0, start - 32), start),
        suffix: first.text.slice(start + quote.length, start + quote.length + 32),
        start,
        end: start + quote.length,
        originalExact: quote,
        authorId: editor.id,
      },
    });

    const result = await changeArticleLines(editor, { articleId: article.id, revisionId: first.id, decisions: [{ index, kept: true }] });
    expect(result.number).toBe(2);
    const updated = await db.article.findUniqueOrThrow({ where: { id: article.id }, include: { currentRevision: true } });
    expect(updated.currentRevisionId).toBe(result.revisionId);
    expect(updated.currentRevision!.text).toContain("Leave a Reply");
    expect(Buffer.from(updated.currentRevision!.originalBytes).equals(Buffer.from(first.originalBytes))).toBe(true);

    const moved = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(moved.revisionId).toBe(result.revisionId);
    expect(updated.currentRevision!.text.slice(moved.start, moved.end)).toBe(quote);

    const old = await getArticleRevision(analyst, article.id, 1);
    expect(old.revision.text).toBe(first.text);
    expect(old.revision.text).not.toContain("Leave a Reply");

    // Removing a kept line is the reverse, with the reason "editor".
    const keptIndex = (updated.currentRevision!.removed as { kept: boolean }[]).findIndex((line) => line.kept);
    const removal = await changeArticleLines(editor, { articleId: article.id, revisionId: result.revisionId, decisions: [{ index: keptIndex, kept: false }] });
    const third = await db.articleRevision.findUniqueOrThrow({ where: { id: removal.revisionId } });
    expect((third.removed as { kept: boolean; reason?: string }[])[keptIndex]).toMatchObject({ kept: false, reason: "editor" });
    expect(third.number).toBe(3);
  });

  it("refuses a change based on an old revision, a change that empties the article, and analysts", async () => {
    const { text } = story();
    const outcome = await importArticle(editor, { bytes: new TextEncoder().encode(text) });
    const article = await db.article.findUniqueOrThrow({ where: { id: outcome.articleId! }, include: { currentRevision: true } });
    const revision = article.currentRevision!;
    const lines = revision.removed as { kept: boolean }[];
    const kept = lines.flatMap((line, index) => (line.kept ? [{ index, kept: false }] : []));

    // Refusals of a change share the code and name no field; the message says what was wrong.
    await expect(changeArticleLines(editor, { articleId: article.id, revisionId: revision.id, decisions: kept })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/at least one paragraph/),
    });
    await expect(changeArticleLines(analyst, { articleId: article.id, revisionId: revision.id, decisions: [kept[0]] })).rejects.toBeInstanceOf(ForbiddenError);

    const next = await changeArticleLines(editor, { articleId: article.id, revisionId: revision.id, decisions: [kept[0]] });
    expect(next.number).toBe(2);
    await expect(changeArticleLines(editor, { articleId: article.id, revisionId: revision.id, decisions: [kept[1]] })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });
});
