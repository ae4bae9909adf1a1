import { describe, expect, it } from "vitest";
import { candidateFingerprint, claimFingerprint, mentionFingerprint } from "@/lib/proposals/fingerprints";
import { propose } from "@/lib/proposals/propose";
import type { ProposalArticle } from "@/lib/proposals/types";

const text = "Anna Berg and Samuel Okoro spoke by phone on June 10 for about 90 minutes, officials said.";
const article = (id: string, body: string, outlet = "Morning Wire"): ProposalArticle => ({ id, text: body, publishedAt: "2031-06-11", outlet });

describe("proposal fingerprints", () => {
  it("stay the same when a revision moves the passage, so a judgement on it is remembered", () => {
    const before = propose({ articles: [article("a1", text)] });
    const after = propose({ articles: [article("a1", `Crowds gathered early.\n\n${text}`)] });
    expect(after.events[0].mentions[0].annotation.selector[1].start).toBeGreaterThan(before.events[0].mentions[0].annotation.selector[1].start);
    expect(mentionFingerprint(after.events[0].mentions[0])).toBe(mentionFingerprint(before.events[0].mentions[0]));
    expect(after.claims.map(claimFingerprint).sort()).toEqual(before.claims.map(claimFingerprint).sort());
  });

  it("differ when the passage's words change or another article says the same", () => {
    const original = propose({ articles: [article("a1", text)] }).events[0].mentions[0];
    const edited = propose({ articles: [article("a1", text.replace("officials said", "aides said"))] }).events[0].mentions[0];
    const elsewhere = propose({ articles: [article("a2", text)] }).events[0].mentions[0];
    expect(mentionFingerprint(edited)).not.toBe(mentionFingerprint(original));
    expect(mentionFingerprint(elsewhere)).not.toBe(mentionFingerprint(original));
  });

  it("name a contradiction candidate by its two sides in either order", () => {
    const { contradictions } = propose({
      articles: [
        article("a1", text),
        article("a2", "Anna Berg spoke by phone with Samuel Okoro on June 10. The call lasted more than three hours.", "Evening Post"),
      ],
    });
    expect(contradictions).toHaveLength(1);
    const [candidate] = contradictions;
    const swapped = { ...candidate, a: candidate.b, b: candidate.a };
    expect(candidateFingerprint(swapped, (k) => k)).toBe(candidateFingerprint(candidate, (k) => k));
  });
});
