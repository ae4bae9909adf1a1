import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { proposeFromExtractions } from "@/lib/proposals/propose";
import type { ArticleExtraction, EventMention } from "@/lib/proposals/types";

// Made-up wire copy about made-up people, read without a registry. 2031-06-11 is a Wednesday.
const PUBLISHED = "2031-06-11";

const extract = (text: string): ArticleExtraction => extractArticle({ id: "r1", text, publishedAt: PUBLISHED, outlet: "Wire" }, null);
const parties = (m: EventMention) => m.participants.map((p) => [p.name, p.affiliation ?? null]);
const summary = (m: EventMention) => [m.kind, m.date.date, m.participants.map((p) => p.name)];

describe("wire copy: briefings of the press are no happening between the briefers", () => {
  it("proposes no call between two leaders who 'held separate calls with reporters'", () => {
    const { mentions } = extract(
      "Chilean President Ana Soto and Argentine President Diego Ferreyra held separate calls with reporters on Tuesday after the border summit in Mendoza.",
    );
    expect(mentions.filter((m) => m.kind === "phone_call")).toEqual([]);
  });

  it("proposes no meeting for 'met reporters' or a call 'with journalists'", () => {
    for (const text of [
      "Foreign Minister Lena Holm met reporters in Stockholm on Monday.",
      "Defence Minister Erik Dahl held a call with journalists on Monday.",
    ])
      expect(extract(text).mentions).toEqual([]);
  });

  it("reads 'X and Y held separate calls with Z' as one call of each of them with Z", () => {
    const { mentions } = extract("Lena Holm and Erik Dahl held separate calls with Kofi Mensah on Tuesday.");
    expect(mentions.map(summary)).toEqual([
      ["phone_call", "2031-06-10", ["Lena Holm", "Kofi Mensah"]],
      ["phone_call", "2031-06-10", ["Erik Dahl", "Kofi Mensah"]],
    ]);
  });
});

describe("wire copy: a happening planned somewhere and put off", () => {
  it("reads the place a summit was 'planned for' and the month it was 'postponed until'", () => {
    const [summit] = extract("A summit of Andean leaders planned for Lima on June 20 has been postponed until September, officials said on Tuesday.").mentions;
    expect(summit).toMatchObject({ kind: "meeting", planned: true, place: { name: "Lima" }, date: { date: "2031-09-01", precision: "month" } });
  });

  it("reads the schedule set off by commas and the new date after it as the meeting's", () => {
    const [meeting] = extract(
      "The meeting between Peruvian President Rosa Quispe and Bolivian President Evo Mamani, scheduled for Lima on June 20, was put off until next month, officials said.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, place: { name: "Lima" }, date: { date: "2031-07-01", precision: "month" } });
    expect(parties(meeting)).toEqual([
      ["Rosa Quispe", "peru"],
      ["Evo Mamani", "bolivia"],
    ]);
  });
});

describe("wire copy: names the lexicon reads otherwise", () => {
  it("reads a month word standing alone for a person named by it earlier ('Theresa May … May met') as that person, not a date", () => {
    const { mentions } = extract(
      "Former British Prime Minister Theresa May met Irish leader Sean Kelly in Dublin on Monday. May met Kelly again on Tuesday, her office said. Kelly will visit London in May.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.key)])).toEqual([
      ["meeting", "2031-06-09", ["person:may", "person:kelly"]],
      ["meeting", "2031-06-10", ["person:may", "person:kelly"]],
      ["visit", "2032-05-01", ["person:kelly"]],
    ]);
    expect(mentions[1].participants[0].name).toBe("Theresa May");
  });

  it("reads a nationality and an unknown name as a person when the article later calls the person by surname, title or age", () => {
    for (const text of [
      "Kenyan Wanjiru Kamau met Ugandan Okello Odongo in Kampala on Monday. Kamau said the talks were frank, and Ms Odongo agreed.",
      "Kenyan Wanjiru Kamau, 61, met Ugandan Okello Odongo, 58, in Kampala on Monday.",
    ]) {
      const [meeting] = extract(text).mentions;
      expect(parties(meeting)).toEqual([
        ["Wanjiru Kamau", "kenya"],
        ["Okello Odongo", "uganda"],
      ]);
    }
  });

  it("keeps a capitalised role opening a sentence out of the name ('Mediator X', 'Commissioner Y', 'Speaker Z')", () => {
    const [talks] = extract("Mediator Ines Vidal held talks with Tomas Rey in Madrid on Tuesday.").mentions;
    expect(talks.participants.map((p) => p.name).sort()).toEqual(["Ines Vidal", "Tomas Rey"]);
    const [meeting] = extract("Commissioner Anja Vogt met Speaker Pavel Novak in Brussels on Monday.").mentions;
    expect(meeting.participants.map((p) => p.name)).toEqual(["Anja Vogt", "Pavel Novak"]);
  });
});

