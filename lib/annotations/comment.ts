/**
 * Turns a comment as received (tiptap document or plain text) into what is stored: the
 * validated, sanitized document and its HTML. Pure: safe on client and server, so the form
 * can show the same message the server would send.
 */
import { plainTextToDoc, richTextDocSchema, richTextToHtml, richTextToPlain, sanitizeRichText, type RichTextDoc } from "./rich-text";
import { containsHtml } from "./schemas";

export type PreparedComment = { body: RichTextDoc; bodyHtml: string; plain: string };

export type CommentResult = { ok: true; comment: PreparedComment } | { ok: false; message: string };

export function prepareComment(comment: RichTextDoc | string | undefined): CommentResult {
  const candidate = typeof comment === "string" ? plainTextToDoc(comment) : (comment ?? plainTextToDoc(""));
  const parsed = richTextDocSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The comment is not valid." };
  const body = sanitizeRichText(parsed.data);
  const plain = richTextToPlain(body);
  if (containsHtml(plain)) {
    return {
      ok: false,
      message: "Comments cannot contain HTML tags. Use the toolbar for bold, italic, links and lists.",
    };
  }
  return { ok: true, comment: { body, bodyHtml: plain.trim() === "" ? "" : richTextToHtml(body), plain } };
}
