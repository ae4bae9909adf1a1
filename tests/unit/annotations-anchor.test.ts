import { describe, expect, it } from "vitest";
import {
  type AnchorSelectors,
  type ReanchorResult,
  buildSelectors,
  CONTEXT_AGREEMENT,
  CONTEXT_LENGTH,
  FUZZY_THRESHOLD,
  reanchor,
  reanchorAll,
  SelectorError,
  type SelectorErrorCode,
  segmentsForHighlights,
  verifySelectors,
} from "@/lib/annotations/anchor";

const INTRO = "Concord City Council met on Tuesday evening to discuss next year's budget.";
const PASSAGE = "the new bridge would cost about 40 million euros";
const CLAIM = `The mayor said ${PASSAGE} and open in 2027.`;
const REACTION = "Opposition members called the estimate unrealistic and asked for an audit.";
const ARTICLE = [INTRO, CLAIM, REACTION].join("\n\n");

/** Selectors for the first occurrence of `quote` (after `from`) in `text`. */
function select(text: string, quote: string, from = 0): AnchorSelectors {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`test setup: "${quote}" not in text`);
  return buildSelectors(text, start, start + quote.length);
}

function thrownCode(action: () => unknown): SelectorErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SelectorError) return error.code;
    throw error;
  }
  return undefined;
}

/** What the reader would see highlighted after re-anchoring. */
function highlighted(text: string, result: ReanchorResult): string | undefined {
  return result.status === "orphaned" ? undefined : text.slice(result.start, result.end);
}

describe("buildSelectors", () => {
  it("captures the quote, up to 32 characters of context on each side and the position", () => {
    const selectors = select(ARTICLE, PASSAGE);
    const start = ARTICLE.indexOf(PASSAGE);

    expect(selectors.quote).toEqual({
      type: "TextQuoteSelector",
      exact: PASSAGE,
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(start + PASSAGE.length, start + PASSAGE.length + CONTEXT_LENGTH),
    });
    expect(selectors.quote.prefix).toHaveLength(32);
    expect(selectors.position).toEqual({ type: "TextPositionSelector", start, end: start + PASSAGE.length });
  });

  it("uses shorter context at the edges of the text", () => {
    const { quote } = buildSelectors(ARTICLE, 0, 7);

    expect(quote).toMatchObject({ exact: "Concord", prefix: "" });
    const atEnd = buildSelectors(ARTICLE, ARTICLE.length - 6, ARTICLE.length);
    expect(atEnd.quote).toMatchObject({ exact: "audit.", suffix: "" });
  });

  it("counts offsets in UTF-16 code units, so an emoji before the passage counts as 2", () => {
    const text = "👍 Great reporting";
    const { position, quote } = buildSelectors(text, 3, 8);

    expect(quote.exact).toBe("Great");
    expect(position.start).toBe(3);
  });

  it("rejects unusable selections with a typed error", () => {
    expect(thrownCode(() => buildSelectors(ARTICLE, 10, 10))).toBe("empty_selection");
    expect(thrownCode(() => buildSelectors(ARTICLE, 10, ARTICLE.length + 1))).toBe("out_of_range");
    expect(thrownCode(() => buildSelectors(ARTICLE, -1, 5))).toBe("out_of_range");
    expect(thrownCode(() => buildSelectors(ARTICLE, 20, 10))).toBe("start_after_end");
    expect(thrownCode(() => buildSelectors(ARTICLE, 1.5, 10))).toBe("out_of_range");
    const breakAt = ARTICLE.indexOf("\n\n");
    expect(thrownCode(() => buildSelectors(ARTICLE, breakAt, breakAt + 2))).toBe("whitespace_only");
  });
});

