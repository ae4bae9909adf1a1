/**
 * Renders a briefing document with the workspace data it points at into public HTML,
 * numbered source notes and timeline data. The HTML is built by hand from the JSON
 * (text is always escaped) and then passed through sanitize-html with a narrow allowlist
 * as a second line of defence. Pure module: the caller loads the sources.
 */
import sanitizeHtml from "sanitize-html";
import type { EventDate } from "@/lib/events/event-dates";
import type { BriefingDoc, InlineNode, InsertedBlockNode, ListItemNode, TextBlockNode } from "./document";
import { escapeHtml, LINK_REL, wrapInMark } from "@/lib/html";

/** A cited passage as readers see it: quote, its sentence, and where it was published. */
export type SourcePassage = {
  annotationId: string;
  quote: string;
  before: string;
  after: string;
  outlet: string | null;
  articleTitle: string;
  url: string | null;
  /** ISO date the article was published, when known. */
  publishedAt: string | null;
};

export type EntityInfo = { id: string; name: string; typeLabel: string; description: string | null };

export type EventInfo = {
  id: string;
  title: string;
  /** The event type key (PHONE_CALL, MEETING…) and its label. */
  type: string;
  typeLabel: string;
  date: EventDate | null;
  dateLabel: string | null;
  /** ISO instant of the start of the event's date, for ordering and placing it on the timeline. */
  occurredAt: string | null;
  place: string | null;
  description: string | null;
};

export type ContradictionInfo = {
  id: string;
  status: "OPEN" | "AWAITING_SIGNOFF" | "RESOLVED" | "DISCLOSED" | "DISMISSED";
  summary: string;
  resolution: "ACCEPT_ONE" | "DISCLOSE" | "NOT_A_CONTRADICTION" | null;
  rationale: string | null;
  resolvedAt: string | null;
  /** Member passages, each shown as one account and cited. */
  accountIds: string[];
  acceptedAnnotationId: string | null;
};

export type RenderSources = {
  passages: ReadonlyMap<string, SourcePassage>;
  entities: ReadonlyMap<string, EntityInfo>;
  events: ReadonlyMap<string, EventInfo>;
  contradictions: ReadonlyMap<string, ContradictionInfo>;
};

/** A numbered note under the briefing. No workspace ids: readers need only what the source said and where. */
export type CitationNote = { number: number } & Omit<SourcePassage, "annotationId">;

/** What a published timeline keeps of an event: no workspace id, no description. */
export type TimelineEntry = Omit<EventInfo, "id" | "description">;
export type TimelineData = { entries: TimelineEntry[] };

/** A settled disagreement as rendered, for the ClaimReview it becomes in JSON-LD. */
export type RenderedDisagreement = {
  anchor: string;
  summary: string;
  status: "RESOLVED" | "DISCLOSED";
  verdict: string;
  rationale: string | null;
  resolvedAt: string | null;
  sources: { outlet: string | null; url: string | null; articleTitle: string }[];
};

export type RenderedBriefing = {
  html: string;
  notes: CitationNote[];
  timelines: TimelineData[];
  disagreements: RenderedDisagreement[];
};

export const UNAVAILABLE_SOURCE = "source unavailable";

const HTML_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "blockquote", "ul", "ol", "li", "strong", "em", "a", "sup", "span", "section", "article", "figure", "q"],
  allowedAttributes: {
    a: ["href", "rel", "id", "aria-label"],
    ol: ["start"],
    sup: ["class"],
    span: ["class"],
    p: ["class"],
    ul: ["class"],
    li: ["class"],
    h2: ["id"],
    h3: ["id"],
    section: ["class", "aria-labelledby"],
    article: ["class", "id"],
    figure: ["class", "data-timeline"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    // Every link leaving the page gets rel, whatever produced it.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href?.startsWith("#") ? attribs : { ...attribs, rel: LINK_REL },
    }),
  },
};

/** The last line of defence for HTML that reaches the public page. */
export function sanitizeBriefingHtml(html: string): string {
  return sanitizeHtml(html, HTML_ALLOWLIST);
}

