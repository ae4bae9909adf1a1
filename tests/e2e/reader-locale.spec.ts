import type { APIRequestContext, Browser } from "@playwright/test";
import { SAME_ORIGIN } from "./support/origin";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";

/**
 * A reader in Germany's language, on a computer set to New York time, sees every date in German;
 * a day without a time (an article's publication date) stays the same day, where reading it as
 * midnight UTC would move it to the day before in New York.
 */

test.use({ locale: "de-DE", timezoneId: "America/New_York" });
test.describe.configure({ mode: "serial" });

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const PUBLISHED_ON = "2025-03-07";
const EVENT_DAY = "2025-03-15";
/** An instant written in German, in New York's zone (GMT-5 in winter, GMT-4 in summer). */
const GERMAN_NEW_YORK_TIME = /\d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} GMT-[45]/u;
/** A day of the current year written in German. */
const GERMAN_DAY = /\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/;

let articleId = "";
let publicPath = "";

async function call(api: APIRequestContext, method: "post" | "get", path: string, data?: unknown) {
  const response = await api[method](path, data === undefined ? undefined : { headers: SAME_ORIGIN, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** An article published on PUBLISHED_ON, cited by a briefing that an analyst approved and the editor published. */
async function publishBriefing(browser: Browser): Promise<void> {
  const editorContext = await browser.newContext();
  const analystContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const analyst = await analystContext.newPage();
  await signIn(editor, "editor");
  await signIn(analyst, "analyst");
  const quote = "The delegations agreed to meet again within a month";
  const text = `Talks in Vienna ${tag}\nVIENNA. ${quote}, officials said.`;
  const article = await call(editor.request, "post", "/api/articles", { text, metadata: { publishedAt: PUBLISHED_ON, outlet: "Wire" } });
  articleId = article.id;
  const start = article.text.indexOf(quote);
  const annotation = await call(editor.request, "post", "/api/annotations", {
    target: {
      source: article.id,
      selector: [
        { type: "TextQuoteSelector", exact: quote },
        { type: "TextPositionSelector", start, end: start + quote.length },
      ],
    },
    body: { kind: "claim" },
  });
  const annotationId = (annotation.id as string).split("/").pop()!;
  await call(analyst.request, "post", `/api/annotations/${annotationId}/review`, { decision: "approve" });
  const event = await call(editor.request, "post", "/api/events", {
    type: "talks",
    title: `Vienna round ${tag}`,
    date: { localDate: EVENT_DAY, precision: "day" },
    confirmDuplicate: true,
  });
  const body = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The delegations will meet again." },
          { type: "citation", attrs: { annotationIds: [annotationId], label: "" } },
        ],
      },
      { type: "timeline", attrs: { eventIds: [event.id] } },
    ],
  };
  const created = await call(editor.request, "post", "/api/briefings", { title: `Vienna talks ${tag}`, summary: "The next round.", body });
  const id = created.briefing.id as string;
  await call(editor.request, "post", `/api/briefings/${id}/submit`, {});
  const draft = await call(analyst.request, "get", `/api/briefings/${id}`);
  await call(analyst.request, "post", `/api/briefings/${id}/approve`, { version: draft.briefing.version });
  const published = await call(editor.request, "post", `/api/briefings/${id}/publish`, {});
  publicPath = published.path as string;
  await editorContext.close();
  await analystContext.close();
}

test.beforeAll(async ({ browser }) => {
  await publishBriefing(browser);
});

