/**
 * `npm run eval:proposals`: measures the proposal engine on a synthetic newsroom whose truth is
 * known, and on the five seed articles against hand labels (tests/support/proposal-seed-labels.ts).
 *
 *   npm run eval:proposals                      # seed 18, 40 world happenings, with and without a registry
 *   npm run eval:proposals -- --seed 7 --events 80 --errors
 *   npm run eval:proposals -- --json            # one JSON object on stdout
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry, type Registry } from "@/lib/proposals/names";
import { proposeFromExtractions } from "@/lib/proposals/propose";
import type { ArticleExtraction, ProposalArticle, RegistryEntity } from "@/lib/proposals/types";
import { SEED_CONTRADICTIONS, seedEvalCorpus, seedRegistry } from "@/tests/support/proposal-seed-labels";
import { score, type EvalArticle, type Ratio, type Scores } from "./metrics";
import { generateNewsroom } from "./newsroom";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "18" },
    events: { type: "string", default: "40" },
    json: { type: "boolean", default: false },
    errors: { type: "boolean", default: false },
  },
});

const TARGETS = { groupingF1: 0.9, dates: 0.95, contradictionRecall: 0.9, contradictionPrecision: 0.8, msPer10KB: 50 };

interface Run {
  label: string;
  articles: number;
  kilobytes: number;
  msPer10KB: number;
  cpuMsPer10KB: number;
  msPer10KBp95: number;
  groupingMs: number;
  proposals: number;
  claims: number;
  candidates: number;
  scores: Scores;
}

/**
 * Wall-clock time per article, and the process's CPU time for all of them: on a machine shared
 * with other work the wall clock also counts time spent waiting for a core.
 */
