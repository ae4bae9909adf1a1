import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicBriefing } from "@/lib/briefings/public";
import { db } from "@/lib/db";
import { approvedBriefing, bodyCiting, briefingApi, makeEvent, makeNewsroom, makePassage, type Newsroom } from "../support/briefing-fixtures";

let newsroom: Newsroom;

beforeAll(async () => {
  newsroom = await makeNewsroom();
});

describe("addresses (slugs)", () => {
  it("refuses a slug already taken with 409 and suggests a free one", async () => {
    const slug = `ceasefire-${randomBytes(3).toString("hex")}`;
    expect((await briefingApi.create(newsroom.editor, { title: "First", slug })).status).toBe(201);
    const taken = await briefingApi.create(newsroom.editor, { title: "Second", slug });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: "conflict", suggestion: `${slug}-2` });
    expect((await briefingApi.create(newsroom.editor, { title: "Second", slug: taken.json.suggestion })).status).toBe(201);
    expect((await briefingApi.create(newsroom.editor, { title: "Third", slug })).json.suggestion).toBe(`${slug}-3`);
  });

  it("refuses renaming a draft to a taken slug", async () => {
    const slug = `taken-${randomBytes(3).toString("hex")}`;
    await briefingApi.create(newsroom.editor, { title: "Holder", slug });
    const other = await briefingApi.create(newsroom.editor, { title: "Other" });
    const renamed = await briefingApi.patch(newsroom.editor, other.json.briefing.id, { version: 1, slug });
    expect(renamed.status).toBe(409);
    expect(renamed.json.suggestion).toBe(`${slug}-2`);
  });

  it("derives a free slug from the title when none is given", async () => {
    const title = `US–Russia contacts ${randomBytes(3).toString("hex")}`;
    const first = await briefingApi.create(newsroom.editor, { title });
    const second = await briefingApi.create(newsroom.editor, { title });
    expect(first.json.briefing.slug).toMatch(/^us-russia-contacts-[a-f0-9]+$/);
    expect(second.json.briefing.slug).toBe(`${first.json.briefing.slug}-2`);
  });

  it("refuses slugs that are not lower-case words joined by hyphens", async () => {
    for (const slug of ["Has Spaces", "../etc", "trailing-", "ünïcode"]) {
      expect((await briefingApi.create(newsroom.editor, { title: "Bad slug", slug })).status).toBe(422);
    }
  });

  it("refuses changing the address of a published briefing", async () => {
    const passage = await makePassage(newsroom.editor);
    const id = await approvedBriefing(newsroom, bodyCiting([passage.id]));
    await briefingApi.publish(newsroom.editor, id);
    const moved = await briefingApi.patch(newsroom.editor, id, { version: 1, slug: `moved-${randomBytes(3).toString("hex")}` });
    expect(moved.status).toBe(422);
  });
});

describe("references in the body", () => {
  it("refuses a citation to a passage that does not exist or was deleted with 422", async () => {
    const missing = await briefingApi.create(newsroom.editor, { title: "Ghost", body: bodyCiting(["doesnotexist0000"]) });
    expect(missing.status).toBe(422);
    expect(missing.json).toMatchObject({ code: "validation", missing: { annotationIds: ["doesnotexist0000"] } });

    const deleted = await makePassage(newsroom.editor);
    await db.annotation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    expect((await briefingApi.create(newsroom.editor, { title: "Deleted", body: bodyCiting([deleted.id]) })).status).toBe(422);

    const created = await briefingApi.create(newsroom.editor, { title: "Added later" });
    const added = await briefingApi.patch(newsroom.editor, created.json.briefing.id, { version: 1, body: bodyCiting([deleted.id]) });
    expect(added.status).toBe(422);
    expect((await briefingApi.get(newsroom.editor, created.json.briefing.id)).json.briefing.version).toBe(1);
  });

  it("refuses an event that does not exist", async () => {
    const result = await briefingApi.create(newsroom.editor, {
      title: "No such event",
      body: { type: "doc", content: [{ type: "timeline", attrs: { eventIds: ["nosuchevent00000"] } }] },
    });
    expect(result.status).toBe(422);
  });

  it("keeps saving other edits when a passage cited earlier is deleted (publishing is what it blocks)", async () => {
    const passage = await makePassage(newsroom.editor);
    const created = await briefingApi.create(newsroom.editor, { title: "Cited then deleted", body: bodyCiting([passage.id]) });
    await db.annotation.update({ where: { id: passage.id }, data: { deletedAt: new Date() } });
    const body = bodyCiting([passage.id], [{ type: "paragraph", content: [{ type: "text", text: "More text." }] }]);
    expect((await briefingApi.patch(newsroom.editor, created.json.briefing.id, { version: 1, body })).status).toBe(200);
  });

  it("refuses a body that is not a tiptap document", async () => {
    expect((await briefingApi.create(newsroom.editor, { title: "HTML body", body: "<p>hello</p>" })).status).toBe(422);
  });
});

