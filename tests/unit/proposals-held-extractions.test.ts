import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { proposeAround } from "@/lib/proposals/propose";
import { EXTRACTIONS_MISSING, TASKS } from "@/lib/workers/tasks";
import { generateNewsroom } from "@/scripts/eval/newsroom";

describe("a grouping on the worker thread with the extractions it holds from the last one", () => {
  const newsroom = generateNewsroom({ seed: 18, events: 12 });
  const registry = { fingerprint: "held-extractions-test", entities: newsroom.registry };
  const extractions = newsroom.articles.map((a) =>
    extractArticle({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet }, buildRegistry(newsroom.registry)),
  );
  const block = extractions.map((e) => ({ articleId: e.articleId, version: "1" }));
  const seeds = [extractions[0].articleId];
  const group = (input: { block: typeof block; extractionsJson: string }, around = seeds) =>
    TASKS.groupProposalsAround({ registry, ...input, knownEvents: [], knownClaims: [], seeds: around });

  it("proposes what grouping every extraction sent as JSON proposes, when only the new ones are sent", () => {
    const expected = proposeAround(extractions, buildRegistry(newsroom.registry), [], [], seeds);
    expect(expected.events.length).toBeGreaterThan(0);
    // The first grouping is sent all but one; the next, around one more article, only that one.
    const first = group({ block: block.slice(1), extractionsJson: JSON.stringify(extractions.slice(1)) }, [extractions[1].articleId]);
    expect(first.events.length).toBeGreaterThan(0);
    const next = group({ block, extractionsJson: JSON.stringify([extractions[0]]) });
    expect(next).toEqual(expected);
  });

  it("asks for an extraction again when it holds another version of it, rather than group an old one", () => {
    group({ block, extractionsJson: JSON.stringify(extractions) });
    const changed = block.map((b, i) => (i === 1 ? { ...b, version: "2" } : b));
    expect(() => group({ block: changed, extractionsJson: "[]" })).toThrow(expect.objectContaining({ name: EXTRACTIONS_MISSING }));
    // Nor does it hold the rest after a grouping it could not do: everything is sent again.
    expect(() => group({ block, extractionsJson: "[]" })).toThrow(expect.objectContaining({ name: EXTRACTIONS_MISSING }));
  });
});
