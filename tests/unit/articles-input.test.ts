import { describe, expect, it } from "vitest";
import { decodeBytes } from "@/lib/articles/decode";
import { applyLineDecisions, MAX_IMPORT_BYTES, normalizedText, ParseError, parseArticle, parsePastedText, type ParseErrorCode } from "@/lib/articles/extract";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 code units with a BOM, written by hand so the test does not depend on iconv. */
function utf16WithBom(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function parseError(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

function expectParseError(run: () => unknown, code: ParseErrorCode): void {
  const error = parseError(run);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
}

const STORY = [
  "Ministers agree new plan for city transport",
  "",
  "The city council approved a new transport plan on Tuesday after months of debate, officials said.",
  "",
  "The plan adds three bus lines and a night tram service, and it will be reviewed in two years.",
].join("\n");

describe("rejected files", () => {
  it("rejects empty and blank files", () => {
    expectParseError(() => parseArticle({ bytes: new Uint8Array() }), "empty");
    expectParseError(() => parseArticle({ bytes: utf8(" \n\n\t ") }), "empty");
    expectParseError(() => parsePastedText("   \n"), "empty");
  });

  it("rejects binary files: NUL bytes, control characters and document signatures", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectParseError(() => parseArticle({ bytes: png, filename: "photo.txt" }), "binary");
    expectParseError(() => parseArticle({ bytes: new Uint8Array(200).fill(0x01) }), "binary");
    expectParseError(() => parseArticle({ bytes: utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>") }), "binary");
    expectParseError(() => parseArticle({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) }), "binary");
    expectParseError(() => parsePastedText("text\u0000with\u0000nul"), "binary");
  });

  it("rejects files over 5 MB before reading them", () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expectParseError(() => parseArticle({ bytes }), "too-large");
    expectParseError(() => parsePastedText("é".repeat(MAX_IMPORT_BYTES / 2 + 1)), "too-large");
  });

  it("rejects bytes that are invalid in their declared encoding", () => {
    // UTF-16LE BOM followed by a lone high surrogate.
    expectParseError(() => parseArticle({ bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]) }), "encoding");
  });

  it("rejects HTML without text and text that is all furniture", () => {
    const scriptsOnly = "<html><head><script>alert('x')</script></head><body><script>var a = 1;</script><style>p{}</style></body></html>";
    expectParseError(() => parseArticle({ bytes: utf8(scriptsOnly), filename: "page.html" }), "no-text");
    expectParseError(() => parsePastedText("Leave a Reply\nAdd a comment\nCHOOSE YOUR LANGUAGE"), "no-body");
  });

  it("is an Error with a user-facing message", () => {
    const error = parseError(() => parseArticle({ bytes: new Uint8Array() }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ParseError");
    expect(error.message).toBe("The file is empty.");
  });
});

describe("encodings", () => {
  const text = "Mayor’s “quiet” plan\n\nThe café in Zürich said the naïve plan — announced Monday — was welcome.";

  it("decodes UTF-8 with a BOM and drops the BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeBytes(bytes)).toEqual({ text, encoding: "utf-8", bom: true });
    const article = parseArticle({ bytes });
    expect(article.title).toBe("Mayor’s “quiet” plan");
    expect(article.encoding).toBe("utf-8");
  });

  it.each([
    ["utf-16le", true],
    ["utf-16be", false],
  ] as const)("decodes %s with a BOM", (encoding, littleEndian) => {
    const decoded = decodeBytes(utf16WithBom(text, littleEndian));
    expect(decoded).toEqual({ text, encoding, bom: true });
    const article = parseArticle({ bytes: utf16WithBom(text, littleEndian), filename: "story.txt" });
    expect(article.encoding).toBe(encoding);
    expect(article.paragraphs).toEqual(["The café in Zürich said the naïve plan — announced Monday — was welcome."]);
  });

  it("detects Windows-1252 instead of producing mojibake", () => {
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([
      ...ascii("Council backs plan\n\nThe mayor said "),
      0x93,
      ...ascii("we will build it"),
      0x94,
      ...ascii(" at the caf"),
      0xe9,
      ...ascii(" on the square, and the plan was approved on Tuesday by a wide margin of votes."),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toContain("“we will build it” at the café");
    const article = parseArticle({ bytes });
    expect(article.paragraphs[0]).toBe(
      "The mayor said “we will build it” at the café on the square, and the plan was approved on Tuesday by a wide margin of votes.",
    );
  });

  it("reports plain UTF-8 without a BOM", () => {
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: "utf-8", bom: false });
  });
});

describe("HTML", () => {
  const page = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Council backs transport plan | Riverside Gazette</title>
  <link rel="canonical" href="https://www.riverside-gazette.example/news/transport-plan">
  <meta property="og:site_name" content="Riverside Gazette">
  <meta property="article:published_time" content="2025-03-17T22:30:00-05:00">
  <script>document.write("INJECTED BY SCRIPT")</script>
  <style>.headline { color: red }</style>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
  <article>
    <h1>Council backs transport plan</h1>
    <p class="byline">By Jane Doe</p>
    <p>The city council approved a new transport plan on Tuesday after months of debate, officials said, adding three bus lines.</p>
    <figure><img src="bus.jpg" alt=""><figcaption>Buses wait at the central station.</figcaption></figure>
    <script>var secret = "SCRIPT IN BODY";</script>
    <p>The plan also adds a night tram service, which <b>residents</b> had requested for years, and will be reviewed in two years.</p>
    <p>Opponents said the cost, estimated at 40 million euros, was too high for a city of this size and asked for a referendum.</p>
  </article>
  <footer>Copyright 2025 Riverside Gazette. All rights reserved.</footer>
</body>
</html>`;

  it("reads title, canonical URL, byline, published time, language and site name", () => {
    const article = parseArticle({ bytes: utf8(page), filename: "story.html" });
    expect(article.format).toBe("html");
    expect(article.title).toBe("Council backs transport plan");
    expect(article.titleProvisional).toBe(false);
    expect(article.url).toBe("https://www.riverside-gazette.example/news/transport-plan");
    expect(article.author).toBe("Jane Doe");
    expect(article.publishedAt).toBe("2025-03-17");
    expect(article.language).toBe("en");
    expect(article.outlet).toBe("Riverside Gazette");
  });

  it("never lets script or style content into the output, and keeps block structure", () => {
    const article = parseArticle({ bytes: utf8(page), filename: "story.htm" });
    const everything = JSON.stringify(article);
    expect(everything).not.toContain("INJECTED BY SCRIPT");
    expect(everything).not.toContain("SCRIPT IN BODY");
    expect(everything).not.toContain("color: red");
    expect(article.paragraphs).toEqual([
      "The city council approved a new transport plan on Tuesday after months of debate, officials said, adding three bus lines.",
      "The plan also adds a night tram service, which residents had requested for years, and will be reviewed in two years.",
      "Opponents said the cost, estimated at 40 million euros, was too high for a city of this size and asked for a referendum.",
    ]);
    expect(article.removed).toContainEqual({ text: "Buses wait at the central station.", reason: "caption" });
  });

  it("is recognised without a filename, and fragments without <html> work", () => {
    expect(parseArticle({ bytes: utf8(page) }).format).toBe("html");
    const fragment =
      "<p>Rail strike ends after deal</p><p>Train drivers accepted a new pay offer on Friday, ending a strike that lasted three weeks, the union said.</p><p>Services will return to normal on Monday.</p>";
    const article = parseArticle({ bytes: utf8(fragment), filename: "clip.html" });
    expect(article.paragraphs).toContain("Services will return to normal on Monday.");
    expect(article.title).toBe("Rail strike ends after deal");
  });

  it("decodes a legacy charset declared in the page", () => {
    const latin1Page = `<html><head><meta charset="iso-8859-1"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 on the main square reopened on Monday after a renovation that took most of the winter, the owner said.</p></body></html>`;
    const bytes = new Uint8Array([...latin1Page].map((c) => c.charCodeAt(0)));
    const article = parseArticle({ bytes, filename: "cafe.html" });
    expect(article.encoding).toBe("windows-1252");
    expect(article.title).toBe("Café reopens");
  });
});

describe("Markdown", () => {
  const markdown = [
    "# Council backs transport plan",
    "",
    "*By Jane Doe*",
    "",
    "![Buses at the central station](bus.jpg)",
    "",
    "The city council approved a **new transport plan** on Tuesday after [months of debate](https://example.com/debate), officials said.",
    "The vote was 31 to 12.",
    "",
    "## What changes",
    "",
    "- Three new bus lines",
    "- A night tram service",
    "",
    "Source: [Riverside Gazette](https://www.riverside-gazette.example/news/transport-plan)",
  ].join("\n");

  it("turns the heading into the title and strips inline syntax", () => {
    const article = parseArticle({ bytes: utf8(markdown), filename: "plan.md" });
    expect(article.format).toBe("markdown");
    expect(article.title).toBe("Council backs transport plan");
    expect(article.author).toBe("Jane Doe");
    expect(article.url).toBe("https://www.riverside-gazette.example/news/transport-plan");
    expect(article.outlet).toBe("riverside-gazette.example");
    expect(article.paragraphs).toEqual([
      "The city council approved a new transport plan on Tuesday after months of debate, officials said.",
      "The vote was 31 to 12.",
      "What changes",
      "Three new bus lines",
      "A night tram service",
    ]);
    expect(article.removed).toContainEqual({ text: "Buses at the central station", reason: "caption" });
  });

  it("reads the date a byline gives after the name", () => {
    const dated = markdown.replace("*By Jane Doe*", "*By Jane Doe · March 18, 2025*");
    const article = parseArticle({ bytes: utf8(dated), filename: "plan.md" });
    expect([article.author, article.publishedAt]).toEqual(["Jane Doe", "2025-03-18"]);
  });

  it("makes whole a word a hard-wrapped paragraph broke with a hyphen", () => {
    const wrapped = [
      "# Council backs transport plan",
      "",
      "The city council approved a new transport plan on Tuesday after months",
      "of debate over the cost of the night tram service and the three new bus",
      "lines, which the opposition said would take money from road mainte-",
      "nance. The vote was 31 to 12, and the first of the new lines opens in May.",
    ].join("\n");
    const article = parseArticle({ bytes: utf8(wrapped), filename: "plan.md" });
    expect(article.paragraphs).toEqual([
      "The city council approved a new transport plan on Tuesday after months of debate over the cost of the night tram service and the three new bus lines, which the opposition said would take money from road maintenance. The vote was 31 to 12, and the first of the new lines opens in May.",
    ]);
  });

  it("is recognised by content and by the .markdown extension", () => {
    expect(parseArticle({ bytes: utf8(markdown) }).format).toBe("markdown");
    expect(parseArticle({ bytes: utf8(STORY), filename: "story.markdown" }).format).toBe("markdown");
  });

  it("reads front matter", () => {
    const withFrontMatter = `---\ntitle: "Budget passes"\nauthor: Jane Doe\ndate: 2025-02-03\n---\n\nThe budget passed by a narrow margin late on Thursday after a long debate in parliament.\n`;
    const article = parseArticle({ bytes: utf8(withFrontMatter), filename: "budget.md" });
    expect(article.title).toBe("Budget passes");
    expect(article.author).toBe("Jane Doe");
    expect(article.publishedAt).toBe("2025-02-03");
  });
});

describe("plain text layout", () => {
  it("gives the same paragraphs for one paragraph per line and blank-line separation", () => {
    const blankSeparated = parsePastedText(STORY);
    const perLine = parsePastedText(STORY.replace(/\n\n/g, "\n"));
    expect(perLine.paragraphs).toEqual(blankSeparated.paragraphs);
    expect(perLine.title).toBe("Ministers agree new plan for city transport");
    expect(perLine.paragraphs).toHaveLength(2);
  });

  it("handles Windows line breaks, tabs and no-break spaces", () => {
    const article = parsePastedText("Storm closes schools\r\n\r\nHeavy\u00a0snow  closed\tschools across the region on Monday, the education office said.\r\n");
    expect(article.paragraphs).toEqual(["Heavy snow closed schools across the region on Monday, the education office said."]);
  });

  it("rejoins hard-wrapped paragraphs", () => {
    const wrapped = [
      "Harbour reopens after storm",
      "",
      "The harbour reopened on Wednesday after a storm that damaged several piers",
      "and forced the evacuation of two hundred boats, the port authority said in",
      "a statement.",
      "",
      "Repairs to the damaged piers are expected to take at least three months and",
      "will cost the city an estimated twelve million euros, officials said.",
    ].join("\n");
    const article = parsePastedText(wrapped);
    expect(article.paragraphs).toEqual([
      "The harbour reopened on Wednesday after a storm that damaged several piers and forced the evacuation of two hundred boats, the port authority said in a statement.",
      "Repairs to the damaged piers are expected to take at least three months and will cost the city an estimated twelve million euros, officials said.",
    ]);
  });

  it("makes a provisional title when the text starts with body", () => {
    const article = parsePastedText(
      "The regional government announced on Friday that it would close two coal power plants by the end of next year.\nUnions said they would fight the decision.",
    );
    expect(article.titleProvisional).toBe(true);
    expect(article.title).toBe("The regional government announced on Friday that it would close two coal…");
    expect(article.paragraphs).toHaveLength(2);
  });

  it("drops consecutive duplicate lines", () => {
    const article = parsePastedText(`${STORY}\nThe plan adds three bus lines and a night tram service, and it will be reviewed in two years.`);
    expect(article.removed.at(-1)?.reason).toBe("duplicate");
    expect(article.paragraphs).toHaveLength(2);
  });
});

describe("metadata lines", () => {
  it("reads a byline, a stated publication date and a source line", () => {
    const article = parsePastedText(
      [
        "Port strike ends",
        "By Maria Lopez, Staff Reporter",
        "Published: March 3, 2025",
        "Dockworkers returned to work on Monday after a deal on pay was reached late on Sunday, the union said in 2024 terms.",
        "Source: https://news.example.org/port-strike",
      ].join("\n"),
    );
    expect(article.author).toBe("Maria Lopez");
    expect(article.publishedAt).toBe("2025-03-03");
    expect(article.url).toBe("https://news.example.org/port-strike");
    expect(article.outlet).toBe("news.example.org");
    expect(article.removed.map((line) => line.reason)).toEqual(["headline", "byline", "dateline", "source link"]);
  });

  it("reads several guests and does not take 'By' sentences or credits as bylines", () => {
    const article = parsePastedText(
      [
        "Guests: Anna Petrova and John Smith",
        "By Sunday, the two governments had agreed to resume talks on the border dispute.",
        "Photo: Anna Petrova / Example Agency",
        "The talks will be held in Vienna next month, according to a statement released by both sides.",
      ].join("\n"),
    );
    expect(article.commentators).toEqual(["Anna Petrova", "John Smith"]);
    expect(article.author).toBeNull();
    expect(article.paragraphs[0]).toBe("By Sunday, the two governments had agreed to resume talks on the border dispute.");
    expect(article.removed).toContainEqual({ text: "Photo: Anna Petrova / Example Agency", reason: "credit" });
    expect(article.kind).toBe("INTERVIEW");
  });

  it("takes a date-only header line as the publication date", () => {
    const article = parsePastedText(
      "Storm hits coast\nMarch 17, 2025\nBy Jane Doe\nA strong storm hit the coast on Monday, cutting power to thousands of homes and closing schools across the region, officials said.\nMore rain is expected by March 20, 2025.",
    );
    expect(article.publishedAt).toBe("2025-03-17");
    expect(article.author).toBe("Jane Doe");
    expect(article.paragraphs.at(-1)).toBe("More rain is expected by March 20, 2025.");
  });

  it("removes generic page furniture with stable reasons", () => {
    const article = parsePastedText(
      [
        "MOSCOW, March 5 (Reuters) - Russia said on Tuesday it was ready for talks, a day after the United States proposed a ceasefire.",
        "Share",
        "Facebook Twitter LinkedIn",
        "Read more: Ukraine talks stall",
        "Advertisement",
        "Subscribe to our newsletter",
        "Was this article helpful?",
        "© 2025 Reuters. All rights reserved.",
      ].join("\n"),
    );
    expect(article.paragraphs).toHaveLength(1);
    expect(article.removed.map((line) => line.reason)).toEqual([
      "share prompt",
      "share prompt",
      "related link",
      "advertisement",
      "subscription prompt",
      "rating prompt",
      "copyright",
    ]);
    // A wire dateline opening the lead paragraph dates the page; it states no year, which the copyright line gives.
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("does not take an outlet cited by other outlets for the article's own", () => {
    const article = parsePastedText(
      "Talks resume\nA spokesman, a senior official at the ministry, told Reuters the talks would resume. Reuters reported the date on Friday, and the deal could follow within weeks.",
    );
    expect(article.outlet).toBeNull();
  });
});

describe("kind and language", () => {
  it("labels opinion, analysis and interview pieces", () => {
    expect(
      parsePastedText("Opinion: Cities need more trams\nTrams are cheaper to run than buses over twenty years, and they carry far more passengers per driver.")
        .kind,
    ).toBe("OPINION");
    expect(
      parsePastedText(
        "Analysis\nWhy the budget talks failed\nThe talks failed because neither side was willing to move on taxes, and both preferred an election.",
      ).kind,
    ).toBe("ANALYSIS");
    expect(
      parsePastedText(
        "Q: Why did you resign?\nA: I disagreed with the new policy on schools.\nQ: Will you run again?\nA: Not in the next election, and maybe never.",
      ).kind,
    ).toBe("INTERVIEW");
    expect(parsePastedText(STORY).kind).toBe("NEWS");
  });

  it.each([
    [
      "de",
      "Die Regierung hat am Montag beschlossen, dass die neuen Regeln für den Verkehr in der Stadt ab dem nächsten Jahr gelten und nicht mehr geändert werden.",
    ],
    [
      "fr",
      "Le gouvernement a annoncé lundi que les nouvelles règles pour la circulation dans la ville seront appliquées dès l'année prochaine et ne sont pas négociables.",
    ],
    [
      "es",
      "El gobierno anunció el lunes que las nuevas reglas para el tráfico en la ciudad se aplicarán a partir del próximo año y que no son negociables por ahora.",
    ],
    ["ru", "Правительство объявило в понедельник, что новые правила дорожного движения в городе начнут действовать со следующего года."],
    ["zh", "政府周一宣布，城市交通新规将从明年开始实施，并且不会再进行修改。官员表示，这项措施将改善交通状况。"],
    ["uk", "Уряд оголосив у понеділок, що нові правила дорожнього руху в місті почнуть діяти з наступного року."],
    ["be", "Урад абвясціў у панядзелак, што новыя правілы дарожнага руху ў горадзе пачнуць дзейнічаць з наступнага года."],
    ["sr", "Влада је у понедељак објавила да ће нова правила саобраћаја у граду почети да важе од следеће године."],
    ["mk", "Владата во понеделникот објави дека новите сообраќајни правила во градот ќе почнат да важат од следната година."],
    ["bg", "Правителството обяви в понеделник, че новите правила ще влязат в сила от следващата година, съобщи министърът."],
    ["ar", "أعلنت الحكومة يوم الاثنين أن القواعد الجديدة للمرور في المدينة ستطبق اعتبارا من العام المقبل."],
    ["fa", "دولت روز دوشنبه اعلام کرد که قوانین جدید رانندگی در شهر از سال آینده اجرا خواهد شد."],
    ["ur", "حکومت نے پیر کے روز اعلان کیا کہ شہر میں ٹریفک کے نئے قوانین اگلے سال سے نافذ ہوں گے۔"],
    ["el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι νέοι κανόνες κυκλοφορίας στην πόλη θα ισχύσουν από τον επόμενο χρόνο."],
    ["he", "הממשלה הודיעה ביום שני כי כללי התנועה החדשים בעיר ייכנסו לתוקף בשנה הבאה."],
    ["th", "รัฐบาลประกาศเมื่อวันจันทร์ว่ากฎจราจรใหม่ในเมืองจะเริ่มใช้ตั้งแต่ปีหน้า"],
    ["hi", "सरकार ने सोमवार को घोषणा की कि शहर में यातायात के नए नियम अगले साल से लागू होंगे।"],
    ["ka", "მთავრობამ ორშაბათს გამოაცხადა, რომ ქალაქში მოძრაობის ახალი წესები მომავალი წლიდან ამოქმედდება."],
    ["hy", "Կառավարությունը երկուշաբթի հայտարարեց, որ քաղաքում երթևեկության նոր կանոնները ուժի մեջ կմտնեն հաջորդ տարվանից:"],
  ])("detects %s", (language, text) => {
    expect(parsePastedText(text).language).toBe(language);
  });

  it("returns null when unsure", () => {
    expect(parsePastedText("Zoom 2025\nXYZ 123 ABC 456 QRS 789 and more.").language).toBeNull();
  });
});

describe("editor line decisions", () => {
  const article = parsePastedText(
    [
      "Bridge reopens after repairs",
      "A file photo of the bridge during the repairs last summer. /Example Agency",
      "The bridge reopened to traffic on Saturday after eight months of repairs, the city said.",
      "Cyclists will get a separate lane from next month.",
      "Leave a Reply",
    ].join("\n"),
  );

  it("restores a removed line in place and removes a kept one", () => {
    expect(article.lines.map((line) => line.reason ?? "kept")).toEqual(["headline", "caption", "kept", "kept", "comment form"]);
    const result = applyLineDecisions(article.lines, [
      { index: 1, kept: true },
      { index: 3, kept: false },
    ]);
    expect(result.paragraphs).toEqual([
      "A file photo of the bridge during the repairs last summer. /Example Agency",
      "The bridge reopened to traffic on Saturday after eight months of repairs, the city said.",
    ]);
    expect(result.removed).toEqual([
      { text: "Bridge reopens after repairs", reason: "headline" },
      { text: "Cyclists will get a separate lane from next month.", reason: "editor" },
      { text: "Leave a Reply", reason: "comment form" },
    ]);
    // The input is not modified, and toggling back restores the original classification.
    expect(article.paragraphs).toHaveLength(2);
    const back = applyLineDecisions(result.lines, [{ index: 1, kept: false }]);
    expect(back.removed[1]).toEqual({ text: article.lines[1].text, reason: "caption" });
  });

  it("rejects an unknown line index", () => {
    expect(() => applyLineDecisions(article.lines, [{ index: 99, kept: true }])).toThrow(RangeError);
  });

  it("normalizedText joins paragraphs with one blank line", () => {
    expect(normalizedText(article.paragraphs)).toBe(
      "The bridge reopened to traffic on Saturday after eight months of repairs, the city said.\n\nCyclists will get a separate lane from next month.",
    );
  });
});