describe("sanitizing", () => {
  const SMUGGLED = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        attrs: { onclick: "alert(1)", style: "color:red" },
        content: [
          { type: "text", text: "Talks <script>alert('text')</script> resumed. " },
          { type: "text", text: "Click", marks: [{ type: "link", attrs: { href: "javascript:alert(2)", onmouseover: "alert(3)" } }] },
          { type: "text", text: " safe link", marks: [{ type: "link", attrs: { href: "https://example.org/", target: "_blank", onclick: "alert(4)" } }] },
        ],
      },
      { type: "script", attrs: { src: "https://evil.example/x.js" }, content: [{ type: "text", text: "alert(5)" }] },
      { type: "htmlBlock", attrs: { html: "<img src=x onerror=alert(6)>" } },
      { type: "heading", attrs: { level: 1, onfocus: "alert(7)" }, content: [{ type: "text", text: "A heading" }] },
    ],
  };

  it("removes script and event-handler attributes before storing, and publishes clean HTML", async () => {
    const passage = await makePassage(newsroom.editor);
    const body = { ...SMUGGLED, content: [...SMUGGLED.content, bodyCiting([passage.id]).content[0]] };
    const created = await briefingApi.create(newsroom.editor, { title: "Smuggled <img src=x onerror=alert(8)>", body });
    expect(created.status).toBe(201);
    const id = created.json.briefing.id;

    const stored = JSON.stringify((await db.briefing.findUniqueOrThrow({ where: { id } })).body);
    for (const bad of ["onclick", "onmouseover", "onfocus", "javascript:", "style", "evil.example", "onerror", '"script"', "htmlBlock"]) {
      expect(stored).not.toContain(bad);
    }
    expect(stored).toContain("Talks <script>alert('text')</script> resumed.");
    expect(stored).toContain('"level":2');
    const draft = await db.briefingDraft.findFirstOrThrow({ where: { briefingId: id, version: 1 } });
    expect(JSON.stringify(draft.body)).not.toContain("onclick");

    await briefingApi.submit(newsroom.editor, id);
    await briefingApi.approve(newsroom.analyst, id);
    expect((await briefingApi.publish(newsroom.editor, id)).status).toBe(200);
    const page = await getPublicBriefing(created.json.briefing.slug);
    const html = page!.version.html;
    expect(html).not.toMatch(/<script|<img|onerror|onclick|onmouseover|javascript:/i);
    expect(html).toContain("Talks &lt;script&gt;alert('text')&lt;/script&gt; resumed.");
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer nofollow"> safe link</a>');
    expect(html).toContain("<h2>A heading</h2>");
    expect(page!.version.title).toBe("Smuggled <img src=x onerror=alert(8)>");
  });

  it("sanitizes again on the way in when a draft is saved", async () => {
    const event = await makeEvent();
    const created = await briefingApi.create(newsroom.editor, { title: "Saved later" });
    const saved = await briefingApi.patch(newsroom.editor, created.json.briefing.id, {
      version: 1,
      body: { type: "doc", content: [{ type: "timeline", attrs: { eventIds: [event.id], onload: "alert(1)" } }, ...SMUGGLED.content] },
    });
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.json.briefing.body)).not.toMatch(/onload|onclick|javascript:|evil\.example/);
    expect(saved.json.briefing.body.content[0]).toEqual({ type: "timeline", attrs: { eventIds: [event.id] } });
  });
});