describe("verifySelectors", () => {
  it("accepts selectors built from the same text", () => {
    const { quote, position } = select(ARTICLE, PASSAGE);

    expect(verifySelectors(ARTICLE, quote, position)).toEqual({ ok: true });
  });

  it("accepts a shorter prefix and suffix than CONTEXT_LENGTH when they match", () => {
    const { quote, position } = select(ARTICLE, PASSAGE);

    expect(verifySelectors(ARTICLE, { ...quote, prefix: "said ", suffix: " and" }, position)).toEqual({ ok: true });
  });

  it("rejects a quote that does not match the text at the position", () => {
    const { quote, position } = select(ARTICLE, PASSAGE);

    const tampered = { ...quote, exact: "the new bridge would cost about 50 million euros" };

    const result = verifySelectors(ARTICLE, tampered, position);

    expect(result).toMatchObject({ ok: false, code: "quote_mismatch" });
  });

  it("rejects a position shifted by one character even though the quote text is right", () => {
    const { quote, position } = select(ARTICLE, PASSAGE);

    const result = verifySelectors(ARTICLE, quote, { ...position, start: position.start + 1, end: position.end + 1 });

    expect(result).toMatchObject({ ok: false, code: "quote_mismatch" });
  });

  it("rejects context that does not surround the quote", () => {
    const { quote, position } = select(ARTICLE, PASSAGE);

    expect(verifySelectors(ARTICLE, { ...quote, prefix: "The minister said " }, position)).toMatchObject({
      ok: false,
      code: "context_mismatch",
    });
  });

  it("rejects a position outside the text and an empty selection", () => {
    const outside = { type: "TextPositionSelector", start: ARTICLE.length, end: ARTICLE.length + 5 } as const;
    const empty = { type: "TextPositionSelector", start: 4, end: 4 } as const;
    const quote = { type: "TextQuoteSelector", exact: "", prefix: "", suffix: "" } as const;

    expect(verifySelectors(ARTICLE, quote, outside)).toMatchObject({ ok: false, code: "out_of_range" });
    expect(verifySelectors(ARTICLE, quote, empty)).toMatchObject({ ok: false, code: "empty_selection" });
  });
});

