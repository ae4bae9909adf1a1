/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) in JSON-LD, both ways:
 * annotations and collections out, the same shape in for POST /api/annotations.
 * This product's own fields use the "concord:" prefix, declared in the context.
 * Pure module: safe on client and server.
 */
import { z } from "zod";
import { createAnnotationSchema, createReplySchema, updateAnnotationSchema } from "./schemas";
import type { AnnotationReplyView, AnnotationView } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** Vocabulary of Concord's own terms; a URN because it names terms, it is not a page to fetch. */
export const CONCORD_VOCAB = "urn:concord:vocab#";
export const JSON_LD_CONTEXT = [ANNO_CONTEXT, { concord: CONCORD_VOCAB }] as const;
export const JSON_LD_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type TextualBody = {
  type: "TextualBody";
  purpose: "classifying" | "commenting" | "tagging";
  value: string;
  format?: string;
  "concord:doc"?: unknown;
};

export type W3CAnnotation = {
  "@context"?: typeof JSON_LD_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "commenting";
  created: string;
  modified: string;
  creator: { id: string; type: "Person"; name: string };
  body: TextualBody[];
  target: {
    source: string;
    selector: [{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }, { type: "TextPositionSelector"; start: number; end: number }];
  };
  "concord:article": string;
  "concord:revision": string;
  "concord:kind": string;
  "concord:tags": string[];
  "concord:status": AnnotationView["status"];
  "concord:anchorStatus": AnnotationView["anchorStatus"];
  "concord:originalExact": string;
  "concord:version": number;
  "concord:reviews": AnnotationView["reviews"];
  "concord:replies": AnnotationView["replies"];
};

export function annotationIri(origin: string, id: string): string {
  return `${origin}/api/annotations/${encodeURIComponent(id)}`;
}

export function articleIri(origin: string, articleId: string): string {
  return `${origin}/articles/${encodeURIComponent(articleId)}`;
}

export function replyIri(origin: string, annotationId: string, replyId: string): string {
  return `${annotationIri(origin, annotationId)}/replies/${encodeURIComponent(replyId)}`;
}

function personOf(origin: string, person: { id: string; name: string }) {
  return { id: `${origin}/users/${encodeURIComponent(person.id)}`, type: "Person" as const, name: person.name };
}

export type W3CReply = {
  "@context": typeof JSON_LD_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "replying";
  created: string;
  creator: ReturnType<typeof personOf>;
  body: { type: "TextualBody"; value: string; format: "text/plain" };
  /** The annotation replied to, or the reply answered. */
  target: string;
};

/** A reply as a W3C annotation whose target is what it answers (Web Annotation model, motivation "replying"). */
export function toW3CReply(reply: AnnotationReplyView, annotationId: string, origin: string): W3CReply {
  return {
    "@context": JSON_LD_CONTEXT,
    id: replyIri(origin, annotationId, reply.id),
    type: "Annotation",
    motivation: "replying",
    created: reply.createdAt,
    creator: personOf(origin, reply.author),
    body: { type: "TextualBody", value: reply.body, format: "text/plain" },
    target: reply.parentId ? replyIri(origin, annotationId, reply.parentId) : annotationIri(origin, annotationId),
  };
}

/** One annotation; `embedded` leaves out the @context, as inside a collection page. */
export function toW3CAnnotation(view: AnnotationView, origin: string, options: { embedded?: boolean } = {}): W3CAnnotation {
  const body: TextualBody[] = [
    { type: "TextualBody", purpose: "classifying", value: view.kind },
    { type: "TextualBody", purpose: "commenting", value: view.bodyHtml, format: "text/html", "concord:doc": view.body },
    ...view.tags.map((tag): TextualBody => ({ type: "TextualBody", purpose: "tagging", value: tag })),
  ];
  return {
    ...(options.embedded ? {} : { "@context": JSON_LD_CONTEXT }),
    id: annotationIri(origin, view.id),
    type: "Annotation",
    motivation: "commenting",
    created: view.createdAt,
    modified: view.updatedAt,
    creator: personOf(origin, view.author),
    body,
    target: {
      source: articleIri(origin, view.articleId),
      selector: [
        { type: "TextQuoteSelector", exact: view.exact, prefix: view.prefix, suffix: view.suffix },
        { type: "TextPositionSelector", start: view.start, end: view.end },
      ],
    },
    "concord:article": view.articleId,
    "concord:revision": view.revisionId,
    "concord:kind": view.kind,
    "concord:tags": view.tags,
    "concord:status": view.status,
    "concord:anchorStatus": view.anchorStatus,
    "concord:originalExact": view.originalExact,
    "concord:version": view.version,
    "concord:reviews": view.reviews,
    "concord:replies": view.replies,
  };
}

