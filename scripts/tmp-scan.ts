import { createRng } from "../lib/rating";
import { VoteColumns, acceptAll, only } from "../lib/slice-index/vote-columns";
const N = Number(process.argv[2] ?? 10_000_000);
const rng = createRng(1);
const cols = new VoteColumns();
cols.reserve(N);
let batch = [];
let t = performance.now();
for (let i = 0; i < N; i++) {
  const a = Math.floor(rng() * 100); let b = Math.floor(rng() * 99); if (b >= a) b++;
  batch.push({ seq: i + 1, modelA: a, modelB: b, outcome: Math.floor(rng() * 4), source: 1, country: Math.floor(rng() * 40), age: Math.floor(rng() * 6), education: Math.floor(rng() * 6), language: Math.floor(rng() * 30), time: 1_700_000_000 + Math.floor(rng() * 3e7), voter: Math.floor(200_000 * rng() ** 2) });
  if (batch.length === 100_000) { cols.append(batch); batch = []; }
}
cols.append(batch);
console.log("build", (performance.now() - t).toFixed(0), "ms");
t = performance.now(); cols.seal(0); console.log("seal", (performance.now() - t).toFixed(0), "ms");
global.gc?.();
console.log("rss", (process.memoryUsage().rss / 1e6).toFixed(0), "MB", "ab", (process.memoryUsage().arrayBuffers / 1e6).toFixed(0));
for (const [name, f] of [["all", acceptAll()], ["country", { ...acceptAll(), country: only([1, 2]) }], ["age+lang", { ...acceptAll(), age: only([1]), language: only([0, 3]) }]] as const) {
  const times = [];
  for (let k = 0; k < 5; k++) { t = performance.now(); const r = cols.scan(f); times.push(performance.now() - t); if (k === 0) console.log(name, r.votes, r.voters); }
  console.log(name, times.map((x) => x.toFixed(0)).join(" "));
}
