import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up wire copy about made-up people, read without a registry as a new story's names are. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

const extract = (text: string): ArticleExtraction => extractArticle({ id: "n1", text, publishedAt: PUBLISHED, outlet: "Wire" }, null);
const names = (m: EventMention) => m.participants.map((p) => p.name);

describe("wire copy: the names of the parties", () => {
  it("keeps the second syllable of a hyphenated given name, and does not read 'Sun' of it as Sunday", () => {
    const [meeting] = extract("Foreign Minister Park Ji-hoon met his counterpart Han Sun-mi in Busan on Monday, the ministry said.").mentions;
    expect(names(meeting)).toEqual(["Park Ji-hoon", "Han Sun-mi"]);
    expect(meeting.date).toMatchObject({ date: "2031-06-09", text: "on Monday" });
  });

  it("keeps a name's particles ('bin', 'bint', 'van der', 'al-') inside the name", () => {
    const [meeting] = extract(
      "Princess Nouf bint Saad met Dutch envoy Maarten van der Linden and Iraqi Foreign Minister Hassan Jabir al-Khafaji in Baghdad on Monday.",
    ).mentions;
    expect(names(meeting)).toEqual(["Nouf bint Saad", "Maarten van der Linden", "Hassan Jabir al-Khafaji"]);
    const [talks] = extract("Foreign Minister Tariq bin Rashid held talks with his Jordanian counterpart in Amman on Tuesday.").mentions;
    expect(names(talks)).toEqual(["Tariq bin Rashid", "Jordanian counterpart (foreign minister)"]);
  });

  it("does not take a compound adjective after a name ('Kremlin-backed') for a syllable of it", () => {
    const [meeting] = extract("Envoys of the Qatar-backed council met Jean-Luc Marchand in Doha on Monday.").mentions;
    expect(names(meeting)).toEqual(["Jean-Luc Marchand"]);
  });

  it("knows less common nationality adjectives ('Uzbek', 'Tajik') as countries the persons speak for", () => {
    const [call] = extract("Uzbek President Timur Rakhimov spoke by phone with Tajik President Farrukh Saidov on Monday.").mentions;
    expect(call.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Timur Rakhimov", "uzbekistan"],
      ["Farrukh Saidov", "tajikistan"],
    ]);
  });

  it("keeps a country abbreviation that opens the sentence among coordinated parties ('U.S. and Iranian negotiators')", () => {
    const [talks] = extract("U.S. and Iranian negotiators held talks in Muscat on Saturday, officials said.").mentions;
    expect(talks).toMatchObject({ kind: "talks", date: { date: "2031-06-07" }, place: { name: "Muscat" } });
    expect(names(talks)).toEqual(["United States", "Iran"]);
  });

  it("reads an organization's acronym and a country as the parties of negotiations ('The EU and Japan')", () => {
    const [talks] = extract("The EU and Japan concluded negotiations on a fisheries pact in Brussels on Tuesday.").mentions;
    expect(talks).toMatchObject({ kind: "talks", date: { date: "2031-06-10" }, place: { name: "Brussels" } });
    expect(talks.participants.map((p) => [p.name, p.level])).toEqual([
      ["EU", "group"],
      ["Japan", "group"],
    ]);
  });

  it("keeps a name whose first word the lexicon does not know as a given name ('Prime Minister Dao Van Minh')", () => {
    const [talks] = extract("Vietnamese Prime Minister Dao Van Minh held talks with Laotian Prime Minister Sone Vongsa in Hanoi on Tuesday.").mentions;
    expect(names(talks).sort()).toEqual(["Dao Van Minh", "Sone Vongsa"]);
  });

  it("reads the country of two-word and less common nationality adjectives ('South African', 'Nigerian', 'Philippine')", () => {
    const [call] = extract(
      "South African President Thabo Mkhize and Nigerian President Emeka Obi spoke by phone late on Monday, after Philippine envoy Ramon Dizon met them.",
    ).mentions;
    expect(call.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Thabo Mkhize", "south africa"],
      ["Emeka Obi", "nigeria"],
    ]);
  });

  it("reads an unknown name before a word for a body of people ('Azawad negotiators') as a group, a party beside a country", () => {
    const [talks] = extract("Malian and Azawad negotiators held indirect talks in Algiers on Sunday, officials said.").mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Algiers" }, date: { date: "2031-06-08" } });
    expect(talks.participants.map((p) => [p.name, p.level])).toEqual([
      ["Mali", "group"],
      ["Azawad", "group"],
    ]);
  });

  it("names a country's army by its common noun as a party beside the other side, in either wording", () => {
    for (const text of [
      "Burundi's army and the Imbonerakure militia held talks in Kigoma on Tuesday, mediators said.",
      "The Burundian army and the Imbonerakure militia held talks in Kigoma on Tuesday, mediators said.",
    ]) {
      const [talks] = extract(text).mentions;
      expect(talks).toMatchObject({ kind: "talks", place: { name: "Kigoma" }, date: { date: "2031-06-10" } });
      expect(talks.participants.map((p) => [p.key, p.level])).toEqual([
        ["org:burundi army", "group"],
        ["org:imbonerakure", "group"],
      ]);
    }
  });

  it("keys a country's army written with capitals ('the Sudanese Army', 'Sudan's Army') as the common-noun wording is keyed", () => {
    for (const text of [
      "The Burundian Army and the Imbonerakure militia held talks in Kigoma on Tuesday, mediators said.",
      "Burundi's Army and the Imbonerakure militia held talks in Kigoma on Tuesday, mediators said.",
    ]) {
      const [talks] = extract(text).mentions;
      expect(talks.participants.map((p) => [p.key, p.level])).toEqual([
        ["org:burundi army", "group"],
        ["org:imbonerakure", "group"],
      ]);
    }
    const [forces] = extract("The Malawian Armed Forces and the Chikwawa militia signed a truce in Blantyre on Monday.").mentions;
    expect(forces.participants.map((p) => p.key)).toEqual(["org:malawi armed forces", "org:chikwawa"]);
    const [meeting] = extract("Burundian Army chief Leonce Bizimana met Tanzanian President Grace Mollel in Dodoma on Monday.").mentions;
    expect(meeting.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Leonce Bizimana", "burundi"],
      ["Grace Mollel", "tanzania"],
    ]);
  });

  it("keeps a person introduced by a country's army with the country, and the given name before one the lexicon knows", () => {
    const [meeting] = extract("Burundi's army chief Abdel Karim Ndayishimiye met Tanzanian President Grace Mollel in Dodoma on Monday.").mentions;
    expect(meeting.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Abdel Karim Ndayishimiye", "burundi"],
      ["Grace Mollel", "tanzania"],
    ]);
  });

  it("reads a one-word name no dictionary knows as a body, not a person, when it stands as one ('Mercosur and Bolivia', 'the Cemac bloc')", () => {
    const [agreement] = extract("Mercosur and Bolivia signed a trade agreement in Asuncion on Monday, officials said.").mentions;
    expect(agreement).toMatchObject({ kind: "agreement", place: { name: "Asuncion" } });
    expect(agreement.participants.map((p) => [p.key, p.level])).toEqual([
      ["org:mercosur", "group"],
      ["place:bolivia", "group"],
    ]);
    const [talks] = extract("The Cemac bloc and Chad held talks in Yaounde on Monday, officials said.").mentions;
    expect(talks.participants.map((p) => [p.key, p.level])).toEqual([
      ["org:cemac", "group"],
      ["place:chad", "group"],
    ]);
  });

  it("reads a one-word name no dictionary knows and nothing gives as a person's as a body ('talks with Ecowas'), keeping the other party", () => {
    const [talks] = extract("Niger's junta held talks with Ecowas in Niamey on Tuesday, officials said.").mentions;
    expect(talks).toMatchObject({ kind: "talks", place: { name: "Niamey" }, date: { date: "2031-06-10" } });
    expect(talks.participants.map((p) => [p.key, p.level]).sort()).toEqual([
      ["org:ecowas", "group"],
      ["org:niger junta", "group"],
    ]);
    // Beside a person, or where a person of the article is named by it, a lone name stays a person's.
    const [call] = extract("A call between Okonkwo and Putin took place on Monday, the Kremlin said.").mentions;
    expect(call.participants.map((p) => [p.key, p.level])).toEqual([
      ["person:okonkwo", "person"],
      ["person:putin", "person"],
    ]);
  });

  it("reads a one-word name no dictionary knows as a place where the article puts something in it ('in the border town of Aflao')", () => {
    const { mentions } = extract("Ghana and Togo held talks on Sunday in the border town of Aflao. Traders in Aflao said the crossing stayed shut.");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "talks", date: { date: "2031-06-08" }, place: { name: "Aflao", key: "place:aflao", level: "group" } });
    expect(mentions[0].participants.map((p) => p.name)).toEqual(["Ghana", "Togo"]);
  });

  it("joins a surname written first and used alone later ('Kim Jong Un' … 'Kim') to the full name", () => {
    const { mentions } = extract(
      "North Korean leader Kim Jong Un arrived in Hanoi on Monday. Kim met Vietnamese President Tran Duc Luong in Hanoi on Tuesday, state media said.",
    );
    const meeting = mentions.find((m) => m.kind === "meeting");
    expect(meeting).toMatchObject({ date: { date: "2031-06-10" }, place: { name: "Hanoi" } });
    expect(meeting?.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Kim Jong Un", "north korea"],
      ["Tran Duc Luong", "vietnam"],
    ]);
    const keys = mentions.flatMap((m) => m.participants.filter((p) => p.name === "Kim Jong Un").map((p) => p.key));
    expect(new Set(keys).size).toBe(1);
  });

  it("keeps a surname written first that opens a later sentence alone ('Xi met …') as the person of the full name", () => {
    const { mentions } = extract(
      "Xi Haoran arrived in Ulaanbaatar on Sunday for his first trip abroad as China's president. Xi met Mongolian President Bat-Erdene Tsogt on Monday, state media said.",
    );
    const meeting = mentions.find((m) => m.kind === "meeting");
    expect(meeting?.date.date).toBe("2031-06-09");
    expect(meeting?.participants.map((p) => [p.name, p.affiliation ?? null])).toEqual([
      ["Xi Haoran", null],
      ["Bat-Erdene Tsogt", "mongolia"],
    ]);
  });

  it("does not take an unknown word before a role and a name ('Tigrayan leader Gebre Haile') for a person of its own", () => {
    const [meeting] = extract("Ethiopian Prime Minister Dawit Alemu met Tigrayan leader Gebre Haile in Mekelle on Sunday, officials said.").mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Mekelle" }, date: { date: "2031-06-08" } });
    expect(names(meeting)).toEqual(["Dawit Alemu", "Gebre Haile"]);
  });

  it("reads a country's government ('Colombia's government', 'the Colombian government') as the country, a party beside the other side", () => {
    for (const text of [
      "Paraguay's government and the EPP rebel group agreed to a six-month ceasefire on Tuesday, a Brazilian mediator announced.",
      "The Paraguayan government and the EPP rebel group agreed to a six-month ceasefire on Tuesday, a Brazilian mediator announced.",
    ]) {
      const [agreement] = extract(text).mentions;
      expect(agreement).toMatchObject({ kind: "agreement", date: { date: "2031-06-10" } });
      expect(agreement.participants.map((p) => p.key)).toEqual(["place:paraguay", "org:epp"]);
    }
  });

  it("reads a country's name before a role ('Sri Lanka President', 'New Zealand Prime Minister') as whom the person speaks for", () => {
    const [meeting] = extract("Sri Lanka President Ranil Perera met New Zealand Prime Minister Grace Hill in Colombo on Monday.").mentions;
    expect(meeting.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Ranil Perera", "sri lanka"],
      ["Grace Hill", "new zealand"],
    ]);
  });
});

