import { expect, test } from "./support/test";
import { SAME_ORIGIN } from "./support/origin";
import { signIn } from "./support/users";

test("an editor accepts a proposed event and a proposed claim on the article page, and sees the source's account on the event page", async ({ page }) => {
  await signIn(page, "editor");
  // A year of its own, so no seed article reports the same happening.
  const year = 2100 + Math.floor(Math.random() * 800);
  const imported = await page.request.post("/api/articles", {
    headers: SAME_ORIGIN,
    data: { text: `Berg and Okoro discuss fishing\n\nAnna Berg and Samuel Okoro spoke by phone on June 10, ${year}, for about 90 minutes, officials said.` },
  });
  expect(imported.status()).toBe(201);
  const articleId = (await imported.json()).id as string;

  // Proposals are computed in the background after the import.
  await page.goto(`/articles/${articleId}`);
  const acceptEvent = page.getByRole("button", { name: "Accept event “Berg–Okoro phone call”" });
  await expect(async () => {
    await page.reload();
    await expect(acceptEvent).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  const proposals = page.getByRole("region", { name: "Proposed events and claims" });
  const claim = proposals.getByRole("button", { name: "Accept claim “Duration: about 1.5 h”" });
  await expect(claim).toBeDisabled();
  await acceptEvent.click();
  await expect(acceptEvent).toBeHidden();
  await expect(proposals.getByRole("link", { name: "Berg–Okoro phone call" })).toBeVisible();

  await expect(claim).toBeEnabled();
  await claim.click();
  await expect(claim).toBeHidden();

  await proposals.getByRole("link", { name: "Berg–Okoro phone call" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Berg–Okoro phone call");
  const accounts = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Duration" }) });
  const account = accounts.getByRole("row", { name: /Berg and Okoro discuss fishing/ });
  // The accepted duration is recorded; the date the editor has not accepted is still marked proposed.
  await expect(account.getByRole("cell", { name: /about 1\.5 h/ })).toHaveText(/^\s*about 1\.5 h\s*$/);
  await expect(account.getByRole("cell", { name: /10 June/ })).toContainText("proposed");
});

test("a proposal dated only to a month says which days its source named", async ({ page }) => {
  await signIn(page, "editor");
  const year = 2100 + Math.floor(Math.random() * 800);
  const imported = await page.request.post("/api/articles", {
    headers: SAME_ORIGIN,
    data: {
      text: `Berg to visit Okoro\n\nPublished: June 2, ${year}\n\nAnna Berg will travel to Lagos next week for talks with Samuel Okoro on fishing rights, officials said on Monday.`,
    },
  });
  expect(imported.status()).toBe(201);
  const articleId = (await imported.json()).id as string;

  await page.goto(`/articles/${articleId}`);
  const proposals = page.getByRole("region", { name: "Proposed events and claims" });
  await expect(async () => {
    await page.reload();
    await expect(proposals.getByRole("article")).not.toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(proposals.getByRole("definition").filter({ hasText: /June/ })).toContainText(/between \d{4}-06-\d{2} and \d{4}-06-\d{2}/);
});
