import { describe, expect, it } from "vitest";
import { offsetConverter } from "@/lib/annotations/code-points";
import {
  toAnnotationCollection,
  toW3CAnnotation,
  toW3CReply,
  w3cAnnotationInputSchema,
  w3cAnnotationPatchSchema,
  w3cPostSchema,
} from "@/lib/annotations/json-ld";
import type { AnnotationView } from "@/lib/annotations/types";

const view: AnnotationView = {
  id: "ann1",
  articleId: "art1",
  revisionId: "rev2",
  kind: "claim",
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Check" }] }] },
  bodyHtml: "<p>Check</p>",
  tags: ["dates"],
  exact: "on Monday",
  prefix: "met ",
  suffix: " in Paris",
  start: 4,
  end: 13,
  anchorStatus: "ANCHORED",
  originalExact: "on Monday",
  linkOnly: false,
  status: "PENDING",
  version: 3,
  author: { id: "u1", name: "Erin" },
  createdAt: "2026-11-21T10:00:00.000Z",
  updatedAt: "2026-11-21T11:00:00.000Z",
  deletedAt: null,
  reviews: [],
  replies: [],
};

describe("toW3CAnnotation", () => {
  it("produces a Web Annotation with both selectors, a textual body and namespaced Concord fields", () => {
    const annotation = toW3CAnnotation(view, "https://concord.example");
    expect(annotation).toMatchObject({
      "@context": ["http://www.w3.org/ns/anno.jsonld", { concord: expect.any(String) }],
      id: "https://concord.example/api/annotations/ann1",
      type: "Annotation",
      created: "2026-11-21T10:00:00.000Z",
      modified: "2026-11-21T11:00:00.000Z",
      creator: { type: "Person", name: "Erin" },
      target: {
        source: "https://concord.example/articles/art1",
        selector: [
          { type: "TextQuoteSelector", exact: "on Monday", prefix: "met ", suffix: " in Paris" },
          { type: "TextPositionSelector", start: 4, end: 13 },
        ],
      },
      "concord:kind": "claim",
      "concord:status": "PENDING",
      "concord:version": 3,
    });
    expect(annotation.body).toEqual([
      { type: "TextualBody", purpose: "classifying", value: "claim" },
      { type: "TextualBody", purpose: "commenting", value: "<p>Check</p>", format: "text/html", "concord:doc": view.body },
      { type: "TextualBody", purpose: "tagging", value: "dates" },
    ]);
    // Every top-level key is a term of the W3C context or carries the declared "concord:" prefix.
    const w3cTerms = ["@context", "id", "type", "motivation", "created", "modified", "creator", "body", "target"];
    expect(Object.keys(annotation).filter((key) => !w3cTerms.includes(key) && !key.startsWith("concord:"))).toEqual([]);
  });

  it("embeds items in a collection without repeating the context", () => {
    const collection = toAnnotationCollection([view], "https://concord.example", { id: "art1", title: "T" });
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 1, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(collection.first!.items[0]).not.toHaveProperty("@context");
  });

  it("gives a collection with no annotations no first page (a page holds one item or more)", () => {
    const collection = toAnnotationCollection([], "https://concord.example", { id: "art1", title: "T" });
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(collection).not.toHaveProperty("first");
  });

  it("writes a reply as an annotation replying to the annotation or to the reply it answers", () => {
    const reply = { id: "r2", parentId: "r1", author: { id: "u2", name: "Ann" }, body: "Yes.", createdAt: "2026-01-02T00:00:00.000Z" };
    expect(toW3CReply(reply, "ann1", "https://concord.example")).toMatchObject({
      id: "https://concord.example/api/annotations/ann1/replies/r2",
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value: "Yes." },
      target: "https://concord.example/api/annotations/ann1/replies/r1",
    });
    expect(toW3CReply({ ...reply, parentId: null }, "ann1", "https://concord.example").target).toBe("https://concord.example/api/annotations/ann1");
  });
});

