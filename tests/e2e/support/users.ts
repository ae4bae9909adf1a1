import type { Cookie, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Accounts the e2e server creates in its scratch database. */
export const E2E_USERS = {
  editor: { email: "editor@e2e.concord", name: "Erin Editor", role: "EDITOR", password: "e2e-editor-password" },
  editor2: { email: "editor2@e2e.concord", name: "Eli Editor", role: "EDITOR", password: "e2e-editor2-password" },
  analyst: { email: "analyst@e2e.concord", name: "Ana Analyst", role: "ANALYST", password: "e2e-analyst-password" },
  admin: { email: "admin@e2e.concord", name: "Ada Admin", role: "ADMIN", password: "e2e-admin-password" },
} as const;

export type E2EUser = keyof typeof E2E_USERS;

// The session cookies each account's form sign-in gave, kept for the rest of the worker's specs.
const sessions = new Map<E2EUser, Cookie[]>();

/** Signs in through the sign-in form, as a person would, and lands on the inbox. */
export async function signInThroughForm(page: Page, who: E2EUser): Promise<void> {
  const user = E2E_USERS[who];
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  sessions.set(who, await page.context().cookies());
}

/**
 * Signs in and lands on the inbox, as the form does. The form is filled once per account; later
 * sign-ins reuse the session it gave (the form itself is tested in foundation and security-input),
 * unless signing out has ended that session on the server since.
 */
export async function signIn(page: Page, who: E2EUser): Promise<void> {
  const cookies = sessions.get(who);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/inbox");
    if (new URL(page.url()).pathname === "/inbox") {
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      return;
    }
    sessions.delete(who);
    await page.context().clearCookies();
  }
  await signInThroughForm(page, who);
}

/** Opens the navigation's administration menu, unless it is already open (it stays open across pages). */
export async function openAdminMenu(page: Page): Promise<void> {
  const menu = page.getByRole("navigation", { name: "Workspace" }).locator("details.nav-menu");
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
}
