import { describe, expect, it } from "vitest";
import { parsePastedText } from "@/lib/articles/extract";
import { labelLines } from "@/lib/articles/benchmark/train";
import { detachedParts } from "@/lib/articles/line-blocks";
import { blockLabel, groupLines, withDecisions } from "@/lib/articles/line-groups";
import { detectLanguage, hasWordList, languageLabel } from "@/lib/articles/language";
import { endAtComments, keepOpeningParagraphs, keepParagraphsBetween, keepStructuredUnits } from "@/lib/articles/line-classifier";
import { lineTokens, pageLines } from "@/lib/articles/line-features";
import {
  copiedChartPage,
  copiedDatedHomePage,
  copiedHomePage,
  copiedPolishPage,
  copiedNewsPage,
  copiedPostPage,
  copiedReadoutPage,
  copiedRussianReadoutPage,
  copiedSearchEnginePage,
  copiedSearchResultsPage,
  copiedUkrainianPage,
} from "@/tests/support/copied-pages";

describe("copied web pages", () => {
  const article = parsePastedText(copiedNewsPage("Kelmar"));

  it("keeps the article and removes menus, related links and comments in named blocks", () => {
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs[0]).toMatch(/^The four tidal turbines/);
    expect(article.title).toBe("Tidal turbines in the Kelmar strait deliver their first year of power");
    const blocks = groupLines(article.lines).flatMap((g) => (g.kind === "removed" ? [blockLabel(g.reason, g.lines.length)] : []));
    expect(blocks).toContain("navigation, 9 lines");
    expect(blocks).toContain("related links, 4 lines");
    expect(blocks).toContain("reader comments, 8 lines");
  });

  it("says when a page holds no article, keeping its lines for the editor to check", () => {
    const home = parsePastedText(copiedHomePage("Kelmar"));
    expect(home.noArticleFound).toBe(true);
    expect(home.lines.filter((line) => line.kept).every((line) => line.unsure)).toBe(true);
  });

  it("reads a short readout under its title and date as an article, not as a page without one", () => {
    const readout = parsePastedText(copiedReadoutPage("Kelmar"));
    expect(readout.noArticleFound).toBeFalsy();
    expect(readout.paragraphs).toEqual([
      "The Minister spoke with the Mayor of Kelmar on Tuesday about the dredging of the northern channel.",
      "They agreed to meet again next month.",
    ]);
    expect(readout.title).toBe("Minister's call with the Mayor of Kelmar");
    expect(readout.publishedAt).toBe("2025-03-18");
  });

  it("reads a readout of one sentence under its attribution, and keeps the attribution with it", () => {
    const attribution = "The following is attributable to Spokesperson Jane Doe:";
    const page = copiedReadoutPage("Kelmar")
      .replace("March 18, 2025\n", `March 18, 2025\n${attribution}\n`)
      .replace("They agreed to meet again next month.\n", "");
    const readout = parsePastedText(page);
    expect(readout.noArticleFound).toBeFalsy();
    expect(readout.paragraphs).toEqual([attribution, "The Minister spoke with the Mayor of Kelmar on Tuesday about the dredging of the northern channel."]);
    expect(readout.publishedAt).toBe("2025-03-18");
  });

  it("reads such a readout in a language without a word list, whose date line the classifier takes for text", () => {
    const readout = parsePastedText(copiedRussianReadoutPage("Kelmar"));
    expect(readout.noArticleFound).toBeFalsy();
    expect(readout.paragraphs).toEqual([
      "Министр обсудил с мэром города Kelmar углубление северного фарватера и ремонт старой пристани.",
      "Стороны договорились встретиться в следующем месяце.",
    ]);
    expect(readout.publishedAt).toBe("2025-03-18");
  });

  it("reads a social network's post: its text, its account as the author, the time under it, and no headline", () => {
    const post = parsePastedText(copiedPostPage("Kelmar"));
    expect(post.noArticleFound).toBeFalsy();
    expect(post.paragraphs).toEqual([
      "The Minister spoke with the Mayor of Kelmar today about the dredging of the northern channel. Both agreed to resume talks next month.",
    ]);
    expect([post.author, post.publishedAt, post.titleProvisional]).toEqual(["Harbour Ministry", "2025-03-18", true]);
  });

  it("still finds no article on a section front that dates each headline, one with its teaser", () => {
    expect(parsePastedText(copiedDatedHomePage("Kelmar")).noArticleFound).toBe(true);
  });

  it("finds no article in search results, each a title, its date or address, and a summary", () => {
    for (const page of [copiedSearchResultsPage("Kelmar"), copiedSearchEnginePage("Kelmar")]) {
      const results = parsePastedText(page);
      expect(results.noArticleFound).toBe(true);
      expect(results.lines.filter((line) => line.kept).every((line) => line.unsure)).toBe(true);
    }
  });

  it("still reads an article that dates its paragraphs, a timeline under one headline", () => {
    const timeline = [
      "How the Kelmar border talks unfolded",
      "By Ines Carvalho",
      "March 20, 2025",
      "The talks that reopened the crossing took three weeks and nearly collapsed twice, according to officials on both sides.",
      "March 3, 2025",
      "Foreign ministers met for the first time in a year, in the capital, and agreed only to keep talking after six hours behind closed doors.",
      "March 10, 2025",
      "Negotiators broke off for two days after a dispute over transit fees, which both sides blamed on the other's customs officials.",
      "March 17, 2025",
      "The ministers signed the agreement late in the evening, and the crossing reopened to lorries two days later, officials said.",
      "© 2025 Coastal Courier",
    ];
    const article = parsePastedText(timeline.join("\n"));
    expect(article.noArticleFound).toBe(false);
    expect(article.paragraphs.filter((p) => p.length > 80)).toHaveLength(4);
  });

  it("imports a language without a word list by the shape of its lines", () => {
    const polish = parsePastedText(copiedPolishPage("Kelmar"));
    expect(polish.classifiedLanguage).toBeNull();
    expect(polish.paragraphs.some((p) => p.startsWith("Port w Kelmar został w poniedziałek"))).toBe(true);
  });

  it("names a language it tells by its letters, which has no word list either", () => {
    const ukrainian = parsePastedText(copiedUkrainianPage("Kelmar"));
    expect(ukrainian.language).toBe("uk");
    expect(hasWordList("uk")).toBe(false);
    expect(languageLabel("uk")).toBe("Ukrainian (uk)");
    expect(ukrainian.title).toBe("Порт Kelmar знову відкрито після поглиблення фарватеру");
    expect(ukrainian.paragraphs.some((p) => p.startsWith("Порт Kelmar у понеділок знову відкрили"))).toBe(true);
    expect(ukrainian.paragraphs.some((p) => p === "Поділитися")).toBe(false);
    expect(ukrainian.removed).toContainEqual({ text: "Читайте також", reason: "related link" });
  });
});

