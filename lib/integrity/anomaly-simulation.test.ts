import { describe, expect, it } from "vitest";
import { simulateAnomaly } from "../../scripts/simulate/anomaly";

// The simulation's quick run (3,000 honest voters, 20 per behaviour): it runs, reports its figures with their
// Monte Carlo errors, and the figures are sane. The promise itself is checked by the full run (npm run simulate).
describe("anomaly simulation (quick)", () => {
  it("reports the honest false-flag rate and catches every kind of booster", { timeout: 60_000 }, () => {
    const section = simulateAnomaly({ seed: 1, quick: true });
    const honest = section.lines.find((l) => l.startsWith("honest voters flagged"));
    const rate = Number(/flagged: (\d\.\d+) ± \d\.\d+/.exec(honest ?? "")?.[1]);
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(0.005);
    const medians = section.lines
      .filter((l) => l.startsWith("booster"))
      .map((l) => Number(/median ([\d.]+|Infinity) battles/.exec(l)?.[1]));
    expect(medians).toHaveLength(6); // weakest, middling, strong × honest or random otherwise
    for (const median of medians) expect(median).toBeLessThanOrEqual(60);
    const others = section.lines.filter((l) => /votes before flagged/.test(l));
    expect(others).toHaveLength(5);
    for (const line of others) expect(line).toContain("flagged within 1000 votes: 1.000");
  });
});
