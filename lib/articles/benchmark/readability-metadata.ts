import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseArticle } from "../extract";
import { headlineMatches, normalizeForMatch } from "./metadata-match";

/**
 * Title and byline from HTML compared with Mozilla Readability's own test pages
 * (test/test-pages/<name>/source.html with expected-metadata.json): Concord's importer beside
 * Readability run alone on the same page.
 */
export interface ReadabilityPageResult {
  name: string;
  expected: { title: string | null; byline: string | null };
  concord: { title: string | null; byline: string | null; titleOk: boolean; bylineOk: boolean };
  readability: { title: string | null; byline: string | null; titleOk: boolean; bylineOk: boolean };
}

export interface ReadabilityMetadataResult {
  pages: number;
  concord: { title: number; byline: number };
  readability: { title: number; byline: number };
  perPage: ReadabilityPageResult[];
}

export function runReadabilityMetadataEval(dir: string): ReadabilityMetadataResult {
  const names = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "source.html")) && existsSync(path.join(dir, name, "expected-metadata.json")))
    .sort();
  const perPage: ReadabilityPageResult[] = [];
  for (const name of names) {
    const html = readFileSync(path.join(dir, name, "source.html"), "utf8");
    const expected = JSON.parse(readFileSync(path.join(dir, name, "expected-metadata.json"), "utf8")) as { title?: string | null; byline?: string | null };
    const want = { title: expected.title || null, byline: expected.byline || null };
    let concord = { title: null as string | null, byline: null as string | null };
    try {
      const article = parseArticle({ bytes: new TextEncoder().encode(html), format: "html" });
      concord = { title: article.titleProvisional ? null : article.title, byline: article.author };
    } catch {
      // A page Concord cannot import counts as wrong on both fields.
    }
    const alone = new Readability(parseHTML(html).document as unknown as Document).parse();
    const readability = { title: alone?.title || null, byline: alone?.byline || null };
    perPage.push({
      name,
      expected: want,
      concord: { ...concord, titleOk: titleMatches(concord.title, want.title), bylineOk: bylineMatches(concord.byline, want.byline) },
      readability: { ...readability, titleOk: titleMatches(readability.title, want.title), bylineOk: bylineMatches(readability.byline, want.byline) },
    });
  }
  const share = (pick: (page: ReadabilityPageResult) => boolean) => perPage.filter(pick).length / Math.max(1, perPage.length);
  return {
    pages: perPage.length,
    concord: { title: share((p) => p.concord.titleOk), byline: share((p) => p.concord.bylineOk) },
    readability: { title: share((p) => p.readability.titleOk), byline: share((p) => p.readability.bylineOk) },
    perPage,
  };
}

/**
 * Same words, ignoring case and punctuation, as the import eval compares headlines: a title
 * with the site's name after it ("Headline | Site") also matches "Headline" when the headline
 * keeps most of its words. With no title expected, any is right.
 */
export function titleMatches(found: string | null, expected: string | null): boolean {
  if (!expected) return true;
  return headlineMatches(found, { h1: [expected] }) === true;
}

/**
 * A byline is right when it names the expected people: every word of the found name is in the
 * expected byline (which may carry "By", roles and outlets) and it is not empty. With no byline
 * expected, finding none is right.
 */
export function bylineMatches(found: string | null, expected: string | null): boolean {
  if (!expected) return !found;
  if (!found) return false;
  const want = new Set(normalizeForMatch(expected).split(" "));
  const words = normalizeForMatch(found).split(" ").filter(Boolean);
  return words.length > 0 && words.every((word) => want.has(word));
}
