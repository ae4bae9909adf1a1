import { expect, type Page } from "@playwright/test";

/** The path of an article imported on first start (the seed articles), found through the article list. */
export async function firstArticlePath(page: Page): Promise<string> {
  await page.goto("/articles");
  const link = page
    .locator('main a[href^="/articles/"]')
    .filter({ hasNotText: /^(import|new)/i })
    .first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  if (!href) throw new Error("The article list links to no article.");
  return href;
}