describe("w3cPostSchema", () => {
  it("reads a reply whose target is an annotation's or a reply's IRI", () => {
    expect(
      w3cPostSchema.parse({
        type: "Annotation",
        motivation: "replying",
        target: "https://c.example/api/annotations/ann1",
        body: { type: "TextualBody", value: "Why?" },
      }),
    ).toEqual({
      motivation: "replying",
      annotationId: "ann1",
      body: "Why?",
    });
    expect(w3cPostSchema.parse({ motivation: "replying", target: { id: "https://c.example/api/annotations/ann1/replies/r1" }, body: "Because." })).toEqual({
      motivation: "replying",
      annotationId: "ann1",
      parentId: "r1",
      body: "Because.",
    });
  });

  it("reports the annotation schema's own problems for anything else", () => {
    expect(w3cPostSchema.safeParse({ target: { source: "a", selector: [] }, body: { kind: "claim" } }).success).toBe(false);
    expect(w3cPostSchema.safeParse({ motivation: "replying", target: "x" }).error?.issues[0].path).toEqual(["body"]);
  });
});

describe("offsetConverter", () => {
  const text = "A 😀 smile, then 👍🏽 done";

  it("counts code points where JavaScript counts UTF-16 units", () => {
    const offsets = offsetConverter(text);
    const units = text.indexOf("done");
    expect(offsets.toCodePoints(units)).toBe([...text.slice(0, units)].length);
    expect(offsets.toUnits([...text.slice(0, units)].length)).toBe(units);
    expect(offsets.toCodePoints(text.indexOf("😀"))).toBe(2);
    expect(offsets.toCodePoints(text.indexOf(" smile"))).toBe(3);
  });

  it("round-trips every boundary and moves offsets past the end by the same amount", () => {
    const offsets = offsetConverter(text);
    let units = 0;
    for (const [points, character] of [...text].entries()) {
      expect(offsets.toUnits(points)).toBe(units);
      expect(offsets.toCodePoints(units)).toBe(points);
      units += character.length;
    }
    const end = [...text].length;
    expect(offsets.toUnits(end + 5)).toBe(text.length + 5);
    expect(offsets.toCodePoints(-1)).toBe(-1);
  });

  it("leaves text without astral characters alone", () => {
    expect(offsetConverter("plain é text").toCodePoints(7)).toBe(7);
  });
});

describe("w3cAnnotationInputSchema", () => {
  const target = {
    source: "art1",
    selector: [
      { type: "TextQuoteSelector", exact: "on Monday", prefix: "met ", suffix: " in Paris" },
      { type: "TextPositionSelector", start: 4, end: 13 },
    ],
  };

  it("reads the compact body", () => {
    expect(w3cAnnotationInputSchema.parse({ target, body: { kind: "claim", comment: "Why?", tags: ["a"] } })).toEqual({
      articleId: "art1",
      kind: "claim",
      start: 4,
      end: 13,
      exact: "on Monday",
      prefix: "met ",
      suffix: " in Paris",
      comment: "Why?",
      tags: ["a"],
    });
  });

  it("round-trips its own output: IRI source and TextualBody items", () => {
    const parsed = w3cAnnotationInputSchema.parse(toW3CAnnotation(view, "https://concord.example"));
    expect(parsed).toMatchObject({ articleId: "art1", kind: "claim", comment: view.body, tags: ["dates"], start: 4, end: 13 });
  });

  it("requires both selectors and a kind", () => {
    expect(
      w3cAnnotationInputSchema.safeParse({ target: { source: "a", selector: [target.selector[0]] }, body: { kind: "claim" } }).error?.issues[0].message,
    ).toMatch(/both/);
    expect(w3cAnnotationInputSchema.safeParse({ target, body: [{ purpose: "commenting", value: "x" }] }).error?.issues[0].message).toMatch(/kind/);
  });
});

describe("w3cAnnotationPatchSchema", () => {
  it("reads flat changes", () => {
    expect(w3cAnnotationPatchSchema.parse({ version: 2, tags: ["a"] })).toEqual({ version: 2, kind: undefined, comment: undefined, tags: ["a"] });
  });

  it("reads an edited copy of the annotation as GET returned it", () => {
    const edited = { ...toW3CAnnotation(view, "https://concord.example"), body: [{ type: "TextualBody", purpose: "classifying", value: "fact" }] };
    expect(w3cAnnotationPatchSchema.parse(edited)).toEqual({ version: 3, kind: "fact", comment: undefined, tags: undefined });
  });

  it("requires a version", () => {
    expect(w3cAnnotationPatchSchema.safeParse({ tags: [] }).error?.issues[0].message).toMatch(/version/);
  });
});