describe("reanchor", () => {
  const anchor = select(ARTICLE, PASSAGE);

  it("keeps the annotation when the text is unchanged", () => {
    expect(reanchor(ARTICLE, anchor)).toEqual({
      status: "kept",
      start: anchor.position.start,
      end: anchor.position.end,
      exact: PASSAGE,
      score: 1,
    });
  });

  it("keeps the annotation when text is inserted or deleted after the passage", () => {
    const inserted = ARTICLE.replace("and open in 2027", "and open in 2027, two years late");
    const deleted = ARTICLE.replace(" and asked for an audit", "");

    expect(reanchor(inserted, anchor)).toMatchObject({ status: "kept", start: anchor.position.start });
    expect(reanchor(deleted, anchor)).toMatchObject({ status: "kept", start: anchor.position.start });
  });

  it("moves the annotation when text is inserted before the passage", () => {
    const text = ARTICLE.replace("Tuesday evening", "Tuesday evening, in a session that ran past midnight,");

    const result = reanchor(text, anchor);

    expect(result.status).toBe("moved");
    expect(result.start).toBe(anchor.position.start + ", in a session that ran past midnight,".length);
    expect(highlighted(text, result)).toBe(PASSAGE);
  });

  it("moves the annotation when text is deleted before the passage", () => {
    const text = ARTICLE.replace(" next year's", "");

    const result = reanchor(text, anchor);

    expect(result).toMatchObject({ status: "moved", start: anchor.position.start - " next year's".length });
    expect(highlighted(text, result)).toBe(PASSAGE);
  });

  it("moves the annotation when a whole paragraph before it is removed", () => {
    const text = [CLAIM, REACTION].join("\n\n");

    const result = reanchor(text, anchor);

    expect(result).toMatchObject({ status: "moved", start: CLAIM.indexOf(PASSAGE) });
  });

  it("re-anchors fuzzily, for a check, when a paragraph before it is removed and the passage edited", () => {
    const text = [CLAIM.replace("40 million", "45 million"), REACTION].join("\n\n");

    const result = reanchor(text, anchor);

    expect(result.status).toBe("fuzzy");
    expect(highlighted(text, result)).toBe("the new bridge would cost about 45 million euros");
  });

  it("re-anchors fuzzily over the whole edited passage when words are inserted inside it", () => {
    const edited = "the new bridge would now cost about 40 million euros";
    const text = ARTICLE.replace(PASSAGE, edited);

    const result = reanchor(text, anchor);

    expect(result.status).toBe("fuzzy");
    expect(result.exact).toBe(edited);
    expect(highlighted(text, result)).toBe(edited);
    expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(result.score).toBeLessThan(1);
  });

  it("re-anchors fuzzily when words are deleted inside the passage", () => {
    const edited = "the bridge would cost about 40 million euros";
    const text = ARTICLE.replace(PASSAGE, edited);

    const result = reanchor(text, anchor);

    expect(result.status).toBe("fuzzy");
    expect(highlighted(text, result)).toBe(edited);
  });

  it("re-anchors a short quote (under 32 characters) whose length changed", () => {
    const shortAnchor = select(ARTICLE, "called the estimate unrealistic");
    const text = ARTICLE.replace("called the estimate unrealistic", "called the estimates unrealistic");

    const result = reanchor(text, shortAnchor);

    expect(result.status).toBe("fuzzy");
    expect(highlighted(text, result)).toBe("called the estimates unrealistic");
  });

  it("re-anchors fuzzily after whitespace and punctuation changes", () => {
    const quoteAnchor = select(ARTICLE, "Opposition members called the estimate unrealistic and asked for an audit.");
    const edited = "Opposition members called the estimate “unrealistic”, and asked  for an audit.";
    const text = ARTICLE.replace(REACTION, edited);

    const result = reanchor(text, quoteAnchor);

    expect(result.status).toBe("fuzzy");
    expect(highlighted(text, result)).toBe(edited);
  });

  it("does not let a fuzzy highlight start or end on whitespace the quote did not have", () => {
    const sentence = "The company reported record profits in the third quarter.";
    const source = `Markets opened higher. ${sentence} Analysts were surprised.`;
    const text = source.replace(sentence, "The company reported a loss in the third quarter of the year.");

    // The quote's ending (" quarter.") now matches best just before "of the year.".
    const result = reanchor(text, select(source, sentence));

    expect(result.status).toBe("fuzzy");
    expect(highlighted(text, result)).toBe("The company reported a loss in the third quarter");
  });

  describe("an edited passage with a similar passage nearer to its old position", () => {
    // Removing the long first paragraph brings the look-alike close to where the passage
    // used to be; the surviving context must lead the fuzzy search to the right one.
    const filler = "Earlier coverage of the council session is summarised in our live blog. ".repeat(8);
    const passage = "The bridge would cost about 40 million euros";
    const lookalike = "The tunnel would cost about 40 million euros";
    const original = [
      filler,
      "The lead paragraph stays.",
      `Budget talks. ${passage}, officials said.`,
      filler.slice(0, 200),
      `Transport plan. ${lookalike}, officials said.`,
    ].join("\n\n");
    const edited = "The bridge would cost about 45 million euros";
    const before = select(original, passage);
    const withoutFiller = original.replace(`${filler}\n\n`, "");

    it("follows the passage's unchanged prefix", () => {
      const text = withoutFiller.replace(`${passage}, officials said.`, `${edited}, a spokesperson said.`);

      const result = reanchor(text, before);

      expect(result.status).toBe("fuzzy");
      expect(highlighted(text, result)).toBe(edited);
    });

    it("follows the passage's unchanged suffix when the prefix changed", () => {
      const text = withoutFiller.replace(`Budget talks. ${passage}`, `Budget talks resumed: ${edited}`);

      const result = reanchor(text, before);

      expect(result.status).toBe("fuzzy");
      expect(highlighted(text, result)).toBe(edited);
    });
  });

  it("orphans the annotation when the passage is gone", () => {
    const text = [INTRO, "The mayor declined to comment on the cost of the project.", REACTION].join("\n\n");

    expect(reanchor(text, anchor)).toEqual({ status: "orphaned" });
  });

  it("orphans the annotation when the passage was rewritten beyond recognition", () => {
    const text = ARTICLE.replace(PASSAGE, "construction had not yet been scheduled by the city");

    expect(reanchor(text, anchor).status).toBe("orphaned");
  });

  describe("a quote that occurs more than once", () => {
    const text = [
      "At the morning session the mayor said the plan was final. Reporters left early.",
      "At the evening session the mayor said the plan was final. Nobody asked questions.",
    ].join("\n\n");
    const secondAnchor = select(text, "the plan was final", text.indexOf("evening"));

    it("uses prefix and suffix to pick the occurrence the annotation was written on", () => {
      // A new first paragraph pushes both copies down; the first copy now sits
      // nearer to the old position, but only the second has the right context.
      const shifted = `${"Breaking news. ".repeat(12)}\n\n${text}`;
      const wrongCopy = shifted.indexOf("the plan was final");
      expect(Math.abs(wrongCopy - secondAnchor.position.start)).toBeLessThan(Math.abs(shifted.lastIndexOf("the plan was final") - secondAnchor.position.start));

      const result = reanchor(shifted, secondAnchor);

      expect(result).toMatchObject({ status: "moved", start: shifted.lastIndexOf("the plan was final") });
    });

    it("points a lookalike, for a check, at the nearest copy when no copy keeps the old surroundings", () => {
      const firstAnchor = select(text, "the plan was final");
      expect(firstAnchor.position.start).toBe(38);
      // Every copy now has the same, new surroundings, so only distance can decide.
      const repeated = "Note: the plan was final; ".repeat(4);
      const copies = [6, 32, 58, 84];
      expect(copies.map((at) => repeated.indexOf("the plan was final", at))).toEqual(copies);

      const result = reanchor(repeated, firstAnchor);

      expect(result).toMatchObject({ status: "lookalike", start: 32 });
    });
  });

  describe("FUZZY_THRESHOLD", () => {
    // The threshold separates "the same passage, copy-edited" from "different text".
    // Copy-edits of news sentences score 0.85–0.98; once more than a quarter of the
    // characters are new, the sentence has been rewritten and the comment may not apply
    // any more, so the annotation is orphaned (and kept) rather than pinned to new text.
    const QUOTE = "Prices rose sharply across the region"; // 37 characters
    const anchorFor = (text: string) => select(text, QUOTE);
    const original = `Officials confirmed on Monday that ${QUOTE} during the winter months.`;
    const withChanges = (count: number) => {
      // Substitute `count` letters in the middle of the quote (never its first or last 4).
      const letters = [...QUOTE];
      let changed = 0;
      for (let i = 4; changed < count && i < letters.length - 4; i += 1) {
        if (/[a-z]/.test(letters[i])) {
          letters[i] = "X";
          changed += 1;
        }
      }
      return original.replace(QUOTE, letters.join(""));
    };

    it("is 0.75", () => {
      expect(FUZZY_THRESHOLD).toBe(0.75);
    });

    it("accepts a passage with just over three characters in four unchanged", () => {
      // 9 of 37 characters changed: similarity 28/37 ≈ 0.757, just above the threshold.
      const text = withChanges(9);

      const result = reanchor(text, anchorFor(original));

      expect(result.status).toBe("fuzzy");
      expect(result.score).toBeCloseTo(28 / 37, 5);
      expect(highlighted(text, result)).toHaveLength(QUOTE.length);
    });

    it("rejects a passage with just under three characters in four unchanged", () => {
      // 10 of 37 characters changed: similarity 27/37 ≈ 0.730, just below the threshold.
      const result = reanchor(withChanges(10), anchorFor(original));

      expect(result).toEqual({ status: "orphaned" });
    });

    it("accepts a one-word substitution and rejects a rewrite with the same opening and ending", () => {
      const sentence = "Police said three people were arrested near the station.";
      const source = `Traffic was diverted. ${sentence} The line reopened at noon.`;
      const before = select(source, sentence);

      const substituted = reanchor(source.replace("arrested", "detained"), before);
      const rewritten = reanchor(source.replace("three people were arrested", "nobody had been detained"), before);

      expect(substituted).toMatchObject({ status: "fuzzy", score: 1 - 7 / 56 }); // 0.875
      expect(rewritten).toEqual({ status: "orphaned" });
    });
  });
});

