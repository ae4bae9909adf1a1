import { describe, expect, it, vi } from "vitest";
import { createAnnotationAction, updateAnnotationAction } from "@/app/(workspace)/articles/[id]/actions";
import { getAnnotation } from "@/lib/annotations/queries";
import { db } from "@/lib/db";
import { makeArticle } from "../support/article-fixtures";
import { makeUser } from "../support/fixtures";

// Only who is signed in is faked (there is no request, hence no cookie); the actions run against the real database.
const session = vi.hoisted(() => ({ claims: null as { uid: string; sv: number } | null }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => session.claims }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: () => undefined }));

async function signInAs(role: "EDITOR" | "ANALYST") {
  const user = await makeUser(role);
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  session.claims = { uid: user.id, sv: sessionVersion };
  return user;
}

describe("the reader's annotation actions", () => {
  it("annotate the words selected after an emoji: the reader's offsets are the text's own, not the API's code points", async () => {
    const editor = await signInAs("EDITOR");
    const text = "Delegates cheered 🎉🎉 when the talks in Geneva ended.";
    const article = await makeArticle(editor, { text });
    const start = text.indexOf("Geneva");

    const created = await createAnnotationAction({ articleId: article.articleId, start, end: start + 6, exact: "Geneva", kind: "note" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const view = await getAnnotation(editor, created.data.id);
    expect(text.slice(view.start, view.end)).toBe("Geneva");
  });

  it("a stale edit is refused with the current annotation, so the panel can show what changed", async () => {
    const editor = await signInAs("EDITOR");
    const text = "The talks in Geneva ended at noon.";
    const article = await makeArticle(editor, { text });
    const start = text.indexOf("noon");
    const created = await createAnnotationAction({ articleId: article.articleId, start, end: start + 4, exact: "noon", kind: "note" });
    if (!created.ok) throw new Error(created.error);
    const { articleId } = article;

    expect((await updateAnnotationAction(articleId, created.data.id, { version: 1, tags: ["time"] })).ok).toBe(true);
    const stale = await updateAnnotationAction(articleId, created.data.id, { version: 1, tags: ["place"] });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.status).toBe(409);
    expect(stale.code).toBe("stale_version");
    expect((stale.details as { current: { version: number; tags: string[] } }).current).toMatchObject({ version: 2, tags: ["time"] });
  });
});
