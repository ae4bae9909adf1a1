import { randomBytes } from "node:crypto";
import { copiedArabicPage, copiedChartPage, copiedHomePage, copiedPolishPage, copiedNewsPage, copiedUkrainianPage } from "../support/copied-pages";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";

function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/** Pastes a page into the import form and asks for its preview. */
async function previewPasted(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Pasted text" }).fill(text);
  await page.getByRole("button", { name: "Preview pasted text" }).click();
}

function messyPage(word: string): string {
  return [
    "We use cookies to give you the best experience. By continuing to browse you agree to our use of cookies.",
    `Lighthouse ${word} restored after storm damage`,
    "By Ingrid Solberg",
    "Original article: https://coastnews.example.com/lighthouse-restored",
    "",
    `Engineers finished restoring the ${word} lighthouse on Thursday, three months after a winter storm tore off its lantern room and flooded the keeper's cottage.`,
    "",
    "Photo: Coast News / Lars Berg",
    "",
    "The light will be switched on again at dusk on Saturday, the maritime authority said, and guided tours will resume in the spring.",
    "",
    "Leave a Reply",
  ].join("\n");
}

test("an editor pastes a page, previews the extraction, saves it, finds it by full-text search and sees its provenance", async ({ page }) => {
  const word = unique("lh");
  await signIn(page, "editor");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import articles" })).toBeVisible();

  await previewPasted(page, messyPage(word));

  const item = page.getByRole("article", { name: "Import of Pasted text" });
  await expect(item.getByText(`Lighthouse ${word} restored after storm damage`).first()).toBeVisible();
  await expect(item.getByText("ready")).toBeVisible();
  const removed = item.getByRole("list", { name: "Removed lines" });
  await expect(removed.getByRole("listitem").filter({ hasText: "Leave a Reply" })).toContainText("comment form");
  await expect(removed.getByRole("listitem").filter({ hasText: "We use cookies" })).toContainText("consent");
  await expect(removed.getByRole("listitem").filter({ hasText: "Photo: Coast News" })).toContainText("credit");
  await expect(item.getByRole("list", { name: "Body paragraphs" }).getByRole("listitem")).toHaveCount(2);
  await expect(item.getByRole("definition").filter({ hasText: /^Ingrid Solberg$/ })).toBeVisible();

  await page.getByRole("button", { name: "Import 1 article" }).click();
  await expect(item.getByText(/^Imported as/)).toBeVisible();
  await expect(page.getByText("Finished 1 file: 1 imported, 0 duplicate, 0 new revision, 0 failed.")).toBeVisible();

  // Importing the same text again says it is a duplicate.
  await previewPasted(page, messyPage(word));
  await expect(page.getByRole("article", { name: "Import of Pasted text" }).getByText("already imported")).toBeVisible();

  // Full-text search over the body finds it.
  await page.getByRole("link", { name: "Articles", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(`${word} keeper's cottage`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("1 article match.");
  await page.getByRole("link", { name: `Lighthouse ${word} restored after storm damage` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lighthouse ${word} restored after storm damage`);
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: /^Ingrid Solberg$/ })).toBeVisible();
  await expect(facts.filter({ hasText: /^coastnews\.example\.com$/ })).toBeVisible();
  await expect(page.getByText(`Engineers finished restoring the ${word} lighthouse`).first()).toBeVisible();

  // Provenance: the original as imported, and every line with removed ones struck through and their reasons.
  await page.getByText("Show the original as imported").click();
  await expect(page.getByLabel("Original text")).toContainText("Leave a Reply");
  const lines = page.getByRole("list", { name: "Lines of the original" });
  const reply = lines.getByRole("listitem").filter({ hasText: "Leave a Reply" });
  await expect(reply.locator("del")).toHaveText("Leave a Reply");
  await expect(reply).toContainText("removed: comment form");
  await expect(page.getByRole("link", { name: "Download the original" })).toHaveAttribute("href", /\/revisions\/1\/original$/);

  // Restoring a removed line makes revision 2; revision 1 stays readable.
  await reply.getByRole("button", { name: /^Restore line/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "revision 2 created" })).toBeVisible();
  await expect(lines.getByRole("listitem").filter({ hasText: "Leave a Reply" }).locator("del")).toHaveCount(0);
  const revisions = page.getByRole("table", { name: "Revisions" });
  await expect(revisions.getByRole("row")).toHaveCount(3);
  await revisions.getByRole("link", { name: "Revision 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Revision 1 of");
  await expect(page.getByRole("note")).toContainText("earlier revision");
  await expect(page.getByRole("list", { name: "Lines of the original" }).getByRole("listitem").filter({ hasText: "Leave a Reply" }).locator("del")).toHaveCount(
    1,
  );
});

test("an editor corrects the outlet and date in the preview; the article is saved with them and the card says so", async ({ page }) => {
  const word = unique("fy");
  const title = `Ferry ${word} service resumes after repairs`;
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(
    page,
    [
      title,
      "",
      `The ${word} ferry returned to service on Monday after six weeks in dry dock, where engineers replaced both of its propeller shafts.`,
      "",
      "Islanders had relied on a smaller boat with half the capacity, and the operator said the timetable would return to normal from the weekend.",
    ].join("\n"),
  );

  const item = page.getByRole("article", { name: "Import of Pasted text" });
  const facts = item.getByRole("definition");
  await expect(facts.filter({ hasText: /^unknown$/ })).toBeVisible();
  await expect(facts.filter({ hasText: /^not stated$/ })).toBeVisible();
  await item.getByRole("button", { name: "Edit details" }).click();
  await expect(item.getByLabel("Title")).toHaveValue(title);
  await item.getByLabel("Outlet").fill("Island Tribune");
  await item.getByLabel("Published").fill("2024-05-06");
  await expect(facts.filter({ hasText: /^Island Tribune$/ })).toBeVisible();
  await expect(facts.filter({ hasText: /^6 May 2024$/ })).toBeVisible();

  await page.getByRole("button", { name: "Import 1 article" }).click();
  await expect(item.getByText(/^Imported as/)).toBeVisible();
  await expect(item.getByText("imported", { exact: true })).toBeVisible();
  await expect(item.getByText("ready", { exact: true })).toHaveCount(0);
  await expect(item.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  const previews = page.getByRole("region", { name: "Preview" });
  await expect(previews.getByText("1 file: 1 saved, 0 ready", { exact: false })).toBeVisible();
  await expect(previews.getByText(/Nothing is saved until you import/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

  await item.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const stored = page.getByRole("definition");
  await expect(stored.filter({ hasText: /^Island Tribune$/ })).toBeVisible();
  await expect(stored.filter({ hasText: /^6 May 2024$/ })).toBeVisible();
});

test("the time and zone a page states with its date are shown with the day, and go when the editor gives another day", async ({ page }) => {
  const word = unique("tz");
  const title = `Harbour ${word} bridge reopens after storm repairs`;
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(
    page,
    [
      title,
      "Maria Lindqvist - May 5, 2024, 10:31 pm CDT",
      "",
      `The ${word} bridge reopened to traffic on Sunday evening after three weeks of repairs to the storm-damaged deck, the city's transport office said.`,
      "",
      "Buses will return to their usual route from Monday morning, and the temporary ferry link across the harbour will stop running at the end of the week.",
    ].join("\n"),
  );
  const item = page.getByRole("article", { name: "Import of Pasted text" });
  const facts = item.getByRole("definition");
  await expect(facts.filter({ hasText: /^5 May 2024, 22:31 UTC−05:00$/ })).toBeVisible();
  // The time was stated for that day: another day has no time, the same day has it again.
  await item.getByRole("button", { name: "Edit details" }).click();
  await item.getByLabel("Published").fill("2024-05-06");
  await expect(facts.filter({ hasText: /^6 May 2024$/ })).toBeVisible();
  await item.getByLabel("Published").fill("2024-05-05");
  await expect(facts.filter({ hasText: /^5 May 2024, 22:31 UTC−05:00$/ })).toBeVisible();

  await page.getByRole("button", { name: "Import 1 article" }).click();
  await item.getByRole("link", { name: title }).click();
  await expect(page.getByRole("definition").filter({ hasText: /^5 May 2024, 22:31 UTC−05:00$/ })).toBeVisible();
});

test("a copied web page: menus, related links and comments are removed as named blocks, each restored in one click", async ({ page }) => {
  const word = unique("tt");
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(page, copiedNewsPage(word));

  const item = page.getByRole("article", { name: "Import of Pasted text" });
  const body = item.getByRole("list", { name: "Body paragraphs" }).getByRole("listitem");
  await expect(body).toHaveCount(4);
  const removed = item.getByRole("list", { name: "Removed lines" });
  await expect(removed.getByText("navigation, 9 lines")).toBeVisible();
  await expect(removed.getByText("reader comments, 8 lines")).toBeVisible();
  await removed.getByRole("button", { name: "Restore related links, 4 lines" }).click();
  await expect(body).toHaveCount(8);
  await expect(body.filter({ hasText: "How a small town rebuilt its high street" })).toBeVisible();

  await page.getByRole("button", { name: "Import 1 article" }).click();
  await item.getByRole("link", { name: `Tidal turbines in the ${word} strait deliver their first year of power` }).click();
  await expect(page.getByText("How a small town rebuilt its high street").first()).toBeVisible();

  // Provenance: the comments are one block, restored at once into a new revision.
  await page.getByText("Show the original as imported").click();
  const lines = page.getByRole("list", { name: "Lines of the original" });
  await expect(lines.getByRole("listitem").filter({ hasText: "Good to see this working at last" }).locator("del")).toHaveCount(1);
  await lines.getByRole("button", { name: "Restore reader comments, 8 lines" }).click();
  await expect(page.getByRole("status").filter({ hasText: "8 lines restored: revision 2 created" })).toBeVisible();
  await expect(lines.getByRole("listitem").filter({ hasText: "Good to see this working at last" }).locator("del")).toHaveCount(0);
});

test("paragraphs an article lost to a chart's labels are a block of their own, marked unsure and restored in one click", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(page, copiedChartPage(unique("ch"), ["Share", "Save"]));

  const item = page.getByRole("article", { name: "Import of Pasted text" });
  const body = item.getByRole("list", { name: "Body paragraphs" }).getByRole("listitem");
  await expect(body).toHaveCount(6);
  await expect(item.getByText("4 lines marked “unsure”: check them first.")).toBeVisible();
  const removed = item.getByRole("list", { name: "Removed lines" });
  // The block says how many of its own lines are unsure, before it is opened.
  await expect(removed.getByRole("listitem").filter({ hasText: "detached paragraphs, 4 lines" })).toContainText("4 unsure");
  await removed.getByRole("button", { name: "Restore detached paragraphs, 4 lines" }).click();
  await expect(body).toHaveCount(10);
  await expect(body.first()).toContainText("Twenty years ago more than two hundred boats");
});

test("a page without an article says so and keeps every line; an uncovered language still imports", async ({ page }) => {
  const word = unique("hp");
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(page, copiedHomePage(word));
  const home = page.getByRole("article", { name: "Import of Pasted text" });
  await expect(home.getByRole("alert")).toContainText("No article text found");
  await expect(home.getByRole("list", { name: "Body paragraphs" }).getByRole("listitem").filter({ hasText: "Council approves new cycle lanes" })).toContainText(
    "unsure",
  );

  await previewPasted(page, copiedPolishPage(word));
  const polish = page.getByRole("article", { name: "Import of Pasted text" }).last();
  await expect(polish.getByRole("definition").filter({ hasText: "lines sorted by their shape alone" })).toBeVisible();
  await expect(polish.getByRole("list", { name: "Body paragraphs" })).toContainText(`Port w ${word} został w poniedziałek`);
  await expect(polish.getByText("ready")).toBeVisible();

  // A language told by its script and letters is named, and still has no word list.
  await previewPasted(page, copiedUkrainianPage(word));
  const ukrainian = page.getByRole("article", { name: "Import of Pasted text" }).last();
  await expect(ukrainian.getByRole("definition").filter({ hasText: "Ukrainian (uk); lines sorted by their shape alone" })).toBeVisible();
  await expect(ukrainian.getByRole("list", { name: "Body paragraphs" })).toContainText(`Порт ${word} у понеділок знову відкрили`);
});

test("an article in Arabic is read with its headline and date, and reads right to left", async ({ page }) => {
  const word = unique("ar");
  await signIn(page, "editor");
  await page.goto("/import");
  await previewPasted(page, copiedArabicPage(word));
  const item = page.getByRole("article", { name: "Import of Pasted text" });
  const facts = item.getByRole("definition");
  await expect(facts.filter({ hasText: /^بوتين وترامب يجريان اتصالا هاتفيا$/ })).toBeVisible();
  await expect(facts.filter({ hasText: "Arabic (ar); lines sorted by their shape alone" })).toBeVisible();
  await expect(facts.filter({ hasText: /^19 May 2025$/ })).toBeVisible();

  await page.getByRole("button", { name: "Import 1 article" }).click();
  await item.getByRole("status").getByRole("link", { name: "بوتين وترامب يجريان اتصالا هاتفيا" }).click();
  const paragraph = page.getByRole("paragraph").filter({ hasText: `اتصالا هاتفيا من منتجع ${word}` });
  await expect(paragraph).toHaveCSS("direction", "rtl");
  await expect(page.getByRole("definition").filter({ hasText: "Arabic (ar)" })).toBeVisible();
});

test("an editor uploads files: bad ones get a clear reason, the headline-less one a provisional title to confirm", async ({ page }) => {
  const word = unique("up");
  await signIn(page, "editor");
  await page.goto("/import");
  await page.getByLabel("Files to import").setInputFiles([
    {
      name: "harbour.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        `# Harbour ${word} reopens\n\nThe ${word} harbour reopened to fishing boats on Monday after dredging work that lasted most of the winter.\n\nSkippers said the deeper channel would let larger boats land their catch in town again.`,
      ),
    },
    {
      name: "no-headline.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(
        `Firefighters in ${word} county contained a forest fire on Sunday evening after two days of work, the regional fire service said.\n\nNo homes were damaged, and a road closed during the fire reopened on Monday morning.`,
      ),
    },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("") },
  ]);

  const empty = page.getByRole("article", { name: "Import of empty.txt" });
  await expect(empty.getByRole("alert")).toHaveText("The file is empty.");
  await expect(page.getByRole("article", { name: "Import of harbour.md" }).getByText("ready")).toBeVisible();
  const headless = page.getByRole("article", { name: "Import of no-headline.txt" });
  await expect(headless.getByText("provisional title", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Import 2 articles" }).click();
  await expect(page.getByText("Finished 2 files: 2 imported, 0 duplicate, 0 new revision, 0 failed.")).toBeVisible();
  await headless.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("provisional title");
  await page.getByRole("button", { name: "Confirm title" }).click();
  await expect(page.getByText("Title confirmed.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("provisional title");

  await page.getByText("Correct the metadata").click();
  const form = page.getByRole("form", { name: "Article metadata" });
  await form.getByLabel("Title").fill(`Forest fire in ${word} county contained`);
  await form.getByLabel("Outlet").fill("Regional Herald");
  await form.getByLabel("Kind").selectOption("NEWS");
  await form.getByRole("button", { name: "Save metadata" }).click();
  await expect(form.getByText("Metadata saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Forest fire in ${word} county contained`);
});

test("a folder-sized upload imports in the background with visible progress and per-file results", async ({ page }) => {
  const word = unique("bg");
  await signIn(page, "editor");
  await page.goto("/import");
  const files = Array.from({ length: 14 }, (_, n) => ({
    name: `bulletin-${String(n).padStart(2, "0")}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(
      `Bulletin ${n} on ${word} road works\n\nCrews continued road works on section ${n} of the ${word} ring road on Tuesday, the transport office said in its daily bulletin.\n\nDrivers should expect delays of up to twenty minutes at peak times this week.`,
    ),
  }));
  files[5] = { name: "bulletin-05.txt", mimeType: "text/plain", buffer: Buffer.from("") };
  await page.getByLabel("Files to import").setInputFiles(files);
  await expect(page.getByText("This many files are imported in the background.")).toBeVisible();
  await page.getByRole("button", { name: "Import 13 articles" }).click();
  await expect(page.getByText("Finished 13 files: 13 imported, 0 duplicate, 0 new revision, 0 failed.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("article", { name: "Import of bulletin-13.txt" }).getByText(/^Imported as/)).toBeVisible();
  await expect(page.getByRole("article", { name: "Import of bulletin-05.txt" }).getByRole("alert")).toHaveText("The file is empty.");

  await page.goto(`/articles?q=${word}`);
  await expect(page.getByRole("status")).toHaveText("13 articles match.");
});

/** A saved web page of about 1.1 MB: a short article and, as on many real pages, a large inline script. */
function savedPageWithInlineState(word: string, n: number): string {
  const state = JSON.stringify({ items: Array.from({ length: 11_000 }, (_, i) => ({ id: i, slug: `item-${i}-${"x".repeat(70)}` })) });
  return `<!doctype html><html><head><title>Ferry ${n} ${word} timetable changes</title><script>window.__STATE__ = ${state};</script></head>
<body><article><h1>Ferry ${n} ${word} timetable changes</h1>
<p>The ${word} ferry line ${n} will run every forty minutes from Monday, the harbour authority said, after a new vessel joined the fleet.</p>
<p>Evening departures are moved half an hour later so that commuters can catch the last trains on the mainland.</p></article></body></html>`;
}

test("a folder of saved pages larger than 10 MB uploads in one slice and every page imports", async ({ page }) => {
  const word = unique("sv");
  await signIn(page, "editor");
  await page.goto("/import");
  const files = Array.from({ length: 11 }, (_, n) => ({
    name: `ferry-${n}.html`,
    mimeType: "text/html",
    buffer: Buffer.from(savedPageWithInlineState(word, n)),
  }));
  expect(files.reduce((sum, file) => sum + file.buffer.length, 0)).toBeGreaterThan(11 * 1024 * 1024);
  await page.getByLabel("Files to import").setInputFiles(files);
  await page.getByRole("button", { name: "Import 11 articles" }).click();
  await expect(page.getByText("Finished 11 files: 11 imported, 0 duplicate, 0 new revision, 0 failed.")).toBeVisible({ timeout: 90_000 });

  await page.goto(`/articles?q=${word}`);
  await expect(page.getByRole("status")).toHaveText("11 articles match.");
});

test("the seed articles are there on first start; an analyst reads them but cannot import or edit", async ({ page }) => {
  await signIn(page, "analyst");
  await expect(page.getByRole("table", { name: "Articles" }).getByRole("row")).not.toHaveCount(1);
  await page.goto("/articles?outlet=Toutiao");
  const provisional = page.getByRole("row").filter({ hasText: "provisional title" }).first();
  await expect(provisional).toBeVisible();
  await provisional.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Provenance" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Metadata" })
      .getByRole("definition")
      .filter({ hasText: /^Toutiao$/ }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Restore line/ })).toHaveCount(0);
  await expect(page.getByText("Correct the metadata")).toHaveCount(0);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
