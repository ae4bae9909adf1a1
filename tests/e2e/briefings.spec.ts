import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";
import { SAME_ORIGIN } from "./support/origin";

// The source material (an article and an annotation on it) is made through the JSON API with
// the editor's session; writing, reviewing and publishing the briefing happen in the browser.

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

type Source = { articleId: string; annotationId: string; quote: string; outlet: string; url: string };

async function annotatedSource(api: APIRequestContext, tag: string): Promise<Source> {
  const url = `https://www.reuters.com/world/${tag}`;
  const text = `Ceasefire talks resume in Geneva ${tag}\nSource: ${url}\nGENEVA. Negotiators met for six hours on Tuesday, a delegate said. A second round is planned for June.`;
  const imported = await api.post("/api/articles", { headers: SAME_ORIGIN, data: { text } });
  expect(imported.status(), await imported.text()).toBe(201);
  const article = await imported.json();
  const quote = "Negotiators met for six hours on Tuesday";
  const start = article.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const annotated = await api.post("/api/annotations", {
    headers: SAME_ORIGIN,
    data: {
      target: {
        source: article.id,
        selector: [
          { type: "TextQuoteSelector", exact: quote },
          { type: "TextPositionSelector", start, end: start + quote.length },
        ],
      },
      body: { kind: "claim" },
    },
  });
  expect(annotated.status(), await annotated.text()).toBe(201);
  const annotationId = ((await annotated.json()).id as string).split("/").pop()!;
  return { articleId: article.id, annotationId, quote, outlet: article.metadata.outlet, url };
}

function bodyOf(page: Page) {
  return page.getByRole("textbox", { name: "Briefing body" });
}

async function expectSaved(page: Page) {
  await expect(page.getByText(/^All changes saved \(version \d+\)$/)).toBeVisible();
}

