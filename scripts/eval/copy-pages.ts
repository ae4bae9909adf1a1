/**
 * `npm run eval:copy-pages -- --pages DIR --out DIR`: turns Mozilla Readability's test pages
 * (test/test-pages of github.com/mozilla/readability: each folder's source.html, expected.html
 * and expected-metadata.json) into a corpus in the article-extraction benchmark's layout, so
 * `npm run eval:import -- --corpus OUT` reads pages the line model was never trained on.
 *
 * Each page is copied as the development corpus's were: Chromium's `document.body.innerText`
 * with JavaScript off and nothing fetched (no external stylesheets or images). The truth is the
 * text of Readability's expected output, copied the same way, and the declared metadata is the
 * page's first headings with Readability's title, byline, site name and date; so the figures say
 * how far Concord's reading of copied text agrees with Readability's reading of the HTML, not
 * with a hand-made body.
 *
 *   npm run eval:copy-pages -- --pages /tmp/test-pages --out /tmp/readability-corpus [--min-words 100]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { readArgs } from "../args";
import { CHROMIUM_ARGS, chromiumPath } from "../chromium";

const { values: args } = readArgs({
  pages: { type: "string" },
  out: { type: "string" },
  // Readability's test folder holds made-up pages of a few lines that test one parsing rule each; a body this short is not an article.
  "min-words": { type: "string", default: "100" },
});
if (!args.pages || !args.out) {
  console.error("--pages DIR (Readability's test/test-pages folder) and --out DIR are required");
  process.exit(2);
}
const minWords = Number(args["min-words"]);
if (!Number.isFinite(minWords) || minWords < 0) {
  console.error(`--min-words is a number of words, not ${args["min-words"]}`);
  process.exit(2);
}

const pagesDir = path.resolve(args.pages);
const outDir = path.resolve(args.out);
mkdirSync(path.join(outDir, "html"), { recursive: true });
mkdirSync(path.join(outDir, "text"), { recursive: true });

const names = readdirSync(pagesDir)
  .filter((name) => ["source.html", "expected.html", "expected-metadata.json"].every((file) => existsSync(path.join(pagesDir, name, file))))
  .sort();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const context = await browser.newContext({ javaScriptEnabled: false });
await context.route("**/*", (route) => route.abort());
const page = await context.newPage();

/** The page as copied, and its first headings as the development corpus declares them. */
async function copyPage(html: string): Promise<{ text: string; h1: string[] }> {
  await page.setContent(html, { waitUntil: "domcontentloaded" });
  return page.evaluate(() => ({
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks and all, is what a reader's copy holds.
    text: document.body?.innerText ?? "",
    h1: Array.from(document.querySelectorAll("h1"))
      // biome-ignore lint/performance/useDomNodeTextContent: as the copy shows the heading.
      .map((h) => (h as HTMLElement).innerText.trim())
      .filter(Boolean)
      .slice(0, 3),
  }));
}

const truth: Record<string, { articleBody: string; url: null }> = {};
const metadata: Record<string, Record<string, unknown>> = {};
let skipped = 0;
for (const name of names) {
  const source = readFileSync(path.join(pagesDir, name, "source.html"), "utf8");
  const body = (await copyPage(readFileSync(path.join(pagesDir, name, "expected.html"), "utf8"))).text.trim();
  if (body.split(/\s+/).length < minWords) {
    skipped++;
    continue;
  }
  const expected = JSON.parse(readFileSync(path.join(pagesDir, name, "expected-metadata.json"), "utf8")) as Record<string, string | null>;
  writeFileSync(path.join(outDir, "html", `${name}.html`), source);
  const copied = await copyPage(source);
  writeFileSync(path.join(outDir, "text", `${name}.txt`), copied.text);
  truth[name] = { articleBody: body, url: null };
  metadata[name] = {
    h1: copied.h1.length > 0 ? copied.h1 : null,
    og_title: expected.title || null,
    meta_author: expected.byline || null,
    meta_date: expected.publishedTime || null,
    site: expected.siteName || null,
  };
}
await browser.close();

writeFileSync(path.join(outDir, "ground-truth.json"), `${JSON.stringify(truth, null, 1)}\n`);
writeFileSync(path.join(outDir, "metadata.json"), `${JSON.stringify(metadata, null, 1)}\n`);
console.log(`${Object.keys(truth).length} pages written to ${outDir} (${skipped} with an expected body under ${minWords} words left out)`);
