import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { seedHostileContent, type HostileRole, type HostileWorld } from "../support/hostile-scenario";
import { signIn } from "./support/users";
import { SAME_ORIGIN } from "./support/origin";

/**
 * Hostile content, created through the JSON API by a signed-in editor (and an analyst for
 * reviews and approvals), is opened on every page that shows it, in the workspace and on the
 * public site. Every payload calls `__xss(id)` or `alert(id)` if it ever runs: both are
 * recorded, and so is any element or attribute on the page that could run script.
 */

test.describe.configure({ mode: "serial" });

let world: HostileWorld;
let contexts: Record<HostileRole, BrowserContext>;

type Guard = { hits: string[]; dialogs: string[]; cspViolations: string[] };

/** A page that records payload calls, dialogs and CSP violations instead of letting them pass unnoticed. */
async function guardedPage(context: BrowserContext): Promise<{ page: Page; guard: Guard }> {
  const page = await context.newPage();
  const guard: Guard = { hits: [], dialogs: [], cspViolations: [] };
  await page.exposeFunction("__xssHit", (id: unknown) => void guard.hits.push(`${String(id)} on ${page.url()}`));
  await page.addInitScript(() => {
    const report = (id: unknown) => (window as unknown as { __xssHit: (id: string) => void }).__xssHit(String(id));
    Object.defineProperty(window, "__xss", { value: report, configurable: false, writable: false });
  });
  page.on("dialog", (dialog) => {
    guard.dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) guard.cspViolations.push(`${message.text()} on ${page.url()}`);
  });
  return { page, guard };
}

/** Elements and attributes in the rendered page that could run script. */
function findExecutableForms(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const findings: string[] = [];
    const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "poster"];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      if (["iframe", "frame", "object", "embed", "base"].includes(tag)) findings.push(`<${tag}>`);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on") || name === "srcdoc") findings.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
        const scheme = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (urlAttributes.includes(name) && /^(?:javascript|vbscript):/.test(scheme)) findings.push(`<${tag} ${name}="${attribute.value.slice(0, 60)}">`);
      }
      if (tag === "script") {
        const text = element.textContent ?? "";
        const type = element.getAttribute("type");
        // Next's inline scripts carry the page's data (hostile text included) as escaped JSON strings.
        const nextData = /^\(?self\.__next_f/.test(text.trim());
        if (type === "application/ld+json") {
          try {
            JSON.parse(text);
          } catch {
            findings.push("JSON-LD that does not parse");
          }
        } else if (!nextData && (text.includes("__xss") || (element.getAttribute("src") ?? "").includes("__xss"))) {
          findings.push(`<script>${text.slice(0, 60)}`);
        }
      }
    }
    return findings;
  });
}

async function visit(page: Page, guard: Guard, path: string, options: { workspace: boolean }) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy, `CSP on ${path}`).toContain("script-src");
  if (options.workspace) expect(policy, `CSP nonce on ${path}`).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  await page.waitForLoadState("networkidle");
  await expectInert(page, guard, path, options);
}

async function expectInert(page: Page, guard: Guard, where: string, options: { workspace: boolean }) {
  expect(await findExecutableForms(page), `executable forms on ${where}`).toEqual([]);
  expect(guard.hits, `payloads that ran on ${where}`).toEqual([]);
  expect(guard.dialogs, `dialogs on ${where}`).toEqual([]);
  // Public pages are cached without a nonce, so Next's own inline scripts are refused there by design.
  if (options.workspace) expect(guard.cspViolations, `CSP violations on ${where}`).toEqual([]);
}

async function apiCaller(context: BrowserContext) {
  const page = await context.newPage();
  return async (method: string, path: string, body?: unknown) => {
    const response = await page.request.fetch(path, { method, data: body, headers: SAME_ORIGIN });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status(), json };
  };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(600_000);
  contexts = { editor: await browser.newContext(), analyst: await browser.newContext() };
  for (const role of ["editor", "analyst"] as const) await signIn(await contexts[role].newPage(), role);
  const callers = { editor: await apiCaller(contexts.editor), analyst: await apiCaller(contexts.analyst) };
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  world = await seedHostileContent((as, method, path, body) => callers[as](method, path, body), tag);
  expect(world.attempts.filter((attempt) => attempt.status >= 500)).toEqual([]);
});

