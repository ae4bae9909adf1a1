import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export { expect };

type Finding = { url: string; rule: string; impact: string; help: string; targets: string[] };

/**
 * Playwright's test with an accessibility check on every page a test visits, in every browser
 * context it opens: axe-core runs after each navigation, and the test fails on any serious or
 * critical violation. Specs import `test` and `expect` from here.
 */
export const test = base.extend<{ accessibilityCheck: undefined }>({
  accessibilityCheck: [
    async ({ browser, context }, use) => {
      const findings: Finding[] = [];
      const pending: Promise<void>[] = [];
      const watchPage = (page: Page) => {
        let chain = Promise.resolve();
        page.on("framenavigated", (frame) => {
          if (frame !== page.mainFrame()) return;
          chain = chain.then(() => audit(page, findings));
          pending.push(chain);
        });
      };
      const watch = (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        // axe-core runs as a script in the page: where scripts are off its check never ends.
        if (options?.javaScriptEnabled !== false) watch(created);
        return created;
      };
      try {
        await use(undefined);
        // The last page of each context is checked as the test left it.
        await Promise.all(pending);
        for (const page of context.pages()) await audit(page, findings);
      } finally {
        browser.newContext = newContext;
      }
      expect(findings, "serious or critical accessibility violations (axe-core)").toEqual([]);
    },
    { auto: true },
  ],
});

const checked = new WeakMap<Page, Set<string>>();

async function audit(page: Page, findings: Finding[]): Promise<void> {
  try {
    await page.waitForLoadState("load", { timeout: 10_000 });
    const url = page.url();
    if (!url.startsWith("http")) return;
    // A page is checked once per address (anchors and repeated visits add nothing but time).
    const seen = checked.get(page) ?? new Set<string>();
    checked.set(page, seen);
    const { pathname } = new URL(url);
    if (seen.has(pathname)) return;
    seen.add(pathname);
    // Feeds and other XML the browser shows as a tree are not pages for readers: axe's page rules do not apply.
    if ((await page.evaluate(() => document.contentType)) !== "text/html") return;
    // After a client-side navigation the router puts the new page's <title> in a moment later; a page
    // that never gets one still fails axe's document-title rule.
    const waitForTitle = () => page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => undefined);
    const analyze = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    await waitForTitle();
    let response = await analyze();
    // A check can still fall while the router replaces the <title> (seen once under load, on a page
    // that has one): once more after the title is back, so only a page that never gets one fails.
    if (response.violations.some((violation) => violation.id === "document-title")) {
      await waitForTitle();
      response = await analyze();
    }
    for (const violation of response.violations) {
      if (violation.impact !== "serious" && violation.impact !== "critical") continue;
      findings.push({ url, rule: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => String(node.target)) });
    }
  } catch {
    // The page navigated on or closed while it was being checked: its next page is checked instead.
  }
}
