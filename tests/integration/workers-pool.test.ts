import { describe, expect, it } from "vitest";
import { runTask, stopWorkers } from "@/lib/workers/pool";

/** A long text of names for the suggestion planner: seconds of work on the worker thread. */
function longText(): string {
  const names = ["Sergei Lavrov", "Marco Rubio", "Steve Witkoff", "Kirill Dmitriev", "Yuri Ushakov"];
  return Array.from(
    { length: 4000 },
    (_, i) => `${names[i % names.length]} met Official${String.fromCharCode(65 + (i % 26))}ov in Town${i % 97} on Tuesday.`,
  ).join(" ");
}

describe("the worker thread", () => {
  it("stops a background task for one someone waits for, then runs the background task again to its end", async () => {
    const finished: string[] = [];
    const registry = { fingerprint: "pool-test", entries: [{ entityId: "e1", names: ["Sergei Lavrov"] }] };
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
});
