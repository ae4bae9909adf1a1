/** Names of the briefing's custom tiptap nodes, shared by the composer and the server. No imports: safe in any bundle. */
export const BRIEFING_NODES = {
  citation: "citation",
  entityMention: "entityMention",
  eventRef: "eventRef",
  timeline: "timeline",
  disagreements: "disagreements",
  keyActors: "keyActors",
} as const;