test("the public briefing writes its dates in the reader's language, a publication day unshifted, with no console error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(publicPath);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(`Vienna talks ${tag}`);

  await expect(page.getByText(/\bPublished\b/)).toContainText(GERMAN_DAY);
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.locator("time")).toHaveText("7. März 2025");
  await expect(sources.locator("time")).toHaveAttribute("datetime", PUBLISHED_ON);
  await expect(page.getByText("6. März 2025")).toHaveCount(0);
  // The timeline's list and axis too.
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: tag })).toContainText(`15. März 2025 Vienna round ${tag}`);
  await expect(timeline.locator("svg g[aria-hidden] text").first()).toContainText("März");
  // Nothing the page's policy refuses: the date script is allowed.
  expect(errors).toEqual([]);

  await page.goto("/briefings");
  await expect(page.getByRole("listitem").filter({ hasText: `Vienna talks ${tag}` })).toContainText(GERMAN_DAY);
});

test("without JavaScript the public briefing keeps the site's own readable dates", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE", timezoneId: "America/New_York" });
  const page = await context.newPage();
  await page.goto(publicPath);
  await expect(page.getByRole("region", { name: "Sources" }).locator("time")).toHaveText("7 March 2025");
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem").filter({ hasText: tag })).toContainText("15 March 2025");
  await context.close();
});

test("the workspace writes dates in the reader's language and time zone, a publication day unshifted, with no hydration error", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "editor");
  await page.goto(`/articles/${articleId}`);
  const publication = page.getByRole("definition").filter({ has: page.locator(`time[datetime="${PUBLISHED_ON}"]`) });
  await expect(publication).toHaveText("7. März 2025");
  await expect(page.getByText("6. März 2025")).toHaveCount(0);
  const imported = page.getByRole("term").filter({ hasText: "Imported" });
  await expect(imported.locator("xpath=following-sibling::dd[1]")).toContainText(GERMAN_NEW_YORK_TIME);

  await page.goto("/articles");
  const row = page.getByRole("row").filter({ hasText: `Talks in Vienna ${tag}` });
  await expect(row).toContainText("7. März 2025");
  await expect(row).toContainText(GERMAN_NEW_YORK_TIME);
  // The server's text and the first render in the browser agree; the reader's dates come after.
  expect(errors).toEqual([]);
});

test("event dates are written in the reader's language, a day unshifted and a time in the event's own zone", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "editor");
  const signing = await call(page.request, "post", "/api/events", {
    type: "agreement",
    title: `Signing ${tag}`,
    date: { localDate: "1999-11-07", precision: "day" },
    confirmDuplicate: true,
  });
  const lateCall = await call(page.request, "post", "/api/events", {
    type: "phone_call",
    title: `Late call ${tag}`,
    date: { localDate: "1999-11-07T22:30", precision: "minute", timeZone: "America/New_York" },
    confirmDuplicate: true,
  });

  await page.goto(`/events/${signing.id}`);
  const date = page
    .getByRole("term")
    .filter({ hasText: /^Date$/ })
    .locator("xpath=following-sibling::dd[1]");
  await expect(date).toContainText("7. November 1999");
  await expect(page.getByText("6. November 1999")).toHaveCount(0);

  await page.goto(`/events/${lateCall.id}`);
  // Evening in New York is the next day in UTC; both days in German, the times as the source gave them.
  await expect(date).toContainText("7. November 1999, 22:30 EST (8. November 1999, 03:30 UTC)");
  await expect(date).toContainText("In UTC: 8. November 1999, 03:30 UTC");

  await page.goto("/events?from=1999-11-01&to=1999-11-30");
  await expect(page.getByRole("row").filter({ hasText: `Signing ${tag}` })).toContainText("7. November 1999");
  await expect(page.getByRole("row").filter({ hasText: `Late call ${tag}` })).toContainText("7. November 1999, 22:30 EST");
  // The timeline's links are named with German dates, and its axis is labelled in German.
  const chart = page.getByRole("group", { name: "Timeline of events" });
  await expect(chart.getByRole("link", { name: `Signing ${tag}, 7. November 1999` })).toHaveCount(1);
  await expect(chart.locator("g[aria-hidden] text").first()).toHaveText(/^\d{1,2}\. Nov\.$/);
  expect(errors).toEqual([]);
});
