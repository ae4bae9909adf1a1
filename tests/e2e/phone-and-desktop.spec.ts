import { expect, test } from "./support/test";
import { SAME_ORIGIN } from "./support/origin";
import { openAdminMenu, signIn } from "./support/users";

const WORKSPACE_PAGES = [
  "/inbox",
  "/articles",
  "/import",
  "/review",
  "/entities",
  "/entities/duplicates",
  "/events",
  "/events/new",
  "/contradictions",
  "/contradictions/new",
  "/compare",
  "/compose",
  "/compose/new",
  "/settings/tokens",
  "/admin/users",
  "/admin/annotation-kinds",
  "/admin/audit",
];

test("every workspace page fits a 390 px phone screen without sideways scrolling", async ({ page }) => {
  // Eighteen pages, each also checked by axe-core.
  test.setTimeout(240_000);
  await signIn(page, "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles");
  const firstArticle = await page.getByRole("main").locator('a[href^="/articles/"]').first().getAttribute("href");
  const pages = [...WORKSPACE_PAGES, firstArticle!];
  const tooWide: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) tooWide.push(`${path}: ${width} px`);
  }
  expect(tooWide).toEqual([]);
});

test("an admin's navigation keeps to one line at 1440 px, administration behind one entry", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admin");
  const header = page.getByRole("banner");
  const items = header.getByRole("navigation", { name: "Workspace" }).locator(":scope > ul > li");
  const tops = await items.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  const brandTop = (await header.getByRole("link", { name: "Concord", exact: true }).boundingBox())!.y;
  const signOutBox = (await header.getByRole("button", { name: "Sign out" }).boundingBox())!;
  expect(Math.abs(signOutBox.y + signOutBox.height / 2 - (brandTop + 10))).toBeLessThan(24);

  await openAdminMenu(page);
  await header.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // Labels meant for screen readers name the controls without showing.
  const role = page.getByLabel("Role of admin@e2e.concord");
  await expect(role).toBeVisible();
  // Clipped to a single pixel: there for screen readers, not on the screen.
  const label = (await page.locator("label").filter({ hasText: "Role of admin@e2e.concord" }).boundingBox())!;
  expect(label.width * label.height).toBeLessThanOrEqual(1);
  const box = (await role.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(32);
});

test("the audit log names each record by its title, links it and says what changed in words", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill("audited.editor@e2e.concord");
  await form.getByLabel("Name").fill("Audited Editor");
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText("User created.");
  await page.getByLabel("Role of audited.editor@e2e.concord").selectOption("ANALYST");
  await expect(page.getByRole("status").filter({ hasText: /saved|updated/i })).toBeVisible();

  await page.goto("/admin/audit?action=user.update");
  const row = page.getByRole("table", { name: "Audit log entries" }).getByRole("row").filter({ hasText: "Audited Editor" }).first();
  await expect(row.getByRole("link", { name: "Audited Editor (audited.editor@e2e.concord)" })).toHaveAttribute("href", "/admin/users");
  await expect(row).toContainText(/Role: .*ANALYST/);
  await expect(row).not.toContainText("{");
});

test("annotation kinds are told apart by colour, with a legend naming them", async ({ page }) => {
  await signIn(page, "editor");
  const text = `Kinds ${Date.now().toString(36)}\nGENEVA. Negotiators met for six hours on Tuesday. The talks were productive, a delegate said.`;
  const imported = await page.request.post("/api/articles", { headers: SAME_ORIGIN, data: { text } });
  expect(imported.status()).toBe(201);
  const article = await imported.json();
  for (const [quote, kind] of [
    ["Negotiators met for six hours", "claim"],
    ["The talks were productive", "opinion"],
  ] as const) {
    const start = article.text.indexOf(quote);
    const target = {
      source: article.id,
      selector: [
        { type: "TextQuoteSelector", exact: quote },
        { type: "TextPositionSelector", start, end: start + quote.length },
      ],
    };
    expect((await page.request.post("/api/annotations", { headers: SAME_ORIGIN, data: { target, body: { kind } } })).status()).toBe(201);
  }
  await page.goto(`/articles/${article.id}`);
  const legend = page.getByRole("list", { name: "Annotation kinds" });
  await expect(legend.getByRole("listitem")).toHaveText(["Claim", "Opinion"]);
  const claim = page.getByRole("button", { name: /^Claim by Erin Editor: Negotiators met for six hours$/ });
  const opinion = page.getByRole("button", { name: /^Opinion by Erin Editor: The talks were productive$/ });
  const colour = (element: typeof claim) => element.evaluate((mark) => getComputedStyle(mark).borderBottomColor);
  expect(await colour(claim)).not.toBe(await colour(opinion));
});
