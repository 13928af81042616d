// Runs the anomalous-voter simulation alone: npx tsx scripts/simulate/anomaly-cli.ts [--quick] [--seed=N]
import { simulateAnomaly } from "./anomaly";

const quick = process.argv.includes("--quick");
const seed = Number(process.argv.find((a) => a.startsWith("--seed="))?.slice("--seed=".length) ?? 1);
const section = simulateAnomaly({ seed, quick });
console.log(section.title);
for (const line of section.lines) console.log(`  ${line}`);
console.log(section.ok ? "  ok" : "  NOT OK");
process.exitCode = section.ok ? 0 : 1;
