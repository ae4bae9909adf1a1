/** Largest accepted import: news articles are a few kilobytes; anything bigger is a wrong file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ParseErrorCode = "empty" | "too-large" | "binary" | "encoding" | "no-text" | "no-body";

const MESSAGES: Record<ParseErrorCode, string> = {
  empty: "The file is empty.",
  "too-large": "The file is larger than 5 MB. Articles are much smaller: check that this is the right file.",
  binary: "This looks like a binary file (an image, a PDF or a Word document), not text. Save the article as plain text, HTML or Markdown and import that.",
  encoding: "The text encoding of this file could not be recognised. Save it as UTF-8 and import it again.",
  "no-text": "The HTML page contains no readable text.",
  "no-body": "No article text was found: every line looked like a headline, a byline or page furniture.",
};

/** An import that cannot become an article. `message` is written for editors, not developers. */
export class ParseError extends Error {
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string = MESSAGES[code]) {
    super(message);
    this.name = "ParseError";
    this.code = code;
  }
}
