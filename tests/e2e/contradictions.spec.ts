import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";
import { SAME_ORIGIN } from "./support/origin";

// Articles, the event and the claims are made through the JSON API with the editor's
// session; resolving and signing off are done in the browser, as people do.

async function importArticle(api: APIRequestContext, text: string): Promise<{ id: string; text: string }> {
  const response = await api.post("/api/articles", { headers: SAME_ORIGIN, data: { text } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function recordClaim(
  api: APIRequestContext,
  article: { id: string; text: string },
  quote: string,
  subject: { eventId: string },
  attribute: string,
  value: unknown,
) {
  const start = article.text.indexOf(quote);
  expect(start, `"${quote}" in the imported text`).toBeGreaterThanOrEqual(0);
  const response = await api.post("/api/claims", {
    headers: SAME_ORIGIN,
    data: { annotation: { articleId: article.id, start, end: start + quote.length, exact: quote }, ...subject, attribute, value },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Two outlets that date one call differently, and a third that only says how long it lasted. */
async function conflictingSources(api: APIRequestContext) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const title = `Presidents' call ${suffix}`;
  const eventResponse = await api.post("/api/events", { headers: SAME_ORIGIN, data: { type: "PHONE_CALL", title, confirmDuplicate: true } });
  expect(eventResponse.status(), await eventResponse.text()).toBe(201);
  const event = await eventResponse.json();
  const tass = await importArticle(
    api,
    `Putin and Trump discussed Ukraine by phone\nSource: https://tass.com/politics/${suffix}\nMOSCOW. The two presidents spoke by phone on May 18, the Kremlin said in a statement.`,
  );
  const ap = await importArticle(
    api,
    `Trump says call with Putin went well\nSource: https://apnews.com/article/${suffix}\nWASHINGTON. The two presidents spoke by phone on May 19, the White House said.`,
  );
  const reuters = await importArticle(
    api,
    `Kremlin aide describes long call\nSource: https://www.reuters.com/world/${suffix}\nThe call between the two leaders lasted more than two hours, an aide said.`,
  );
  const day = (localDate: string) => ({ type: "date", localDate, precision: "day" });
  await recordClaim(api, tass, "May 18", { eventId: event.id }, "date", day("2025-05-18"));
  const second = await recordClaim(api, ap, "May 19", { eventId: event.id }, "date", day("2025-05-19"));
  await recordClaim(api, reuters, "more than two hours", { eventId: event.id }, "duration", { type: "number", value: 2, qualifier: "more_than", unit: "h" });
  return { event, title, contradictionId: second.detection.contradictionIds[0] as string };
}

test("two sources that disagree open a contradiction; an editor resolves it and an analyst signs it off", async ({ page, browser }) => {
  // Two people and many pages, each checked by axe-core when the test ends.
  test.setTimeout(120_000);
  await signIn(page, "editor");
  const { title, contradictionId } = await conflictingSources(page.request);
  expect(contradictionId).toBeTruthy();

  await page.getByRole("link", { name: "Contradictions", exact: true }).click();
  await page
    .getByRole("navigation", { name: "Status" })
    .getByRole("link", { name: /^Open \(\d+\)$/ })
    .click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Open");
  await expect(row).toContainText("TASS");
  await expect(row).toContainText("AP");
  await row.getByRole("link", { name: `The sources disagree on the date of ${title}: 18 May 2025 or 19 May 2025.` }).click();

  await expect(page.getByRole("article", { name: "Passage from TASS" })).toContainText("18 May 2025");
  await expect(page.getByRole("article", { name: "Passage from AP" })).toContainText("19 May 2025");

  const resolve = page.getByRole("form", { name: "Resolve the contradiction" });
  await resolve.getByRole("radio", { name: /Accept one value/ }).check();
  await resolve.getByRole("radio", { name: "19 May 2025 (AP)" }).check();
  await resolve.getByLabel("Rationale").fill("The White House readout and two officials give the 19th.");
  await resolve.getByRole("button", { name: "Resolve" }).click();

  const resolution = page.getByRole("region", { name: "Resolution" });
  await expect(resolution).toContainText("Why: The White House readout and two officials give the 19th.");
  await expect(resolution).toContainText("Awaiting sign-off by an analyst who did not resolve it.");
  await expect(page.getByRole("form", { name: "Sign off the resolution" })).toHaveCount(0);

  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "analyst");
  await analyst.goto("/contradictions?status=awaiting_signoff");
  await analyst
    .getByRole("row")
    .filter({ hasText: title })
    .getByRole("link", { name: /disagree on the date/ })
    .click();
  const signOff = analyst.getByRole("form", { name: "Sign off the resolution" });
  await signOff.getByLabel("Sign-off comment (optional)").fill("Checked against both readouts.");
  await signOff.getByRole("button", { name: "Sign off" }).click();

  await expect(analyst.getByRole("region", { name: "Resolution" })).toContainText("Signed off by Ana Analyst");
  const history = analyst.getByRole("list").filter({ hasText: "Detected from conflicting claims" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expect(history.getByRole("listitem").nth(1)).toContainText("Resolved: accept one value (19 May 2025, per AP) by Erin Editor");
  await expect(history.getByRole("listitem").nth(2)).toContainText("Signed off by Ana Analyst");
  await expect(history.getByRole("listitem").nth(2)).toContainText("Why: Checked against both readouts.");
  await analystContext.close();

  await page.goto(`/contradictions?status=resolved`);
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Resolved");
});

test("the comparison view sets conflicting and silent sources apart in words", async ({ page }) => {
  await signIn(page, "editor");
  const { event, title } = await conflictingSources(page.request);
  await page.goto(`/compare/event/${event.id}`);
  await expect(page.getByRole("heading", { name: `${title}: what the sources say` })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("⚠1 open contradiction");

  const table = page.getByRole("table");
  const columns = await table.getByRole("columnheader").allInnerTexts();
  const column = (outlet: string) => columns.findIndex((text) => text.startsWith(outlet));
  const dateRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Date/ }) });
  const cells = dateRow.getByRole("cell");
  await expect(cells.nth(column("TASS") - 1)).toContainText("✕ Conflicts with AP");
  await expect(cells.nth(column("TASS") - 1)).toContainText("18 May 2025");
  await expect(cells.nth(column("AP") - 1)).toContainText("✕ Conflicts with TASS");
  await expect(cells.nth(column("Reuters") - 1)).toHaveText("— Silent");
  const durationRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Duration/ }) });
  await expect(durationRow.getByRole("cell").nth(column("Reuters") - 1)).toContainText("more than 2 h");
});

