import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { APIRequestContext, Browser } from "@playwright/test";
import { SAME_ORIGIN } from "./support/origin";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";

/**
 * The public site as an anonymous reader meets it: a published briefing (made through the JSON
 * API by an editor and approved by an analyst) with a cited passage and a timeline of events.
 */

test.describe.configure({ mode: "serial" });

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let publicPath = "";

const EVENTS = [
  ["2025-02-12", "PHONE_CALL", "Telephone conversation between the two presidents about a possible meeting"],
  ["2025-02-18", "TALKS", "Delegations meet in Riyadh for the first round of talks"],
  ["2025-03-11", "PROPOSAL", "Thirty-day ceasefire proposal agreed by the negotiators in Jeddah"],
  ["2025-05-05", "STATEMENT", "Foreign ministry statement on the prisoner exchange"],
  ["2025-05-16", "TALKS", "Direct talks in Istanbul after a three-year pause"],
  ["2025-05-19", "PHONE_CALL", "Two-hour call ahead of the next round"],
] as const;

async function call(api: APIRequestContext, method: "post" | "patch" | "get", path: string, data?: unknown) {
  const response = await api[method](path, data === undefined ? undefined : { headers: SAME_ORIGIN, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

async function publishBriefing(browser: Browser): Promise<string> {
  const editorContext = await browser.newContext();
  const analystContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const analyst = await analystContext.newPage();
  await signIn(editor, "editor");
  await signIn(analyst, "analyst");
  const text = `Talks resume ${tag}\nSource: https://www.reuters.com/world/${tag}\nGENEVA. Negotiators met for six hours on Tuesday, a delegate said. A second round is planned.`;
  const article = await call(editor.request, "post", "/api/articles", { text });
  const quotes = ["Negotiators met for six hours on Tuesday", "A second round is planned"];
  const annotationIds: string[] = [];
  for (const quote of quotes) {
    const start = article.text.indexOf(quote);
    const target = {
      source: article.id,
      selector: [
        { type: "TextQuoteSelector", exact: quote },
        { type: "TextPositionSelector", start, end: start + quote.length },
      ],
    };
    const annotation = await call(editor.request, "post", "/api/annotations", { target, body: { kind: "claim" } });
    const id = (annotation.id as string).split("/").pop()!;
    await call(analyst.request, "post", `/api/annotations/${id}/review`, { decision: "approve" });
    annotationIds.push(id);
  }
  const eventIds: string[] = [];
  for (const [localDate, type, title] of EVENTS) {
    const event = await call(editor.request, "post", "/api/events", {
      type: type.toLowerCase(),
      title: `${title} ${tag}`,
      date: { localDate, precision: "day" },
      confirmDuplicate: true,
    });
    eventIds.push(event.id);
  }
  const body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Negotiators met for six hours." },
          { type: "citation", attrs: { annotationIds: [annotationIds[0]], label: "" } },
          { type: "text", text: " Another round follows." },
          { type: "citation", attrs: { annotationIds: [annotationIds[1]], label: "" } },
        ],
      },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Timeline" }] },
      { type: "timeline", attrs: { eventIds } },
    ],
  };
  const created = await call(editor.request, "post", "/api/briefings", { title: `Talks resume ${tag}`, summary: "Where the talks stand.", body });
  const id = created.briefing.id as string;
  await call(editor.request, "post", `/api/briefings/${id}/submit`, {});
  const draft = await call(analyst.request, "get", `/api/briefings/${id}`);
  await call(analyst.request, "post", `/api/briefings/${id}/approve`, { version: draft.briefing.version });
  const published = await call(editor.request, "post", `/api/briefings/${id}/publish`, {});
  await editorContext.close();
  await analystContext.close();
  return published.path as string;
}

test.beforeAll(async ({ browser }) => {
  publicPath = await publishBriefing(browser);
});

test("a public briefing is one static document: no script file, no console error, under 40 KB gzipped with all it loads", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const loaded: string[] = [];
  page.on("requestfinished", (request) => loaded.push(request.url()));
  await page.goto(publicPath);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(`Talks resume ${tag}`);

  // Scripts: the structured data, which is not run, and the inline one that writes dates in the reader's locale.
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => element.getAttribute("type")));
  expect(scripts).toEqual(["application/ld+json", null]);
  expect(loaded.filter((url) => /\.m?js(\?|$)/.test(url))).toEqual([]);
  expect(errors).toEqual([]);

  // The favicon is there.
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect((await page.request.get(icon!)).status()).toBe(200);

  // Every byte the page loaded, gzipped as the server sends it.
  let total = 0;
  for (const url of new Set(loaded)) total += gzipSync(await (await page.request.get(url)).body()).byteLength;
  console.log(`Public briefing page: ${loaded.length} request(s), ${(total / 1024).toFixed(1)} KB gzipped in all`);
  expect(total).toBeLessThan(40 * 1024);
});

