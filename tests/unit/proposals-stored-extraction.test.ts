import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { proposeAround } from "@/lib/proposals/propose";
import { packExtraction, unpackExtraction } from "@/lib/proposals/stored-extraction";
import type { ArticleExtraction } from "@/lib/proposals/types";
import { TASKS } from "@/lib/workers/tasks";
import { generateNewsroom } from "@/scripts/eval/newsroom";

/** As stored: through JSON. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

/** A claim's evidence is its span; extraction may hand on the found name it came from. */
const spansOnly = (e: ArticleExtraction): ArticleExtraction => ({
  ...e,
  claims: e.claims.map((c) => ({ ...c, evidence: { start: c.evidence.start, end: c.evidence.end } })),
});

describe("an extraction stored packed and read back", () => {
  const newsroom = generateNewsroom({ seed: 18, events: 12 });
  const registry = buildRegistry(newsroom.registry);
  const extractions = newsroom.articles.map((a) => extractArticle({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet }, registry));
  const seeds = [extractions[0].articleId];

  // Claims and targets are kept as JSON text (parsed when first read), whose quotes are escaped.
  it("reads back what was extracted, in less than three quarters of the JSON", () => {
    let [full, packedSize] = [0, 0];
    for (const extraction of extractions) {
      const packed = packExtraction(extraction);
      expect(unpackExtraction(stored(packed))).toEqual(stored(spansOnly(extraction)));
      full += JSON.stringify(extraction).length;
      packedSize += JSON.stringify(packed).length;
    }
    expect(packedSize).toBeLessThan((full * 3) / 4);
  });

  it("proposes on the worker thread what the extractions as extracted propose, packed or stored in full before packing", () => {
    const expected = proposeAround(extractions, registry, [], [], seeds);
    expect(expected.events.length).toBeGreaterThan(0);
    const block = extractions.map((e) => ({ articleId: e.articleId, version: "1" }));
    const group = (json: unknown[], version: string) =>
      TASKS.groupProposalsAround({
        registry: { fingerprint: "stored-extraction-test", entities: newsroom.registry },
        block: block.map((b) => ({ ...b, version })),
        extractionsJson: JSON.stringify(json),
        hold: [],
        knownEvents: [],
        knownClaims: [],
        seeds,
      });
    expect(group(extractions.map(packExtraction), "packed")).toEqual(expected);
    // Articles stored before packing, packed with their claims and targets as JSON (format 2), and as now.
    const formatTwo = (e: ArticleExtraction) => {
      const { passages, ...packed } = packExtraction(e);
      return { ...packed, format: 2, ...JSON.parse(passages) };
    };
    expect(
      group(
        extractions.map((e, i) => [e, formatTwo(e), packExtraction(e)][i % 3]),
        "mixed",
      ),
    ).toEqual(expected);
  });

  it("parses an extraction's claims and targets only when they are first read", () => {
    const extraction = extractions.find((e) => e.mentions.length > 0)!;
    const read = unpackExtraction({ ...stored(packExtraction(extraction)), passages: "{not JSON" });
    expect(read.mentions).toEqual(stored(extraction.mentions));
    expect(() => read.claims).toThrow(SyntaxError);
  });

  it("hands over from the worker thread rows whose JSON text reads back as the extraction, with its blocking keys", () => {
    const rows = TASKS.extractProposals({
      registry: { fingerprint: "stored-extraction-rows", entities: newsroom.registry },
      articles: newsroom.articles.map((a) => ({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet })),
    });
    expect(rows.map((r) => r.articleId)).toEqual(extractions.map((e) => e.articleId));
    rows.forEach((row, i) => {
      expect(unpackExtraction(JSON.parse(row.data))).toEqual(stored(spansOnly(extractions[i])));
      const named = new Set(extractions[i].mentions.flatMap((m) => m.participants.map((p) => p.key)));
      expect(new Set(row.keys.participantKeys)).toEqual(named);
    });
    expect(rows.some((r) => r.keys.dateFrom !== null)).toBe(true);
  });
});
