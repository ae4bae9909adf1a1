import path from "node:path";
import { describe, expect, it } from "vitest";
import { authorMatches, dateMatches, headlineMatches, outletMatches } from "@/lib/articles/benchmark/metadata-match";
import { runImportEval } from "@/lib/articles/benchmark/run";
import { bodyScores, shingleMatching, shingles } from "@/lib/articles/benchmark/shingles";

const SAMPLE_CORPUS = path.resolve(import.meta.dirname, "../fixtures/article-extraction");

describe("body metric (word 4-gram shingles)", () => {
  it("counts lower-cased 4-word shingles, and a short text as one shingle", () => {
    expect([...shingles("The cat SAT on the mat").keys()]).toEqual(["the cat sat on", "cat sat on the", "sat on the mat"]);
    expect([...shingles("Two words").keys()]).toEqual(["two words"]);
    expect(shingles("").size).toBe(0);
  });

  it("normalises each page so a long page weighs no more than a short one", () => {
    const truth = "one two three four five six seven";
    const half = shingleMatching(truth, "one two three four five");
    expect(half.tp + half.fp + half.fn).toBeCloseTo(1);
    expect(half.fp).toBe(0);
    expect(half.tp).toBeCloseTo(2 / 4);
    const scores = bodyScores([shingleMatching(truth, truth), shingleMatching(truth, "nothing in common at all here")]);
    expect(scores.precision).toBeCloseTo(0.5);
    expect(scores.recall).toBeCloseTo(0.5);
  });
});

describe("metadata matching", () => {
  it("compares a date stated with its time and zone as one moment, on the declared day in the declared zone", () => {
    // 22:31 at UTC-6 on the 19th is the 20th in UTC.
    expect(dateMatches("2019-11-19", { meta_date: "2019-11-20T04:31:13+00:00" }, "22:31-06:00")).toBe(true);
    expect(dateMatches("2019-11-19", { meta_date: "2019-11-20T04:31:13+00:00" })).toBe(false);
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-18T19:05:00-05:00" }, "19:05-05:00")).toBe(true);
    // A declared bare day is compared with the page's own day.
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-18" }, "23:30-08:00")).toBe(true);
  });

  it("compares a time shown without its zone as the page's clock for the declared moment in some real zone", () => {
    // 23:03 on the 18th is 07:03 UTC on the 19th at UTC-8.
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19T07:03:25+00:00" }, "23:03")).toBe(true);
    expect(dateMatches("2019-11-19", { meta_date: "2019-11-20T01:50:59.403Z" }, "17:50")).toBe(true);
    // Another minute, or a clock no zone on Earth shows at that moment, is another time.
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19T07:03:25+00:00" }, "23:04")).toBe(false);
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19T07:03:25+00:00" }, "23:10")).toBe(false);
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19T07:03:25+00:00" }, "23:18")).toBe(false);
    // Half-hour offsets are in use: 01:33 on the 20th is 20:03 UTC on the 19th at UTC+05:30.
    expect(dateMatches("2019-11-20", { ld_date: "2019-11-19T20:03:25+00:00" }, "01:33")).toBe(true);
    expect(dateMatches("2019-11-17", { ld_date: "2019-11-19T07:03:25+00:00" }, "23:03")).toBe(false);
    // Without a time the day is compared as before; a declared day without a zone is no moment.
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19T07:03:25+00:00" })).toBe(false);
    expect(dateMatches("2019-11-18", { ld_date: "2019-11-19 07:03:25" }, "23:03")).toBe(false);
  });

  it("accepts a headline with the site appended, not a bare site name", () => {
    const declared = { h1: ["Budget approved"], og_title: "Council approves the city budget for next year | City News" };
    expect(headlineMatches("Council approves the city budget for next year", declared)).toBe(true);
    expect(headlineMatches("City News", declared)).toBe(false);
    expect(headlineMatches(null, {})).toBeNull();
  });

  it("compares dates by the calendar day the page states, names by their words, outlets without punctuation", () => {
    expect(dateMatches("2019-11-19", { ld_date: "2019-11-19T23:30:00-05:00" })).toBe(true);
    expect(dateMatches("2019-11-20", { ld_date: "2019-11-19T23:30:00-05:00" })).toBe(false);
    expect(authorMatches("By Meg James, staff writer", { meta_author: "https://example.test/people/meg-james" })).toBe(true);
    expect(authorMatches("Staff", { ld_author: "Meg James" })).toBe(false);
    expect(outletMatches("CBS Sports", { site: "CBSSports.com" })).toBe(true);
    expect(outletMatches("cbssports.com", { site: "https://www.cbssports.com" })).toBe(true);
    expect(outletMatches("Reuters", { site: "CBSSports.com" })).toBe(false);
  });
});

describe("npm run eval:import on the sample corpus", () => {
  const result = runImportEval(SAMPLE_CORPUS);

  it("imports both forms of every page and scores the body against the truth", () => {
    expect(result.pages).toBe(3);
    expect(result.forms.html?.failures).toBe(0);
    expect(result.forms.text?.failures).toBe(0);
    expect(result.forms.html?.body.f1).toBeGreaterThan(0.95);
    expect(result.perPage.filter((p) => p.form === "text")).toHaveLength(3);
  });

  it("scores the copied text above keeping every line", () => {
    expect(result.forms.text!.body.f1).toBeGreaterThan(result.keepEveryLine!.f1);
  });

  it("scores the peers on the same pages and the declared metadata from HTML", () => {
    expect(result.peers["first-three-paragraphs"].precision).toBe(1);
    expect(result.peers["first-three-paragraphs"].recall).toBeLessThan(0.9);
    expect(result.forms.html!.fields.headline).toEqual({ correct: 3, declared: 3, accuracy: 1 });
  });

  it("also scores the date by the day alone, on the same pages, never above the clock's comparison", () => {
    for (const form of [result.forms.html!, result.forms.text!]) {
      expect(form.dateByDay.declared).toBe(form.fields.date.declared);
      expect(form.dateByDay.correct).toBeLessThanOrEqual(form.fields.date.correct);
    }
  });
});
