/**
 * The demo curation file (seeds/demo.json): what an editor and an analyst would do by hand
 * with the seed articles, written down so that the loader can replay it through the same
 * library calls the UI and the API make. Everything points at other entries by `key`;
 * the loader turns keys into database ids. Safe on the client: no server imports.
 */
import { z } from "zod";
import { ARTICLE_KINDS } from "@/lib/articles/schemas";
import { dateValueSchema, numberValueSchema, textValueSchema } from "@/lib/contradictions/claim-values";
import { RESOLUTIONS } from "@/lib/contradictions/schemas";
import { ENTITY_TYPES, LINK_RELATIONS } from "@/lib/entities/schemas";
import { DATE_PRECISIONS, EVENT_RELATION_TYPES, EVENT_TYPES } from "@/lib/events/vocabulary";

const keySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Keys are lower-case words joined by hyphens, e.g. trump-putin-call.");
const keysSchema = z.array(keySchema).min(1);
const text = z.string().trim().min(1);

const articleSchema = z.strictObject({
  key: keySchema,
  /** A file in the same folder as the demo file, imported through the importer. */
  file: z.string().regex(/^[^/\\]+$/, "Name a file in the demo file's folder, without a path."),
  /** Corrections an editor makes on the article page; fields left out stay as imported. */
  metadata: z
    .strictObject({
      title: text.optional(),
      confirmTitle: z.boolean().optional(),
      outlet: z.string().trim().nullable().optional(),
      author: z.string().trim().nullable().optional(),
      publishedAt: z.iso.date().nullable().optional(),
      kind: z.enum(ARTICLE_KINDS).optional(),
    })
    .optional(),
});

const entitySchema = z.strictObject({
  key: keySchema,
  type: z.enum(ENTITY_TYPES),
  name: text,
  aliases: z.array(text).default([]),
  description: text.optional(),
  externalId: text.optional(),
});

const eventSchema = z.strictObject({
  key: keySchema,
  type: z.enum(EVENT_TYPES),
  title: text,
  description: text.optional(),
  date: z
    .strictObject({
      localDate: z.string(),
      precision: z.enum(DATE_PRECISIONS),
      timeZone: z.string().nullable().default(null),
    })
    .optional(),
  place: keySchema.optional(),
  participants: z.array(z.strictObject({ entity: keySchema, role: text })).default([]),
  /** To events listed earlier in the file. */
  relations: z.array(z.strictObject({ type: z.enum(EVENT_RELATION_TYPES), event: keySchema })).default([]),
});

/** An entity or an event, named by key, with further fields. */
function withTarget<S extends z.ZodRawShape>(shape: S) {
  return z.union([z.strictObject({ entity: keySchema, ...shape }), z.strictObject({ event: keySchema, ...shape })]);
}

const linkSchema = withTarget({ relation: z.enum(LINK_RELATIONS).optional() }).transform((link) => ({
  ...link,
  // A passage usually describes an event and mentions an entity.
  relation: link.relation ?? ("event" in link ? "DESCRIBES" : "MENTIONS"),
}));

/** Claim values as in the claims library, except that entity lists name entities by key. */
const demoClaimValueSchema = z.union([
  dateValueSchema,
  numberValueSchema,
  textValueSchema,
  z.strictObject({ type: z.literal("entities"), entities: keysSchema }),
]);

const claimSchema = withTarget({ attribute: text, value: demoClaimValueSchema });

const annotationSchema = z.strictObject({
  key: keySchema,
  article: keySchema,
  /** The passage, exactly as it reads in the article's current text. */
  quote: z.string().min(1),
  /** Which occurrence (1 = first) when the quote occurs more than once in the text. */
  occurrence: z.int().min(1).optional(),
  kind: text,
  comment: text.optional(),
  tags: z.array(text).optional(),
  links: z.array(linkSchema).default([]),
  /** Only on annotations of kind "claim". */
  claim: claimSchema.optional(),
  /** The analyst's decision; "none" leaves the annotation in the review queue. */
  review: z.enum(["approve", "none"]).default("approve"),
  reviewComment: text.optional(),
});