test("a briefing goes from draft to its public page: refused while unvetted, then approved, published and read anonymously", async ({ browser }) => {
  const tag = unique();
  const title = `Geneva talks ${tag}`;
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  const source = await annotatedSource(editor.request, tag);

  // Compose: a new briefing, a sentence, and a citation of the (not yet reviewed) passage.
  await editor.getByRole("link", { name: "Briefings", exact: true }).click();
  await editor.getByRole("link", { name: "New briefing" }).click();
  const form = editor.getByRole("form", { name: "New briefing" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Summary").fill("Where the ceasefire talks stand.");
  await form.getByRole("button", { name: "Create briefing" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const composePath = new URL(editor.url()).pathname;

  await bodyOf(editor).click();
  await editor.keyboard.type("Negotiators met for six hours in Geneva.");
  await editor.getByRole("button", { name: "Cite passages" }).click();
  const picker = editor.getByRole("group", { name: "Cite passages" });
  await picker.getByLabel("Filter").fill(tag);
  await picker.getByRole("checkbox", { name: new RegExp(source.quote) }).check();
  await picker.getByRole("button", { name: "Insert citation" }).click();
  await expect(bodyOf(editor).locator("[data-citation]")).toHaveText(`[${source.outlet}]`);
  await expectSaved(editor);
  await expect(editor.locator(".briefing-preview sup.citation")).toBeVisible();

  // Publishing now is refused, with every blocker listed and linked.
  const publish = editor.getByRole("form", { name: "Publish" });
  await publish.getByRole("button", { name: "Publish" }).click();
  const refusal = publish.getByRole("alert");
  await expect(refusal).toContainText("cannot be published yet: 2 problems");
  const blockers = refusal.getByRole("list", { name: "Why it cannot be published" });
  await expect(blockers.getByRole("listitem")).toHaveCount(2);
  await expect(blockers).toContainText("has not been approved by an analyst");
  await expect(blockers).toContainText(`The cited passage “${source.quote}” (${source.outlet}) is not approved (pending)`);
  await expect(blockers.getByRole("link", { name: "Open the passage" })).toHaveAttribute(
    "href",
    `/articles/${source.articleId}#annotation-${source.annotationId}`,
  );

  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.locator(".status-badge")).toHaveText("In review");

  // An analyst approves the briefing and the cited passage.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "analyst");
  await analyst.goto(composePath);
  await expect(analyst.getByRole("textbox", { name: "Briefing body" })).toContainText("Negotiators met for six hours in Geneva.");
  await analyst.getByRole("button", { name: /^Approve version \d+$/ }).click();
  await expect(analyst.locator(".status-badge")).toHaveText("Approved");
  const review = await analyst.request.post(`/api/annotations/${source.annotationId}/review`, { headers: SAME_ORIGIN, data: { decision: "approve" } });
  expect(review.status(), await review.text()).toBe(200);
  await analystContext.close();

  // Now it publishes.
  await editor.reload();
  await expect(editor.getByText("Nothing blocks publishing.")).toBeVisible();
  await editor.getByRole("form", { name: "Publish" }).getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Version 1 is published")).toBeVisible();
  await expect(editor.locator(".status-badge")).toHaveText("Published");
  const publicPath = await editor.getByRole("link", { name: "open the public page" }).getAttribute("href");
  expect(publicPath).toMatch(/^\/briefings\/geneva-talks-/);

  // An anonymous reader: no sign-in, a fresh browser.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto("/briefings");
  await reader.getByRole("link", { name: title }).click();
  await expect(reader).toHaveURL(new RegExp(`${publicPath}$`));
  await expect(reader.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByRole("banner")).toBeVisible();
  await expect(reader.getByRole("contentinfo")).toBeVisible();

  await reader.getByRole("link", { name: `Source 1: ${source.outlet}` }).click();
  await expect(reader).toHaveURL(/#note-1$/);
  const note = reader.locator("#note-1");
  await expect(note.locator("blockquote")).toHaveText(`“${source.quote}”`);
  await expect(note).toContainText(source.outlet);
  await expect(note.getByRole("link", { name: /^Read the original/ })).toHaveAttribute("href", source.url);
  await note.getByText("The passage in context").click();
  await expect(note.locator("details p")).toHaveText(`${source.quote}, a delegate said.`);

  // Structured data and share cards.
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "[]");
  expect(jsonLd[0]).toMatchObject({ "@type": "NewsArticle", headline: title, author: { name: "Erin Editor" } });
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(reader.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");

  // The feed lists it.
  const feed = await reader.request.get("/briefings/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  const titles = await reader.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("The feed is not well-formed XML.");
    return [...doc.querySelectorAll("entry > title")].map((element) => element.textContent);
  }, xml);
  expect(titles).toContain(title);

  // Readers are now served a copy of the page; a retraction shows on it at once all the same.
  await expect.poll(async () => (await reader.request.get(publicPath!)).headers()["x-concord-page-copy"]).toBe("hit");
  await editor.getByText("Retract this briefing").click();
  const retract = editor.getByRole("form", { name: "Retract" });
  await retract.getByLabel("Retraction note for readers").fill("The meeting took place a day later.");
  await retract.getByRole("button", { name: "Retract" }).click();
  await expect(editor.locator(".status-badge")).toHaveText("Retracted");
  await reader.goto(publicPath!);
  await expect(reader.getByRole("note", { name: "Retraction" })).toContainText("The meeting took place a day later.");
  await readerContext.close();
  await editorContext.close();
});

test("two editors on one draft: the later save is refused and shown, never silently overwriting", async ({ browser }) => {
  const firstContext = await browser.newContext();
  const first = await firstContext.newPage();
  await signIn(first, "editor");
  const created = await first.request.post("/api/briefings", { headers: SAME_ORIGIN, data: { title: `Shared draft ${unique()}` } });
  expect(created.status()).toBe(201);
  const path = `/compose/${(await created.json()).briefing.id}`;

  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await signIn(second, "editor2");
  await first.goto(path);
  await second.goto(path);

  await bodyOf(first).click();
  await first.keyboard.type("The first editor's sentence.");
  await expect(first.getByText("All changes saved (version 2)")).toBeVisible();

  await bodyOf(second).click();
  await second.keyboard.type("The second editor's sentence.");
  const conflict = second.getByRole("alert").filter({ hasText: "Someone else saved this briefing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("version 2");
  await expect(second.getByText("Not saved: someone else saved a newer version")).toBeVisible();

  // The first editor's text is intact on the server.
  const stored = await (await first.request.get(`/api/briefings${path.replace("/compose", "")}`)).json();
  expect(JSON.stringify(stored.briefing.body)).toContain("The first editor's sentence.");
  expect(JSON.stringify(stored.briefing.body)).not.toContain("The second editor's sentence.");

  await conflict.getByRole("button", { name: "Load their version" }).click();
  await expect(bodyOf(second)).toHaveText("The first editor's sentence.");
  await expect(second.getByText("All changes saved (version 2)")).toBeVisible();
  await bodyOf(second).click();
  await second.keyboard.press("End");
  await second.keyboard.type(" And the second editor's, on top.");
  await expect(second.getByText("All changes saved (version 3)")).toBeVisible();
  await firstContext.close();
  await secondContext.close();
});