test("the timeline keeps its labels on the card and apart, names its colours, and turns into a list on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(publicPath);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const picture = timeline.getByRole("group", { name: "Timeline of events" });
  await expect(picture).toBeVisible();
  const legend = timeline.getByRole("list", { name: "Event types" });
  for (const type of ["Phone call", "Talks or negotiation", "Proposal", "Statement"])
    await expect(legend.getByRole("listitem").filter({ hasText: type })).toBeVisible();

  const card = (await timeline.locator("figure.timeline").boundingBox())!;
  const boxes = await picture.locator("text").evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(EVENTS.length);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(card.x);
    expect(box.right).toBeLessThanOrEqual(card.x + card.width);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
    }
  }
  // Each event in the picture is a link to its entry in the list below, named by its title and date.
  await picture.getByRole("link", { name: new RegExp(`^Two-hour call ahead of the next round ${tag}, 19 May 2025$`) }).click();
  await expect(page).toHaveURL(/#timeline-1-6$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(picture).toBeHidden();
  const entries = timeline.getByRole("listitem").filter({ hasText: tag });
  await expect(entries).toHaveCount(EVENTS.length);
  const fontSize = await entries.first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(14);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("structured data names the language and each cited article once; one version shows no versions list", async ({ page }) => {
  await page.goto(publicPath);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "[]");
  expect(jsonLd[0]).toMatchObject({ "@type": "NewsArticle", inLanguage: "en" });
  expect(jsonLd[0].citation).toHaveLength(1);
  await expect(page.getByRole("navigation", { name: "All versions" })).toHaveCount(0);
});

test("unknown briefings and versions answer 404 inside the site's frame, with a way back", async ({ page }) => {
  for (const path of [`/briefings/no-such-briefing-${tag}`, `${publicPath}/v/1/more`, `${publicPath}/v/x`, `${publicPath}/v/2`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("banner").getByRole("link", { name: "Concord briefings" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
  }
  await page.getByRole("link", { name: "Read the latest version" }).click();
  await expect(page).toHaveURL(new RegExp(`${publicPath}$`));
  await page.goto(`/briefings/no-such-briefing-${tag}`);
  await page.getByRole("link", { name: "See all published briefings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Briefings" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Talks resume ${tag}` })).toBeVisible();
});

test("an anonymous visitor to / lands on the published briefings", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/briefings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Briefings" })).toBeVisible();
});

test("the feed carries what its citations and timeline headings point at", async ({ page }) => {
  const xml = await (await page.request.get("/briefings/feed.xml")).text();
  const checked = await page.evaluate(
    ({ xml, tag }) => {
      const feed = new DOMParser().parseFromString(xml, "application/xml");
      const entry = [...feed.querySelectorAll("entry")].find((item) => item.querySelector("title")?.textContent?.includes(tag))!;
      const content = new DOMParser().parseFromString(entry.querySelector("content")!.textContent!, "text/html");
      const anchors = [...content.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1));
      const heading = [...content.querySelectorAll("h2")].find((h) => h.textContent === "Timeline");
      return { anchors, missing: anchors.filter((id) => !content.getElementById(id)), afterTimeline: heading?.nextElementSibling?.textContent ?? "" };
    },
    { xml, tag },
  );
  expect(checked.anchors).toEqual(["note-1", "note-2"]);
  expect(checked.missing).toEqual([]);
  expect(checked.afterTimeline).toContain(`Telephone conversation between the two presidents about a possible meeting ${tag}`);
});

/** A request sent exactly as written, as `curl --path-as-is` does. */
function rawGet(port: number, path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

test("the page copies serve public pages only: a dotted path to the sign-in page and unknown briefings are never served from a copy", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const nonces = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const answer = await rawGet(port, "/briefings/../signin");
    expect(answer.headers["x-concord-page-copy"]).toBeUndefined();
    nonces.add(/'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1] ?? "");
    const unknown = await rawGet(port, `/briefings/unknown-${tag}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers["x-concord-page-copy"]).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // The sign-in page, wherever it was reached from, gets a fresh nonce every time.
  expect(nonces.size).toBe(4);

  // Unknown briefings and versions leave nothing on disk.
  const distDir = path.resolve(import.meta.dirname, "../..", process.env.NEXT_DIST_DIR ?? ".next");
  const files = () => readdirSync(distDir, { recursive: true }).length;
  const before = files();
  for (let i = 0; i < 20; i++) {
    expect((await rawGet(port, `/briefings/unknown-${tag}-${i}`)).status).toBe(404);
    expect((await rawGet(port, `${publicPath}/v/${i + 2}`)).status).toBe(404);
  }
  expect(files()).toBe(before);
  // A real public page is served from its copy.
  await expect.poll(async () => (await rawGet(port, publicPath)).headers["x-concord-page-copy"]).toBe("hit");
});