describe("wire copy: calendar words and bodies' names", () => {
  it("keeps a month word inside a person's name whole and reads no date from it ('President Jan Nowak', 'Theresa May', 'Helena March')", () => {
    const [meeting] = extract("Polish President Jan Nowak met Czech Prime Minister Petr Dvorak in Prague on Monday.").mentions;
    expect(meeting.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ["Jan Nowak", "poland"],
      ["Petr Dvorak", "czechia"],
    ]);
    const [talks] = extract("Foreign Minister Helena March held talks with Ivo Sun in Vienna on Tuesday.").mentions;
    expect(names(talks).sort()).toEqual(["Helena March", "Ivo Sun"]);
    expect(talks.date).toMatchObject({ date: "2031-06-10" });
    const [visit] = extract("Marta June met Chinese Premier Li Wei in Beijing on Monday.").mentions;
    expect(names(visit)).toEqual(["Marta June", "Li Wei"]);
    expect(visit.date).toMatchObject({ date: "2031-06-09" });
  });

  it("still reads the date beside a name that holds a month word ('on May 5', 'in May', 'May 5, 2031', 'Jan. 12')", () => {
    for (const [when, date] of [
      ["on May 5", "2031-05-05"],
      ["in May", "2031-05-01"],
      ["on May 5, 2031", "2031-05-05"],
      ["on Jan. 12", "2031-01-12"],
    ]) {
      const [meeting] = extract(`Prime Minister Ruth May met President Ana August in Oslo ${when}.`).mentions;
      expect(names(meeting)).toEqual(["Ruth May", "Ana August"]);
      expect(meeting.date).toMatchObject({ date });
    }
  });

  it("reads a weekday after a surname as the date, not as a word of the name ('met Berg Tuesday')", () => {
    const [meeting] = extract("Lars Nilsson met Karin Berg Tuesday in Oslo.").mentions;
    expect(names(meeting)).toEqual(["Lars Nilsson", "Karin Berg"]);
    expect(meeting.date).toMatchObject({ date: "2031-06-10" });
  });

  it("reads unknown names after 'the' or a nationality, or before a word for fighters, as bodies, parties beside a person", () => {
    const [talks] = extract("Kenyan envoy Sam Otieno met the Somali Shabaab in Doha on Tuesday.").mentions;
    expect(talks.participants.map((p) => [p.name, p.level])).toEqual([
      ["Sam Otieno", "person"],
      ["Somali Shabaab", "group"],
    ]);
    const [front] = extract("Mediators held talks with the Mandera Rebel Front in Nairobi on Monday.").mentions;
    expect(front.participants.map((p) => [p.name, p.level])).toEqual([["Mandera Rebel Front", "group"]]);
    const { mentions } = extract("Government envoy Musa Bello met Ansar Gidan fighters in Kano on Monday. Ansar Gidan said the meeting went well.");
    expect(mentions[0].participants.map((p) => [p.name, p.level])).toEqual([
      ["Musa Bello", "person"],
      ["Ansar Gidan", "group"],
    ]);
    expect(
      mentions
        .flatMap((m) => m.participants)
        .filter((p) => p.name === "Ansar Gidan")
        .every((p) => p.level === "group"),
    ).toBe(true);
  });

  it("reads a surname that is a verb of saying ('Said') as a word of the name, not as a statement, and keeps the meeting's day", () => {
    const { mentions } = extract("Danish envoy Mette Lund met Yusuf Said in Tunis on Tuesday.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, names(m)])).toEqual([["meeting", "2031-06-10", "Tunis", ["Mette Lund", "Yusuf Said"]]]);
    // In lower case it is the verb: a statement by the one named before it.
    const [statement] = extract("Yusuf said in a statement on Monday that the border would reopen.").mentions;
    expect([statement.kind, statement.date.date, names(statement)]).toEqual(["statement", "2031-06-09", ["Yusuf"]]);
  });

  it("reads the word opening a sentence before a role set off by commas as the person ('Said, the foreign minister, met')", () => {
    const [meeting] = extract("Said, the foreign minister, met Mette Lund in Tunis on Tuesday.").mentions;
    expect([meeting.kind, meeting.date.date, names(meeting)]).toEqual(["meeting", "2031-06-10", ["Said", "Mette Lund"]]);
    const [other] = extract("Karim Belhadj, the foreign minister, met Mette Lund in Tunis on Tuesday.").mentions;
    expect(names(other)).toEqual(["Karim Belhadj", "Mette Lund"]);
    // An ordinary word opening the sentence is no name.
    const [later] = extract("Meanwhile, the foreign minister, met Mette Lund in Tunis on Tuesday.").mentions;
    expect(names(later)).toEqual(["Mette Lund"]);
  });
});
