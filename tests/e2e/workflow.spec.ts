import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { SAME_ORIGIN } from "./support/origin";
import { signIn, signInThroughForm } from "./support/users";

/** Letters only, so names made here stay one word and collide with nothing imported. */
const unique = () =>
  `Zq${Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

async function importArticle(api: APIRequestContext, text: string): Promise<{ id: string; text: string }> {
  const response = await api.post("/api/articles", { headers: SAME_ORIGIN, data: { text } });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = await response.json();
  return { id, text: (await (await api.get(`/api/articles/${id}`)).json()).text };
}

async function annotate(api: APIRequestContext, article: { id: string; text: string }, exact: string, kind = "quote"): Promise<string> {
  const start = article.text.indexOf(exact);
  expect(start, `"${exact}" in the imported text`).toBeGreaterThanOrEqual(0);
  const response = await api.post("/api/annotations", {
    headers: SAME_ORIGIN,
    data: {
      type: "Annotation",
      target: {
        source: `/articles/${article.id}`,
        selector: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      },
      body: { kind },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return String((await response.json()).id)
    .split("/")
    .pop()!;
}

async function recordClaim(api: APIRequestContext, article: { id: string; text: string }, quote: string, eventId: string, localDate: string) {
  const start = article.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await api.post("/api/claims", {
    headers: SAME_ORIGIN,
    data: {
      annotation: { articleId: article.id, start, end: start + quote.length, exact: quote },
      eventId,
      attribute: "date",
      value: { type: "date", localDate, precision: "day" },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function makeEvent(api: APIRequestContext, title: string): Promise<string> {
  const response = await api.post("/api/events", { headers: SAME_ORIGIN, data: { type: "PHONE_CALL", title, confirmDuplicate: true } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

async function signedIn(page: Page, who: "editor" | "analyst") {
  await signIn(page, who);
  return page;
}

test("an analyst lands on an inbox with counts, reviews cards in context and approves a selection in one step", async ({ page, browser }) => {
  await signIn(page, "editor");
  const u = unique();
  const title = `Ministers speak ${u}`;
  const article = await importArticle(
    page.request,
    `${title}\n\nThe ministers of ${u} spoke by phone on Sunday, the ministry said. They agreed to meet again.`,
  );
  const eventId = await makeEvent(page.request, `Call of ${u}`);
  await recordClaim(page.request, article, "on Sunday", eventId, "2025-05-18");
  await annotate(page.request, article, "They agreed to meet again.");

  // Through the form: where signing in lands is part of what this test checks.
  const analyst = await (await browser.newContext()).newPage();
  await signInThroughForm(analyst, "analyst");
  await expect(analyst).toHaveURL(/\/inbox$/);
  await expect(analyst.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const inboxLink = analyst.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: /^Inbox/ });
  await expect(inboxLink).toHaveText(/^Inbox \d+ waiting$/);
  const waitingBefore = Number((await inboxLink.textContent())!.match(/\d+/)![0]);
  const toReview = analyst.getByRole("region", { name: /Annotations to review/ });
  await expect(toReview).toBeVisible();
  await expect(analyst.getByRole("region", { name: /Resolutions to sign off/ })).toBeVisible();
  await expect(analyst.getByRole("region", { name: /Briefings to approve/ })).toBeVisible();
  await expect(analyst.getByRole("region", { name: /Changes requested/ })).toHaveCount(0);

  await analyst.goto(`/review?article=${article.id}`);
  const claimCard = analyst.getByRole("article", { name: `Claim on ${title}` });
  await expect(claimCard.getByRole("blockquote", { name: "Passage in context" })).toHaveText(
    `The ministers of ${u} spoke by phone on Sunday, the ministry said.`,
  );
  await expect(claimCard).toContainText("Date: 18 May 2025");
  await expect(claimCard.getByRole("link", { name: `Call of ${u}` })).toHaveAttribute("href", `/events/${eventId}`);

  await analyst.getByRole("checkbox", { name: "Select “on Sunday”" }).check();
  await analyst.getByRole("checkbox", { name: "Select “They agreed to meet again.”" }).check();
  await analyst.getByRole("button", { name: "Approve selected" }).click();
  await expect(analyst.getByRole("form", { name: "Approve a selection" }).getByRole("status")).toHaveText("Approved 2 annotations.");
  await expect(analyst.getByText("Nothing is waiting for review.")).toBeVisible();
  await expect(inboxLink).toHaveText(waitingBefore - 2 === 0 ? "Inbox" : `Inbox ${waitingBefore - 2} waiting`);

  // The editor's own inbox: nothing an analyst does.
  await page.goto("/inbox");
  await expect(page.getByRole("region", { name: /Annotations to review/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /Changes requested on your annotations/ })).toBeVisible();
});

test("accepted entity mentions are links: out of the review queue and the citation picker until sent for review", async ({ page, browser }) => {
  await signIn(page, "editor");
  const u = unique();
  const name = `Sergei ${u}`;
  expect((await page.request.post("/api/entities", { headers: SAME_ORIGIN, data: { type: "person", name, aliases: [u] } })).status()).toBe(201);
  const article = await importArticle(page.request, `Talks on ${u}\n\n${name} spoke on Sunday. ${u} said little. Later ${u} left for home.`);
  await annotate(page.request, article, `${u} said little.`);

  await page.goto(`/articles/${article.id}`);
  const group = page.getByRole("group", { name: `Mentions of ${name}` });
  await expect(async () => {
    await page.reload();
    await expect(group).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await group.getByRole("button", { name: /^Accept all \d+ mentions of/ }).click();
  await expect(page.getByRole("group", { name: `Mentions of ${name}` })).toHaveCount(0);

  const analyst = await signedIn(await (await browser.newContext()).newPage(), "analyst");
  await analyst.goto(`/review?article=${article.id}`);
  await expect(analyst.getByRole("article", { name: `Quote on Talks on ${u}` })).toBeVisible();
  await expect(analyst.getByRole("article", { name: `Mention on Talks on ${u}` })).toHaveCount(0);

  const created = await page.request.post("/api/briefings", { headers: SAME_ORIGIN, data: { title: `Briefing ${u}` } });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto(`/compose/${(await created.json()).briefing.id}`);
  await page.getByRole("button", { name: "Cite passages" }).click();
  const picker = page.getByRole("group", { name: "Cite passages" });
  await picker.getByLabel("Filter").fill(u);
  await expect(picker.getByRole("checkbox", { name: new RegExp(`${u} said little`) })).toBeVisible();
  await expect(picker.getByRole("checkbox")).toHaveCount(1);

  // Sent for review, a mention becomes a passage like any other.
  await page.goto(`/articles/${article.id}`);
  await page.locator("mark.highlight", { hasText: name }).first().click();
  const panel = page.getByRole("complementary", { name: "Annotations" });
  await expect(panel.getByText("Entity link", { exact: true })).toBeVisible();
  await panel.getByRole("button", { name: "Send for review to cite it" }).click();
  await expect(page.getByText("Sent for review: once approved it can be cited.")).toBeVisible();
  await analyst.reload();
  await expect(analyst.getByRole("article", { name: `Mention on Talks on ${u}` })).toHaveCount(1);
});

test("a conflicting source after a settlement joins the settled contradiction, which asks whether it changes anything", async ({ page, browser }) => {
  await signIn(page, "editor");
  const u = unique();
  const eventId = await makeEvent(page.request, `Call ${u}`);
  const embassy = await importArticle(
    page.request,
    `Embassy readout ${u}\nSource: https://embassy.example/${u}\nThe ${u} call took place on May 18, the embassy said.`,
  );
  const wire = await importArticle(page.request, `Wire report ${u}\nSource: https://wire.example/${u}\nThe ${u} call took place on May 17, the wire said.`);
  await recordClaim(page.request, embassy, "May 18", eventId, "2025-05-18");
  const second = await recordClaim(page.request, wire, "May 17", eventId, "2025-05-17");
  const id = second.detection.contradictionIds[0] as string;
  const detail = await (await page.request.get(`/api/contradictions/${id}`)).json();
  const embassyClaim = detail.passages.find((p: { claim: { formattedValue: string } }) => p.claim.formattedValue === "18 May 2025").claim.id;
  const resolved = await page.request.post(`/api/contradictions/${id}/resolution`, {
    headers: SAME_ORIGIN,
    data: { version: detail.version, resolution: "accept_one", acceptedClaimId: embassyClaim, rationale: "18 May is the embassy's posting date." },
  });
  expect(resolved.status(), await resolved.text()).toBe(200);
  const analyst = await signedIn(await (await browser.newContext()).newPage(), "analyst");
  expect((await analyst.request.post(`/api/contradictions/${id}/signoff`, { headers: SAME_ORIGIN, data: { version: detail.version + 1 } })).status()).toBe(200);

  const third = await importArticle(
    page.request,
    `Agency report ${u}\nSource: https://agency.example/${u}\nThe ${u} call took place on May 17, an agency said.`,
  );
  const repeated = await recordClaim(page.request, third, "May 17", eventId, "2025-05-17");
  expect(repeated.detection.contradictionIds).toEqual([id]);

  await page.goto(`/contradictions?event=${eventId}`);
  await expect(page.getByRole("link", { name: /disagree on the date of Call/ })).toHaveCount(1);
  // The question waits in the inbox, and leads to the contradiction.
  await page.goto("/inbox");
  await page
    .getByRole("region", { name: /New sources on settled contradictions/ })
    .getByRole("link", { name: new RegExp(`disagree on the date of Call ${u}`) })
    .click();
  await expect(page.getByRole("region", { name: "Resolution" })).toContainText("Why: 18 May is the embassy's posting date.");
  const question = page.getByRole("region", { name: "Does the new source change this?" });
  await expect(question).toContainText("17 May 2025");
  await question.getByRole("button", { name: "No: keep the resolution" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("list").filter({ hasText: "Detected from conflicting claims" })).toContainText("The new source does not change the resolution");
});

