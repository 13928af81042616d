// `npm run simulate [-- --quick] [--only coverage,compare,style,anomaly] [--seed N]`: draws arenas with known truth
// and prints how often each statistical promise held (coverage, false discoveries, power, false flags, detection
// delay), with Monte Carlo errors. Exit code 1 when a target is missed. Not a test: run it when a method changes
// and copy the figures into lib/rating/measured.ts (the methodology page quotes them).
import { parseArgs } from "node:util";
import { simulateAnomaly } from "./simulate/anomaly";
import { simulateCompare } from "./simulate/compare";
import { simulateCoverage } from "./simulate/coverage";
import type { SimulationOptions, SimulationSection } from "./simulate/report";
import { simulateStyleControl } from "./simulate/style-control";

const SECTIONS: Record<string, (options: SimulationOptions) => SimulationSection> = {
  coverage: simulateCoverage,
  compare: simulateCompare,
  style: simulateStyleControl,
  anomaly: simulateAnomaly,
};

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" }, seed: { type: "string", default: "1" } },
});
const chosen = values.only ? values.only.split(",").map((s) => s.trim()) : Object.keys(SECTIONS);
const unknown = chosen.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(", ")}: choose from ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error("--seed must be a non-negative integer");
  process.exit(2);
}

let isOk = true;
for (const name of chosen) {
  const started = performance.now();
  const section = SECTIONS[name]!({ seed, quick: values.quick });
  console.log(`\n${section.title} — ${section.ok ? "ok" : "TARGET MISSED"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of section.lines) console.log(`  ${line}`);
  isOk &&= section.ok;
}
console.log(`\n${isOk ? "Every target met." : "Some targets were missed (see above)."}`);
process.exit(isOk ? 0 : 1);
