import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import type { Battle, Outcome } from "../types";

export const FIXTURE_DIR = path.resolve(__dirname, "fastchat");

const WINNER_TO_OUTCOME = {
  model_a: "A",
  model_b: "B",
  tie: "TIE",
  "tie (bothbad)": "BOTH_BAD",
} as const satisfies Record<string, Outcome>;

const battleLineSchema = z.object({
  model_a: z.string().min(1),
  model_b: z.string().min(1),
  winner: z.enum(["model_a", "model_b", "tie", "tie (bothbad)"]),
  language: z.string(),
  country: z.string(),
  age: z.string(),
});
export type FixtureBattle = z.infer<typeof battleLineSchema>;

const expectedSchema = z.object({
  n: z.number().int().nonnegative(),
  models: z.record(z.string(), z.object({ rating: z.number(), lower: z.number(), upper: z.number() })),
});
export type ExpectedRatings = z.infer<typeof expectedSchema>;

/** Battle lines of a `.jsonl` or `.jsonl.gz` fixture, in file order. */
export function readFixtureBattles(file: string): FixtureBattle[] {
  const raw = readFileSync(path.join(FIXTURE_DIR, file));
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => battleLineSchema.parse(JSON.parse(line)));
}

/** FastChat's output for a fixture: `{ n, models: { name: { rating, lower, upper } } }`. */
export function readExpectedRatings(file: string): ExpectedRatings {
  return expectedSchema.parse(JSON.parse(readFileSync(path.join(FIXTURE_DIR, file), "utf8")));
}

export function toBattle(line: FixtureBattle): Battle {
  return { modelA: line.model_a, modelB: line.model_b, outcome: WINNER_TO_OUTCOME[line.winner] };
}
