import { describe, expect, it } from "vitest";
import { createClaimSchema } from "@/lib/contradictions/schemas";
import { propose } from "@/lib/proposals/propose";
import type { ClaimProposal, ProposalArticle } from "@/lib/proposals/types";
import { PROPOSAL_REGISTRY } from "../support/proposal-fixtures";

// Made-up agency copy naming officials a newsroom's registry does not know yet. 2031-06-11 is a Wednesday.
let n = 0;
const article = (text: string): ProposalArticle => ({ id: `u${++n}`, text, publishedAt: "2031-06-11", outlet: "Wire" });
const claimsOf = (claims: ClaimProposal[], attribute: string) => claims.filter((c) => c.attribute === attribute).map((c) => c.value);

describe("claims about parties the registry does not know", () => {
  it("states the participants and the caller by name, in one order, so two outlets naming them alike agree", () => {
    const a = propose({
      articles: [
        article(
          "Peruvian President Lucia Quispe phoned Ecuadorean President Mateo Andrade on Monday to discuss a border dispute, her office said. The call lasted about an hour.",
        ),
      ],
    });
    expect(claimsOf(a.claims, "participants")).toEqual([{ type: "text", text: "Lucia Quispe, Mateo Andrade" }]);
    expect(claimsOf(a.claims, "initiator")).toEqual([{ type: "text", text: "Lucia Quispe" }]);
    const b = propose({ articles: [article("Mateo Andrade and Lucia Quispe spoke by phone on Monday, officials in Quito said.")] });
    expect(claimsOf(b.claims, "participants")).toEqual(claimsOf(a.claims, "participants"));
  });

  it("states who asked for the talks by name ('at the request of Y'), and a registry person beside an unknown one by name too", () => {
    const { claims } = propose({
      articles: [article("Anna Berg met Tomas Vidal in Geneva on Tuesday at the request of Vidal, who leads the Andorran delegation.")],
      registry: PROPOSAL_REGISTRY,
    });
    expect(claimsOf(claims, "participants")).toEqual([{ type: "text", text: "Anna Berg, Tomas Vidal" }]);
    expect(claimsOf(claims, "initiator")).toEqual([{ type: "text", text: "Tomas Vidal" }]);
  });

  it("can be accepted as a claim: participants and initiator take a names text when no entity stands for them", () => {
    const input = (attribute: string) => ({ annotationId: "a1", eventId: "e1", attribute, value: { type: "text", text: "Lucia Quispe, Mateo Andrade" } });
    expect(createClaimSchema.safeParse(input("participants")).success).toBe(true);
    expect(createClaimSchema.safeParse(input("initiator")).success).toBe(true);
  });

  it("does not count the city a visitor arrived in among the parties, even when it is also a given name", () => {
    const { claims } = propose({
      articles: [article("Anna Berg arrived in Victoria on Monday for talks with Samuel Okoro on fishing rights.")],
      registry: PROPOSAL_REGISTRY,
    });
    expect(claimsOf(claims, "participants")).toEqual([{ type: "entities", ids: ["p-berg", "p-okoro"] }]);
  });

  it("states both the caller and the side whose initiative the call was, as the source says each", () => {
    const { claims } = propose({
      articles: [article("Anna Berg phoned Samuel Okoro on Monday. The call took place at the initiative of the Norwegian side, according to a readout.")],
      registry: PROPOSAL_REGISTRY,
    });
    expect(claimsOf(claims, "initiator")).toEqual([
      { type: "entities", ids: ["p-berg"] },
      { type: "entities", ids: ["c-norway"] },
    ]);
  });
});

describe("date claims", () => {
  it("claims no month for 'last week' or two weekdays, which the words place within a week; the proposal keeps the days", () => {
    const lastWeek = propose({ articles: [article("Foreign ministers Aigerim Bekova and Ruslan Tashiev held talks in Astana last week.")] });
    expect(claimsOf(lastWeek.claims, "date")).toEqual([]);
    expect(lastWeek.events[0]).toMatchObject({ localDate: "2031-06", precision: "month" });
    const twoDays = propose({ articles: [article("Aigerim Bekova and Ruslan Tashiev held talks in Astana on Sunday and Monday.")] });
    expect(claimsOf(twoDays.claims, "date")).toEqual([]);
    const monthAgo = propose({ articles: [article("About a month ago, Aigerim Bekova and Ruslan Tashiev had a phone conversation.")] });
    expect(claimsOf(monthAgo.claims, "date")).toEqual([{ type: "date", localDate: "2031-05", precision: "month" }]);
  });
});

describe("statement claims", () => {
  const statements = (text: string) =>
    propose({ articles: [article(text)] })
      .claims.filter((c) => c.attribute === "statement")
      .map((c) => [c.value, c.speaker?.name]);

  it("reads a quote opened by a colon after where it was said ('wrote on the platform X:'), naming the speaker as the article names the party", () => {
    expect(
      statements(
        "Chilean President Camila Reyes will hold a phone call with Bolivian President Jorge Mamani on Friday. Reyes wrote on the social platform X: “The call will cover lithium exports and the border crossings.”",
      ),
    ).toEqual([[{ type: "text", text: "The call will cover lithium exports and the border crossings." }, "Camila Reyes"]]);
  });

  it("reads a party's quote in the sentence after the report of the happening, not an analyst's", () => {
    expect(
      statements(
        "Latvian Prime Minister Karlis Ozols met Estonian Prime Minister Liis Tamm in Riga on Tuesday. “We agreed to build the rail link together,” Ozols told reporters. “It is a modest step,” said Ieva Kalna, an analyst in Riga.",
      ),
    ).toEqual([[{ type: "text", text: "We agreed to build the rail link together" }, "Karlis Ozols"]]);
  });

  it("takes 'called them a “…”' as a statement of the one who called them so", () => {
    expect(
      statements(
        "Negotiators from Armenia and Azerbaijan held talks in Almaty on Monday. After the talks, Armenian envoy Aram Petrosyan called them a “useful first exchange on the border.”",
      ),
    ).toEqual([[{ type: "text", text: "useful first exchange on the border." }, "Aram Petrosyan"]]);
  });
});
