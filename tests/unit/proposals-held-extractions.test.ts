import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { proposeAround } from "@/lib/proposals/propose";
import { EXTRACTIONS_MISSING, TASKS } from "@/lib/workers/tasks";
import { generateNewsroom } from "@/scripts/eval/newsroom";

describe("a grouping on the worker thread with the extractions it holds from earlier ones", () => {
  const newsroom = generateNewsroom({ seed: 18, events: 12 });
  const registry = { fingerprint: "held-extractions-test", entities: newsroom.registry };
  const extractions = newsroom.articles.map((a) =>
    extractArticle({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet }, buildRegistry(newsroom.registry)),
  );
  const block = extractions.map((e) => ({ articleId: e.articleId, version: "1" }));
  const seeds = [extractions[0].articleId];
  const texts = (list: typeof extractions) => list.map((e) => JSON.stringify(e));
  const group = (input: { block: typeof block; extractionsJson: string[]; hold?: string[] }, around = seeds) => {
    const grouped = TASKS.groupProposalsAround({
      registry,
      hold: input.block.map((b) => b.articleId),
      ...input,
      knownEventsJson: "[]",
      knownClaims: [],
      seeds: around,
    });
    // Told nothing of what was read, the thread always proposes.
    if (!("events" in grouped)) throw new Error("a grouping without a read, given the accepted claims, came back without proposals");
    return grouped;
  };

  it("proposes what grouping every extraction sent as JSON proposes, when only the new ones are sent", () => {
    const expected = proposeAround(extractions, buildRegistry(newsroom.registry), [], [], seeds);
    expect(expected.events.length).toBeGreaterThan(0);
    // The first grouping is sent all but one; the next, around one more article, only that one.
    const first = group({ block: block.slice(1), extractionsJson: texts(extractions.slice(1)) }, [extractions[1].articleId]);
    expect(first.events.length).toBeGreaterThan(0);
    const next = group({ block, extractionsJson: texts([extractions[0]]) });
    expect(next).toEqual(expected);
  });

  it("keeps the extractions of an earlier block it is told to hold, and only those", () => {
    const expected = proposeAround(extractions, buildRegistry(newsroom.registry), [], [], seeds);
    const half = Math.ceil(extractions.length / 2);
    const all = block.map((b) => b.articleId);
    group({ block: block.slice(0, half), extractionsJson: texts(extractions.slice(0, half)) });
    // Another block in between, the first one's extractions held beside it.
    group({ block: block.slice(half), extractionsJson: texts(extractions.slice(half)), hold: all }, [extractions[half].articleId]);
    expect(group({ block, extractionsJson: [], hold: all })).toEqual(expected);
    // Told to hold the second half alone, it no longer has the first.
    group({ block: block.slice(half), extractionsJson: [] }, [extractions[half].articleId]);
    expect(() => group({ block, extractionsJson: [] })).toThrow(expect.objectContaining({ name: EXTRACTIONS_MISSING }));
  });

  it("asks for an extraction again when it holds another version of it, rather than group an old one", () => {
    group({ block, extractionsJson: texts(extractions) });
    const changed = block.map((b, i) => (i === 1 ? { ...b, version: "2" } : b));
    expect(() => group({ block: changed, extractionsJson: [] })).toThrow(expect.objectContaining({ name: EXTRACTIONS_MISSING }));
    // Nor does it hold the rest after a grouping it could not do: everything is sent again.
    expect(() => group({ block, extractionsJson: [] })).toThrow(expect.objectContaining({ name: EXTRACTIONS_MISSING }));
  });
});
