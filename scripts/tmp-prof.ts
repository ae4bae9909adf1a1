import { readTrainingPages } from "@/lib/articles/benchmark/train";
import { classifyPageLines } from "@/lib/articles/line-classifier";
import { lineFeatures } from "@/lib/articles/line-features";
const pages = readTrainingPages("/work/shared/corpora/article-extraction");
const bytes = pages.reduce((s, p) => s + p.lines.join("\n").length, 0);
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (const p of pages) lineFeatures(p.lines, p.language); const f = performance.now() - t;
  t = performance.now(); for (const p of pages) classifyPageLines(p.lines, p.language); const c = performance.now() - t;
  console.log(`features ${(f * 10240 / bytes).toFixed(2)} ms/10KB, classify ${(c * 10240 / bytes).toFixed(2)} ms/10KB`);
}