const resolutionSchema = z.strictObject({
  kind: z.enum(RESOLUTIONS),
  /** For ACCEPT_ONE: the annotation whose claim states the accepted value. */
  accept: keySchema.optional(),
  rationale: text,
  evidence: z.array(keySchema).default([]),
});

const contradictionSchema = z
  .strictObject({
    key: keySchema,
    /** Flagged by hand between passages ... */
    flag: z
      .strictObject({
        annotations: z.array(keySchema).min(2),
        summary: text,
        attribute: text.optional(),
        event: keySchema.optional(),
        entity: keySchema.optional(),
      })
      .optional(),
    /** ... or opened by the detector when the claims on a subject and attribute conflict; `members` are the passages it must contain. */
    detected: withTarget({ attribute: text, members: z.array(keySchema).min(2) }).optional(),
    resolution: resolutionSchema.optional(),
    /** The analyst's sign-off of the resolution. */
    signOff: z.strictObject({ comment: text.optional() }).optional(),
  })
  .refine((c) => Boolean(c.flag) !== Boolean(c.detected), "A contradiction is either flagged by hand (flag) or detected (detected).")
  .refine((c) => !c.signOff || c.resolution, "Only a resolution can be signed off: add one.")
  .refine((c) => (c.resolution?.kind === "ACCEPT_ONE") === Boolean(c.resolution?.accept), "ACCEPT_ONE names the accepted passage (accept), and only it does.");

/** A run of text in the briefing body. */
const segmentSchema = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), bold: z.boolean().optional(), italic: z.boolean().optional() }),
  z.strictObject({ cite: keysSchema }),
  z.strictObject({ entity: keySchema, label: text.optional() }),
  z.strictObject({ event: keySchema, label: text.optional() }),
]);
const inlineSchema = z.array(segmentSchema).min(1);

const blockSchema = z.union([
  z.strictObject({ heading: inlineSchema, level: z.union([z.literal(2), z.literal(3)]).default(2) }),
  z.strictObject({ paragraph: inlineSchema }),
  z.strictObject({ bullets: z.array(inlineSchema).min(1) }),
  z.strictObject({ timeline: keysSchema }),
  z.strictObject({ disagreements: keysSchema }),
  z.strictObject({ keyActors: keysSchema }),
]);

const briefingSchema = z.strictObject({
  title: text,
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  summary: text.optional(),
  body: z.array(blockSchema).min(1),
  submitComment: text.optional(),
  approveComment: text.optional(),
  /** Publishes the approved briefing; otherwise it stays approved in the workspace. */
  publish: z.boolean().default(true),
});

export const demoFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    articles: z.array(articleSchema).default([]),
    entities: z.array(entitySchema).default([]),
    events: z.array(eventSchema).default([]),
    annotations: z.array(annotationSchema).default([]),
    contradictions: z.array(contradictionSchema).default([]),
    briefing: briefingSchema.optional(),
  })
  .superRefine(checkReferences);

export type DemoFile = z.infer<typeof demoFileSchema>;
export type DemoArticle = DemoFile["articles"][number];
export type DemoEntity = DemoFile["entities"][number];
export type DemoEvent = DemoFile["events"][number];
export type DemoAnnotation = DemoFile["annotations"][number];
export type DemoContradiction = DemoFile["contradictions"][number];
export type DemoBriefing = NonNullable<DemoFile["briefing"]>;
export type DemoBlock = DemoBriefing["body"][number];
export type DemoSegment = z.infer<typeof segmentSchema>;
export type DemoTarget = { entity: string } | { event: string };
export type DemoClaimValue = z.infer<typeof demoClaimValueSchema>;

type Draft = z.infer<typeof demoFileSchema>;

/**
 * Every key must name an entry of the right collection (events: an earlier one for relations),
 * and keys are unique per collection, so a typo in the file is reported before anything is written.
 */
