import { describe, expect, it } from "vitest";
import { categoryAxisLayout, estimateTextWidth, rowChartHeight, tickBudget, truncateLabel } from "./layout";

describe("label layout", () => {
  it("estimates wider text for longer and wider names", () => {
    expect(estimateTextWidth("", 11)).toBe(0);
    expect(estimateTextWidth("gpt-4o", 11)).toBeLessThan(estimateTextWidth("gpt-4o-mini", 11));
    expect(estimateTextWidth("WWW", 11)).toBeGreaterThan(estimateTextWidth("iii", 11));
    expect(estimateTextWidth("Llama", 22)).toBeGreaterThanOrEqual(2 * estimateTextWidth("Llama", 11) - 1);
  });

  it.each([
    ["Claude 3.5 Sonnet", 200, "Claude 3.5 Sonnet"],
    ["Mixtral 8x22B Instruct v0.1 (extended context)", 90, null],
  ])("truncates %s to %i px", (name, max, expected) => {
    const shown = truncateLabel(name, 11, max);
    if (expected) expect(shown).toBe(expected);
    else {
      expect(shown.endsWith("…")).toBe(true);
      expect(estimateTextWidth(shown, 11)).toBeLessThanOrEqual(max);
      expect(name.startsWith(shown.slice(0, -1))).toBe(true);
    }
  });

  it("sizes the name axis from the longest name, capped by the chart width", () => {
    const short = categoryAxisLayout(["A", "B"], 11, 390);
    expect(short.width).toBe(48);
    const names = ["Gemini 1.5 Pro", "Llama 3.1 405B Instruct"];
    const wide = categoryAxisLayout(names, 11, 1200);
    expect(wide.width).toBe(estimateTextWidth("Llama 3.1 405B Instruct", 11) + 10);
    const phone = categoryAxisLayout([...names, "A very long experimental model name from a lab"], 11, 358);
    expect(phone.width).toBe(Math.floor(358 * 0.42));
    expect(phone.labelMax).toBe(phone.width - 10);
  });

  it("grows the chart by one fixed row per model", () => {
    expect(rowChartHeight(14)).toBe(42 + 14 * 24);
    expect(rowChartHeight(100) - rowChartHeight(99)).toBe(24);
    expect(rowChartHeight(0)).toBe(rowChartHeight(1));
  });

  it("fits fewer number ticks on a phone than on a desktop", () => {
    expect(tickBudget(60)).toBe(3);
    // a 390 px phone leaves about 170 px of plot: five ticks 43 px apart (600, 800, … 1400)
    expect(tickBudget(170)).toBe(5);
    expect(tickBudget(1000)).toBe(8);
  });
});