/** Which page of an article's annotations an answer holds (W3C Web Annotation Protocol paging). */
export type CollectionPaging = { total: number; page: number; limit: number };

function pagingOf(views: readonly AnnotationView[], origin: string, article: { id: string; title: string }, paging: CollectionPaging) {
  const id = `${origin}/api/articles/${encodeURIComponent(article.id)}/annotations`;
  const { total, page, limit } = paging;
  const lastPage = Math.max(1, Math.ceil(total / limit));
  const pageIri = (number: number) => `${id}?page=${number}&limit=${limit}`;
  const collection = {
    id,
    type: "AnnotationCollection" as const,
    label: `Annotations on "${article.title}"`,
    total,
    ...(lastPage > 1 ? { last: pageIri(lastPage) } : {}),
  };
  const annotationPage = {
    id: pageIri(page),
    type: "AnnotationPage" as const,
    startIndex: (page - 1) * limit,
    ...(page > 1 ? { prev: pageIri(page - 1) } : {}),
    ...(page < lastPage ? { next: pageIri(page + 1) } : {}),
    items: views.map((view) => toW3CAnnotation(view, origin, { embedded: true })),
  };
  return { collection, annotationPage };
}

/**
 * The article's annotations as an AnnotationCollection with its first page embedded; with
 * `paging`, `views` is that first page and `next`/`last` name the others. A page holds one
 * item or more, so a collection with none has no `first`.
 */
export function toAnnotationCollection(
  views: readonly AnnotationView[],
  origin: string,
  article: { id: string; title: string },
  paging: CollectionPaging = { total: views.length, page: 1, limit: Math.max(views.length, 1) },
) {
  const { collection, annotationPage } = pagingOf(views, origin, article, { ...paging, page: 1 });
  return { "@context": JSON_LD_CONTEXT, ...collection, ...(paging.total > 0 ? { first: annotationPage } : {}) };
}

/** A later page of the article's annotations: an AnnotationPage `partOf` the collection. */
export function toAnnotationPage(views: readonly AnnotationView[], origin: string, article: { id: string; title: string }, paging: CollectionPaging) {
  const { collection, annotationPage } = pagingOf(views, origin, article, paging);
  return { "@context": JSON_LD_CONTEXT, ...annotationPage, partOf: collection };
}

/** Accepts a bare article id or an IRI naming the article (…/articles/{id}). */
function articleIdFromSource(source: string): string {
  const match = /\/articles\/([^/?#]+)\/?(?:[?#].*)?$/.exec(source);
  return match ? decodeURIComponent(match[1]) : source;
}

const quoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelectorSchema = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.int("Selection offsets must be whole numbers."),
  end: z.int("Selection offsets must be whole numbers."),
});
const selectorSchema = z.discriminatedUnion("type", [quoteSelectorSchema, positionSelectorSchema], {
  error: "Selectors are TextQuoteSelector or TextPositionSelector.",
});

const textualBodySchema = z.object({
  type: z.literal("TextualBody").optional(),
  purpose: z.enum(["classifying", "commenting", "tagging"], { message: "Body purposes are classifying, commenting or tagging." }),
  value: z.string(),
  format: z.string().optional(),
  "concord:doc": z.unknown().optional(),
});

/** Concord's compact body: `{ kind, comment, tags }`. */
const compactBodySchema = z.object({
  kind: z.string(),
  comment: z.unknown().optional(),
  tags: z.unknown().optional(),
});

type ExtractedBody = { kind?: string; comment?: unknown; tags?: unknown };

function fromTextualBodies(items: z.infer<typeof textualBodySchema>[]): ExtractedBody {
  const commenting = items.find((item) => item.purpose === "commenting");
  const tags = items.filter((item) => item.purpose === "tagging").map((item) => item.value);
  return {
    kind: items.find((item) => item.purpose === "classifying")?.value,
    // A rich document travels in concord:doc; otherwise the value is plain text, markup included.
    comment: commenting ? (commenting["concord:doc"] ?? commenting.value) : undefined,
    tags: tags.length > 0 ? tags : undefined,
  };
}

/**
 * Parses what a W3C shape was translated into with the app's own schema, so the route parses a
 * request once and lib receives it typed; issues keep the app schema's paths and messages.
 */
function parsedAs<S extends z.ZodType>(schema: S) {
  return (value: unknown, context: z.RefinementCtx): z.output<S> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) context.addIssue({ ...issue });
    return z.NEVER;
  };
}

