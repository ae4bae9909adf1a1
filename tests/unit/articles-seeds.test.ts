import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizedText, parseArticle, REMOVAL_REASONS, type ParsedArticle } from "@/lib/articles/extract";

// Expected values below were written by reading each seed file, not by running the parser.

function parseSeed(name: string): ParsedArticle {
  const bytes = readFileSync(path.resolve(import.meta.dirname, "../../seeds", name));
  return parseArticle({ bytes, filename: name });
}

function reasonOf(article: ParsedArticle, text: string): string | undefined {
  return article.removed.find((line) => line.text === text)?.reason;
}

function expectAbsentFromBody(article: ParsedArticle, fragment: string): void {
  expect(normalizedText(article.paragraphs)).not.toContain(fragment);
}

const SEEDS = ["000_e5653e6b77eee7e3.txt", "001_c1ada2601b12286d.txt", "002_8259c0e6e43987e1.txt", "003_eca1355c358a7f3d.txt", "004_01be06722b39d923.txt"];

describe("every seed", () => {
  it.each(SEEDS)("%s yields clean, deterministic English body text", (name) => {
    const article = parseSeed(name);
    expect(article.format).toBe("text");
    expect(article.encoding).toBe("utf-8");
    expect(article.language).toBe("en");
    for (const paragraph of article.paragraphs) {
      expect(paragraph).toBe(paragraph.trim());
      expect(paragraph).not.toMatch(/\s{2}|\n/);
      expect(paragraph.length).toBeGreaterThan(0);
    }
    for (const { reason } of article.removed) expect(REMOVAL_REASONS).toContain(reason);
    // paragraphs and removed are exactly the kept and dropped candidate lines, in order.
    expect(article.lines.filter((line) => line.kept).map((line) => line.text)).toEqual(article.paragraphs);
    expect(article.lines.filter((line) => !line.kept).map((line) => line.text)).toEqual(article.removed.map((line) => line.text));
    expect(parseSeed(name)).toEqual(article);
  });
});

describe("seed 000: headline-less commentary from Toutiao", () => {
  const article = parseSeed("000_e5653e6b77eee7e3.txt");

  it("gets a provisional title from the opening words", () => {
    expect(article.titleProvisional).toBe(true);
    expect(article.title).toBe("Russia's embassy in the United States posted today (May 18) saying…");
    expect(article.title.split(" ").length).toBeLessThanOrEqual(12);
  });

  it("reads the source link, outlet and disclaimer", () => {
    expect(article.url).toBe("https://www.toutiao.com/article/1832418249092099/");
    expect(article.outlet).toBe("Toutiao");
    expect(article.disclaimer).toBe("This article solely represents the author's personal views.");
    expect(reasonOf(article, "Original article: https://www.toutiao.com/article/1832418249092099/")).toBe("source link");
    expect(reasonOf(article, "Disclaimer: This article solely represents the author's personal views.")).toBe("disclaimer");
  });

  it("is an opinion piece without author or stated date", () => {
    expect(article.kind).toBe("OPINION");
    expect(article.author).toBeNull();
    expect(article.commentators).toEqual([]);
    // "today (May 18)" has no year: not a stated publication date.
    expect(article.publishedAt).toBeNull();
  });

  it("keeps the five body paragraphs, including the 'Comment:' one", () => {
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toBe(
      `Russia's embassy in the United States posted today (May 18) saying, "On May 17, at the initiative of the US side, Russian Foreign Minister Lavrov had a telephone conversation with US Secretary of State Rubio. The foreign ministers of both countries exchanged views on the results of the Ukraine-Russia talks held the previous day in Istanbul."`,
    );
    expect(article.paragraphs[3]).toMatch(/^Comment: This phone call between the foreign ministers/);
    expect(article.paragraphs.at(-1)).toBe(
      "Trump has consistently emphasized the crucial role of his direct communication with Putin in resolving the conflict in Ukraine. He believes that no breakthrough progress can be made in the peace talks between Ukraine and Russia before he meets with Putin. This view is not without merit; direct exchanges between the leaders of major powers often recalibrate directions at the strategic level, providing new ideas and frameworks for conflict resolution. However, it also indicates that Ukraine cannot control its own destiny.",
    );
    expectAbsentFromBody(article, "toutiao.com");
    expectAbsentFromBody(article, "Disclaimer");
  });
});

