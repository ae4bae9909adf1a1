import { describe, expect, it } from "vitest";
import { resolveDatesInText } from "@/lib/events/dates";

// 2025-05-21 is a Wednesday: the Saturday before is the 17th, the one after the 24th.
const dateOf = (passage: string) => resolveDatesInText(passage, "2025-05-21").map((d) => d.date);

describe("resolveDatesInText: the tense of the date's own clause decides", () => {
  it("reads a weekday as past when its clause is past, though another clause of the sentence is future", () => {
    expect(dateOf("Lavrov and Rubio agreed that they will keep talking, the Russian Foreign Ministry said on Saturday.")).toEqual(["2025-05-17"]);
    expect(dateOf("Putin, who will travel to Turkey, spoke on Saturday.")).toEqual(["2025-05-17"]);
  });

  it("reads a weekday as future when its clause is future", () => {
    expect(dateOf("They will meet on Saturday, officials said.")).toEqual(["2025-05-24"]);
    expect(dateOf("The talks, which are due to resume on Saturday, stalled.")).toEqual(["2025-05-24"]);
  });

  it("takes the whole sentence when the clause is only the date", () => {
    expect(dateOf("On Saturday, the two leaders will meet.")).toEqual(["2025-05-24"]);
    expect(dateOf("On Saturday, the two leaders met.")).toEqual(["2025-05-17"]);
  });
});
