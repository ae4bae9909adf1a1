/**
 * `npm run eval:readability-metadata -- --pages DIR`: title and byline from HTML on Mozilla
 * Readability's test pages (the folder test/test-pages of github.com/mozilla/readability),
 * Concord's importer beside Readability alone.
 *
 *   npm run eval:readability-metadata -- --pages ../readability/test/test-pages [--json out.json] [--wrong]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readArgs } from "../args";
import { runReadabilityMetadataEval } from "@/lib/articles/benchmark/readability-metadata";

const { values: args } = readArgs({
  pages: { type: "string" },
  json: { type: "string" },
  wrong: { type: "boolean", default: false },
});
if (!args.pages) {
  console.error("--pages DIR is required (Readability's test/test-pages folder)");
  process.exit(2);
}

const result = runReadabilityMetadataEval(path.resolve(args.pages));
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
console.log(`${result.pages} pages`);
console.log(`                 title   byline`);
console.log(`Concord          ${pct(result.concord.title).padStart(5)}   ${pct(result.concord.byline).padStart(5)}`);
console.log(`Readability      ${pct(result.readability.title).padStart(5)}   ${pct(result.readability.byline).padStart(5)}`);
if (args.wrong) {
  for (const page of result.perPage) {
    if (!page.concord.titleOk) console.log(`title  ${page.name}: ${JSON.stringify(page.concord.title)} expected ${JSON.stringify(page.expected.title)}`);
    if (!page.concord.bylineOk) console.log(`byline ${page.name}: ${JSON.stringify(page.concord.byline)} expected ${JSON.stringify(page.expected.byline)}`);
  }
}
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${args.json}`);
}
