import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, readExpectedRatings, readFixtureBattles, toBattle, type FixtureBattle } from "./__fixtures__/load-fastchat-fixture";
import { createNumpySeed0Rng } from "./__fixtures__/numpy-pcg64";
import { bootstrapRatings } from "./__reference__/bootstrap";
import { aggregateBattles, computeLeaderboard, quantile } from "./index";
import type { PairCell } from "./types";

/**
 * Parity with FastChat's own outputs (compute_bt / compute_bootstrap_bt) on the reference fixtures.
 * Observed: |Δrating| ≤ 0.006 (the rest is L-BFGS's gtol in FastChat), |Δbound| ≤ 0.02 with numpy's random
 * stream, and up to ~0.36 of the interval width with our own generator (Monte Carlo noise of 100 rounds).
 */
const RATING_TOLERANCE = 0.02;
const BOUND_TOLERANCE_SAME_DRAWS = 0.05;
/** Two independent 100-round bootstraps disagree on a 2.5% quantile by ~0.1 interval widths (sd). */
const BOUND_TOLERANCE_OWN_DRAWS_OF_WIDTH = 0.45;

const FIXTURES: { expected: string; battles: string; where: (b: FixtureBattle) => boolean }[] = [
  { expected: "battles-2k.fastchat.json", battles: "battles-2k.jsonl.gz", where: () => true },
  { expected: "battles-20k.fastchat.json", battles: "battles-20k.jsonl.gz", where: () => true },
  { expected: "battles-20k.country-DE.fastchat.json", battles: "battles-20k.jsonl.gz", where: (b) => b.country === "DE" },
  {
    expected: "battles-20k.language-en.age-25-34.fastchat.json",
    battles: "battles-20k.jsonl.gz",
    where: (b) => b.language === "en" && b.age === "25-34",
  },
];

/** Models in pandas.factorize order (first appearance in model_a, then model_b) and one cell per battle, as FastChat indexes them. */
function fastchatIndexing(lines: FixtureBattle[]): { models: string[]; cells: PairCell[] } {
  const models: string[] = [];
  const index = new Map<string, number>();
  for (const name of [...lines.map((l) => l.model_a), ...lines.map((l) => l.model_b)]) {
    if (!index.has(name)) {
      index.set(name, models.length);
      models.push(name);
    }
  }
  const cells = lines.map((l) => ({
    a: index.get(l.model_a) ?? -1,
    b: index.get(l.model_b) ?? -1,
    outcome: toBattle(l).outcome,
    count: 1,
  }));
  return { models, cells };
}

describe.each(FIXTURES)("parity with FastChat on $expected", ({ expected: expectedFile, battles, where }) => {
  const lines = readFixtureBattles(battles).filter(where);
  const expected = readExpectedRatings(expectedFile);
  const board = computeLeaderboard(aggregateBattles(lines.map(toBattle)), { rounds: 100, seed: 1 });

  it("uses the same battles and models", () => {
    expect(lines.length).toBe(expected.n);
    expect(board.map((row) => row.model).sort()).toEqual(Object.keys(expected.models).sort());
    expect(board.reduce((sum, row) => sum + row.battles, 0)).toBe(2 * expected.n);
  });

  it(`point ratings within ${RATING_TOLERANCE} of compute_bt`, () => {
    for (const row of board) {
      expect(Math.abs(row.rating - (expected.models[row.model]?.rating ?? NaN))).toBeLessThanOrEqual(RATING_TOLERANCE);
    }
  });

  it(`bootstrap bounds within ${BOUND_TOLERANCE_SAME_DRAWS} of compute_bootstrap_bt given numpy's draws`, () => {
    const { models, cells } = fastchatIndexing(lines);
    const samples = bootstrapRatings(cells, models.length, 100, createNumpySeed0Rng());
    models.forEach((model, m) => {
      const column = samples.map((round) => round[m] ?? NaN).sort((x, y) => x - y);
      const reference = expected.models[model];
      expect(Math.abs(quantile(column, 0.025) - (reference?.lower ?? NaN))).toBeLessThanOrEqual(BOUND_TOLERANCE_SAME_DRAWS);
      expect(Math.abs(quantile(column, 0.975) - (reference?.upper ?? NaN))).toBeLessThanOrEqual(BOUND_TOLERANCE_SAME_DRAWS);
    });
  });

  it("bootstrap bounds from our own generator agree within Monte Carlo noise", () => {
    for (const row of board) {
      const reference = expected.models[row.model];
      if (!reference) throw new Error(`missing ${row.model}`);
      const tolerance = BOUND_TOLERANCE_OWN_DRAWS_OF_WIDTH * (reference.upper - reference.lower);
      expect(Math.abs(row.lower - reference.lower)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(row.upper - reference.upper)).toBeLessThanOrEqual(tolerance);
    }
  });
});

/** The shared originals, when this checkout sits next to them; the copies in __fixtures__ must not drift. */
const SHARED_DIR = path.resolve(__dirname, "../../../shared/fixtures/fastchat");

describe.skipIf(!existsSync(SHARED_DIR))("fixture copies", () => {
  // Compared by content, not bytes: a gzip header carries the time it was written, and JSON may be
  // re-indented (a formatter run once rewrote these copies; they are now in .prettierignore).
  const content = (dir: string, file: string) => {
    const raw = readFileSync(path.join(dir, file));
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    return file.endsWith(".json") ? JSON.parse(text) : text;
  };
  const styleDir = (root: string) => path.join(root, "..", "style-control");
  it.each([
    ["battles-2k.jsonl.gz", "battles-2k.jsonl"],
    ["battles-20k.jsonl.gz", "battles-20k.jsonl.gz"],
    ...FIXTURES.map(({ expected }) => [expected, expected]),
  ])("%s matches ../shared/fixtures/fastchat/%s", (copy, original) => {
    expect(content(FIXTURE_DIR, copy)).toEqual(content(SHARED_DIR, original));
  });
  it.each(["battles-style-12k.jsonl.gz", "fastchat_style_control.json"])(
    "style-control/%s matches ../shared/fixtures/style-control",
    (file) => {
      expect(content(styleDir(FIXTURE_DIR), file)).toEqual(content(styleDir(SHARED_DIR), file));
    },
  );
});