describe("an article cut in two by a chart", () => {
  const removedBlocks = (lines: ReturnType<typeof parsePastedText>["lines"]) =>
    groupLines(lines).flatMap((g) => (g.kind === "removed" ? [{ label: blockLabel(g.reason, g.lines.length), unsure: g.unsure, first: g.lines[0].text }] : []));

  it("keeps the paragraphs between its dated header and the chart, and reads the header above them", () => {
    const article = parsePastedText(copiedChartPage("Kelmar"));
    expect(article.paragraphs).toHaveLength(10);
    expect(article.paragraphs[0]).toMatch(/^Twenty years ago/);
    expect(article.paragraphs.join("\n")).not.toMatch(/Tonnes landed|Source: Harbour Authority/);
    // Kept by a rule, not by the classifier: the editor is asked to check them first.
    expect(article.lines.filter((line) => line.kept && line.unsure).map((line) => line.text.slice(0, 16))).toEqual([
      "Twenty years ago",
      "The fall was ste",
      "Skippers who sta",
      "“We used to queu",
    ]);
    expect(article.title).toBe("Why the Kelmar harbour's fish landings halved in twenty years");
    expect(article.author).toBe("Ines Carvalho");
    expect(article.publishedAt).toBe("2024-03-12");
  });

  it("keeps them under a headline whose date line stands over it, as a blog dates its posts", () => {
    const page = copiedChartPage("Kelmar", ["Share", "Save"]).replace("Why the Kelmar harbour's", "Business\nMarch 12, 2024\nWhy the Kelmar harbour's");
    const article = parsePastedText(page);
    expect(article.paragraphs).toHaveLength(10);
    expect([article.title, article.publishedAt]).toEqual(["Why the Kelmar harbour's fish landings halved in twenty years", "2024-03-12"]);
  });

  it("without a dated header, shows the paragraphs it removed as a block of their own for the editor to check first", () => {
    const article = parsePastedText(copiedChartPage("Kelmar", ["Share", "Save"]));
    expect(article.paragraphs[0]).toMatch(/^The authority expects/);
    expect(removedBlocks(article.lines)).toContainEqual({
      label: "detached paragraphs, 4 lines",
      unsure: 4,
      first: expect.stringMatching(/^Twenty years ago/),
    });
  });

  it("parts paragraphs from the furniture around them, but not a gallery's captions, which the page prints twice", () => {
    const first = "Skippers unload the morning's catch at the north quay, where the harbour authority counts every crate that comes ashore.";
    const second = "A crane lifts a trawler out of the water for repairs at the boatyard beside the fish market, one of two left on this coast.";
    const removed = (text: string) => ({ text, kept: false });
    const page = [removed("Menu"), removed(first), removed(second), removed("Photo: Ines Carvalho"), removed("1 / 12")];
    expect(detachedParts(page, 0, page.length)).toEqual([
      { start: 0, end: 1, detached: false },
      { start: 1, end: 3, detached: true },
      { start: 3, end: 5, detached: false },
    ]);
    const gallery = [...page, removed(first), removed(second)];
    expect(detachedParts(gallery, 0, 5)).toEqual([{ start: 0, end: 5, detached: false }]);
  });
});

