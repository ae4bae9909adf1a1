import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { firstArticlePath } from "./support/annotations-fixtures";
import { signIn } from "./support/users";
import { SAME_ORIGIN } from "./support/origin";

/** A word no seed article contains, so names made here never collide with imported ones. */
const unique = () => `Zq${Math.random().toString(36).slice(2, 8)}`;

async function addEntity(page: Page, type: string, name: string, aliases: string[] = []) {
  await page.goto("/entities");
  const form = page.getByRole("form", { name: "Add an entity" });
  await form.getByLabel("Type").selectOption({ label: type });
  await form.getByLabel("Canonical name").fill(name);
  await form.getByLabel("Aliases").fill(aliases.join("\n"));
  await form.getByRole("button", { name: "Add entity" }).click();
  return form;
}

/** An annotation on the first sentence of the first imported article, made through the JSON API. */
async function annotateFirstSentence(page: Page): Promise<{ articleId: string; annotationId: string; quote: string }> {
  const articlePath = await firstArticlePath(page);
  const articleId = articlePath.split("/").pop()!;
  const article = await (await page.request.get(`/api/articles/${articleId}`)).json();
  const quote: string = article.text.slice(0, article.text.search(/[.!?](\s|$)/) + 1);
  const created = await page.request.post("/api/annotations", {
    headers: SAME_ORIGIN,
    data: {
      type: "Annotation",
      target: {
        source: `/articles/${articleId}`,
        selector: [
          { type: "TextQuoteSelector", exact: quote },
          { type: "TextPositionSelector", start: 0, end: quote.length },
        ],
      },
      body: { kind: "quote" },
    },
  });
  expect(created.status()).toBe(201);
  const annotationId = String((await created.json()).id)
    .split("/")
    .pop()!;
  return { articleId, annotationId, quote };
}

