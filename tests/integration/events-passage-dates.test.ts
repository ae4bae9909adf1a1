import { describe, expect, it } from "vitest";
import { getPassageLinkContext } from "@/lib/events/queries";
import { createEvent } from "@/lib/events/mutations";
import { createEventSchema } from "@/lib/events/schemas";
import { makeAnnotation, makeArticle } from "../support/article-fixtures";
import { makeUser } from "../support/fixtures";

describe("dates shown when linking a passage to an event", () => {
  it("resolves the passage's dates against the article's publication date and flags one that disagrees with the event", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { text: "Putin spoke to Trump on Saturday. Talks went on.", publishedAt: "2025-05-21" });
    const annotation = await makeAnnotation(editor, article, "Putin spoke to Trump on Saturday.");
    const event = await createEvent(
      editor,
      createEventSchema.parse({ type: "phone_call", title: "Putin–Trump call", date: { localDate: "2025-05-19", precision: "day" } }),
    );

    const plain = await getPassageLinkContext(editor, annotation.id);
    expect(plain.dates).toEqual({
      publishedAt: "2025-05-21",
      dates: [
        {
          text: "on Saturday",
          resolved: "17 May 2025",
          resolvedDate: { localDate: "2025-05-17", precision: "day", timeZone: null },
          relative: true,
          note: null,
          disagrees: false,
        },
      ],
      unresolvableReason: null,
    });
    const checked = await getPassageLinkContext(editor, annotation.id, event.id);
    expect(checked.event).toEqual({ id: event.id, title: "Putin–Trump call", date: { localDate: "2025-05-19", precision: "day", timeZone: null } });
    expect(checked.dates.dates[0].disagrees).toBe(true);
  });

  it("says that relative dates cannot be resolved when the article has no publication date", async () => {
    const analyst = await makeUser("ANALYST");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { text: "They met on the 19th.", publishedAt: null });
    const annotation = await makeAnnotation(editor, article, "They met on the 19th.");
    const context = await getPassageLinkContext(analyst, annotation.id);
    expect(context.dates.unresolvableReason).toMatch(/no publication date/);
    expect(context.dates.dates).toMatchObject([{ text: "the 19th", resolved: null, relative: true }]);
  });
});