describe("seed 001: interview with a commentary guest, one paragraph per line", () => {
  const article = parseSeed("001_c1ada2601b12286d.txt");

  it("takes the question headline as title and keeps the standfirst as the first paragraph", () => {
    expect(article.title).toBe("The Mystery of Rubio: What Did Trump Attempt to Make Putin Yield to on May 19?");
    expect(article.titleProvisional).toBe(false);
    expect(reasonOf(article, article.title)).toBe("headline");
    expect(article.paragraphs[0]).toBe("The US President plans for direct dialogue with the Russian leader, but the core issue may not be Ukraine.");
  });

  it("reads author, guest on the line after its label, source and outlet", () => {
    expect(article.author).toBe("Svetlana Gomzikova");
    expect(article.commentators).toEqual(["Vladimir Shapovalov"]);
    expect(reasonOf(article, "Author: Svetlana Gomzikova")).toBe("byline");
    expect(reasonOf(article, "Commentary Guest:")).toBe("byline");
    expect(reasonOf(article, "Vladimir Shapovalov")).toBe("byline");
    expect(article.url).toBe("https://www.toutiao.com/article/7506086504049967626/");
    expect(article.outlet).toBe("Toutiao");
    expect(article.publishedAt).toBeNull();
  });

  it("is an interview, and the disclaimer loses its glued thumbs-up prompt", () => {
    expect(article.kind).toBe("INTERVIEW");
    expect(article.disclaimer).toBe("This article solely represents the author's personal views.");
    expect(
      reasonOf(
        article,
        "Disclaimer: This article solely represents the author's personal views. Please express your opinion by using the [thumbs up/thumbs down] buttons below.",
      ),
    ).toBe("disclaimer");
    expectAbsentFromBody(article, "thumbs up");
  });

  it("keeps the question and answer turns as body paragraphs", () => {
    expect(article.paragraphs).toContain("Special Military Operation: Please explain.");
    expect(article.paragraphs).toContain("— Indeed so.");
    expect(article.paragraphs[1]).toMatch(/^On Eastern Time May 19 \(Monday\) at 10:00 AM/);
    expect(article.paragraphs.at(-1)).toBe(
      `Therefore, there are numerous topics for discussion: for example, US participation in the "Nord Stream" project, or rare metal cooperation projects in Russia; there are also space cooperation efforts that, although limited, still exist; and Elon Musk's Mars exploration plan, which cannot proceed without Russian involvement. In other words, there are many different fields worthy and necessary for discussion in a potential future meeting.`,
    );
  });

  it("keeps typographic characters as they are", () => {
    expect(article.paragraphs.some((paragraph) => paragraph.includes("Trump’s team"))).toBe(true);
    expect(article.paragraphs.some((paragraph) => paragraph.includes("‘SP’"))).toBe(true);
  });
});

describe("seed 002: Global Times news with a comment form", () => {
  const article = parseSeed("002_8259c0e6e43987e1.txt");

  it("reads the headline", () => {
    expect(article.title).toBe("US, Russia agree to prepare for Trump-Putin meeting; key issues remain big obstacles: expert");
    expect(article.titleProvisional).toBe(false);
  });

  it("finds the outlet from the text referring to itself, not from a cited agency", () => {
    // "… told the Global Times." (self-reference) versus "told Reuters" / "Reuters reported".
    expect(article.outlet).toBe("Global Times");
    expect(article.url).toBeNull();
  });

  it("is news without author or date", () => {
    expect(article.kind).toBe("NEWS");
    expect(article.author).toBeNull();
    expect(article.commentators).toEqual([]);
    expect(article.publishedAt).toBeNull();
    expect(article.disclaimer).toBeNull();
  });

  it("drops the comment form and keeps body paragraphs intact", () => {
    expect(reasonOf(article, "Leave a Reply")).toBe("comment form");
    expect(reasonOf(article, "Your email address will not be published. Required fields are marked *")).toBe("comment form");
    expect(article.paragraphs).toHaveLength(15);
    expect(article.paragraphs[0]).toMatch(/^Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio agreed/);
    expect(article.paragraphs[2]).toMatch(/^Lü Xiang, an expert on US studies/);
    expect(article.paragraphs.at(-1)).toBe(
      "Regarding China's stance on resolving the Ukraine crisis, Wang said that China has consistently advocated for settling global disputes and conflicts through dialogue, consultation and political means, which applies equally to the Ukraine issue.",
    );
  });
});