test("an editor adds an entity and is warned, with the existing one offered, when adding it twice", async ({ page }) => {
  await signIn(page, "editor");
  const name = `Sergei ${unique()}`;
  const form = await addEntity(page, "Person", name, [`Sergey ${name.split(" ")[1]}`]);
  await expect(form.getByRole("status")).toContainText("Entity created.");

  const again = await addEntity(page, "Person", name.toUpperCase());
  await expect(again.getByRole("alert")).toContainText(`Person "${name}" already exists`);
  await again.getByRole("button", { name: `Add these names to ${name}` }).click();
  await expect(again.getByText(`The names were added to ${name}.`)).toBeVisible();

  await page
    .getByRole("search", { name: "Search entities" })
    .getByLabel("Name or alias")
    .fill(`sergey ${name.split(" ")[1].toLowerCase()}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("search finds the other spellings of a registered name and says so, and entity search forgives a misspelling", async ({ page }) => {
  await signIn(page, "editor");
  const tag = unique();
  const name = `Volodymyr Zelensky${tag}`;
  await expect((await addEntity(page, "Person", name, [`Zelensky${tag}`, `Zelenskyy${tag}`])).getByRole("status")).toContainText("Entity created.");
  const imported = await page.request.post("/api/articles", {
    headers: SAME_ORIGIN,
    data: { text: `Corridor talks resume\n\nPresident Zelensky${tag} said the grain corridor would stay open through the winter.` },
  });
  expect(imported.status()).toBe(201);

  await page.goto("/articles");
  await page.getByRole("searchbox", { name: "Search" }).fill(`Zelenskyy${tag}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("1 article match.");
  await expect(page.getByRole("status")).toContainText(`Also searched: Zelensky${tag}.`);
  await expect(page.getByRole("link", { name: "Corridor talks resume" })).toBeVisible();

  await page.goto("/entities");
  await page.getByRole("search", { name: "Search entities" }).getByLabel("Name or alias").fill(`Zelemsky${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("an editor creates an event with a zoned time and a participant, sees its linked passage and finds it on the timeline", async ({ page }) => {
  await signIn(page, "editor");
  const person = `Marco ${unique()}`;
  await expect((await addEntity(page, "Person", person)).getByRole("status")).toContainText("Entity created.");

  const title = `Phone call ${unique()}`;
  await page.goto("/events/new");
  const form = page.getByRole("form", { name: "New event" });
  await form.getByLabel("Type").selectOption({ label: "Phone call" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Date and time").fill("2025-05-17T10:00");
  await form.getByLabel("Precision").selectOption({ label: "Minute" });
  await form.getByLabel("Time zone").fill("America/New_York");
  await form.getByRole("button", { name: "Add participant" }).click();
  await form.getByLabel("Participant 1", { exact: true }).fill(person.split(" ")[1]);
  await form.getByRole("button", { name: new RegExp(person) }).click();
  await form.getByLabel("Role of participant 1").fill("caller");
  await form.getByRole("button", { name: "Create event" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByText("17 May 2025, 10:00 EDT (14:00 UTC)")).toBeVisible();
  await expect(page.getByText("In UTC: 17 May 2025, 14:00 UTC")).toBeVisible();
  await expect(page.getByRole("list", { name: "Participants" })).toContainText(`${person} (person): caller`);
  const eventPath = new URL(page.url()).pathname;
  const eventId = eventPath.split("/").pop()!;

  const { articleId, annotationId, quote } = await annotateFirstSentence(page);
  const linked = await page.request.post("/api/links", {
    headers: SAME_ORIGIN,
    data: { annotationId, targetType: "event", targetId: eventId, relation: "describes" },
  });
  expect(linked.status()).toBe(201);
  await page.goto(eventPath);
  const passages = page.getByRole("region", { name: "What the sources say" });
  await expect(passages.locator("blockquote")).toHaveText(quote);
  await expect(passages.getByRole("link")).toHaveAttribute("href", `/articles/${articleId}#annotation-${annotationId}`);

  await page.goto("/events");
  const timeline = page.getByRole("group", { name: "Timeline of events" });
  await timeline.getByRole("link", { name: `${title}, 17 May 2025, 10:00 EDT (14:00 UTC)` }).click();
  await expect(page).toHaveURL(new RegExp(`${eventPath}$`));

  await page.goto("/events");
  const filters = page.getByRole("search", { name: "Filter events" });
  await filters.getByLabel("Involving").fill(person.split(" ")[1]);
  await filters.getByRole("button", { name: new RegExp(person) }).click();
  await filters.getByLabel("From", { exact: true }).fill("2025-05-01");
  await filters.getByLabel("To", { exact: true }).fill("2025-05-31");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("group", { name: `Timeline of events involving ${person}` }).getByRole("link")).toHaveCount(1);
  await filters.getByLabel("From", { exact: true }).fill("2025-06-01");
  await filters.getByLabel("To", { exact: true }).fill("2025-06-30");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No dated event matches these filters.")).toBeVisible();
});

test("an editor links a passage to an entity and to an event and sees it on the event page and the timeline", async ({ page }) => {
  await signIn(page, "editor");
  const u = unique();
  const imported = await (
    await page.request.post("/api/articles", {
      headers: SAME_ORIGIN,
      data: { text: `Talks resume\n\nForeign Minister Sergei ${u} spoke to his counterpart on Saturday.\n\nOfficials said little.` },
    })
  ).json();
  const patched = await page.request.patch(`/api/articles/${imported.id}`, {
    headers: SAME_ORIGIN,
    data: { version: imported.version ?? 1, publishedAt: "2025-05-21", outlet: "E2E Wire" },
  });
  expect(patched.status()).toBe(200);
  const text: string = (await (await page.request.get(`/api/articles/${imported.id}`)).json()).text;
  const quote = `Foreign Minister Sergei ${u} spoke to his counterpart on Saturday.`;
  const start = text.indexOf(quote);
  const annotated = await page.request.post("/api/annotations", {
    headers: SAME_ORIGIN,
    data: {
      type: "Annotation",
      target: {
        source: `/articles/${imported.id}`,
        selector: [
          { type: "TextQuoteSelector", exact: quote },
          { type: "TextPositionSelector", start, end: start + quote.length },
        ],
      },
      body: { kind: "quote" },
    },
  });
  expect(annotated.status()).toBe(201);
  expect((await page.request.post("/api/entities", { headers: SAME_ORIGIN, data: { type: "person", name: `Sergei ${u}` } })).status()).toBe(201);
  expect(
    (
      await page.request.post("/api/events", {
        headers: SAME_ORIGIN,
        data: { type: "phone_call", title: `Call ${u}`, date: { localDate: "2025-05-19", precision: "day" } },
      })
    ).status(),
  ).toBe(201);

  await page.goto(`/articles/${imported.id}`);
  await page.locator("mark.highlight", { hasText: quote }).first().click();
  const links = page.getByRole("region", { name: "Links of this passage" });
  await expect(links.getByRole("list", { name: "Dates in this passage" })).toContainText("“on Saturday” → 17 May 2025");
  await links.getByRole("searchbox", { name: "Entity" }).fill(u);
  await links
    .getByRole("list", { name: "Entity: results" })
    .getByRole("button", { name: new RegExp(u) })
    .click();
  await links.getByRole("button", { name: "Link passage" }).click();
  await expect(links.getByRole("list", { name: "Links" })).toContainText(`Sergei ${u}`);
  await links.getByLabel("An event").check();
  await links.getByRole("searchbox", { name: "Event" }).fill(u);
  await links
    .getByRole("list", { name: "Event: results" })
    .getByRole("button", { name: new RegExp(u) })
    .click();
  await expect(links.getByRole("alert").filter({ hasText: "Date mismatch" })).toContainText("17 May 2025, but the event is dated 19 May 2025");
  await links.getByLabel("Relation").selectOption({ label: "Describes" });
  await links.getByRole("button", { name: "Link passage" }).click();
  await links
    .getByRole("list", { name: "Links" })
    .getByRole("link", { name: `Call ${u}` })
    .click();
  await expect(page.getByRole("region", { name: "What the sources say" }).locator("blockquote")).toHaveText(quote);
  await page.goto("/events");
  await page
    .getByRole("group", { name: "Timeline of events" })
    .getByRole("link", { name: `Call ${u}, 19 May 2025` })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Call ${u}`);
});