describe("wire copy: one call and one meeting as different outlets tell them", () => {
  it("keeps a call's own day and no place when the leaders 'agreed to meet' somewhere next month, and proposes that meeting with them", () => {
    const { mentions } = extract(
      "BRASILIA, June 10 (Reuters) - Brazilian President Marcos Vieira and South African President Lindiwe Dube spoke by telephone on Monday for about 40 minutes and agreed to meet on the sidelines of the G20 summit in Cape Town next month, Vieira's office said.",
    );
    expect(mentions.map((m) => [m.kind, m.planned, m.date.date, m.place?.name ?? null, m.participants.map((p) => p.name)])).toEqual([
      ["phone_call", false, "2031-06-09", null, ["Marcos Vieira", "Lindiwe Dube"]],
      ["meeting", true, "2031-07-01", "Cape Town", ["Marcos Vieira", "Lindiwe Dube"]],
    ]);
  });

  it("reads 'held talks by phone with South Africa's X, the Brazilian presidency said' as a call with X", () => {
    const [call] = extract(
      "Brazil's Marcos Vieira on Monday held talks by phone with South Africa's Lindiwe Dube, the Brazilian presidency said, in their first contact this year.",
    ).mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-09" } });
    expect(parties(call)).toEqual([
      ["Lindiwe Dube", "south africa"],
      ["Marcos Vieira", "brazil"],
    ]);
  });

  it("dates a call reported without its day by 'the call on Monday' in the next paragraph", () => {
    const { mentions } = extract(
      "South African President Lindiwe Dube and her Brazilian counterpart Marcos Vieira have spoken by phone, as the two countries seek a common position on Sudan.\n\nDuring the call on Monday, Dube briefed Vieira on the African Union's mediation, the presidency said.",
    );
    expect(mentions.map(summary)).toEqual([["phone_call", "2031-06-09", ["Lindiwe Dube", "Marcos Vieira"]]]);
  });

  it("reads the place of 'met Monday in the Ethiopian capital, Addis Ababa, for talks' and of 'talks with X on Tuesday in Abidjan'", () => {
    const [meeting] = extract(
      "NAIROBI, Kenya (AP) — Kenyan President William Otieno and Ethiopian Prime Minister Dawit Bekele met Monday in the Ethiopian capital, Addis Ababa, for talks on the disputed border, officials said.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Addis Ababa" }, date: { date: "2031-06-09" } });
    const [talks] = extract(
      "Ghanaian Foreign Minister Kwame Asante held talks with Ivory Coast's head of state Alassane Kone on Tuesday in Abidjan, the Ivorian presidency said.",
    ).mentions;
    expect(talks).toMatchObject({ place: { name: "Abidjan" }, date: { date: "2031-06-10" } });
    expect(parties(talks)).toEqual([
      ["Alassane Kone", "ivory coast"],
      ["Kwame Asante", "ghana"],
    ]);
  });

  it("keeps the visitor of 'a planned visit by X to Y' and its original date, not the same day next year, once it was put off", () => {
    const { mentions } = extract(
      "Ghana's President Ama Owusu met Ivorian envoys on Monday. A planned visit by Owusu to Abidjan, originally set for June 3, was postponed indefinitely after the incident.",
    );
    const visit = mentions.find((m) => m.kind === "visit");
    expect(visit).toMatchObject({ planned: true, place: { name: "Abidjan" }, date: { date: "2031-06-03" } });
    expect(visit?.participants.map((p) => p.name)).toEqual(["Ama Owusu"]);
  });

  it("does not read the last word of a name ('Haitham al-Said on Friday') as the verb of a report dated that day", () => {
    const [meeting] = extract(
      "Iran's Foreign Minister Reza Karimi is expected to meet Sultan Haitham al-Said on Friday in Muscat, state media reported.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", planned: true, place: { name: "Muscat" }, date: { date: "2031-06-13" } });
    expect(meeting.participants.map((p) => p.name)).toEqual(["Reza Karimi", "Haitham al-Said"]);
  });
});

