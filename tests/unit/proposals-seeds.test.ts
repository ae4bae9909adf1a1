import { describe, expect, it } from "vitest";
import { propose } from "@/lib/proposals/propose";
import { score } from "@/scripts/eval/metrics";
import { loadSeedArticles, SEED_CONTRADICTIONS, seedEvalCorpus, seedRegistry } from "../support/proposal-seed-labels";

// Real reports of the same happenings by different outlets, hand-labelled (tests/support); the engine never sees the labels.
const articles = loadSeedArticles();
const registry = seedRegistry();
const proposals = propose({ articles, registry });

const corpus = seedEvalCorpus(articles);

describe("the proposal engine on the seed articles", () => {
  const scores = score(proposals, corpus, new Map(registry.map((e) => [e.id, e.name])), {}, SEED_CONTRADICTIONS);

  it("proposes the happenings the articles report, and little else", () => {
    expect(scores.mentions.precision.value).toBeGreaterThanOrEqual(0.95);
    expect(scores.mentions.recall.value).toBeGreaterThanOrEqual(0.85);
  });

  it("groups the outlets' reports of one happening", () => {
    expect(scores.grouping.precision.value).toBeGreaterThanOrEqual(0.95);
    expect(scores.grouping.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("dates what the text dates and guesses nothing", () => {
    expect(scores.dates.resolvable.value).toBeGreaterThanOrEqual(0.95);
    expect(scores.dates.unresolvableLeftOpen.value).toBe(1);
  });

  it("proposes claims a reader can check, and no contradiction the articles do not hold", () => {
    expect(scores.claims.precision.value).toBeGreaterThanOrEqual(0.9);
    expect(proposals.contradictions).toEqual([]);
  });

  it("joins two outlets' accounts of the 17 May ministers' call, each saying who initiated it", () => {
    const call = proposals.events.find((e) => e.kind === "phone_call" && e.date === "2025-05-17")!;
    expect(new Set(call.mentions.map((m) => m.articleId))).toEqual(new Set(["embassy-readout", "svpressa-may"]));
    expect(call.participants.map((p) => p.entityId).sort()).toEqual(["lavrov", "rubio"]);
    const initiators = proposals.claims.filter((c) => c.proposalKey === call.key && c.attribute === "initiator");
    expect(initiators.map((c) => [c.articleId, c.label])).toEqual([
      ["embassy-readout", "United States"],
      ["svpressa-may", "United States"],
    ]);
  });

  it("dates the Istanbul talks from 'the previous day' of the call, not from the publication date", () => {
    const talks = proposals.events.find((e) => e.kind === "talks" && e.place?.entityId === "istanbul" && e.date !== null)!;
    expect(talks.date).toBe("2025-05-16");
    expect(talks.mentions.some((m) => m.articleId === "svpressa-may")).toBe(true);
  });

  it("reads the announced leaders' call of 19 May at 10:00 Eastern Time from one outlet and 'the morning of the 19th' from another", () => {
    const call = proposals.events.find((e) => e.kind === "phone_call" && e.date === "2025-05-19")!;
    expect(call).toMatchObject({ localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" });
    const dates = proposals.claims.filter((c) => c.proposalKey === call.key && c.attribute === "date").map((c) => c.label);
    expect(dates).toEqual(["the morning of 19 May 2025", "19 May 2025, 10:00 EDT (14:00 UTC)"]);
  });
});
