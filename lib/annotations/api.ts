import "server-only";
import { createHash } from "node:crypto";
import { ConflictError } from "@/lib/errors";
import { offsetConverter } from "./code-points";
import { jsonLdResponse, toW3CAnnotation } from "./json-ld";
import { getCurrentText, listRevisionTexts } from "./queries";
import type { AnnotationView } from "./types";

/**
 * The API counts TextPositionSelector offsets in Unicode code points (W3C Web Annotation);
 * stored offsets are UTF-16 code units, as JavaScript counts. These two convert at the edge.
 */
export async function withCodePointOffsets<V extends Pick<AnnotationView, "revisionId" | "start" | "end">>(views: readonly V[]): Promise<V[]> {
  const texts = await listRevisionTexts(views.map((view) => view.revisionId));
  return views.map((view) => {
    const offsets = offsetConverter(texts.get(view.revisionId) ?? "");
    return { ...view, start: offsets.toCodePoints(view.start), end: offsets.toCodePoints(view.end) };
  });
}

/** A selection sent in code points, in the code units of the article's current text (which it selects on). */
export async function withUnitOffsets<I extends { start: number; end: number }>(on: { articleId: string } | { annotationId: string }, input: I): Promise<I> {
  const text = await getCurrentText(on);
  if (text === null) return input;
  const offsets = offsetConverter(text);
  return { ...input, start: offsets.toUnits(input.start), end: offsets.toUnits(input.end) };
}

/** One annotation in the API's shape, offsets in code points. */
export async function w3cAnnotationOf(view: AnnotationView, origin: string) {
  const [converted] = await withCodePointOffsets([view]);
  return toW3CAnnotation(converted, origin);
}

/** Runs an API write; a 409's current state is sent in the API's own shape (W3C JSON-LD). */
export async function withW3CConflict<T>(origin: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const current = error instanceof ConflictError ? (error.details as { current?: AnnotationView } | undefined)?.current : undefined;
    if (error instanceof ConflictError && current) {
      throw new ConflictError(error.message, { current: await w3cAnnotationOf(current, origin) }, error.code);
    }
    throw error;
  }
}

const LDP_RESOURCE = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
const LDP_CONTAINER = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"';
const CONSTRAINED_BY = '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';

/** Methods each kind of resource answers, for the protocol's Allow header. */
export const ALLOW = {
  annotation: "GET, HEAD, OPTIONS, PATCH, DELETE",
  reply: "GET, HEAD, OPTIONS",
  collection: "GET, HEAD, OPTIONS",
} as const;

function etagOf(body: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
}

/**
 * An annotation (or reply) answer with the Web Annotation Protocol's headers: its type as an
 * LDP resource, an ETag of this representation, the methods allowed, and on 201 its Location.
 */
export function annotationResponse(body: { id: string }, options: { status?: number; allow?: string } = {}): Response {
  const status = options.status ?? 200;
  return jsonLdResponse(body, status, {
    link: LDP_RESOURCE,
    etag: etagOf(body),
    allow: options.allow ?? ALLOW.annotation,
    vary: "Accept",
    ...(status === 201 ? { location: body.id } : {}),
  });
}

/** A collection or page answer: an LDP container constrained by the protocol. */
export function collectionResponse(body: unknown): Response {
  return jsonLdResponse(body, 200, { link: `${LDP_CONTAINER}, ${CONSTRAINED_BY}`, etag: etagOf(body), allow: ALLOW.collection, vary: "Accept, Prefer" });
}