test("the article page leads with the text and links to its other sections", async ({ page }) => {
  await signIn(page, "editor");
  const u = unique();
  const article = await importArticle(page.request, `Harbour works ${u}\n\nThe harbour of ${u} reopened on Monday after repairs.`);
  await page.goto(`/articles/${article.id}`);
  const sections = page.getByRole("navigation", { name: "On this page" });
  await expect(sections.getByRole("link")).toHaveText(["Text and annotations", "Metadata", "Suggested mentions", "Proposed events and claims", "Provenance"]);
  const text = await page.getByRole("heading", { name: "Text", exact: true }).boundingBox();
  const metadata = await page.getByRole("heading", { name: "Metadata", exact: true }).boundingBox();
  expect(text!.y).toBeLessThan(metadata!.y);
  await sections.getByRole("link", { name: "Provenance" }).click();
  await expect(page).toHaveURL(/#provenance-heading$/);
  await expect(page.getByRole("heading", { name: "Provenance" })).toBeInViewport();
});

test("publishing a new version without a change note is refused with a message beside the button; the draft's version shows once", async ({
  page,
  browser,
}) => {
  await signIn(page, "editor");
  const analyst = await signedIn(await (await browser.newContext()).newPage(), "analyst");
  const u = unique();
  const article = await importArticle(page.request, `Port reopens ${u}\n\nThe port of ${u} reopened on Monday, officials said.`);
  const passage = await annotate(page.request, article, `The port of ${u} reopened on Monday`, "claim");
  expect((await analyst.request.post(`/api/annotations/${passage}/review`, { headers: SAME_ORIGIN, data: { decision: "approve" } })).status()).toBe(200);
  const paragraph = (text: string) => ({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text },
          { type: "citation", attrs: { annotationIds: [passage], label: "" } },
        ],
      },
    ],
  });
  const created = await page.request.post("/api/briefings", { headers: SAME_ORIGIN, data: { title: `Port ${u}`, body: paragraph("The port reopened.") } });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).briefing.id as string;
  const approve = async () => {
    expect((await page.request.post(`/api/briefings/${id}/submit`, { headers: SAME_ORIGIN, data: {} })).status()).toBe(200);
    expect((await analyst.request.post(`/api/briefings/${id}/approve`, { headers: SAME_ORIGIN, data: {} })).status()).toBe(200);
  };
  await approve();
  expect((await page.request.post(`/api/briefings/${id}/publish`, { headers: SAME_ORIGIN, data: {} })).status()).toBe(200);
  const current = await (await page.request.get(`/api/briefings/${id}`)).json();
  expect(
    (
      await page.request.patch(`/api/briefings/${id}`, {
        headers: SAME_ORIGIN,
        data: { version: current.briefing.version, body: paragraph("The port reopened on Monday.") },
      })
    ).status(),
  ).toBe(200);
  await approve();

  await page.goto(`/compose/${id}`);
  await expect(page.getByText(/^All changes saved \(version \d+\)$/)).toBeVisible();
  await expect(page.getByText(/Draft version \d+/)).toHaveCount(0);
  const publish = page.getByRole("form", { name: "Publish" });
  await publish.getByRole("button", { name: "Publish version 2" }).click();
  await expect(publish.getByRole("alert")).toHaveText("Publishing a new version needs a change note telling readers what changed.");
  await publish.getByLabel("Change note for readers").fill("Adds the day the port reopened.");
  await publish.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByText("Version 2 is published")).toBeVisible();
});
