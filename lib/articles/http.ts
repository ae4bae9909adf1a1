import "server-only";
import type { z } from "zod";
import { readBody } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";
import { assertStorableText } from "@/lib/security/storable-text";
import { articleMetadata } from "./article-metadata";
import { parseInput } from "@/lib/validation";
import { MAX_IMPORT_BYTES, type ArticleFormat } from "./extract";
import type { JobFile } from "./jobs";
import { sourceFromText, type ImportSource } from "./prepare";
import type { ArticleDetail } from "./queries";
import { IMPORT_CHUNK_BYTES, importDecisionsSchema, importMetadataSchema, importTextSchema } from "./schemas";

// Room for one article over the limit (so it gets the parser's clear 422, not a bare 413) plus JSON escaping.
const MAX_SINGLE_REQUEST_BYTES = 4 * MAX_IMPORT_BYTES;
// One upload slice of a background import, plus multipart framing.
const MAX_UPLOAD_REQUEST_BYTES = IMPORT_CHUNK_BYTES + 4 * MAX_IMPORT_BYTES;

const RAW_FORMATS: Record<string, ArticleFormat> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

function contentType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

async function readForm(request: Request, limit: number): Promise<FormData> {
  const bytes = await readBody(request, limit);
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new ValidationError("The upload could not be read as multipart form data.");
  }
  // Field values and file names are stored as text; a NUL in either would fail in the database.
  assertStorableText(form);
  return form;
}

async function formFiles(form: FormData): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = [...form.getAll("file"), ...form.getAll("files")].filter((value): value is File => typeof value !== "string");
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/**
 * The articles in a POST /api/articles request: JSON `{ text | html, filename?, decisions?, metadata? }`,
 * a multipart upload (`file` fields, or a `text` field, with optional `decisions` and `metadata`
 * as JSON), or a raw text/HTML/Markdown body (`?filename=`).
 */
export async function readImportSources(request: Request): Promise<ImportSource[]> {
  const type = contentType(request);
  if (type === "multipart/form-data") {
    const form = await readForm(request, MAX_SINGLE_REQUEST_BYTES);
    const files = await formFiles(form);
    const text = form.get("text");
    const decisions = jsonField(form, "decisions", importDecisionsSchema);
    const metadata = jsonField(form, "metadata", importMetadataSchema);
    const sources: ImportSource[] = files.map((file) => ({ bytes: file.bytes, filename: file.name, decisions, metadata }));
    if (typeof text === "string") sources.push({ ...sourceFromText(text, { filename: stringField(form, "filename") }), decisions, metadata });
    if (sources.length === 0) throw new ValidationError("The upload holds no file: send it in a field named `file`.");
    return sources;
  }
  if (type === "" || type === "application/json") {
    const bytes = await readBody(request, MAX_SINGLE_REQUEST_BYTES);
    let json: unknown;
    try {
      json = bytes.byteLength === 0 ? {} : JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      throw new ValidationError("The request body is not valid JSON.");
    }
    const input = parseInput(importTextSchema, json);
    const source =
      input.html !== undefined
        ? sourceFromText(input.html, { filename: input.filename, format: "html" })
        : sourceFromText(input.text!, { filename: input.filename });
    return [{ ...source, decisions: input.decisions, metadata: input.metadata }];
  }
  if (type.startsWith("text/") || type === "application/octet-stream" || type in RAW_FORMATS) {
    const filename = new URL(request.url).searchParams.get("filename") ?? undefined;
    return [{ bytes: await readBody(request, MAX_SINGLE_REQUEST_BYTES), filename, format: RAW_FORMATS[type] }];
  }
  throw new ValidationError('Send JSON ({ "text" } or { "html" }), a multipart upload, or the file itself as text/plain, text/html or text/markdown.');
}

/** A slice of a background import: `file` fields plus `total` (when starting) or `offset` (when adding). */
export async function readJobUpload(request: Request): Promise<{ files: JobFile[]; total?: number; offset?: number }> {
  if (contentType(request) !== "multipart/form-data") throw new ValidationError("Upload the files as multipart form data, in fields named `file`.");
  const form = await readForm(request, MAX_UPLOAD_REQUEST_BYTES);
  return { files: await formFiles(form), total: numberField(form, "total"), offset: numberField(form, "offset") };
}

/**
 * A JSON form field: `decisions` (an array of { index, kept }, the preview's line choices) or
 * `metadata` (the preview's corrections: title, outlet, publishedAt, author, kind).
 */
function jsonField<S extends z.ZodType>(form: FormData, name: string, schema: S): z.infer<S> | undefined {
  const value = stringField(form, name);
  if (value === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new ValidationError(`The field \`${name}\` is not valid JSON.`);
  }
  return parseInput(schema, json);
}

function stringField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function numberField(form: FormData, name: string): number | undefined {
  const value = stringField(form, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new ValidationError(`\`${name}\` must be a whole number.`);
  return number;
}

/** An article as the JSON API returns it: current metadata, the current revision's text and lines, and the revisions. */
export function articleJson(article: ArticleDetail) {
  const revision = article.currentRevision;
  return {
    id: article.id,
    metadata: articleMetadata(article),
    version: article.version,
    text: revision.text,
    paragraphs: revision.paragraphs,
    removed: revision.lines.flatMap((line, index) => (line.kept ? [] : [{ index, text: line.text, reason: line.reason ?? "editor" }])),
    revision: {
      id: revision.id,
      number: revision.number,
      createdAt: revision.createdAt,
      note: revision.note,
      originalFilename: revision.originalFilename,
      originalFormat: revision.originalFormat,
      encoding: revision.encoding,
      contentHash: revision.contentHash,
    },
    revisions: article.revisions.map(({ id, number, note, createdAt, by }) => ({ id, number, note, createdAt, by })),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}
