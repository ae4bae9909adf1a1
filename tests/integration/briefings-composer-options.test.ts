import { describe, expect, it } from "vitest";
import { getComposerOptions } from "@/lib/briefings/queries";
import { makeUser } from "../support/fixtures";
import { bodyCiting, makeContradiction, makePassage } from "../support/briefing-fixtures";

describe("composer: insert disagreements", () => {
  it("offers every contradiction touching the cited passages, first, with its state and what publication needs", async () => {
    const editor = await makeUser("EDITOR");
    const cited = await makePassage(editor);
    const other = await makePassage(editor);
    const open = await makeContradiction(editor, { members: [cited.id, other.id], status: "OPEN" });
    const awaiting = await makeContradiction(editor, { members: [cited.id, other.id], status: "AWAITING_SIGNOFF" });
    const resolved = await makeContradiction(editor, { members: [cited.id, other.id], status: "RESOLVED" });

    const options = await getComposerOptions(editor, bodyCiting([cited.id]));
    const byId = new Map(options.contradictions.map((item) => [item.id, item]));
    expect(byId.get(open.id)).toMatchObject({ status: "OPEN", statusLabel: "open", touchesDraft: true });
    expect(byId.get(open.id)?.publicationNeeds).toMatch(/resolved .* signed off/);
    expect(byId.get(awaiting.id)).toMatchObject({ touchesDraft: true });
    expect(byId.get(awaiting.id)?.publicationNeeds).toMatch(/sign-off/);
    expect(byId.get(resolved.id)).toMatchObject({
      status: "RESOLVED",
      publicationNeeds: null,
      memberAnnotationIds: expect.arrayContaining([cited.id, other.id]),
    });
    // What touches the draft leads the list.
    const firstUntouched = options.contradictions.findIndex((item) => !item.touchesDraft);
    expect(options.contradictions.slice(0, firstUntouched === -1 ? undefined : firstUntouched).map((item) => item.id)).toEqual(
      expect.arrayContaining([open.id, awaiting.id]),
    );
  });
});