describe("wire copy: calls and visits in the wordings of agency copy", () => {
  it("reads 'In a phone call on Monday, X told Y that …' as a call between X and Y", () => {
    const [call] = extract(
      "In a phone call on Monday, Japanese Prime Minister Kenji Mori told Philippine President Ramon Dizon that Tokyo would supply two patrol vessels, the foreign ministry said.",
    ).mentions;
    expect(call).toMatchObject({ kind: "phone_call", date: { date: "2031-06-09" } });
    expect(parties(call)).toEqual([
      ["Kenji Mori", "japan"],
      ["Ramon Dizon", "philippines"],
    ]);
  });

  it("reads 'X received a phone call from Y' as a call between them, not a meeting", () => {
    const { mentions } = extract("Japanese Prime Minister Kenji Mori received a phone call from Ramon Dizon on Tuesday, the Japanese government said.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name).sort()])).toEqual([
      ["phone_call", "2031-06-10", ["Kenji Mori", "Ramon Dizon"]],
    ]);
  });

  it("reads 'arrived on Sunday night and is due to meet Y on Friday' as a past arrival and a meeting to come", () => {
    const { mentions } = extract("Spanish Foreign Minister Ana Ruiz arrived in Havana on Sunday night and is due to meet President Miguel Castillo on Friday.");
    expect(mentions.map((m) => [m.kind, m.planned, m.date.date, m.participants.map((p) => p.name)])).toEqual([
      ["visit", false, "2031-06-08", ["Ana Ruiz"]],
      ["meeting", true, "2031-06-13", ["Ana Ruiz", "Miguel Castillo"]],
    ]);
  });
});

describe("wire copy: parties, places and swaps in longer sentences", () => {
  it("keeps the person after a body's noun and a role ('Sudanese army chief X') among the parties", () => {
    const [meeting] = extract(
      "Qatar's Emir Sheikh Tamim bin Hamad received Sudanese army chief Abdel Fattah Idris at the Amiri Diwan in Doha on Tuesday.",
    ).mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "Doha" }, date: { date: "2031-06-10" } });
    expect(parties(meeting)[1]).toEqual(["Abdel Fattah Idris", "sudan"]);
  });

  it("takes the person before a relative clause set off by commas ('Obi, who is on a visit to France, met Y') as the subject", () => {
    const { mentions } = extract(
      "Nigerian President Emeka Obi arrived in Paris on Monday. Obi, who is on a three-day visit to France, met Prime Minister Luc Martin on Tuesday.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name)])).toEqual([
      ["visit", "2031-06-09", ["Emeka Obi"]],
      ["meeting", "2031-06-10", ["Emeka Obi", "Luc Martin"]],
    ]);
  });

  it("keeps the day and place of talks that 'ended without agreement late on Monday in Doha', and proposes no agreement", () => {
    const { mentions } = extract(
      "Talks between Qatari and Sudanese officials ended without agreement late on Monday in Doha, a source familiar with the matter said.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["talks", "2031-06-09", "Doha", ["Qatar", "Sudan"]],
    ]);
  });

  it("reads 'freed 120 prisoners each in a swap' as an exchange between the countries", () => {
    const { mentions } = extract("Ethiopia and Eritrea on Tuesday freed 120 prisoners each in a swap mediated by Saudi Arabia.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name)])).toEqual([["exchange", "2031-06-10", ["Ethiopia", "Eritrea"]]]);
  });
});

