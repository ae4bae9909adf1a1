import { describe, expect, it } from "vitest";
import { toAnnotationCollection, toW3CAnnotation, w3cAnnotationInputSchema, w3cAnnotationPatchSchema } from "@/lib/annotations/json-ld";
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
    expect(collection.first.items[0]).not.toHaveProperty("@context");
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
    expect(w3cAnnotationInputSchema.safeParse({ target: { source: "a", selector: [target.selector[0]] }, body: { kind: "claim" } }).error?.issues[0].message).toMatch(/both/);
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
