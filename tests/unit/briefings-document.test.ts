import { describe, expect, it } from "vitest";
import { briefingDocSchema, briefingDocToPlain, collectReferences, MAX_BODY_CHARS, sanitizeBriefingDoc } from "@/lib/briefings/document";

/** A body exactly as the composer (StarterKit + the briefing nodes) serializes it. */
const EDITOR_DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "The call" }] },
    {
      type: "paragraph",
      content: [
        { type: "entityMention", attrs: { entityId: "ent1", label: "Ada" } },
        { type: "text", text: " called " },
        {
          type: "text",
          text: "the envoy",
          marks: [{ type: "link", attrs: { href: "https://example.org/", target: "_blank", rel: "noopener", class: null, title: null } }, { type: "bold" }],
        },
        { type: "text", text: " on " },
        { type: "eventRef", attrs: { eventId: "evt1", label: "the call" } },
        { type: "citation", attrs: { annotationIds: ["ann1", "ann2"], label: "Reuters; AP" } },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }],
    },
    { type: "timeline", attrs: { eventIds: ["evt1", "evt2"] } },
    { type: "disagreements", attrs: { contradictionIds: ["con1"] } },
    { type: "keyActors", attrs: { entityIds: ["ent1"] } },
    { type: "paragraph" },
  ],
};

describe("sanitizeBriefingDoc", () => {
  it("keeps everything the composer produces and drops only editor-only attributes", () => {
    const clean = sanitizeBriefingDoc(EDITOR_DOC);
    expect(briefingDocSchema.safeParse(clean).success).toBe(true);
    expect(clean.content[1]).toEqual({
      type: "paragraph",
      content: [
        { type: "entityMention", attrs: { entityId: "ent1", label: "Ada" } },
        { type: "text", text: " called " },
        { type: "text", text: "the envoy", marks: [{ type: "link", attrs: { href: "https://example.org/" } }, { type: "bold" }] },
        { type: "text", text: " on " },
        { type: "eventRef", attrs: { eventId: "evt1", label: "the call" } },
        { type: "citation", attrs: { annotationIds: ["ann1", "ann2"], label: "Reuters; AP" } },
      ],
    });
    expect(clean.content[2]).toEqual({
      type: "orderedList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }],
    });
    expect(clean.content.slice(3, 6)).toEqual(EDITOR_DOC.content.slice(3, 6));
  });

  it("removes event handlers, scripts and unsafe links but keeps the writer's text", () => {
    const clean = sanitizeBriefingDoc({
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "x()" },
          content: [{ type: "text", text: "<b>hi</b>", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
        { type: "script", content: [{ type: "text", text: "alert(1)" }] },
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Too big" }] },
      ],
    });
    expect(clean).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "<b>hi</b>" }] },
        { type: "paragraph", content: [{ type: "text", text: "alert(1)" }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Too big" }] },
      ],
    });
  });

  it("keeps inserted blocks at the top level only, and references with usable ids only", () => {
    const clean = sanitizeBriefingDoc({
      type: "doc",
      content: [
        {
          type: "blockquote",
          content: [
            { type: "timeline", attrs: { eventIds: ["evt1"] } },
            { type: "paragraph", content: [{ type: "text", text: "kept" }] },
          ],
        },
        { type: "timeline", attrs: { eventIds: ["evt1", "evt1", "bad id!", 7] } },
        { type: "keyActors", attrs: { entityIds: [] } },
        {
          type: "paragraph",
          content: [
            { type: "citation", attrs: { annotationIds: ["<script>"] } },
            { type: "entityMention", attrs: { entityId: "" } },
          ],
        },
      ],
    });
    expect(clean.content).toEqual([
      { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "kept" }] }] },
      { type: "timeline", attrs: { eventIds: ["evt1"] } },
      { type: "paragraph" },
    ]);
  });

  it("turns anything into a document", () => {
    expect(sanitizeBriefingDoc(null)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(sanitizeBriefingDoc({ type: "text", text: "stray" })).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "stray" }] }],
    });
  });
});

describe("briefingDocSchema", () => {
  it("rejects unknown attributes and node types", () => {
    expect(briefingDocSchema.safeParse({ type: "doc", content: [{ type: "paragraph", attrs: { onclick: "x" } }] }).success).toBe(false);
    expect(briefingDocSchema.safeParse({ type: "doc", content: [{ type: "script" }] }).success).toBe(false);
    expect(briefingDocSchema.safeParse({ type: "doc", content: [{ type: "timeline", attrs: { eventIds: [] } }] }).success).toBe(false);
  });

  it("rejects a body over the length limit and hostile nesting", () => {
    const long = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(MAX_BODY_CHARS + 1) }] }] };
    expect(briefingDocSchema.safeParse(long).error?.issues[0].message).toContain("too long");
    let deep: unknown = { type: "paragraph" };
    for (let i = 0; i < 40; i++) deep = { type: "blockquote", content: [deep] };
    expect(briefingDocSchema.safeParse({ type: "doc", content: [deep] }).error?.issues[0].message).toContain("nested too deeply");
  });
});

describe("reading a document", () => {
  it("collects every reference once, in order", () => {
    expect(collectReferences(sanitizeBriefingDoc(EDITOR_DOC))).toEqual({
      annotationIds: ["ann1", "ann2"],
      entityIds: ["ent1"],
      eventIds: ["evt1", "evt2"],
      contradictionIds: ["con1"],
    });
  });

  it("gives plain text with labels for references and nothing for citations", () => {
    expect(briefingDocToPlain(sanitizeBriefingDoc(EDITOR_DOC))).toBe("The call\nAda called the envoy on the call\none");
  });
});
