// npm run bench:growth -- [--scales 1000,10000,100000] [--quiet L] [--quiet-wait M] [--only NAME]…
// Runs the benchmark once per scale, each in its own process with a fresh database, waiting
// before measuring until the machine is quiet (--quiet, 1-minute load average, default 0.5),
// then prints one table of every figure at every scale with the growth read from it, and writes
// it to bench-results/growth-<timestamp>.md (for the README) and .json. With --results, the
// table is made from runs already recorded.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { readArgs } from "../args";
import { growthOf, RESULTS_DIR, type RunRecord } from "./report";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = readArgs({
  scales: { type: "string" },
  quiet: { type: "string" },
  "quiet-wait": { type: "string" },
  only: { type: "string", multiple: true },
  results: { type: "string" },
  help: { type: "boolean", short: "h" },
});
const USAGE = `Usage: npm run bench:growth -- [--scales 1000,10000,100000] [--quiet L] [--quiet-wait M] [--only NAME]…
       npm run bench:growth -- --results a.json,b.json,c.json   (the table from runs already made, smallest scale first)`;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scales = (values.scales ?? "1000,10000,100000").split(",").map(Number);
if (scales.some((n) => !Number.isInteger(n) || n < 10) || scales.length < 2) {
  console.error(USAGE);
  process.exit(2);
}

const records: RunRecord[] = [];
for (const file of values.results?.split(",") ?? []) records.push(JSON.parse(await readFile(path.resolve(file), "utf8")) as RunRecord);
if (records.length) scales.splice(0, scales.length, ...records.map((r) => r.options.scale));
for (const scale of records.length ? [] : scales) {
  const args = ["--conditions=react-server", path.join(import.meta.dirname, "run.ts"), "--scale", String(scale), "--quiet", values.quiet ?? ""];
  if (values["quiet-wait"]) args.push("--quiet-wait", values["quiet-wait"]);
  for (const name of values.only ?? []) args.push("--only", name);
  console.log(`\n── --scale ${scale} ──`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, stdio: "inherit" });
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  const record = JSON.parse(await readFile(path.join(RESULTS_DIR, "latest.json"), "utf8")) as RunRecord;
  if (record.options.scale !== scale) throw new Error(`The run at --scale ${scale} wrote no results (exit code ${code}).`);
  records.push(record);
}

const format = (n: number) => (!Number.isFinite(n) ? "—" : Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en") : String(n));
const names = [...new Set(records.flatMap((r) => r.figures.map((f) => f.name)))];
const lines = [
  `| figure | target | ${scales.map((s) => `${s.toLocaleString("en")} articles`).join(" | ")} | growth |`,
  `|---|---|${scales.map(() => "---:").join("|")}|---|`,
];
for (const name of names) {
  const figures = records.map((r) => r.figures.find((f) => f.name === name));
  const any = figures.find(Boolean)!;
  const cells = figures.map((f) => {
    if (!f) return "—";
    const spread = f.detail?.spread as { min: number; max: number } | undefined;
    const mark = f.invalid ? " (invalid)" : f.pass === false ? " **miss**" : "";
    return `${format(f.value)}${spread && spread.min !== spread.max ? ` (${format(spread.min)}–${format(spread.max)})` : ""}${mark}`;
  });
  const target = any.target ? `${any.target.op} ${format(any.target.value)}` : "";
  lines.push(
    `| ${any.label.trim()} (${any.unit}) | ${target} | ${cells.join(" | ")} | ${growthOf(
      any,
      figures.map((f) => f?.value ?? Number.NaN),
    )} |`,
  );
}
const machine = records[0]!.machine;
const loadNotes = records.map((r) => {
  const load = r.machine.load;
  return `${r.options.scale.toLocaleString("en")}: load ${load ? `${load.min1.min}–${load.min1.max}` : r.machine.loadAverageAtStart[0]}${load?.noisy ? ` (noisy: ${load.reason})` : ""}, set-up ${r.setupSeconds} s`;
});
const header = [
  `Measured at commit \`${(machine.commit ?? "unknown").slice(0, 7)}\` on ${records[0]!.startedAt.slice(0, 10)}: ${machine.cpus} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node.js ${machine.node}, ${machine.postgres.split(" ").slice(0, 2).join(" ")}.`,
  `1-minute load average while measuring — ${loadNotes.join("; ")}.`,
  "Values in brackets: the range over the figure's rounds.",
];
const table = [...header, "", ...lines].join("\n");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
await writeFile(path.join(RESULTS_DIR, `growth-${stamp}.md`), `${table}\n`);
await writeFile(path.join(RESULTS_DIR, `growth-${stamp}.json`), `${JSON.stringify({ scales, records }, null, 2)}\n`);
console.log(`\n${table}\n\nWritten to bench-results/growth-${stamp}.md and .json.`);