describe("wire copy: one state visit as different outlets tell it", () => {
  it("reads 'X and visiting President Y held more than three hours of talks' as talks between them, not a visit", () => {
    const { mentions } = extract(
      "HANOI, June 10 (Reuters) - Vietnamese Prime Minister Tran Van Long and visiting Indonesian President Siti Rahma held more than three hours of talks in Hanoi on Tuesday, Vietnam's government said.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["talks", "2031-06-10", "Hanoi", ["Tran Van Long", "Siti Rahma"]],
    ]);
  });

  it("reads 'Indonesia's president and Vietnam's prime minister on Tuesday agreed' as an agreement of the two countries", () => {
    const [agreement] = extract(
      "Indonesia's president and Vietnam's prime minister on Tuesday agreed to resolve a long-running dispute over fishing rights, officials said.",
    ).mentions;
    expect(agreement).toMatchObject({ kind: "agreement", date: { date: "2031-06-10" } });
    expect(agreement.participants.map((p) => p.name)).toEqual(["Indonesia", "Vietnam"]);
  });

  it("gives a pronoun opening a sentence to the subject of the sentence before, not to the last person it named", () => {
    const { mentions } = extract(
      "Indonesian President Siti Rahma met Communist Party chief Nguyen Phu Hai in Hanoi on Tuesday. She is due to fly to Manila on Friday.",
    );
    const trip = mentions.find((m) => m.place?.name === "Manila");
    expect(trip).toMatchObject({ kind: "visit", planned: true, date: { date: "2031-06-13" } });
    expect(trip?.participants.map((p) => p.name)).toEqual(["Siti Rahma"]);
  });
});

describe("wire copy: talks between delegations", () => {
  it("reads 'Talks on a ceasefire resumed in Cairo on Sunday with delegations from X and Y, Egyptian state media said'", () => {
    const { mentions } = extract("Talks on a ceasefire resumed in Cairo on Sunday with delegations from Israel and Hamas, Egyptian state media said.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["talks", "2031-06-08", "Cairo", ["Israel", "Hamas"]],
    ]);
  });
});

describe("wire copy: a call's length and a venue's name", () => {
  it("reads 'X told Y in a 90-minute call on Monday' as a call between them, lasting an hour and a half", () => {
    const { mentions, claims } = extract("Ivan Petrov told Olena Kovalenko in a 90-minute call on Monday that Moscow was ready for talks.");
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.name).sort()])).toEqual([
      ["phone_call", "2031-06-09", ["Ivan Petrov", "Olena Kovalenko"]],
    ]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toMatchObject({ value: 1.5, unit: "h" });
  });

  it("reads a name after 'talks at' or 'met at' as the venue, not a person or a body ('Camp David', 'Chequers')", () => {
    const [talks] = extract(
      "President Mark Hale will host Israeli Prime Minister Avi Peretz for talks at Camp David on Friday, the White House said.",
    ).mentions;
    expect(talks).toMatchObject({ planned: true, place: { name: "Camp David" }, date: { date: "2031-06-13" } });
    expect(talks.participants.map((p) => p.name)).toEqual(["Mark Hale", "Avi Peretz"]);
    const [meeting] = extract("Prime Minister Jane Holt met Irish leader Sean Kelly at Chequers on Monday.").mentions;
    expect(meeting).toMatchObject({ place: { name: "Chequers" } });
    expect(meeting.participants.map((p) => p.name)).toEqual(["Jane Holt", "Sean Kelly"]);
  });
});

