import chardet from "chardet";
import iconv from "iconv-lite";
import { ParseError } from "./errors";

export interface DecodedText {
  text: string;
  /** Lowercase WHATWG-style label of the encoding used, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
  /** True when the bytes started with a byte order mark (which is not part of `text`). */
  bom: boolean;
}

interface Bom {
  encoding: "utf-8" | "utf-16le" | "utf-16be";
  length: number;
}

// A text file holds no NUL bytes and only a sprinkling of other control characters.
const BINARY_SAMPLE_BYTES = 8192;
const MAX_CONTROL_RATIO = 0.05;

// Browsers decode these labels as their Windows supersets (WHATWG Encoding): the C1 range
// 0x80–0x9F then becomes curly quotes and dashes instead of invisible control characters.
const WHATWG_SUPERSETS: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  "iso-8859-9": "windows-1254",
  "iso-8859-11": "windows-874",
  "us-ascii": "windows-1252",
};

// Documents editors often pick by mistake. Some start with text-like bytes (PDF, RTF), so the
// control-character test alone would not catch them.
const BINARY_SIGNATURES: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .docx, .odt, .epub
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .doc
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
];

// Without a BOM these cannot be told apart from binary reliably, so detection never picks them.
const UNSUPPORTED_WITHOUT_BOM = /^utf-(?:16|32)/;

/**
 * Turns the bytes of an imported file into text. Order: BOM, then strict UTF-8, then a charset
 * declared in an HTML/XML prologue, then statistical detection (chardet). Throws a ParseError
 * for empty or binary input and for bytes no known encoding explains.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ParseError("empty");

  const bom = detectBom(bytes);
  if (bom) {
    const text = decodeStrict(bytes.subarray(bom.length), bom.encoding);
    if (text === null) throw new ParseError("encoding");
    assertTextual(text);
    return { text, encoding: bom.encoding, bom: true };
  }

  if (hasBinarySignature(bytes) || looksBinary(bytes)) throw new ParseError("binary");

  const utf8 = decodeStrict(bytes, "utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", bom: false };

  const encoding = declaredCharset(bytes) ?? detectedCharset(bytes);
  if (!encoding) throw new ParseError("encoding");
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  assertTextual(text);
  return { text, encoding, bom: false };
}

/** Rejects decoded text that is mostly control characters: a binary file that happened to decode. */
export function assertTextual(text: string): void {
  if (text.includes("\u0000")) throw new ParseError("binary");
  const sample = text.length > BINARY_SAMPLE_BYTES ? text.slice(0, BINARY_SAMPLE_BYTES) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (isControlCode(sample.charCodeAt(i))) controls++;
  }
  if (controls > sample.length * MAX_CONTROL_RATIO) throw new ParseError("binary");
}

function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: Bom["encoding"]): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    if (isControlCode(bytes[i])) controls++;
  }
  return controls > end * MAX_CONTROL_RATIO;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return. */
function isControlCode(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

/** A `<meta charset>` or `<?xml encoding>` declaration near the top, when iconv knows it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const label = match?.[1] ?? match?.[2];
  return label ? usableEncoding(label) : null;
}

/** The most confident chardet guess that iconv can decode. */
function detectedCharset(bytes: Uint8Array): string | null {
  for (const match of chardet.analyse(bytes)) {
    const encoding = usableEncoding(match.name);
    if (encoding) return encoding;
  }
  return null;
}

function usableEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  // The bytes were already found not to be UTF-8, so a UTF-8 label is wrong.
  if (lower === "utf-8" || lower === "utf8" || UNSUPPORTED_WITHOUT_BOM.test(lower)) return null;
  const encoding = WHATWG_SUPERSETS[lower] ?? lower;
  return iconv.encodingExists(encoding) ? encoding : null;
}