export function renderBriefing(doc: BriefingDoc, sources: RenderSources): RenderedBriefing {
  return new Renderer(sources).render(doc);
}

class Renderer {
  private readonly noteNumbers = new Map<string, number>();
  private readonly notes: CitationNote[] = [];
  private readonly timelines: TimelineData[] = [];
  private readonly disagreements: RenderedDisagreement[] = [];
  private sectionCount = 0;

  constructor(private readonly sources: RenderSources) {}

  render(doc: BriefingDoc): RenderedBriefing {
    const html = doc.content.map((block) => (isInsertedBlock(block) ? this.insertedBlock(block) : this.textBlock(block))).join("");
    return { html: sanitizeBriefingHtml(html), notes: this.notes, timelines: this.timelines, disagreements: this.disagreements };
  }

  private textBlock(block: TextBlockNode | ListItemNode): string {
    switch (block.type) {
      case "paragraph":
        return `<p>${this.inline(block.content)}</p>`;
      case "heading":
        return `<h${block.attrs.level}>${this.inline(block.content)}</h${block.attrs.level}>`;
      case "blockquote":
        return `<blockquote>${block.content.map((child) => this.textBlock(child)).join("")}</blockquote>`;
      case "bulletList":
        return `<ul>${block.content.map((item) => this.textBlock(item)).join("")}</ul>`;
      case "orderedList": {
        const start = block.attrs?.start;
        return `<ol${start === undefined ? "" : ` start="${start}"`}>${block.content.map((item) => this.textBlock(item)).join("")}</ol>`;
      }
      case "listItem":
        return `<li>${block.content.map((child) => this.textBlock(child)).join("")}</li>`;
    }
  }

  private inline(nodes: readonly InlineNode[] = []): string {
    return nodes.map((node) => this.inlineNode(node)).join("");
  }

  private inlineNode(node: InlineNode): string {
    switch (node.type) {
      case "text":
        return (node.marks ?? []).reduceRight((html, mark) => wrapInMark(mark, html), escapeHtml(node.text));
      case "hardBreak":
        return "<br>";
      case "citation":
        return this.citation(node.attrs.annotationIds);
      case "entityMention": {
        const entity = this.sources.entities.get(node.attrs.entityId);
        return `<span class="entity-mention">${escapeHtml(entity?.name ?? node.attrs.label)}</span>`;
      }
      case "eventRef": {
        const event = this.sources.events.get(node.attrs.eventId);
        if (!event) return `<span class="event-ref">${escapeHtml(node.attrs.label)}</span>`;
        const date = event.dateLabel ? ` <span class="event-date">(${escapeHtml(event.dateLabel)})</span>` : "";
        return `<span class="event-ref">${escapeHtml(event.title)}${date}</span>`;
      }
    }
  }

  /** "[1, 2]": one link per passage to its note; the first citation of a note is its back-link target. */
  private citation(annotationIds: readonly string[]): string {
    const links = annotationIds.map((id) => {
      const passage = this.sources.passages.get(id);
      if (!passage) return `<span class="citation-missing">${UNAVAILABLE_SOURCE}</span>`;
      const { number, first } = this.noteFor(passage);
      const label = `Source ${number}${passage.outlet ? `: ${passage.outlet}` : ""}`;
      return `<a href="#note-${number}"${first ? ` id="cite-${number}"` : ""} aria-label="${escapeHtml(label)}">${number}</a>`;
    });
    return `<sup class="citation">[${links.join(", ")}]</sup>`;
  }

  private noteFor(passage: SourcePassage): { number: number; first: boolean } {
    const existing = this.noteNumbers.get(passage.annotationId);
    if (existing !== undefined) return { number: existing, first: false };
    const number = this.notes.length + 1;
    this.noteNumbers.set(passage.annotationId, number);
    const { annotationId: _id, ...shown } = passage;
    this.notes.push({ number, ...shown });
    return { number, first: true };
  }

  private insertedBlock(block: InsertedBlockNode): string {
    switch (block.type) {
      case "timeline":
        return this.timeline(block.attrs.eventIds);
      case "disagreements":
        return this.disagreementsBlock(block.attrs.contradictionIds);
      case "keyActors":
        return this.keyActors(block.attrs.entityIds);
    }
  }