test.afterAll(async () => {
  await contexts?.editor.close();
  await contexts?.analyst.close();
});

test("workspace pages show hostile content as text and run none of it", async () => {
  test.setTimeout(600_000);
  const { page, guard } = await guardedPage(contexts.editor);
  const paths = [
    "/articles",
    "/articles?sort=newest",
    `/articles/${world.articleIds.text}`,
    `/articles/${world.articleIds.html}/revisions/1`,
    ...world.articleIds.metadata.map((id) => `/articles/${id}`),
    "/entities",
    "/entities/duplicates",
    ...world.entityIds.map((id) => `/entities/${id}`),
    "/events",
    `/events?entityId=${world.entityIds[0]}`,
    ...world.eventIds.map((id) => `/events/${id}`),
    "/contradictions",
    `/contradictions?eventId=${world.eventIds[0]}`,
    ...world.contradictionIds.map((id) => `/contradictions/${id}`),
    "/compare",
    `/compare/event/${world.eventIds[0]}`,
    `/compare/entity/${world.entityIds[0]}`,
    `/claims/${world.claimAnnotationIds[0]}`,
    "/compose",
    `/compose/${world.briefing.id}`,
    `/compose/${world.retracted.id}`,
    `/review?article=${world.articleIds.html}`,
  ];
  for (const path of paths) await visit(page, guard, path, { workspace: true });

  // The article with every hostile annotation: open each one in the annotations panel.
  await visit(page, guard, `/articles/${world.articleIds.html}#annotation-${world.annotationIds[0]}`, { workspace: true });
  const panel = page.getByRole("complementary", { name: "Annotations" });
  await expect(panel.getByRole("article")).toBeVisible();
  await expect(panel.getByRole("region", { name: "Review history" })).toContainText("window.__xss(");
  await expectInert(page, guard, "the first annotation's detail", { workspace: true });
  await panel.getByRole("button", { name: "Close" }).click();
  const count = await panel.locator(".annotation-list-item").count();
  expect(count).toBeGreaterThanOrEqual(world.annotationIds.length);
  for (let index = 0; index < count; index++) {
    if (await panel.getByRole("article").count()) await panel.getByRole("button", { name: "Close" }).click();
    await panel.locator(".annotation-list-item").nth(index).click();
    await expect(panel.getByRole("article")).toBeVisible();
    await expectInert(page, guard, `annotation ${index + 1} of the hostile article`, { workspace: true });
  }
  await page.close();
});

test("the review queue shows hostile comments and quotes to an analyst, inert", async () => {
  const { page, guard } = await guardedPage(contexts.analyst);
  await visit(page, guard, `/review?article=${world.articleIds.html}`, { workspace: true });
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("main")).toContainText("<script>window.__xss('x01')</script>");
  await visit(page, guard, `/compose/${world.briefing.id}`, { workspace: true });
  await page.close();
});

test("the public site shows the published hostile briefing, its versions and feed, inert", async ({ browser }) => {
  const reader = await browser.newContext();
  const { page, guard } = await guardedPage(reader);
  for (const path of ["/briefings", world.briefing.publicPath, `${world.briefing.publicPath}/v/1`, `/briefings/${world.retracted.slug}`]) {
    await visit(page, guard, path, { workspace: false });
  }
  await page.goto(world.briefing.publicPath);
  const article = page.getByRole("main").getByRole("article").first();
  await expect(article).toContainText("<script>window.__xss('x01')</script>");
  await expect(page.getByRole("heading", { name: "Key actors" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the sources disagree on" })).toBeVisible();
  await expectInert(page, guard, world.briefing.publicPath, { workspace: false });

  const feed = await page.goto("/briefings/feed.xml");
  expect(feed?.status()).toBe(200);
  expect(feed?.headers()["content-type"]).toContain("application/atom+xml");
  await expectInert(page, guard, "/briefings/feed.xml", { workspace: false });
  await reader.close();
});
