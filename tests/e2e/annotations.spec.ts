import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/users";
import { firstArticlePath } from "./support/annotations-fixtures";
import { SAME_ORIGIN } from "./support/origin";

/**
 * Selects the first `length` characters of the article's first paragraph by dragging the
 * mouse across them, as a person would, and returns the selected text.
 */
async function dragSelect(page: Page, length: number): Promise<string> {
  const firstSegment = page.locator(".annotated-text p").first().locator("[data-start]").first();
  await expect(firstSegment).toBeVisible();
  await firstSegment.scrollIntoViewIfNeeded();
  const { from, to, text } = await firstSegment.evaluate((element, count) => {
    const node = element.firstChild!;
    const content = node.textContent ?? "";
    // End on a word boundary so the expected quote is easy to read in failures.
    const end = Math.max(content.lastIndexOf(" ", count), 10);
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, end - 1);
    range.setEnd(node, end);
    const last = range.getBoundingClientRect();
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
      text: content.slice(0, end),
    };
  }, length);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  return text;
}

test("an editor annotates a passage selected with the mouse, and an analyst approves it", async ({ browser }) => {
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  const articlePath = await firstArticlePath(editor);
  await editor.goto(articlePath);

  const quote = await dragSelect(editor, 40);
  await editor.getByRole("button", { name: "Annotate" }).click();

  const form = editor.getByRole("form", { name: "New annotation" });
  await expect(form.locator("blockquote")).toHaveText(quote);
  await form.getByLabel("Kind").selectOption({ label: "Claim" });
  const comment = form.getByRole("textbox", { name: "Comment" });
  await comment.click();
  await form.getByRole("button", { name: "Bold" }).click();
  await comment.pressSequentially("Needs a second source");
  await form.getByLabel("Tags").fill("sourcing, e2e");
  await form.getByRole("button", { name: "Save annotation" }).click();

  const highlight = editor.locator("mark.highlight", { hasText: quote });
  await expect(highlight).toBeVisible();
  const panel = editor.getByRole("complementary", { name: "Annotations" });
  const detail = panel.getByRole("article");
  await expect(detail.locator(".annotation-comment strong")).toHaveText("Needs a second source");
  await expect(detail.getByText("Awaiting review", { exact: true })).toBeVisible();
  await expect(detail.getByRole("list", { name: "Tags" })).toContainText("sourcing");

  // The author cannot approve their own annotation: no control offers it, and the server refuses.
  await expect(detail.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const annotationId = await highlight.first().getAttribute("data-annotation-ids");
  const refused = await editor.request.post(`/api/annotations/${annotationId}/review`, { headers: SAME_ORIGIN, data: { decision: "approve" } });
  expect(refused.status()).toBe(403);

  // Keyboard: the highlight is focusable and opens its annotation.
  await detail.getByRole("button", { name: "Close" }).click();
  await expect(panel.getByRole("article")).toHaveCount(0);
  await highlight.first().focus();
  await editor.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { name: /Claim by Erin Editor/ })).toBeFocused();
  await editorContext.close();

  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "analyst");
  await analyst.goto("/review");
  const queued = analyst.getByRole("article").filter({ hasText: quote });
  await expect(queued).toBeVisible();
  await queued.getByLabel("Review comment (optional)").fill("Checked against the wire copy.");
  await queued.getByRole("button", { name: "Approve" }).click();
  await expect(analyst.getByRole("article").filter({ hasText: quote })).toHaveCount(0);

  await analyst.goto(`${articlePath}#annotation-${annotationId}`);
  const reviewed = analyst.getByRole("complementary", { name: "Annotations" }).getByRole("article");
  await expect(reviewed.getByText("Approved", { exact: true })).toBeVisible();
  await expect(reviewed.getByRole("region", { name: "Review history" })).toContainText("Checked against the wire copy.");
  await analystContext.close();
});
