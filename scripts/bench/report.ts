// Machine facts, the printed table and the JSON record of a run.
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Figure } from "./benchmarks";

const root = path.resolve(import.meta.dirname, "../..");
export const RESULTS_DIR = path.join(root, "bench-results");

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  platform: string;
  node: string;
  postgres: string;
  database: "server" | "embedded";
  commit: string | null;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  /** The 1-minute load average sampled every few seconds while the run measured. */
  load?: LoadRecord;
};

export type LoadRecord = {
  min1: { min: number; max: number; samples: number };
  /** True when the load moved by more than half the cores, or went above 1.5 per core, while figures were taken. */
  noisy: boolean;
  reason: string | null;
  /** Seconds spent waiting for a quiet machine before measuring (--quiet). */
  waitedSeconds?: number;
  quietReached?: boolean;
};

/** Samples the 1-minute load average until stopped; the record says whether the machine was noisy. */
export function sampleLoad(intervalMs = 5_000): { stop: () => LoadRecord } {
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(os.loadavg()[0]!);
      const cores = os.availableParallelism();
      const min = Math.min(...samples);
      const max = Math.max(...samples);
      const reasons = [
        ...(max - min > cores / 2 ? [`the 1-minute load average moved from ${min.toFixed(2)} to ${max.toFixed(2)}`] : []),
        ...(max > cores * 1.5 ? [`it reached ${max.toFixed(2)} on ${cores} cores`] : []),
      ];
      const r = (n: number) => Math.round(n * 100) / 100;
      return { min1: { min: r(min), max: r(max), samples: samples.length }, noisy: reasons.length > 0, reason: reasons.join("; ") || null };
    },
  };
}

/**
 * Waits until the 1-minute load average is at most `threshold` (checked every 10 s) or
 * `maxMinutes` have passed; returns how long it waited and whether the machine got quiet.
 */
