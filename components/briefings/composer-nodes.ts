import { mergeAttributes, Node } from "@tiptap/react";
import { BRIEFING_NODES } from "@/lib/briefings/node-names";

/**
 * The briefing's custom tiptap nodes. Their JSON is exactly what lib/briefings/document.ts
 * accepts: references carry ids (and, inline, the label the editor shows); the public page
 * looks everything up again when the briefing is published.
 */

function idListAttribute(name: string) {
  return {
    default: [] as string[],
    parseHTML: (element: HTMLElement) => (element.getAttribute(`data-${name}`) ?? "").split(",").filter(Boolean),
    renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: (attributes[toCamel(name)] as string[]).join(",") }),
  };
}

function textAttribute(name: string) {
  return {
    default: "",
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? "",
    renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: attributes[toCamel(name)] as string }),
  };
}

function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The document: inserted blocks (timeline, disagreements, key actors) only at the top level. */
export const BriefingDocumentNode = Node.create({
  name: "doc",
  topNode: true,
  content: "(block | briefingBlock)+",
});

export const CitationNode = Node.create({
  name: BRIEFING_NODES.citation,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { annotationIds: idListAttribute("annotation-ids"), label: textAttribute("label") };
  },
  parseHTML() {
    return [{ tag: "span[data-citation]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, { "data-citation": "", class: "composer-citation", title: "Citation" }),
      `[${node.attrs.label || "source"}]`,
    ];
  },
  renderText({ node }) {
    return `[${node.attrs.label || "source"}]`;
  },
});

export const EntityMentionNode = Node.create({
  name: BRIEFING_NODES.entityMention,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { entityId: textAttribute("entity-id"), label: textAttribute("label") };
  },
  parseHTML() {
    return [{ tag: "span[data-entity-mention]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-entity-mention": "", class: "composer-entity" }), node.attrs.label as string];
  },
  renderText({ node }) {
    return node.attrs.label as string;
  },
});

export const EventRefNode = Node.create({
  name: BRIEFING_NODES.eventRef,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { eventId: textAttribute("event-id"), label: textAttribute("label") };
  },
  parseHTML() {
    return [{ tag: "span[data-event-ref]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-event-ref": "", class: "composer-event" }), node.attrs.label as string];
  },
  renderText({ node }) {
    return node.attrs.label as string;
  },
});

function insertedBlock(name: string, attribute: string, describe: (count: number) => string) {
  return Node.create({
    name,
    group: "briefingBlock",
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return { [toCamel(attribute)]: idListAttribute(attribute) };
    },
    parseHTML() {
      return [{ tag: `div[data-${name}]` }];
    },
    renderHTML({ node, HTMLAttributes }) {
      const count = (node.attrs[toCamel(attribute)] as string[]).length;
      return ["div", mergeAttributes(HTMLAttributes, { [`data-${name}`]: "", class: "composer-block" }), describe(count)];
    },
  });
}

export const TimelineNode = insertedBlock(
  BRIEFING_NODES.timeline,
  "event-ids",
  (count) => `Timeline of ${count} event${count === 1 ? "" : "s"} (shown as a picture; see the preview)`,
);
export const DisagreementsNode = insertedBlock(
  BRIEFING_NODES.disagreements,
  "contradiction-ids",
  (count) => `What the sources disagree on: ${count} disagreement${count === 1 ? "" : "s"} with their resolution (see the preview)`,
);
export const KeyActorsNode = insertedBlock(
  BRIEFING_NODES.keyActors,
  "entity-ids",
  (count) => `Key actors: ${count} ${count === 1 ? "entity" : "entities"} (see the preview)`,
);