describe("reanchor and lookalike passages", () => {
  const CALL = "A separate phone call between the two ministers took place on Tuesday afternoon, the ministry said.";
  const TALKS = "Negotiators from both delegations met on Tuesday in Riyadh to prepare a ceasefire text.";
  const TODAY = [CALL, TALKS].join("\n\n");

  it("does not move a short quote to the same words in another sentence when its sentence is deleted", () => {
    const anchor = select(TODAY, "on Tuesday");

    const result = reanchor(TALKS, anchor);

    expect(result.status).toBe("lookalike");
    expect(highlighted(TALKS, result)).toBe("on Tuesday");
  });

  it("does not treat the kept position as kept when other words now surround the quote there", () => {
    const anchor = select(TODAY, "on Tuesday");
    // Another sentence now holds the same words at exactly the old offset.
    const filler = "Later, a short call between aides of the two offices was held ";
    const text = `${filler.slice(0, anchor.position.start)}on Tuesday night in a hotel.`;
    expect(text.indexOf("on Tuesday")).toBe(anchor.position.start);

    expect(reanchor(text, anchor).status).toBe("lookalike");
  });

  it("flags the surviving near-duplicate paragraph when the annotated one is removed", () => {
    const foreign = "The foreign ministers spoke by phone on Tuesday afternoon about the prisoner exchange.";
    const defence = "The defence ministers spoke by phone on Tuesday evening about the border incidents.";
    const anchor = select([foreign, defence].join("\n\n"), "on Tuesday");

    expect(reanchor(defence, anchor).status).toBe("lookalike");
  });

  it("still moves the quote with its sentence when the sentence itself survives", () => {
    const anchor = select(TODAY, "on Tuesday");
    const text = [TALKS, "An aide added details.", CALL].join("\n\n");

    expect(reanchor(text, anchor)).toMatchObject({ status: "moved", start: text.indexOf("on Tuesday afternoon") });
  });

  it("still moves a quote that begins its paragraph when the paragraph moves", () => {
    const anchor = select(TODAY, "Negotiators from both");
    const text = [TALKS, "An aide added details.", CALL].join("\n\n");

    expect(reanchor(text, anchor)).toMatchObject({ status: "moved", start: 0 });
    expect(reanchor(["An aide added details.", TALKS].join("\n\n"), anchor).status).toBe("moved");
  });

  it("tolerates a copy-edit more than CONTEXT_AGREEMENT characters from the quote", () => {
    const anchor = select(TODAY, "on Tuesday");
    const text = ["A short introduction.", CALL.replace("A separate", "One")].join("\n\n");

    expect(CONTEXT_AGREEMENT).toBe(16);
    expect(reanchor(text, anchor).status).toBe("moved");
  });
});