  private timeline(eventIds: readonly string[]): string {
    const entries = eventIds
      .map((id) => this.sources.events.get(id))
      .filter((event): event is EventInfo => event !== undefined)
      .map(({ title, type, typeLabel, date, dateLabel, occurredAt, place }) => ({ title, type, typeLabel, date, dateLabel, occurredAt, place }))
      // Undated events go last, in the order the writer chose.
      .sort((a, b) => (a.occurredAt ?? "\uffff").localeCompare(b.occurredAt ?? "\uffff"));
    if (entries.length === 0) return "";
    this.timelines.push({ entries });
    return `<figure class="briefing-timeline" data-timeline="${this.timelines.length - 1}"></figure>`;
  }

  private disagreementsBlock(contradictionIds: readonly string[]): string {
    const headingId = `section-${++this.sectionCount}`;
    const items = contradictionIds
      .map((id) => this.sources.contradictions.get(id))
      .filter((item): item is ContradictionInfo => item !== undefined && (item.status === "RESOLVED" || item.status === "DISCLOSED"))
      .map((item) => this.disagreement(item));
    if (items.length === 0) return "";
    return `<section class="disagreements" aria-labelledby="${headingId}"><h2 id="${headingId}">What the sources disagree on</h2>${items.join("")}</section>`;
  }

  private disagreement(item: ContradictionInfo): string {
    const anchor = `disagreement-${this.disagreements.length + 1}`;
    const accounts = item.accountIds.map((id) => this.sources.passages.get(id)).filter((passage): passage is SourcePassage => passage !== undefined);
    const accountsHtml = accounts
      .map(
        (passage) =>
          `<li><span class="outlet">${escapeHtml(passage.outlet ?? passage.articleTitle)}</span>: <q>${escapeHtml(passage.quote)}</q>${this.citation([passage.annotationId])}</li>`,
      )
      .join("");
    const accepted = item.acceptedAnnotationId ? this.sources.passages.get(item.acceptedAnnotationId) : undefined;
    const status = item.status as "RESOLVED" | "DISCLOSED";
    const verdict =
      status === "DISCLOSED"
        ? "Disclosed: the sources disagree and the newsroom could not establish which account is right."
        : accepted
          ? `Resolved: the newsroom accepts the account of ${accepted.outlet ?? accepted.articleTitle}.`
          : "Resolved by the newsroom.";
    const reason = item.rationale ? `<p class="reason"><strong>Reason:</strong> ${escapeHtml(item.rationale)}</p>` : "";
    this.disagreements.push({
      anchor,
      summary: item.summary,
      status,
      verdict,
      rationale: item.rationale,
      resolvedAt: item.resolvedAt,
      sources: accounts.map(({ outlet, url, articleTitle }) => ({ outlet, url, articleTitle })),
    });
    return (
      `<article class="disagreement" id="${anchor}"><h3>${escapeHtml(item.summary)}</h3>` +
      (accountsHtml ? `<ul class="accounts">${accountsHtml}</ul>` : "") +
      `<p class="verdict"><strong>${escapeHtml(verdict)}</strong></p>${reason}</article>`
    );
  }

  private keyActors(entityIds: readonly string[]): string {
    const headingId = `section-${++this.sectionCount}`;
    const items = entityIds
      .map((id) => this.sources.entities.get(id))
      .filter((entity): entity is EntityInfo => entity !== undefined)
      .map((entity) => {
        const description = entity.description ? ` — ${escapeHtml(entity.description)}` : "";
        return `<li><strong>${escapeHtml(entity.name)}</strong> <span class="entity-type">(${escapeHtml(entity.typeLabel.toLowerCase())})</span>${description}</li>`;
      });
    if (items.length === 0) return "";
    return `<section class="key-actors" aria-labelledby="${headingId}"><h2 id="${headingId}">Key actors</h2><ul>${items.join("")}</ul></section>`;
  }
}

function isInsertedBlock(block: BriefingDoc["content"][number]): block is InsertedBlockNode {
  return block.type === "timeline" || block.type === "disagreements" || block.type === "keyActors";
}
