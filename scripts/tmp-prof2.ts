import { readTrainingPages } from "@/lib/articles/benchmark/train";
import { classifyBoilerplate } from "@/lib/articles/boilerplate";
const pages = readTrainingPages("/work/shared/corpora/article-extraction");
const all = pages.flatMap(p => p.lines); const bytes = all.join("\n").length;
const DATE_LIKE = /\b(?:19|20)\d{2}\b|\b\d{1,2}[:./-]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\b(?:am|pm|gmt|utc|est|edt|ist)\b/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
for (let r = 0; r < 3; r++) {
  const time = (name: string, f: (s: string) => unknown) => { const t = performance.now(); for (const l of all) f(l); console.log(name, ((performance.now() - t) * 10240 / bytes).toFixed(2)); };
  time("boiler", classifyBoilerplate); time("date", s => DATE_LIKE.test(s)); time("word", s => s.match(WORD)); time("digit", s => s.match(/\p{N}/gu));
}
