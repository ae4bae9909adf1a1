import { describe, expect, it } from "vitest";
import { createAutosave, type AutosaveStatus, type SaveAttempt } from "@/components/ui/use-autosave";

/** A hand-driven clock and a save whose answers the test gives, one at a time. */
function harness() {
  const timers: { run: () => void; at: number }[] = [];
  let now = 0;
  const statuses: AutosaveStatus[] = [];
  const answers: ((attempt: SaveAttempt | Error) => void)[] = [];
  let saves = 0;
  const autosave = createAutosave({
    delayMs: 1000,
    onStatus: (status) => statuses.push(status),
    save: () => {
      saves += 1;
      return new Promise<SaveAttempt>((resolve, reject) => answers.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))));
    },
    schedule: (run, ms) => {
      const timer = { run, at: now + ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    autosave,
    statuses,
    saves: () => saves,
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((candidate) => candidate.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
      await settle();
    },
    async answer(attempt: SaveAttempt | Error) {
      answers.shift()!(attempt);
      await settle();
    },
  };
}

describe("autosave", () => {
  it("saves once after the quiet time following the last change", async () => {
    const h = harness();
    h.autosave.changed();
    await h.advance(600);
    h.autosave.changed();
    await h.advance(600);
    expect(h.saves()).toBe(0);
    expect(h.statuses.at(-1)).toBe("unsaved");
    await h.advance(400);
    expect(h.saves()).toBe(1);
    expect(h.statuses.at(-1)).toBe("saving");
    await h.answer({ ok: true });
    expect(h.statuses.at(-1)).toBe("saved");
    expect(h.autosave.hasPending()).toBe(false);
  });

  it("never runs two saves at once: changes made while saving go out after it", async () => {
    const h = harness();
    h.autosave.changed();
    await h.advance(1000);
    h.autosave.changed();
    await h.autosave.flush();
    await h.advance(1000);
    expect(h.saves()).toBe(1);
    await h.answer({ ok: true });
    expect(h.statuses.at(-1)).toBe("unsaved");
    await h.advance(1000);
    expect(h.saves()).toBe(2);
    await h.answer({ ok: true });
    expect(h.statuses.at(-1)).toBe("saved");
  });

  it("keeps the changes after a failed or thrown save and retries on the next change or a flush, not by itself", async () => {
    const h = harness();
    h.autosave.changed();
    await h.advance(1000);
    await h.answer({ ok: false });
    expect(h.statuses.at(-1)).toBe("unsaved");
    expect(h.autosave.hasPending()).toBe(true);
    await h.advance(5000);
    expect(h.saves()).toBe(1);
    const flushed = h.autosave.flush();
    expect(h.saves()).toBe(2);
    await h.answer(new Error("offline"));
    await flushed;
    expect(h.statuses.at(-1)).toBe("unsaved");
    h.autosave.changed();
    await h.advance(1000);
    expect(h.saves()).toBe(3);
  });

  it("stops after a blocking refusal until resumed: keeping the changes saves them, dropping them is saved", async () => {
    const h = harness();
    h.autosave.changed();
    await h.advance(1000);
    await h.answer({ ok: false, block: true });
    expect(h.statuses.at(-1)).toBe("blocked");
    h.autosave.changed();
    await h.advance(1000);
    await h.autosave.flush();
    expect(h.saves()).toBe(1);
    expect(h.statuses.at(-1)).toBe("blocked");

    const resumed = h.autosave.resume(true);
    expect(h.saves()).toBe(2);
    await h.answer({ ok: true });
    await resumed;
    expect(h.statuses.at(-1)).toBe("saved");

    h.autosave.changed();
    await h.advance(1000);
    await h.answer({ ok: false, block: true });
    await h.autosave.resume(false);
    expect(h.statuses.at(-1)).toBe("saved");
    expect(h.autosave.hasPending()).toBe(false);
    await h.advance(5000);
    expect(h.saves()).toBe(3);
  });

  it("does nothing on a flush without changes, and nothing after dispose", async () => {
    const h = harness();
    await h.autosave.flush();
    expect(h.saves()).toBe(0);
    h.autosave.changed();
    h.autosave.dispose();
    await h.advance(5000);
    expect(h.saves()).toBe(0);
  });
});
