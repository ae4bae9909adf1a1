import { describe, expect, it } from "vitest";
import { resolveDatesInText } from "@/lib/events/dates";

// 2025-05-21 is a Wednesday.
const WEDNESDAY = "2025-05-21";

const FILLER = "Analysts expect the negotiations to continue. Observers called the atmosphere constructive.";

/** The dates of a sentence, read alone and inside a longer article: the same, at the shifted offsets. */
function sameInArticle(sentence: string, publishedAt: string | null) {
  const alone = resolveDatesInText(sentence, publishedAt);
  const before = `Headline without a date\n\n${FILLER} ${FILLER}\n\n${FILLER} `;
  const article = `${before}${sentence} ${FILLER}\n\n${FILLER}`;
  const inArticle = resolveDatesInText(article, publishedAt);
  expect(inArticle).toEqual(alone.map((d) => ({ ...d, start: d.start + before.length, end: d.end + before.length })));
  return alone;
}

describe("resolveDatesInText in a long text", () => {
  it("finds a date among sentences and lines that hold none, at its offset in the text", () => {
    const [found] = sameInArticle("The two leaders met on Monday, May 19, at 10 a.m. ET in Geneva.", WEDNESDAY);
    expect(found).toMatchObject({ date: "2025-05-19", time: "10:00", timeZone: "America/New_York" });
  });

  it("keeps a date counted from the publication date apart from one written out", () => {
    const [yesterday] = sameInArticle("The ministers spoke by phone yesterday.", WEDNESDAY);
    expect(yesterday).toMatchObject({ date: "2025-05-20", relative: true });
    const [written] = sameInArticle("The ministers spoke by phone on May 19.", WEDNESDAY);
    expect(written).toMatchObject({ date: "2025-05-19", relative: false, note: "year not stated: taken as the nearest to the publication date" });
    const [stated] = sameInArticle("The ministers spoke by phone on May 19, 2024.", WEDNESDAY);
    expect(stated).toMatchObject({ date: "2024-05-19", relative: false });
    expect(stated.note).toBeUndefined();
  });

  it("leaves a date counted from the publication date unresolved when there is none", () => {
    const [found] = sameInArticle("The ministers spoke by phone two days ago.", null);
    expect(found).toMatchObject({ date: null, relative: true });
  });

  it("reads amounts of time whose unit is a single letter", () => {
    // chrono reads "the h" + "one y" in "the honey" as an amount of time: the text is read as a whole article would be.
    const found = sameInArticle("The cook time after the honey is added should be listed.", WEDNESDAY);
    expect(found.map((d) => d.text)).toEqual(["after the honey"]);
  });
});
