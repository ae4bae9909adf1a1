import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { proposeAround } from "@/lib/proposals/propose";
import { givePassages, lacksPassages, packExtraction, packPassages, unpackExtraction } from "@/lib/proposals/stored-extraction";
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

  it("reads back what was extracted, in less than two thirds of the JSON, most of it the claims and targets kept apart", () => {
    let [full, mentions, passages] = [0, 0, 0];
    for (const extraction of extractions) {
      const packed = packExtraction(extraction);
      const text = packPassages(extraction);
      expect(unpackExtraction(stored(packed), text)).toEqual(stored(spansOnly(extraction)));
      full += JSON.stringify(extraction).length;
      mentions += JSON.stringify(packed).length;
      passages += text.length;
    }
    expect(mentions + passages).toBeLessThan((full * 2) / 3);
    expect(mentions).toBeLessThan(passages);
  });

  it("proposes on the worker thread what the extractions as extracted propose, packed or stored in full before packing", () => {
    const expected = proposeAround(extractions, registry, [], [], seeds);
    expect(expected.events.length).toBeGreaterThan(0);
    const block = extractions.map((e) => ({ articleId: e.articleId, version: "1" }));
    const ask = (json: unknown[], version: string, passages: [string, string][] = []) =>
      TASKS.groupProposalsAround({
        registry: { fingerprint: "stored-extraction-test", entities: newsroom.registry },
        block: block.map((b) => ({ ...b, version })),
        extractionsJson: json.map((e) => JSON.stringify(e)),
        hold: block.map((b) => b.articleId),
        passages,
        knownEventsJson: "[]",
        knownClaims: [],
        seeds,
      });
    // Stored as now: the grouping asks for the claims and targets of the articles its groups hold, and of no others.
    const wanted = ask(extractions.map(packExtraction), "packed");
    if (!("passagesOf" in wanted)) throw new Error("The grouping proposed without the claims and targets of its articles.");
    const proposing = new Set(expected.events.flatMap((e) => e.mentions.map((m) => m.articleId)));
    expect(new Set(wanted.passagesOf)).toEqual(proposing);
    expect(wanted.passagesOf.length).toBeLessThan(extractions.length);
    const given = extractions.filter((e) => proposing.has(e.articleId)).map((e): [string, string] => [e.articleId, packPassages(e)]);
    expect(ask([], "packed", given)).toEqual(expected);
    // Articles stored before packing, packed with their claims and targets as JSON (format 2), as JSON text beside the mentions (format 3).
    const formatTwo = (e: ArticleExtraction) => ({ ...packExtraction(e), format: 2, ...JSON.parse(packPassages(e)) });
    const formatThree = (e: ArticleExtraction) => ({ ...packExtraction(e), format: 3, passages: packPassages(e) });
    expect(
      ask(
        extractions.map((e, i) => [e, formatTwo(e), formatThree(e)][i % 3]),
        "older",
      ),
    ).toEqual(expected);
  });

  it("reads an extraction's claims and targets once given, and says which it lacks", () => {
    const extraction = extractions.find((e) => e.claims.length > 0)!;
    const read = unpackExtraction(stored(packExtraction(extraction)));
    expect(lacksPassages(read)).toBe(true);
    expect(() => read.claims).toThrow(/were not read/);
    givePassages(read, packPassages(extraction));
    expect(lacksPassages(read)).toBe(false);
    expect(read).toEqual(stored(spansOnly(extraction)));
  });

  it("parses an extraction's claims and targets only when they are first read", () => {
    const extraction = extractions.find((e) => e.mentions.length > 0)!;
    const read = unpackExtraction(stored(packExtraction(extraction)), "{not JSON");
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
      expect(unpackExtraction(JSON.parse(row.data), row.passages)).toEqual(stored(spansOnly(extractions[i])));
      const named = new Set(extractions[i].mentions.flatMap((m) => m.participants.map((p) => p.key)));
      expect(new Set(row.keys.participantKeys)).toEqual(named);
    });
    expect(rows.some((r) => r.keys.dateFrom !== null)).toBe(true);
  });
});
