import { describe, expect, it } from "vitest";
import { approvedContentOf, changesSinceApproval, readApprovedContent } from "@/lib/briefings/approved-content";
import type { RenderSources, SourcePassage } from "@/lib/briefings/render";

const passage: SourcePassage = {
  annotationId: "a1",
  quote: "ordered the strike",
  before: "The minister said he ",
  after: " on the depot.",
  outlet: "Coast News",
  articleTitle: "Strike on the depot",
  url: "https://coast.example/depot",
  publishedAt: "2025-05-20",
};

function sources(overrides: { name?: string; passage?: Partial<SourcePassage>; extraPassage?: boolean } = {}): RenderSources {
  const passages = new Map([["a1", { ...passage, ...overrides.passage }]]);
  if (overrides.extraPassage) passages.set("a2", { ...passage, annotationId: "a2", quote: "denied it" });
  return {
    passages,
    entities: new Map([["e1", { id: "e1", name: overrides.name ?? "Acme Relief Fund", typeLabel: "Organization", description: null }]]),
    events: new Map(),
    contradictions: new Map(),
  };
}

describe("changesSinceApproval", () => {
  it("finds nothing when the page would show what was approved, whatever the order of the records", () => {
    const approved = approvedContentOf(sources());
    expect(changesSinceApproval(approved, approvedContentOf(sources()))).toEqual([]);
    // Stored as JSON and read back.
    expect(changesSinceApproval(readApprovedContent(JSON.parse(JSON.stringify(approved)))!, approvedContentOf(sources()))).toEqual([]);
  });

  it("names each changed record and field, with the old and the new text", () => {
    const approved = approvedContentOf(sources());
    const changes = changesSinceApproval(
      approved,
      approvedContentOf(sources({ name: "Acme Money Laundering Front", passage: { before: "The minister denied he ", url: "https://attacker.example/" } })),
    );
    expect(changes).toEqual([
      {
        kind: "entity",
        id: "e1",
        message: "The entity “Acme Relief Fund” changed after the briefing was approved: name “Acme Relief Fund” → “Acme Money Laundering Front”.",
      },
      {
        kind: "passage",
        id: "a1",
        message:
          "The cited passage “ordered the strike” (Coast News) changed after the briefing was approved: text before the quote “The minister said he” → “The minister denied he”; article address “https://coast.example/depot” → “https://attacker.example/”.",
      },
    ]);
  });

  it("reports a record shown now that the analyst never saw", () => {
    const changes = changesSinceApproval(approvedContentOf(sources()), approvedContentOf(sources({ extraPassage: true })));
    expect(changes).toEqual([expect.objectContaining({ id: "a2", message: expect.stringContaining("was not part of what the analyst approved") })]);
  });

  it("treats a missing or malformed stored copy as none", () => {
    expect(readApprovedContent(null)).toBeNull();
    expect(readApprovedContent({ items: "x" })).toBeNull();
  });
});