function timedExtractions(
  articles: ProposalArticle[],
  registry: Registry | null,
): { extractions: ArticleExtraction[]; per10KB: number[]; totalMs: number; cpuMs: number } {
  for (const a of articles.slice(0, 5)) extractArticle(a, registry);
  const per10KB: number[] = [];
  let totalMs = 0;
  const cpuStart = process.cpuUsage();
  const extractions = articles.map((a) => {
    const start = performance.now();
    const extraction = extractArticle(a, registry);
    const ms = performance.now() - start;
    totalMs += ms;
    per10KB.push((ms * 10_240) / Math.max(1, Buffer.byteLength(a.text)));
    return extraction;
  });
  const cpu = process.cpuUsage(cpuStart);
  return { extractions, per10KB, totalMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function run(
  label: string,
  corpus: EvalArticle[],
  registryEntities: RegistryEntity[] | null,
  /** The names of the truth's entities: a run without a registry is scored against them too. */
  truthEntities: RegistryEntity[],
  countryOf: Record<string, string> = {},
  knownConflicts?: { event: string; attribute: string }[],
): Run {
  const registry = registryEntities ? buildRegistry(registryEntities) : null;
  const articles = corpus.map(({ id, text, publishedAt, outlet }) => ({ id, text, publishedAt, outlet }));
  const { extractions, per10KB, totalMs, cpuMs } = timedExtractions(articles, registry);
  const groupStart = performance.now();
  const proposals = proposeFromExtractions(extractions, registry, [], []);
  const groupingMs = performance.now() - groupStart;
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const sorted = [...per10KB].sort((a, b) => a - b);
  return {
    label,
    articles: articles.length,
    kilobytes: bytes / 1024,
    msPer10KB: (totalMs * 10_240) / bytes,
    cpuMsPer10KB: (cpuMs * 10_240) / bytes,
    msPer10KBp95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    groupingMs,
    proposals: proposals.events.length,
    claims: proposals.claims.length,
    candidates: proposals.contradictions.length,
    scores: score(proposals, corpus, new Map(truthEntities.map((e) => [e.id, e.name])), countryOf, knownConflicts, spellingsOf(truthEntities)),
  };
}

const spellingsOf = (entities: RegistryEntity[]) => new Map(entities.map((e) => [e.id, [e.name, ...e.aliases]]));

function syntheticCorpus(): { corpus: EvalArticle[]; registry: RegistryEntity[]; truthEntities: RegistryEntity[]; countryOf: Record<string, string> } {
  const newsroom = generateNewsroom({ seed: Number(args.seed), events: Number(args.events) });
  return { corpus: newsroom.articles, registry: newsroom.registry, truthEntities: newsroom.truthEntities, countryOf: newsroom.countryOf };
}

const pct = (r: Ratio) => (r.value === null ? "—" : `${(r.value * 100).toFixed(1)} % (${r.hit}/${r.total})`);
const num = (v: number | null, digits = 3) => (v === null ? "—" : v.toFixed(digits));
const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? "pass" : "MISS");

function report(runs: Run[]): void {
  const [load1] = loadavg();
  console.log(`${cpus().length} cores, load average ${load1.toFixed(1)} (wall-clock times include waiting for a core when it is high)`);
  for (const r of runs) {
    const s = r.scores;
    console.log(
      `\n## ${r.label}: ${r.articles} articles, ${r.kilobytes.toFixed(0)} KB, ${r.proposals} event proposals, ${r.claims} claim proposals, ${r.candidates} contradiction candidates`,
    );
    const rows: [string, string, string, string][] = [
      ["mentions found (recall)", pct(s.mentions.recall), "", ""],
      ["proposed mentions that are real (precision)", pct(s.mentions.precision), "", ""],
      ["event grouping precision (pairs)", pct(s.grouping.precision), "", ""],
      ["event grouping recall (pairs)", pct(s.grouping.recall), "", ""],
      ["event grouping F1", num(s.grouping.f1), `≥ ${TARGETS.groupingF1}`, verdict(s.grouping.f1 === null ? null : s.grouping.f1 >= TARGETS.groupingF1)],
      [
        "dates right, of resolvable ones found",
        pct(s.dates.resolvable),
        `≥ ${TARGETS.dates * 100} %`,
        verdict(s.dates.resolvable.value === null ? null : s.dates.resolvable.value >= TARGETS.dates),
      ],
      ["unresolvable dates left open (not guessed)", pct(s.dates.unresolvableLeftOpen), "", ""],
      ["claim proposal precision", pct(s.claims.precision), "", ""],
      ["claims found (recall)", pct(s.claims.recall), "", ""],
      [
        "contradiction candidates precision",
        pct(s.contradictions.precision),
        `≥ ${TARGETS.contradictionPrecision}`,
        verdict(s.contradictions.precision.value === null ? null : s.contradictions.precision.value >= TARGETS.contradictionPrecision),
      ],
      [
        "contradiction candidates recall",
        pct(s.contradictions.recall),
        `≥ ${TARGETS.contradictionRecall}`,
        verdict(s.contradictions.recall.value === null ? null : s.contradictions.recall.value >= TARGETS.contradictionRecall),
      ],
      ["CPU ms per 10 KB article (mean)", r.cpuMsPer10KB.toFixed(1), `< ${TARGETS.msPer10KB}`, verdict(r.cpuMsPer10KB < TARGETS.msPer10KB)],
      ["wall-clock ms per 10 KB article (mean)", r.msPer10KB.toFixed(1), "", ""],
      ["wall-clock ms per 10 KB article (p95)", r.msPer10KBp95.toFixed(1), "", ""],
      ["grouping and claims, whole corpus (ms)", r.groupingMs.toFixed(0), "", ""],
    ];
    const width = Math.max(...rows.map((row) => row[0].length));
    for (const [name, value, target, ok] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(22)} ${target.padEnd(10)} ${ok}`);
    console.log(
      `claim precision by attribute: ${Object.entries(s.claims.byAttribute)
        .map(([k, v]) => `${k} ${pct(v)}`)
        .join(", ")}`,
    );
    if (args.errors) {
      for (const e of s.dates.errors) console.log(`  date: ${e}`);
      for (const e of s.claims.missed) console.log(`  missed claim: ${e}`);
      for (const e of s.claims.wrong) console.log(`  wrong claim: ${e}`);
      for (const e of s.contradictions.missed) console.log(`  missed contradiction: ${e}`);
      for (const e of s.contradictions.wrong) console.log(`  wrong contradiction: ${e}`);
    }
  }
}

const synthetic = syntheticCorpus();
const seeds = seedEvalCorpus();
const demo = seedRegistry();
const runs = [
  run(`synthetic newsroom (seed ${args.seed}), with registry`, synthetic.corpus, synthetic.registry, synthetic.truthEntities, synthetic.countryOf),
  run(`synthetic newsroom (seed ${args.seed}), no registry`, synthetic.corpus, null, synthetic.truthEntities, synthetic.countryOf),
  run("seed articles, demo registry", seeds, demo, demo, {}, SEED_CONTRADICTIONS),
  run("seed articles, no registry", seeds, null, demo, {}, SEED_CONTRADICTIONS),
];
if (args.json)
  console.log(
    JSON.stringify(
      runs.map(({ scores: { dates, ...scores }, ...r }) => ({
        ...r,
        scores: { ...scores, dates: { resolvable: dates.resolvable, unresolvableLeftOpen: dates.unresolvableLeftOpen } },
      })),
      null,
      2,
    ),
  );
else report(runs);