describe("reanchorAll", () => {
  it("returns one result per annotation in input order, keeping orphans", () => {
    const anchors = [select(ARTICLE, PASSAGE), select(ARTICLE, "Opposition members"), select(ARTICLE, "Tuesday evening")];
    const text = ARTICLE.replace(`${INTRO}\n\n`, "");

    const results = reanchorAll(text, anchors);

    expect(results.map((result) => result.status)).toEqual(["moved", "moved", "orphaned"]);
  });

  it("re-anchors 1,000 annotations on a 10 KB revision to the same words", () => {
    const random = seededRandom(42);
    const words = "council budget mayor bridge river school tax vote court police report minister plan city".split(" ");
    const pick = (count: number) => Math.floor(random() * count);
    const sentence = () => `${Array.from({ length: 8 + pick(8) }, () => words[pick(words.length)]).join(" ")} ${pick(100_000)}.`;
    const paragraphs: string[] = [];
    while (paragraphs.join("\n\n").length < 10_000) paragraphs.push(Array.from({ length: 4 }, sentence).join(" "));
    const text = paragraphs.join("\n\n");
    const anchors = Array.from({ length: 1_000 }, () => {
      const start = pick(text.length - 80);
      const length = 10 + pick(60);
      return buildSelectors(text, start, start + length);
    });
    // A typical new revision: a new lead paragraph, one paragraph dropped, a few edits.
    const edited = [sentence(), ...paragraphs.filter((_, i) => i !== 10).map((p, i) => (i % 5 === 0 ? p.replace(/\d+/, "2026") : p))].join("\n\n");

    const results = reanchorAll(edited, anchors);

    expect(results).toHaveLength(1_000);
    for (const [i, result] of results.entries()) {
      if (result.status === "kept" || result.status === "moved") {
        expect(edited.slice(result.start, result.end)).toBe(anchors[i].quote.exact);
      }
    }
    // Nothing written on the dropped paragraph may claim to have found its passage again.
    const droppedStart = paragraphs.slice(0, 10).join("\n\n").length + 2;
    const droppedEnd = droppedStart + paragraphs[10].length;
    const onDropped = results.filter((_, i) => anchors[i].position.start >= droppedStart && anchors[i].position.end <= droppedEnd);
    expect(onDropped.length).toBeGreaterThan(0);
    expect(onDropped.filter((result) => result.status === "kept" || result.status === "moved")).toEqual([]);
    const statuses = new Set(results.map((result) => result.status));
    expect(statuses).toEqual(new Set(["moved", "fuzzy", "lookalike", "orphaned"]));
  });
});