test("an editor flags two readouts by hand, then records each passage's claim with the claim form", async ({ page }) => {
  await signIn(page, "editor");
  const api = page.request;
  const code = `c${Date.now().toString(36)}`;
  const eventResponse = await api.post("/api/events", {
    headers: SAME_ORIGIN,
    data: { type: "PHONE_CALL", title: `Readout call ${code}`, confirmDuplicate: true },
  });
  expect(eventResponse.status()).toBe(201);
  const kremlin = await importArticle(
    api,
    `Kremlin readout\nSource: https://tass.com/politics/${code}\nThe ${code} call took place on May 18, the Kremlin said.`,
  );
  const whiteHouse = await importArticle(
    api,
    `White House readout\nSource: https://apnews.com/article/${code}\nThe ${code} call took place on May 19, the White House said.`,
  );
  for (const [article, day] of [
    [kremlin, "18"],
    [whiteHouse, "19"],
  ] as const) {
    const exact = `The ${code} call took place on May ${day}`;
    const start = article.text.indexOf(exact);
    const response = await api.post("/api/annotations", {
      headers: SAME_ORIGIN,
      data: {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        target: {
          source: article.id,
          selector: [
            { type: "TextQuoteSelector", exact },
            { type: "TextPositionSelector", start, end: start + exact.length },
          ],
        },
        body: { kind: "claim" },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await page.goto("/contradictions");
  await page.getByRole("link", { name: "Flag a contradiction by hand" }).click();
  const flag = page.getByRole("form", { name: "Flag a contradiction" });
  await flag.getByLabel("What do the passages disagree on?").fill(`The two readouts date the ${code} call differently.`);
  await flag.getByLabel("Find annotated passages by their words").fill(code);
  await flag.getByRole("button", { name: "Search" }).click();
  await flag.getByRole("checkbox", { name: `TASS: “The ${code} call took place on May 18”` }).check();
  await flag.getByRole("button", { name: "Flag contradiction" }).click();
  await expect(flag.getByRole("alert")).toContainText("at least two");
  await flag.getByRole("checkbox", { name: `AP: “The ${code} call took place on May 19”` }).check();
  await flag.getByRole("button", { name: "Flag contradiction" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`The two readouts date the ${code} call differently.`);
  await expect(page.getByRole("main")).toContainText("Flagged by hand (Erin Editor)");

  for (const [outlet, localDate, shown] of [
    ["TASS", "2025-05-18", "18 May 2025"],
    ["AP", "2025-05-19", "19 May 2025"],
  ] as const) {
    const card = page.getByRole("article", { name: `Passage from ${outlet}` });
    await expect(card).toContainText("No value recorded");
    await card.getByText("Record this passage's claim").click();
    const form = card.getByRole("form", { name: "Record the claim" });
    await form.getByLabel("Search events and entities").fill(code);
    await form.getByRole("button", { name: `Choose Readout call ${code} (event)` }).click();
    await expect(form.getByLabel("Subject", { exact: true })).toHaveValue(/^event:/);
    await form.getByLabel("Attribute").selectOption("date");
    await form.getByLabel("Date", { exact: true }).fill(localDate);
    await form.getByRole("button", { name: "Save claim" }).click();
    // Once saved, the same form corrects the claim.
    await expect(card.getByRole("form", { name: "Correct the claim" }).getByRole("status").filter({ hasText: "Claim saved." })).toBeVisible();
    await expect(card).toContainText(`Claims: ${shown}`);
  }
  // The two passages already form this contradiction: recording their values opens no second one.
  await page.goto(`/contradictions?status=open`);
  await expect(page.getByRole("row").filter({ hasText: code })).toHaveCount(1);
});