export async function waitForQuiet(
  threshold: number,
  maxMinutes: number,
  log: (line: string) => void,
): Promise<{ waitedSeconds: number; quietReached: boolean }> {
  const started = performance.now();
  const deadline = started + maxMinutes * 60_000;
  let told = false;
  while (os.loadavg()[0]! > threshold) {
    if (performance.now() > deadline) return { waitedSeconds: Math.round((performance.now() - started) / 1000), quietReached: false };
    if (!told) log(`Waiting for a quiet machine (1-minute load ${os.loadavg()[0]!.toFixed(2)} > ${threshold}; at most ${maxMinutes} min)…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  return { waitedSeconds: Math.round((performance.now() - started) / 1000), quietReached: true };
}

export async function describeMachine(databaseUrl: string, embedded: boolean): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  try {
    postgres = (await client.query<{ version: string }>("SELECT version()")).rows[0]!.version;
  } finally {
    await client.end();
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
    database: embedded ? "embedded" : "server",
    commit: await gitCommit(),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** The checked-out commit, read from .git without running git. Uncommitted changes are not detected. */
async function gitCommit(): Promise<string | null> {
  try {
    // In a worktree .git is a file naming the worktree's git directory, whose branches live in the common one.
    let gitDir = path.join(root, ".git");
    if (!(await stat(gitDir)).isDirectory()) gitDir = path.resolve(root, (await readFile(gitDir, "utf8")).replace(/^gitdir:\s*/, "").trim());
    const common = existsSync(path.join(gitDir, "commondir")) ? path.resolve(gitDir, (await readFile(path.join(gitDir, "commondir"), "utf8")).trim()) : gitDir;
    const head = (await readFile(path.join(gitDir, "HEAD"), "utf8")).trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    const loose = path.join(common, ref);
    if (existsSync(loose)) return (await readFile(loose, "utf8")).trim();
    const packed = await readFile(path.join(common, "packed-refs"), "utf8");
    return (
      packed
        .split("\n")
        .find((line) => line.endsWith(` ${ref}`))
        ?.split(" ")[0] ?? null
    );
  } catch {
    return null;
  }
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en") : String(value);
}

function formatTarget(figure: Figure): string {
  return figure.target ? `${figure.target.op} ${formatValue(figure.target.value)}` : "";
}

function verdict(figure: Figure): string {
  if (figure.error && !Number.isFinite(figure.value)) return "ERROR";
  if (figure.invalid) return "INVALID";
  if (figure.pass === null) return figure.error ? "ERROR" : "";
  return figure.pass ? "pass" : "MISS";
}

/** The min–max of a figure's rounds, when it was taken in rounds. */
export function formatSpread(figure: Figure): string {
  const spread = (figure.detail?.spread ?? null) as { min: number; max: number } | null;
  return spread ? `${formatValue(spread.min)}–${formatValue(spread.max)}` : "";
}

/** The table of figures; with a previous run at the same scale, its value beside each. */
export function formatTable(figures: Figure[], previous: Map<string, number> | null): string {
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.value),
    f.unit,
    formatTarget(f),
    verdict(f),
    formatSpread(f),
    ...(previous ? [formatValue(previous.get(f.name) ?? Number.NaN)] : []),
  ]);
  const header = ["figure", "value", "unit", "target", "result", "rounds", ...(previous ? ["previous"] : [])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const lines = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const f of figures) {
    if (f.error) lines.push(`  ${f.name}: ${f.error}`);
    if (f.invalid) lines.push(`  ${f.name}: ${f.invalid}`);
  }
  return lines.join("\n");
}

export type RunRecord = {
  startedAt: string;
  finishedAt: string;
  options: { scale: number; seed: number; quick: boolean; only: string[] | null };
  machine: Machine;
  build: { distDir: string; built: boolean; buildSeconds: number | null } | null;
  corpus: Record<string, number>;
  setupSeconds: number;
  figures: Figure[];
  notes: unknown[];
};

/** The previous run's figures at the same scale and mode, for comparison. */
export async function previousFigures(scale: number, quick: boolean): Promise<Map<string, number> | null> {
  try {
    const record = JSON.parse(await readFile(path.join(RESULTS_DIR, "latest.json"), "utf8")) as RunRecord;
    if (record.options.scale !== scale || record.options.quick !== quick) return null;
    return new Map(record.figures.map((f) => [f.name, f.value]));
  } catch {
    return null;
  }
}

export async function writeRecord(record: RunRecord): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${record.startedAt.replace(/[:.]/g, "-")}.json`);
  const json = `${JSON.stringify(record, null, 2)}\n`;
  await writeFile(file, json);
  await writeFile(path.join(RESULTS_DIR, "latest.json"), json);
  return file;
}

/**
 * How a figure's cost grows with the corpus, read from its values at successive tenfold scales:
 * cost is the figure itself, or its inverse for rates. "constant" when it moves by less than a
 * quarter from the smallest scale to the largest, "linear" when it grows fourfold or more over the
 * last tenfold step, "logarithmic" when each tenfold step adds about as much as the one before
 * (at most 2.5 times as much), and "between" otherwise.
 */
export function growthOf(figure: Pick<Figure, "unit">, values: number[]): string {
  if (values.length < 2 || values.some((v) => !Number.isFinite(v) || v <= 0)) return "—";
  if (figure.unit === "ratio") return "—";
  const costs = /\/s$/.test(figure.unit) ? values.map((v) => 1 / v) : values;
  const first = costs[0]!;
  const last = costs.at(-1)!;
  if (last <= first * 1.25) return "constant";
  const steps = costs.slice(1).map((c, i) => c - costs[i]!);
  if (last / costs.at(-2)! >= 4) return "linear";
  const lastStep = steps.at(-1)!;
  const before = Math.max(steps.at(-2) ?? lastStep, first * 0.05);
  return lastStep <= before * 2.5 ? "logarithmic" : "between logarithmic and linear";
}
