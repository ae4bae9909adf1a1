/**
 * `npm run eval:import`: the importer on an article-extraction corpus (both the saved HTML and
 * the copied text of each page), scored with the benchmark's body metric and against each
 * page's declared metadata, beside other extractors' published output on the same pages.
 *
 *   npm run eval:import                                  # the development corpus in ../shared
 *   npm run eval:import -- --corpus DIR --json out.json --limit 10
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runImportEval, type FormResult } from "@/lib/articles/benchmark/run";

const DEFAULT_CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpora/article-extraction");

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", default: process.env.IMPORT_EVAL_CORPUS ?? DEFAULT_CORPUS },
    json: { type: "string" },
    limit: { type: "string" },
    pages: { type: "boolean", default: false },
  },
});

const result = runImportEval(path.resolve(args.corpus!), { limit: args.limit ? Number(args.limit) : undefined });
const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(5);
const f3 = (x: number) => x.toFixed(3);

console.log(`Corpus ${result.corpus}: ${result.pages} pages`);
console.log("");
console.log("form   body F1  precision  recall  headline  date   author  outlet  failures  CPU ms/10KB");
for (const [form, r] of Object.entries(result.forms) as [string, FormResult][]) {
  const field = (name: keyof FormResult["fields"]) => `${pct(r.fields[name].accuracy)}`;
  console.log(
    `${form.padEnd(6)} ${f3(r.body.f1).padStart(7)}  ${f3(r.body.precision).padStart(9)}  ${f3(r.body.recall).padStart(6)}  ${field("headline").padStart(8)}  ${field("date")}  ${field("author").padStart(6)}  ${field("outlet").padStart(6)}  ${String(r.failures).padStart(8)}  ${r.msPer10KB.toFixed(2).padStart(7)}`,
  );
}
const declared = result.forms.text?.fields ?? result.forms.html?.fields;
if (declared) {
  console.log(
    `(pages declaring: headline ${declared.headline.declared}, date ${declared.date.declared}, author ${declared.author.declared}, outlet ${declared.outlet.declared})`,
  );
}
if (result.keepEveryLine) console.log(`text, every line kept: F1 ${f3(result.keepEveryLine.f1)}`);
console.log("");
console.log("peers on the same pages (from HTML)");
for (const [name, scores] of Object.entries(result.peers).sort((a, b) => b[1].f1 - a[1].f1)) {
  console.log(`  ${name.padEnd(16)} F1 ${f3(scores.f1)}  precision ${f3(scores.precision)}  recall ${f3(scores.recall)}`);
}
if (args.pages) {
  console.log("");
  for (const page of [...result.perPage].sort((a, b) => a.f1 - b.f1)) {
    console.log(`${page.form.padEnd(5)} ${f3(page.f1)} ${page.id}${page.error ? ` (${page.error})` : ""}`);
  }
}
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${args.json}`);
}