function checkReferences(file: Draft, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const keysOf = (collection: "articles" | "entities" | "events" | "annotations" | "contradictions") => {
    const seen = new Set<string>();
    file[collection].forEach((entry, i) => {
      if (seen.has(entry.key)) issue([collection, i, "key"], `The key "${entry.key}" is used twice in ${collection}.`);
      seen.add(entry.key);
    });
    return seen;
  };
  const articles = keysOf("articles");
  const entities = keysOf("entities");
  const events = keysOf("events");
  const annotations = keysOf("annotations");
  const contradictions = keysOf("contradictions");
  const expect = (keys: Set<string>, what: string) => (key: string | undefined, path: (string | number)[]) => {
    if (key !== undefined && !keys.has(key)) issue(path, `There is no ${what} with the key "${key}".`);
  };
  const article = expect(articles, "article");
  const entity = expect(entities, "entity");
  const event = expect(events, "event");
  const annotation = expect(annotations, "annotation");
  const contradiction = expect(contradictions, "contradiction");
  const target = (t: DemoTarget, path: (string | number)[]) => ("entity" in t ? entity(t.entity, [...path, "entity"]) : event(t.event, [...path, "event"]));

  const earlier = new Set<string>();
  file.events.forEach((e, i) => {
    entity(e.place, ["events", i, "place"]);
    e.participants.forEach((p, j) => {
      entity(p.entity, ["events", i, "participants", j, "entity"]);
    });
    e.relations.forEach((r, j) => {
      if (!earlier.has(r.event)) issue(["events", i, "relations", j, "event"], `Relations point to an event listed earlier; "${r.event}" is not one.`);
    });
    earlier.add(e.key);
  });
  file.annotations.forEach((a, i) => {
    article(a.article, ["annotations", i, "article"]);
    a.links.forEach((l, j) => {
      target(l, ["annotations", i, "links", j]);
    });
    if (a.claim) {
      if (a.kind !== "claim") issue(["annotations", i, "claim"], `Only an annotation of kind "claim" carries a claim; this one is "${a.kind}".`);
      target(a.claim, ["annotations", i, "claim"]);
      if (a.claim.value.type === "entities")
        a.claim.value.entities.forEach((k, j) => {
          entity(k, ["annotations", i, "claim", "value", "entities", j]);
        });
    }
  });
  const claimed = new Set(file.annotations.filter((a) => a.claim).map((a) => a.key));
  file.contradictions.forEach((c, i) => {
    c.flag?.annotations.forEach((k, j) => {
      annotation(k, ["contradictions", i, "flag", "annotations", j]);
    });
    event(c.flag?.event, ["contradictions", i, "flag", "event"]);
    entity(c.flag?.entity, ["contradictions", i, "flag", "entity"]);
    if (c.detected) {
      target(c.detected, ["contradictions", i, "detected"]);
      c.detected.members.forEach((k, j) => {
        if (!claimed.has(k)) issue(["contradictions", i, "detected", "members", j], `"${k}" is not an annotation with a claim.`);
      });
    }
    if (c.resolution?.accept && !claimed.has(c.resolution.accept)) {
      issue(["contradictions", i, "resolution", "accept"], `"${c.resolution.accept}" is not an annotation with a claim.`);
    }
    c.resolution?.evidence.forEach((k, j) => {
      annotation(k, ["contradictions", i, "resolution", "evidence", j]);
    });
  });
  const segments = (inline: DemoSegment[], path: (string | number)[]) =>
    inline.forEach((s, j) => {
      if (typeof s === "string" || "text" in s) return;
      if ("cite" in s)
        s.cite.forEach((k, n) => {
          annotation(k, [...path, j, "cite", n]);
        });
      else if ("entity" in s) entity(s.entity, [...path, j, "entity"]);
      else event(s.event, [...path, j, "event"]);
    });
  file.briefing?.body.forEach((block, i) => {
    const path = ["briefing", "body", i];
    if ("heading" in block) segments(block.heading, [...path, "heading"]);
    else if ("paragraph" in block) segments(block.paragraph, [...path, "paragraph"]);
    else if ("bullets" in block)
      block.bullets.forEach((item, j) => {
        segments(item, [...path, "bullets", j]);
      });
    else if ("timeline" in block)
      block.timeline.forEach((k, j) => {
        event(k, [...path, "timeline", j]);
      });
    else if ("disagreements" in block)
      block.disagreements.forEach((k, j) => {
        contradiction(k, [...path, "disagreements", j]);
      });
    else
      block.keyActors.forEach((k, j) => {
        entity(k, [...path, "keyActors", j]);
      });
  });
}