describe("segmentsForHighlights", () => {
  it("splits overlapping highlights into flat segments listing every annotation that covers them", () => {
    const text = "The mayor said the bridge is late.";
    const [paragraph] = segmentsForHighlights(text, [
      { id: "a", start: 4, end: 18 }, // "mayor said the"
      { id: "b", start: 10, end: 25 }, // "said the bridge"
    ]);

    expect(paragraph.segments).toEqual([
      { start: 0, end: 4, text: "The ", ids: [] },
      { start: 4, end: 10, text: "mayor ", ids: ["a"] },
      { start: 10, end: 18, text: "said the", ids: ["a", "b"] },
      { start: 18, end: 25, text: " bridge", ids: ["b"] },
      { start: 25, end: 34, text: " is late.", ids: [] },
    ]);
  });

  it("never lets a segment span a paragraph break", () => {
    const text = "First paragraph ends here.\n\nSecond one starts here.";
    const start = text.indexOf("ends");
    const end = text.indexOf(" starts");

    const paragraphs = segmentsForHighlights(text, [{ id: "x", start, end }]);

    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.map((p) => p.segments.map((s) => [s.text, s.ids]))).toEqual([
      [
        ["First paragraph ", []],
        ["ends here.", ["x"]],
      ],
      [
        ["Second one", ["x"]],
        [" starts here.", []],
      ],
    ]);
    for (const paragraph of paragraphs) {
      expect(paragraph.segments.map((s) => s.text).join("")).toBe(text.slice(paragraph.start, paragraph.end));
    }
  });

  it("returns each paragraph as a single unhighlighted segment when there are no ranges", () => {
    const paragraphs = segmentsForHighlights("One.\n\nTwo.", []);

    expect(paragraphs).toEqual([
      { start: 0, end: 4, segments: [{ start: 0, end: 4, text: "One.", ids: [] }] },
      { start: 6, end: 10, segments: [{ start: 6, end: 10, text: "Two.", ids: [] }] },
    ]);
  });
});

/** Deterministic pseudo-random numbers (mulberry32) so the benchmark text is the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
