// Builds the shipped replay corpus (data/replay/) from the full AlpacaEval replay set in
// ../shared/data/replay. Run once by a maintainer; the app only reads the output.
// Usage: node scripts/build-replay-corpus.mjs [sourceDir] [count]
//
// Selection (deterministic): drop prompts where any model's output is empty or longer than
// MAX_CHARS, or where the prompt or any output names a roster model or organization (such a
// response would reveal the model before the vote); then take `count` prompts evenly spread
// over the remaining ids, so every source dataset is represented.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const [sourceArg, countArg] = process.argv.slice(2);
const source = path.resolve(sourceArg ?? "../shared/data/replay");
const count = Number(countArg ?? 200);
const MAX_CHARS = 6000;
const outDir = path.resolve("data/replay");

// Names a response could use to identify itself or its maker.
const IDENTITY = [
  /\b(open ?ai|chat ?gpt|gpt-?\d|gpt|anthropic|claude|google|deepmind|gemini|gemma|llama|mistral|mixtral|qwen|alibaba|tongyi|01\.ai|bard|palm)\b/i,
  /\b(Meta|Yi)\b/,
];

const meta = JSON.parse(fs.readFileSync(path.join(source, "models.json"), "utf8"));
const names = meta.models.map((m) => m.alpaca_eval_name);
const rows = zlib
  .gunzipSync(fs.readFileSync(path.join(source, "alpaca_eval_responses.jsonl.gz")))
  .toString("utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

const names_ok = (row) => names.every((n) => typeof row.outputs[n] === "string");
const usable = rows.filter((row) => {
  if (!names_ok(row)) return false;
  const texts = [row.instruction, ...names.map((n) => row.outputs[n])];
  if (names.some((n) => row.outputs[n].trim() === "" || row.outputs[n].length > MAX_CHARS)) return false;
  return !texts.some((t) => IDENTITY.some((re) => re.test(t)));
});
if (usable.length < count) throw new Error(`only ${usable.length} usable prompts`);
const step = usable.length / count;
const chosen = Array.from({ length: count }, (_, i) => usable[Math.floor(i * step)]);

const lines = chosen.map((row) =>
  JSON.stringify({
    id: row.id,
    dataset: row.dataset,
    instruction: row.instruction,
    outputs: Object.fromEntries(names.map((n) => [n, row.outputs[n]])),
  }),
);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "corpus.jsonl.gz"), zlib.gzipSync(Buffer.from(lines.join("\n") + "\n"), { level: 9 }));
console.log(`usable ${usable.length} of ${rows.length}; wrote ${chosen.length} prompts x ${names.length} models`);
const byDataset = {};
for (const r of chosen) byDataset[r.dataset] = (byDataset[r.dataset] ?? 0) + 1;
console.log(byDataset);
