import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/proposals/extract-events";
import { buildRegistry } from "@/lib/proposals/names";
import { runTask, stopWorkers } from "@/lib/workers/pool";
import { generateNewsroom } from "@/scripts/eval/newsroom";

/** A long text of names for the suggestion planner: seconds of work on the worker thread. */
function longText(): string {
  const names = ["Sergei Lavrov", "Marco Rubio", "Steve Witkoff", "Kirill Dmitriev", "Yuri Ushakov"];
  return Array.from(
    { length: 4000 },
    (_, i) => `${names[i % names.length]} met Official${String.fromCharCode(65 + (i % 26))}ov in Town${i % 97} on Tuesday.`,
  ).join(" ");
}

const preview = { bytes: new TextEncoder().encode("Title\n\nA short article about talks in Riyadh on Tuesday."), filename: "a.txt" };

/** Reading 50,000 characters of the long text for proposals (a task's most): seconds of background work on the other thread. */
function readForProposals(registry: { fingerprint: string; entities: ReturnType<typeof generateNewsroom>["registry"] }) {
  return runTask(
    "extractProposals",
    { registry, articles: [{ id: "long", text: longText().slice(0, 50_000), publishedAt: "2026-03-10", outlet: "Wire" }] },
    { timeoutMs: 120_000, background: true },
  );
}

/** Which of the pool's threads are running (lib/workers/pool.ts keeps its state on globalThis). */
function threadsRunning(): boolean[] {
  const pool = (globalThis as unknown as { concordWorkerThreads: { slots: { worker: unknown }[] } }).concordWorkerThreads;
  return pool.slots.map((slot) => slot.worker !== null);
}

describe("the worker threads", () => {
  it("stops a background task for one someone waits for, then runs the background task again to its end", async () => {
    const finished: string[] = [];
    const registry = { fingerprint: "pool-test", entities: [{ id: "e1", name: "Sergei Lavrov", type: "PERSON" as const, aliases: [] }] };
    const background = runTask("planSuggestions", { registry, texts: [longText()] }, { timeoutMs: 120_000, background: true }).then((plans) => {
      finished.push("background");
      return plans;
    });
    // Let the background task start on the thread before the waited-for one arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const preview = await runTask(
      "prepareImport",
      { bytes: new TextEncoder().encode("Title\n\nA short article about talks in Riyadh on Tuesday."), filename: "a.txt" },
      { timeoutMs: 30_000 },
    );
    finished.push("preview");
    const plans = await background;

    expect(preview.ok).toBe(true);
    expect(finished).toEqual(["preview", "background"]);
    expect(plans[0].some((p) => p.entityId === "e1")).toBe(true);
    await stopWorkers();
  }, 180_000);

  it("answers a preview first while background tasks run, and finishes those tasks after it", async () => {
    const finished: string[] = [];
    const newsroom = generateNewsroom({ seed: 18, events: 4 });
    // Background work long enough to outlast the preview, which a free thread takes meanwhile.
    const suggestions = runTask(
      "planSuggestions",
      {
        registry: { fingerprint: "pool-test-busy", entities: [{ id: "e1", name: "Sergei Lavrov", type: "PERSON", aliases: [] }] },
        texts: [longText(), longText(), longText(), longText(), longText(), longText()],
      },
      { timeoutMs: 120_000, background: true },
    ).then((plans) => {
      finished.push("suggestions");
      return plans;
    });
    const proposals = readForProposals({ fingerprint: "pool-test-busy", entities: newsroom.registry }).then((rows) => {
      finished.push("proposals");
      return rows;
    });
    // Past the pause background work takes after a task someone waited for (the previous test's preview).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const parsed = await runTask("prepareImport", preview, { timeoutMs: 30_000 });
    finished.push("preview");
    const [plans, rows] = await Promise.all([suggestions, proposals]);

    expect(parsed.ok).toBe(true);
    expect(finished[0]).toBe("preview");
    expect(plans[0].some((p) => p.entityId === "e1")).toBe(true);
    expect(rows.map((row) => row.articleId)).toEqual(["long"]);
    await stopWorkers();
  }, 180_000);

  it("stops the thread background work does not run on sooner than the one holding the registry", async () => {
    const newsroom = generateNewsroom({ seed: 18, events: 4 });
    const registry = { fingerprint: "pool-test-idle", entities: newsroom.registry };
    // Background work holds the first thread, so the preview starts the second.
    const background = readForProposals(registry);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const parsed = await runTask("prepareImport", preview, { timeoutMs: 30_000 });
    await background;
    expect(parsed.ok).toBe(true);
    expect(threadsRunning()).toEqual([true, true]);

    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(threadsRunning()).toEqual([true, false]);
    // The first thread kept its registry: a task sending only the registry's fingerprint is answered.
    const rows = await runTask(
      "extractProposals",
      {
        registry: { fingerprint: registry.fingerprint },
        articles: [{ id: "short", text: "Lavrov met Rubio in Riyadh on Tuesday.", publishedAt: "2026-03-10", outlet: "Wire" }],
      },
      { timeoutMs: 60_000, background: true },
    );
    expect(rows.map((row) => row.articleId)).toEqual(["short"]);
    await stopWorkers();
  }, 180_000);

  it("stops the parsing thread within seconds of its last task while background work runs", async () => {
    const newsroom = generateNewsroom({ seed: 18, events: 4 });
    const registry = { fingerprint: "pool-test-busy-idle", entities: newsroom.registry };
    let backgroundDone = false;
    const background = Promise.all([
      readForProposals(registry),
      runTask("planSuggestions", { registry, texts: Array.from({ length: 8 }, longText) }, { timeoutMs: 120_000, background: true }),
    ]).then(() => {
      backgroundDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const parsed = await runTask("prepareImport", preview, { timeoutMs: 30_000 });
    expect(threadsRunning()).toEqual([true, true]);

    await new Promise((resolve) => setTimeout(resolve, 4_500));
    // Only meaningful while the background work still runs.
    expect(backgroundDone).toBe(false);
    expect(parsed.ok).toBe(true);
    expect(threadsRunning()).toEqual([true, false]);
    await background;
    await stopWorkers();
  }, 180_000);

  it("groups on the thread holding the previous grouping's extractions when other background work came between", async () => {
    const newsroom = generateNewsroom({ seed: 18, events: 6 });
    const registry = { fingerprint: "pool-test-held", entities: newsroom.registry };
    const extractions = newsroom.articles.map((a) =>
      extractArticle({ id: a.id, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet }, buildRegistry(newsroom.registry)),
    );
    const block = extractions.map((e) => ({ articleId: e.articleId, version: "1" }));
    const group = (extractionsJson: string[]) =>
      runTask(
        "groupProposalsAround",
        { registry, block, extractionsJson, hold: block.map((b) => b.articleId), knownEventsJson: "[]", knownClaims: [], seeds: [block[0].articleId] },
        { timeoutMs: 60_000, background: true },
      );
    const first = await group(extractions.map((e) => JSON.stringify(e)));
    // Other background work between the two groupings: the next one, sent none of the block, still finds it held.
    const reading = readForProposals(registry);
    const again = await group([]);
    await reading;

    expect("events" in first && first.events.length).toBeGreaterThan(0);
    expect(again).toEqual(first);
    await stopWorkers();
  }, 180_000);
});