describe("wire copy: more ways of telling a call or a meeting", () => {
  it("reads 'X, 67, and Y, 54, met' with both parties", () => {
    const [meeting] = extract("Felix Braun, 67, and Claire Dumas, 54, met in Paris on Monday.").mentions;
    expect(meeting.participants.map((p) => p.name)).toEqual(["Felix Braun", "Claire Dumas"]);
  });

  it("reads 'X and Y discussed prisoner exchanges by telephone on Tuesday' as a call that day, with no exchange", () => {
    const { mentions } = extract("According to the Kremlin, Ivan Petrov and Olena Kovalenko discussed prisoner exchanges by telephone on Tuesday.");
    expect(mentions.map(summary)).toEqual([["phone_call", "2031-06-10", ["Ivan Petrov", "Olena Kovalenko"]]]);
  });

  it("reads the venue after a date set off by commas, and 'shook hands at the Elysee Palace' as a meeting there", () => {
    const [meeting] = extract("Felix Braun met Claire Dumas on Tuesday, June 10, at the Elysee Palace.").mentions;
    expect(meeting).toMatchObject({ date: { date: "2031-06-10" }, place: { name: "Elysee Palace" } });
    const [handshake] = extract("Felix Braun and Claire Dumas shook hands at the Elysee Palace on Monday before their talks.").mentions;
    expect(handshake).toMatchObject({ kind: "meeting", date: { date: "2031-06-09" }, place: { name: "Elysee Palace" } });
    expect(handshake.participants.map((p) => p.name)).toEqual(["Felix Braun", "Claire Dumas"]);
  });
});

describe("wire copy: the present of a schedule", () => {
  it("reads 'X arrives in Paris on Monday for talks with Y' as a visit to come", () => {
    const [visit] = extract("Chancellor Felix Braun arrives in Paris on Monday for talks with President Claire Dumas.").mentions;
    expect(visit).toMatchObject({ kind: "visit", planned: true, place: { name: "Paris" }, date: { date: "2031-06-16" } });
    expect(visit.participants.map((p) => p.name)).toEqual(["Felix Braun", "Claire Dumas"]);
  });
});

describe("wire copy: one happening told by several outlets", () => {
  const propose = (reports: string[]) =>
    proposeFromExtractions(
      reports.map((text, i) => extractArticle({ id: `o${i}`, text, publishedAt: PUBLISHED, outlet: `Outlet ${i}` }, null)),
      null,
      [],
      [],
    ).events;

  it("joins 'Kim Jong-un' and 'Kim Jong Un' as one person, titled by the surname written first", () => {
    const events = propose([
      "North Korean leader Kim Jong-un met Russian President Ivan Petrov in Vladivostok on Tuesday.",
      "Kim Jong Un and Ivan Petrov held talks in Vladivostok on Tuesday, KCNA said.",
    ]);
    expect(events.map((e) => [e.title, e.mentions.map((m) => m.articleId).sort()])).toEqual([["Kim–Petrov meeting in Vladivostok", ["o0", "o1"]]]);
  });

  it("does not take the subject of what was said in a call ('told Y in the call that Ankara backed …') for its place", () => {
    const { mentions } = extract(
      "Kerem Yildiz spoke by phone with Ilham Rzayev on Tuesday. Yildiz told Rzayev in the call that Ankara backed the peace process.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place])).toEqual([["phone_call", "2031-06-10", null]]);
  });
});

describe("wire copy: a headline and its first paragraph", () => {
  it("joins the headline's undated 'leaders meet in Abu Dhabi' to the meeting the first paragraph dates there", () => {
    const { mentions } = extract(
      "Armenia, Azerbaijan leaders meet in Abu Dhabi, agree to keep talking\n\nABU DHABI, June 10 (AFP) - Armenian Prime Minister Aram Petrosyan and Azerbaijani President Ilham Rzayev met in Abu Dhabi on Tuesday for their first face-to-face talks in nearly a year, their offices said.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["meeting", "2031-06-10", "Abu Dhabi", ["Aram Petrosyan", "Ilham Rzayev"]],
    ]);
  });

  it("reads the place after 'talks lasting more than five hours'", () => {
    const [meeting] = extract("Ivan Petrov and Olena Kovalenko met for talks lasting more than five hours in Minsk on Tuesday.").mentions;
    expect(meeting).toMatchObject({ place: { name: "Minsk" }, date: { date: "2031-06-10" } });
  });
});