describe("editor's view", () => {
  it("groups runs of removed lines by reason and applies the preview's choices", () => {
    const lines = [
      { text: "Home", kept: false, reason: "navigation" as const },
      { text: "News", kept: false, reason: "navigation" as const, unsure: true },
      { text: "Body.", kept: true },
    ];
    const groups = groupLines(lines);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ kind: "removed", reason: "navigation", indices: [0, 1], unsure: 1 });
    expect(
      groupLines(
        withDecisions(
          lines,
          new Map([
            [0, true],
            [1, true],
          ]),
        ),
      ),
    ).toHaveLength(3);
  });
});

describe("training labels", () => {
  it("labels a line article when most of its shingles are in the true body", () => {
    const truth = "The council approved the budget on Wednesday. It adds money for libraries.";
    expect(labelLines(["The council approved the budget on Wednesday.", "Sign in", "Most read stories today here"], truth)).toEqual([true, false, false]);
  });

  it("labels a short line article only where the body has it beside its neighbour, not a menu word the body happens to use", () => {
    const truth = "The council approved the budget on Wednesday. It adds money for libraries.";
    expect(labelLines(["Budget", "The council approved the budget on Wednesday.", "It adds money for", "libraries", "Sign in"], truth)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe("tables and lists in copied web pages", () => {
  const table = [
    "1 Harbour Rovers 18 12 4 2 40",
    "2 Kelmar Athletic 18 11 5 2 38",
    "3 North Quay United 18 10 3 5 33",
    "4 Saltmarsh Town 18 8 6 4 30",
    "5 Lighthouse Wanderers 18 7 4 7 25",
    "6 Ferry Lane FC 18 5 5 8 20",
    "7 Dune Park 18 3 4 11 13",
    "8 Old Pier Albion 18 1 3 14 6",
  ];

  it("keeps a table that a sentence ending in ':' introduces, with its header row", () => {
    const lines = copiedNewsPage("Kelmar").split("\n");
    const at = lines.findIndex((line) => line.startsWith("Output was steadier"));
    const page = [
      ...lines.slice(0, at + 1),
      "The coastal league's table after eighteen rounds of the season reads as follows:",
      "Pos Team P W D L Pts",
      ...table,
      ...lines.slice(at + 1),
    ].join("\n");
    const kept = parsePastedText(page)
      .lines.filter((line) => line.kept)
      .map((line) => line.text);
    expect(kept).toEqual(expect.arrayContaining(["Pos Team P W D L Pts", ...table]));
    expect(kept).toContain("The coastal league's table after eighteen rounds of the season reads as follows:");
  });

  const prose = [
    "The harbour board met on Tuesday evening to review the year's accounts and the plans for the quay.",
    "Members agreed that the busiest months had again been July and August, when the ferries run hourly.",
  ];
  const after = ["The board will publish the full accounts next month, after the auditors have signed them off."];

  it("keeps a list with figures between kept article lines whole, but not a menu nor a list the article does not surround", () => {
    const items = ["Mooring fees: 4,200", "Fuel sales: 3,100", "Boat repairs: 2,650", "Ferry tickets: 9,800", "Car park: 1,200", "Fish market: 5,400"];
    const menu = ["Home", "World", "Business", "Sport", "Culture", "Travel", "Opinion", "Video"];
    const between = (middle: string[]) => {
      const lines = [...prose, ...middle, ...after];
      return { lines, article: lines.map((_, i) => i < prose.length || i >= prose.length + middle.length) };
    };
    const list = between(items);
    expect(keepStructuredUnits(list.article, list.lines)).toEqual(list.lines.map(() => true));
    const onlyAbove = list.lines.map((_, i) => i < prose.length);
    expect(keepStructuredUnits(onlyAbove, list.lines)).toEqual(onlyAbove);
    const menuPage = between(menu);
    expect(keepStructuredUnits(menuPage.article, menuPage.lines)).toEqual(menuPage.article);
  });
});

describe("the article's opening paragraphs", () => {
  const lines = [
    "Last winter a ferry operator in the north promised that the harbour would be open all year round.",
    "Home",
    "Travel",
    "Outdoors",
    "Walks",
    "Walking the cliffs above the harbour",
    "We moved to the coast two years ago and have walked the cliff path almost every weekend since then.",
    "Share",
    "Pin",
    "What we pack for the walk is really very simple.",
    "two bottles of water",
    "a rain jacket",
    "snack bars for the children",
    "The path starts behind the harbour wall and climbs for about a mile before it levels out above the bay.",
    "From the top you can see the ferry leave for the islands, and on a clear day the lighthouse on the far shore.",
  ];
  // The classifier's probabilities: the body from the path onwards, the opening paragraphs some way below the threshold.
  const probability = [0.25, 0.01, 0.01, 0.02, 0.02, 0.05, 0.3, 0.03, 0.03, 0.25, 0.4, 0.4, 0.4, 0.9, 0.95];
  const chosen = lines.map((_, i) => i >= 13);

  it("keeps the paragraphs above the first kept line that the classifier leans towards, but not the furniture or the list between them", () => {
    const kept = keepOpeningParagraphs(chosen, probability, pageLines(lines));
    expect(lines.filter((_, i) => kept[i])).toEqual([lines[6], lines[9], ...lines.slice(13)]);
  });

  it("stops at a paragraph the classifier does not lean towards, and at more than four lines of furniture", () => {
    const doubted = probability.map((p, i) => (i === 9 ? 0.1 : p));
    const kept = keepOpeningParagraphs(chosen, doubted, pageLines(lines));
    expect(lines.filter((_, i) => kept[i])).toEqual(lines.slice(13));
  });
});

describe("paragraphs between an article's interruptions", () => {
  const paragraph = (topic: string) =>
    `The report on ${topic} was published on Monday by the university's centre on poverty, and its authors compared ten wealthy countries over two decades of data.`;
  const lines = [
    paragraph("income"),
    "Powered by SmartAsset.com",
    paragraph("wealth"),
    "Related: Rich are paying more in taxes",
    "ADVERTISING",
    paragraph("jobs"),
    paragraph("mobility"),
    ...Array.from({ length: 14 }, (_, i) => `Most read story ${i + 1}`),
    "I have read this report twice and I still think its authors miss the point about the schools in the poorer states entirely.",
    paragraph("schools"),
  ];
  // The classifier's probabilities: the interruptions drag the paragraphs between them under the threshold.
  const probability = lines.map((_, i) => ([0, 6, 22].includes(i) ? 0.9 : [2, 5, 21].includes(i) ? 0.4 : 0.05));
  const chosen = probability.map((p) => p >= 0.65);

  it("keeps prose the classifier leans towards between kept lines, but not the interruptions, nor prose across a long run of furniture", () => {
    const kept = keepParagraphsBetween(chosen, probability, pageLines(lines));
    expect(lines.filter((_, i) => kept[i])).toEqual([lines[0], lines[2], lines[5], lines[6], lines[22]]);
  });
});

describe("reader comments after the article", () => {
  const article = [
    "The harbour board met on Tuesday evening to review the year's accounts and the plans for the quay, which has been closed to lorries since the spring.",
    "Members agreed that the busiest months had again been July and August, when the ferries run hourly and the car park fills before nine in the morning.",
    "The board will publish the full accounts next month, after the auditors have signed them off, and will put the quay repairs out to tender in the autumn.",
    "Fishing crews, who use the north side of the quay, asked that the works be done in stages so that their boats can still land their catch every morning.",
    "The chair said the board would meet the crews before the tender is published and would write to every business on the quay about the timetable.",
  ];
  const comments = [
    "SeaDog41",
    "3 hours ago",
    "About time they fixed that quay, it has been falling apart for years and nobody seemed to care until now.",
    "Rating: 4 Votes",
    "Marina K",
    "2 hours ago",
    "The car park is the real problem, there is nowhere to leave the car when you take the morning ferry.",
  ];

  it("keeps nothing after a comments heading that follows the article", () => {
    const lines = [...article, "[ 2 comments ]", ...comments];
    const kept = endAtComments(
      lines.map(() => true),
      lines,
    );
    expect(lines.filter((_, i) => kept[i])).toEqual(article);
  });

  it("leaves a comment counter standing right above the article's text alone", () => {
    const lines = [...article.slice(0, 4), "(2) Comments", ...article.slice(4)];
    const all = lines.map(() => true);
    expect(endAtComments(all, lines)).toEqual(all);
  });
});

describe("words and languages of copied lines", () => {
  it("splits words at spaces and punctuation but keeps apostrophes, hyphens, accents and other scripts inside them", () => {
    expect(lineTokens("It’s a well-known café — 2019's “best”, said O'Neil.")).toEqual(["It’s", "a", "well-known", "café", "2019's", "best", "said", "O'Neil"]);
    expect(lineTokens("Москва и 東京 𝐁𝐨𝐥𝐝 -dash 'quote")).toEqual(["Москва", "и", "東京", "𝐁𝐨𝐥𝐝", "dash", "quote"]);
    expect(lineTokens("… | ·")).toEqual([]);
  });

  it("tells languages apart by script and by their commonest words", () => {
    const repeat = (text: string) => Array.from({ length: 4 }, () => text);
    expect(detectLanguage(repeat("The minister said that the port will reopen in the spring and that it was ready."))).toBe("en");
    expect(detectLanguage(repeat("Der Minister sagte, dass der Hafen im Frühjahr wieder öffnet und die Stadt bereit ist."))).toBe("de");
    expect(detectLanguage(repeat("Le ministre a dit que le port rouvrira au printemps et que la ville est prête pour les bateaux."))).toBe("fr");
    expect(detectLanguage(repeat("El ministro dijo que el puerto volverá a abrir en la primavera y que la ciudad está lista."))).toBe("es");
    // Portuguese shares its commonest words with Spanish; its own ("não", "também") tell them apart.
    expect(detectLanguage(repeat("O ministro disse que o porto não vai reabrir antes da primavera e que a cidade também está pronta."))).toBe("pt");
    expect(detectLanguage(repeat("Il ministro ha detto che il porto sarà riaperto in primavera e che la città non è ancora pronta."))).toBe("it");
    expect(detectLanguage(repeat("De minister zei dat de haven in het voorjaar weer opengaat en dat de stad er klaar voor is."))).toBe("nl");
    expect(detectLanguage(repeat("Menteri mengatakan bahwa pelabuhan itu akan dibuka kembali pada musim semi dan kota sudah siap."))).toBe("id");
    expect(detectLanguage(repeat("Министр сказал, что порт откроется весной."))).toBe("ru");
    expect(detectLanguage(repeat("港口将于春季重新开放，部长说城市已经准备好了。"))).toBe("zh");
    expect(detectLanguage(repeat("港は春に再開すると大臣は述べた。"))).toBe("ja");
    expect(detectLanguage(["Ok."])).toBeNull();
  });
});