/** POST /api/annotations: the W3C shape, translated into createAnnotation's input and parsed as such. */
export const w3cAnnotationInputSchema = z
  .object({
    type: z.literal("Annotation").optional(),
    target: z.object({
      source: z.string().min(1, "target.source names the article."),
      selector: z.array(selectorSchema).min(1),
    }),
    body: z.union([compactBodySchema, z.array(textualBodySchema).min(1), textualBodySchema], {
      error: "body is { kind, comment, tags } or a list of TextualBody items with purposes.",
    }),
  })
  .transform((input, context) => {
    const quote = input.target.selector.find((selector) => selector.type === "TextQuoteSelector");
    const position = input.target.selector.find((selector) => selector.type === "TextPositionSelector");
    if (!quote || !position) {
      context.addIssue({ code: "custom", path: ["target", "selector"], message: "Send both a TextQuoteSelector and a TextPositionSelector." });
      return z.NEVER;
    }
    const body: ExtractedBody = Array.isArray(input.body)
      ? fromTextualBodies(input.body)
      : "purpose" in input.body
        ? fromTextualBodies([input.body])
        : input.body;
    if (!body.kind) {
      context.addIssue({ code: "custom", path: ["body"], message: "Name the kind (a classifying body or body.kind)." });
      return z.NEVER;
    }
    return {
      articleId: articleIdFromSource(input.target.source),
      kind: body.kind,
      start: position.start,
      end: position.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      comment: body.comment,
      tags: body.tags,
    };
  })
  .transform(parsedAs(createAnnotationSchema));

/** Accepts an annotation's IRI (…/annotations/{id}), a reply's (…/annotations/{id}/replies/{replyId}) or a bare annotation id. */
function repliedTo(target: string): { annotationId: string; parentId?: string } {
  const match = /\/annotations\/([^/?#]+)(?:\/replies\/([^/?#]+))?\/?(?:[?#].*)?$/.exec(target);
  if (!match) return { annotationId: target };
  return { annotationId: decodeURIComponent(match[1]), ...(match[2] ? { parentId: decodeURIComponent(match[2]) } : {}) };
}

const replyBodySchema = z.object({ type: z.literal("TextualBody").optional(), value: z.string(), format: z.string().optional() });

/** POST /api/annotations with `motivation: "replying"`: a reply to the annotation (or reply) its target names. */
export const w3cReplyInputSchema = z
  .object({
    type: z.literal("Annotation").optional(),
    motivation: z.literal("replying"),
    target: z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((target) => target.id)], {
      error: "target is the IRI of the annotation or reply answered.",
    }),
    body: z.union([z.string(), replyBodySchema.transform((body) => body.value), z.tuple([replyBodySchema]).transform(([body]) => body.value)], {
      error: "body is the reply's text or one TextualBody.",
    }),
  })
  .transform((input) => ({ motivation: "replying" as const, ...repliedTo(input.target), body: input.body }))
  .transform(parsedAs(createReplySchema.extend({ motivation: z.literal("replying"), annotationId: z.string() })));

/** POST /api/annotations: an annotation, or a reply when the motivation is "replying". */
export const w3cPostSchema = z.unknown().transform((input, context) => {
  const replying = typeof input === "object" && input !== null && (input as { motivation?: unknown }).motivation === "replying";
  const result = replying ? w3cReplyInputSchema.safeParse(input) : w3cAnnotationInputSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) context.addIssue({ ...issue });
  return z.NEVER;
});

/**
 * PATCH /api/annotations/{id}: `{ version, kind?, comment?, tags? }`, or an edited copy of the
 * annotation as GET returned it (version in "concord:version", changes in `body`).
 */
export const w3cAnnotationPatchSchema = z
  .object({
    version: z.int().optional(),
    "concord:version": z.int().optional(),
    kind: z.string().optional(),
    comment: z.unknown().optional(),
    tags: z.unknown().optional(),
    body: z.union([compactBodySchema.partial(), z.array(textualBodySchema), textualBodySchema]).optional(),
  })
  .transform((input, context) => {
    const version = input.version ?? input["concord:version"];
    if (version === undefined) {
      context.addIssue({ code: "custom", path: ["version"], message: "Send the version you edited." });
      return z.NEVER;
    }
    const fromBody: ExtractedBody = !input.body
      ? {}
      : Array.isArray(input.body)
        ? fromTextualBodies(input.body)
        : "purpose" in input.body
          ? fromTextualBodies([input.body])
          : input.body;
    return {
      version,
      kind: input.kind ?? fromBody.kind,
      comment: input.comment ?? fromBody.comment,
      tags: input.tags ?? fromBody.tags,
    };
  })
  .transform(parsedAs(updateAnnotationSchema));

export function jsonLdResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": JSON_LD_CONTENT_TYPE } });
}
