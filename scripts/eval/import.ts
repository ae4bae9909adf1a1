/**
 * `npm run eval:import`: the importer on an article-extraction corpus (both the saved HTML and
 * the copied text of each page), scored with the benchmark's body metric and against each
 * page's declared metadata, beside other extractors' published output on the same pages.
 *
 *   npm run eval:import                                  # the development corpus in ../shared
 *   npm run eval:import -- --corpus DIR --json out.json --limit 10
 *   npm run eval:import -- --misses [--wrap N]           # copied text only: each metadata miss, found vs declared
 *   npm run eval:import -- --wrap 72                     # the copied text hard-wrapped at 72 characters, as in an e-mail
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readCorpus, readPageForm } from "@/lib/articles/benchmark/corpus";
import { compareMetadata, type DeclaredMetadata, type FieldName } from "@/lib/articles/benchmark/metadata-match";
import { hardWrap, runImportEval, type FormResult } from "@/lib/articles/benchmark/run";
import { prepareImport } from "@/lib/articles/prepare";
import { readArgs } from "../args";

const DEFAULT_CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpora/article-extraction");

const { values: args } = readArgs({
  corpus: { type: "string", default: process.env.IMPORT_EVAL_CORPUS ?? DEFAULT_CORPUS },
  json: { type: "string" },
  limit: { type: "string" },
  pages: { type: "boolean", default: false },
  misses: { type: "boolean", default: false },
  // With --misses: which form's misses (text or html).
  form: { type: "string", default: "text" },
  wrap: { type: "string" },
});

if (args.misses) {
  if (args.form !== "text" && args.form !== "html") throw new Error(`--form is text or html, not ${args.form}`);
  printMisses(path.resolve(args.corpus!), args.form, args.limit ? Number(args.limit) : undefined, args.wrap ? Number(args.wrap) : undefined);
  process.exit(0);
}

const result = runImportEval(path.resolve(args.corpus!), {
  limit: args.limit ? Number(args.limit) : undefined,
  wrap: args.wrap ? Number(args.wrap) : undefined,
});
const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(5);
const f3 = (x: number) => x.toFixed(3);

console.log(`Corpus ${result.corpus}: ${result.pages} pages${args.wrap ? `, copied text hard-wrapped at ${args.wrap} characters` : ""}`);
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
for (const [form, r] of Object.entries(result.forms) as [string, FormResult][])
  console.log(`${form}, date without the page's zone-less clock (by the day alone unless a zone was stated): ${pct(r.dateByDay.accuracy).trim()}`);
if (result.forms.text?.classifierMsPer10KB != null)
  console.log(`text, line classifier alone: CPU ${result.forms.text.classifierMsPer10KB.toFixed(2)} ms/10KB (target < 5)`);
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

/** One form of the pages (copied text, or saved HTML): per field, what was found beside what the page declares, for every miss. */
function printMisses(dir: string, form: "text" | "html", limit: number | undefined, wrap: number | undefined) {
  const declaredOf: Record<FieldName, (d: DeclaredMetadata) => string> = {
    headline: (d) => [d.h1?.[0], d.og_title, d.ld_headline].filter(Boolean).join(" ‖ "),
    date: (d) => [d.ld_date, d.meta_date].filter(Boolean).join(" ‖ "),
    author: (d) => [d.ld_author, d.meta_author].filter(Boolean).join(" ‖ "),
    outlet: (d) => d.site ?? "",
  };
  const misses: Record<FieldName, string[]> = { headline: [], date: [], author: [], outlet: [] };
  const scores: Record<FieldName, [number, number]> = { headline: [0, 0], date: [0, 0], author: [0, 0], outlet: [0, 0] };
  for (const page of readCorpus(dir, { limit }).pages) {
    const stored = readPageForm(dir, page.id, form);
    if (!stored) continue;
    const bytes = wrap && form === "text" ? hardWrap(stored, wrap) : stored;
    const prepared = prepareImport({ bytes, filename: `${page.id}.${form === "text" ? "txt" : "html"}`, format: form });
    const article = prepared.ok
      ? prepared.article
      : { title: null, titleProvisional: true, author: null, publishedAt: null, publishedTime: null, outlet: null };
    const found: Record<FieldName, string | null> = {
      headline: article.titleProvisional ? null : article.title,
      date: article.publishedAt && article.publishedTime ? `${article.publishedAt}T${article.publishedTime}` : article.publishedAt,
      author: article.author,
      outlet: article.outlet,
    };
    for (const [field, ok] of Object.entries(compareMetadata(article, page.declared)) as [FieldName, boolean | null][]) {
      if (ok === null) continue;
      scores[field][1]++;
      if (ok) scores[field][0]++;
      else misses[field].push(`  ${page.id}  found ${JSON.stringify(found[field])}  declared ${JSON.stringify(declaredOf[field](page.declared))}`);
    }
  }
  for (const field of Object.keys(misses) as FieldName[]) {
    const [correct, declared] = scores[field];
    console.log(`${field}: ${correct}/${declared} right, ${misses[field].length} missed`);
    for (const line of misses[field]) console.log(line);
  }
}
