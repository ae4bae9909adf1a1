import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Accounts the e2e server creates in its scratch database. */
export const E2E_USERS = {
  editor: { email: "editor@e2e.concord", name: "Erin Editor", role: "EDITOR", password: "e2e-editor-password" },
  editor2: { email: "editor2@e2e.concord", name: "Eli Editor", role: "EDITOR", password: "e2e-editor2-password" },
  analyst: { email: "analyst@e2e.concord", name: "Ana Analyst", role: "ANALYST", password: "e2e-analyst-password" },
  admin: { email: "admin@e2e.concord", name: "Ada Admin", role: "ADMIN", password: "e2e-admin-password" },
} as const;

export type E2EUser = keyof typeof E2E_USERS;

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, who: E2EUser): Promise<void> {
  const user = E2E_USERS[who];
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Opens the navigation's administration menu, unless it is already open (it stays open across pages). */
export async function openAdminMenu(page: Page): Promise<void> {
  const menu = page.getByRole("navigation", { name: "Workspace" }).locator("details.nav-menu");
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
}
