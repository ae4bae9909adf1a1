import { expect, test } from "./support/test";
import { E2E_USERS, openAdminMenu, signIn, signInThroughForm } from "./support/users";

test("an anonymous visitor to the workspace is sent to sign in", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to Concord" })).toBeVisible();
});

test("a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E_USERS.editor.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
  await page.getByLabel("Email").fill("nobody@e2e.concord");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
});

test("the editor signs in, sees the workspace, and is kept out of user admin", async ({ page }) => {
  await signInThroughForm(page, "editor");
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("an editor creates an API token that the API accepts, then revokes it", async ({ page, request }) => {
  await signIn(page, "editor");
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Token name").fill("newsroom script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^cnc_/);

  const me = await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(E2E_USERS.editor.email);

  await page.getByRole("button", { name: "Revoke token newsroom script" }).click();
  await expect(page.getByRole("cell", { name: "revoked" })).toBeVisible();
  const after = await request.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("an admin adds an analyst who can then sign in", async ({ page, browser }) => {
  await signIn(page, "admin");
  await openAdminMenu(page);
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill("new.analyst@e2e.concord");
  await form.getByLabel("Name").fill("New Analyst");
  await form.getByLabel("Role").selectOption("ANALYST");
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText("User created.");
  await expect(page.getByRole("cell", { name: "new.analyst@e2e.concord", exact: true })).toBeVisible();

  const other = await browser.newPage();
  await other.goto("/signin");
  await other.getByLabel("Email").fill("new.analyst@e2e.concord");
  await other.getByLabel("Password").fill("a-long-enough-password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText("New Analyst")).toBeVisible();
  await other.close();

  // The change is in the audit log, which the admin can filter.
  await openAdminMenu(page);
  await page.getByRole("link", { name: "Audit log" }).click();
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Action").fill("user.create");
  await filters.getByLabel("Who").selectOption({ label: "Ada Admin" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByRole("table", { name: "Audit log entries" }).getByRole("row");
  await expect(rows.filter({ hasText: "user.create" }).filter({ hasText: "ANALYST" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "user.update" })).toHaveCount(0);
});

test("the audit log is for admins only", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