describe("wire copy: a call between two presidents and the contacts around it", () => {
  it("reads 'held a two-hour video call on Wednesday' as a call that day, lasting two hours", () => {
    const { mentions, claims } = extract(
      "WASHINGTON, June 11 (Reuters) - U.S. President Mark Hale and Chinese President Li Wei held a two-hour video call on Tuesday, their first conversation since July, the White House said.",
    );
    expect(mentions.map(summary)).toEqual([["phone_call", "2031-06-10", ["Mark Hale", "Li Wei"]]]);
    expect(claims.find((c) => c.attribute === "duration")?.value).toMatchObject({ value: 2, unit: "h" });
  });

  it("keeps a Chinese surname that is also a pronoun's word ('Vice Premier He Feng', 'Cole and He last met')", () => {
    const { mentions } = extract(
      "Treasury Secretary Ann Cole will travel to Beijing on Friday for talks with Vice Premier He Feng. Cole and He last met in Stockholm in May.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.participants.map((p) => p.key)])).toEqual([
      ["visit", "2031-06-13", ["person:cole", "person:he"]],
      ["meeting", "2031-05-01", ["person:cole", "person:he"]],
    ]);
  });

  it("reads the place and date of a meeting 'on the sidelines of the APEC summit in San Francisco last November'", () => {
    const [meeting] = extract("Hale and Li met in person only once, on the sidelines of the APEC summit in San Francisco last November.").mentions;
    expect(meeting).toMatchObject({ kind: "meeting", place: { name: "San Francisco" }, date: { date: "2030-11-01", precision: "month" } });
  });
});

describe("wire copy: talks first reported without their day", () => {
  it("dates them by 'The talks, brokered by X and Y, began on Saturday', and keeps 'Previous negotiations … collapsed in December' apart, in the December before", () => {
    const { mentions } = extract(
      "Representatives of Sudan's army and the paramilitary Rapid Support Forces have held their first direct talks in months in the Saudi city of Jeddah, mediators said.\n\nThe talks, brokered by Saudi Arabia and the United States, began on Saturday and were expected to last several days.\n\nPrevious negotiations in Jeddah collapsed in December after both sides accused each other of violating a truce.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name])).toEqual([
      ["talks", "2031-06-07", "Jeddah"],
      ["talks", "2030-12-01", "Jeddah"],
    ]);
  });
});

describe("wire copy: a document both sides signed", () => {
  it("reads 'X and Y signed a joint statement in Beijing on Thursday' as their agreement, not one party's statement", () => {
    const { mentions } = extract(
      "Saudi Foreign Minister Faisal al-Saud and Iranian Foreign Minister Reza Karimi signed a joint statement in Beijing on Tuesday agreeing to reopen embassies within two months.",
    );
    expect(mentions.map((m) => [m.kind, m.date.date, m.place?.name, m.participants.map((p) => p.name)])).toEqual([
      ["agreement", "2031-06-10", "Beijing", ["Faisal al-Saud", "Reza Karimi"]],
    ]);
  });
});
