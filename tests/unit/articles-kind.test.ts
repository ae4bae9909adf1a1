import { describe, expect, it } from "vitest";
import { detectKind, type KindSignals } from "@/lib/articles/kind";

const REPORT = [
  "Foreign ministers from the two neighbouring states agreed on Wednesday to reopen the border crossing that has been closed since the autumn.",
  "The crossing carried most of the region's grain exports before it shut, and traders had warned that warehouses were full.",
];

function kindOf(paragraphs: string[], signals: Partial<KindSignals> = {}) {
  return detectKind({ title: "Border crossing to reopen", sectionLabels: [], opinionDisclaimer: false, commentators: [], paragraphs, ...signals });
}

describe("the kind of an article, from its conversation", () => {
  it("is an interview told in turns opened by a dash, some of them questions", () => {
    const turns = [
      "— Why did the talks take six hours?",
      "— Because the fees were never settled, and neither side would leave without them.",
      "— Will the commission settle them now?",
      "— It has failed twice before. This time the ministers will chair it themselves.",
    ];
    expect(kindOf([REPORT[0], ...turns])).toBe("INTERVIEW");
  });

  it("is not an interview for posts quoted with a dash before their author, nor for a list's items opened by one", () => {
    const posts = ["— Jane Roe (@janeroe) March 5, 2025", "— Harbour Traders (@harbourtraders) March 5, 2025", "— John Poe (@johnpoe) March 6, 2025"];
    expect(kindOf([REPORT[0], ...posts, REPORT[1]])).toBe("NEWS");
    expect(kindOf([REPORT[0], "– Ma**", "– Jo** Al***", "– Ni** Ro**", REPORT[1]])).toBe("NEWS");
  });

  it("is an interview when the word passes between two speakers, not when one label opens a list's items", () => {
    const turns = [
      "Reporter: Why now?",
      "Minister: The warehouses are full.",
      "Reporter: And the fees?",
      "Minister: The commission will settle them.",
      "Reporter: When?",
      "Minister: Within a month.",
    ];
    expect(kindOf(turns)).toBe("INTERVIEW");
    const offers = [
      "See it now: grain silos at half price.",
      "See it now: a ferry pass for the summer.",
      "See it now: customs forms online.",
      "Also: the timetable.",
    ];
    expect(kindOf([...REPORT, ...offers])).toBe("NEWS");
  });
});
