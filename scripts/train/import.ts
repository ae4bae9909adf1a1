/**
 * `npm run train:import`: rebuilds lib/articles/line-model.json, the copied-text line
 * classifier, from a corpus in the article-extraction benchmark's layout (default: the
 * development corpus in ../shared), and prints its in-sample and cross-validated body F1.
 *
 *   npm run train:import -- [--corpus DIR] [--folds 5] [--partitions 6] [--check]
 *
 * --partitions N also cross-validates over N-1 shuffled partitions of the pages into folds and
 * prints their mean: one page scored differently moves the figure by about 0.01.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { crossValidate, readTrainingPages, trainingReport, trainModel } from "@/lib/articles/benchmark/train";

const DEFAULT_CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpora/article-extraction");
const MODEL_FILE = path.resolve(import.meta.dirname, "../../lib/articles/line-model.json");

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", default: DEFAULT_CORPUS },
    folds: { type: "string", default: "5" },
    partitions: { type: "string", default: "1" },
    // Scores without writing the model file.
    check: { type: "boolean", default: false },
  },
});

const pages = readTrainingPages(path.resolve(args.corpus!));
const model = trainModel(pages, { corpus: path.basename(path.resolve(args.corpus!)), pages: pages.length });
const report = trainingReport(pages, model, Number(args.folds));
const f3 = (x: number) => x.toFixed(3);
const line = (label: string, s: { f1: number; precision: number; recall: number }) =>
  console.log(`${label.padEnd(24)} F1 ${f3(s.f1)}  precision ${f3(s.precision)}  recall ${f3(s.recall)}`);

console.log(`${report.pages} pages, ${report.lines} lines (${report.articleLines} article)`);
line("every line kept", report.keepEveryLine);
line("perfect line choice", report.perfectLines);
line("model, in-sample", report.inSample);
line(`model, ${report.folds}-fold CV`, report.crossValidated);
console.log(`threshold ${model.threshold}`);
const partitions = Number(args.partitions);
if (partitions > 1) {
  const f1s = [report.crossValidated.f1];
  for (let partition = 1; partition < partitions; partition++) {
    const scores = crossValidate(pages, report.folds, partition);
    line(`  partition ${partition}`, scores);
    f1s.push(scores.f1);
  }
  console.log(`CV F1, mean over ${partitions} partitions: ${f3(f1s.reduce((a, b) => a + b, 0) / partitions)}`);
}

if (!args.check) {
  const training = {
    ...model.training,
    lines: report.lines,
    inSampleF1: Number(f3(report.inSample.f1)),
    crossValidatedF1: Number(f3(report.crossValidated.f1)),
    folds: report.folds,
  };
  writeFileSync(MODEL_FILE, `${JSON.stringify({ ...model, training }, null, 1)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), MODEL_FILE)}`);
}