describe("seed 003: CGTN page copy with site furniture and no headline", () => {
  const article = parseSeed("003_eca1355c358a7f3d.txt");

  it("removes consent, language chooser, licence, hotline and photo caption", () => {
    expect(
      reasonOf(
        article,
        "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use. You can change your cookie settings through your browser.",
      ),
    ).toBe("consent");
    expect(article.removed.filter((line) => line.text === "CHOOSE YOUR LANGUAGE").map((line) => line.reason)).toEqual(["navigation", "navigation"]);
    expect(reasonOf(article, "互联网新闻信息许可证10120180008")).toBe("licence/hotline");
    expect(reasonOf(article, "Disinformation report hotline: 010-85061466")).toBe("licence/hotline");
    expect(article.removed.find((line) => line.text.startsWith("A file photo of U.S. President"))?.reason).toBe("caption");
  });

  it("has a provisional title because the body starts straight away", () => {
    expect(article.titleProvisional).toBe(true);
    expect(article.title).toBe("U.S. President Donald Trump said he plans to speak to Russian counterpart…");
  });

  it("finds CGTN from '…, a researcher …, told CGTN' and no byline", () => {
    expect(article.outlet).toBe("CGTN");
    expect(article.url).toBeNull();
    // "By continuing to browse…" is a consent banner, not a byline.
    expect(article.author).toBeNull();
    expect(article.kind).toBe("NEWS");
    // The caption's "June 28, 2019" is not a publication date.
    expect(article.publishedAt).toBeNull();
  });

  it("keeps section subheadings and the body from first to last paragraph", () => {
    expect(article.paragraphs[0]).toBe(
      "U.S. President Donald Trump said he plans to speak to Russian counterpart Vladimir Putin on Tuesday and discuss ending the Russia-Ukraine crisis after positive talks between U.S. and Russian officials in Moscow.",
    );
    expect(article.paragraphs).toContain("A 'zero-sum' game");
    expect(article.paragraphs).toContain("A shifting point");
    expect(article.paragraphs.at(-1)).toBe(
      "However, Zhao noted if the two sides remain deadlocked over key issues, achieving peace will be far more challenging.",
    );
    expectAbsentFromBody(article, "cookies");
    expectAbsentFromBody(article, "/VCG");
  });
});

describe("seed 004: headline, illustration caption and stock-photo credit", () => {
  const article = parseSeed("004_01be06722b39d923.txt");

  it("reads the headline", () => {
    expect(article.title).toBe("Trump to Speak with Putin as White House Aims for Russia-Ukraine Ceasefire");
    expect(article.titleProvisional).toBe(false);
  });

  it("removes the doubled caption as caption and the Shutterstock line as credit", () => {
    expect(
      reasonOf(
        article,
        "Donald Trump and Vladimir Putin. Portrait Drawing Illustration. July 11, 2018 Donald Trump and Vladimir Putin. Portrait Drawing Illustration. July 11, 2018",
      ),
    ).toBe("caption");
    expect(reasonOf(article, "Donald Trump and Vladimir Putin. Portrait Drawing Illustration. July 11, 2018. By Shutterstock.com / TPYXA_ILLUSTRATION.")).toBe(
      "credit",
    );
    expect(reasonOf(article, "Add a comment")).toBe("comment form");
    expect(reasonOf(article, "Leave a Reply")).toBe("comment form");
  });

  it("does not take the image credit for an author nor the caption date for a publication date", () => {
    expect(article.author).toBeNull();
    expect(article.publishedAt).toBeNull();
    expect(article.outlet).toBeNull();
    expect(article.url).toBeNull();
    expect(article.kind).toBe("NEWS");
  });

  it("keeps the ten body paragraphs with their curly apostrophes", () => {
    expect(article.paragraphs).toHaveLength(10);
    expect(article.paragraphs[0]).toBe(
      "In an effort to broker a ceasefire in the ongoing conflict between Russia and Ukraine, President Donald Trump is set to engage in a critical conversation with Russian President Vladimir Putin. The White House is optimistic, asserting that they are close to securing a temporary ceasefire agreement, which would halt hostilities in the region.",
    );
    expect(article.paragraphs.at(-1)).toBe(
      "As the Trump-Putin call approaches, it signifies a pivotal moment in the Russia-Ukraine conflict. The call’s outcome could steer the trajectory toward a temporary halt or further escalate tensions, with significant diplomatic efforts riding on the potential ceasefire agreement.",
    );
    expectAbsentFromBody(article, "Shutterstock");
    expectAbsentFromBody(article, "Illustration");
  });
});
