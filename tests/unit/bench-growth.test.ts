import { describe, expect, it } from "vitest";
import { growthOf } from "@/scripts/bench/report";

describe("the growth read from a figure at 1,000, 10,000 and 100,000 articles", () => {
  it("calls a figure that barely moves constant", () => {
    expect(growthOf({ unit: "ms (p95)" }, [20, 22, 24])).toBe("constant");
    expect(growthOf({ unit: "articles/s" }, [120, 118, 110])).toBe("constant");
  });

  it("calls equal steps per tenfold logarithmic and a tenfold step that multiplies it linear", () => {
    expect(growthOf({ unit: "ms (p95)" }, [20, 30, 41])).toBe("logarithmic");
    expect(growthOf({ unit: "ms (p95)" }, [5, 12, 80])).toBe("linear");
    expect(growthOf({ unit: "articles/s" }, [400, 300, 60])).toBe("linear");
  });

  it("reads nothing into ratios or missing values", () => {
    expect(growthOf({ unit: "ratio" }, [0.9, 0.95, 0.97])).toBe("—");
    expect(growthOf({ unit: "ms (p95)" }, [20, Number.NaN, 30])).toBe("—");
  });
});
