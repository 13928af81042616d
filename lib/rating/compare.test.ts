import { describe, expect, it } from "vitest";
import { simulateVotes } from "./__fixtures__/simulated-votes";
import { benjaminiHochberg, compareSlices, normalUpperTail, type SliceVotes } from "./compare";
import { createMultinomialSampler } from "./multinomial-sampler";
import { UniformStream } from "./rng";
import type { PairCell } from "./types";

const BASE = [1150, 1100, 1060, 1030, 1000, 980, 950, 920, 880, 850];

/** One audience: `voters` voters with their own tastes; voter ids start at `firstId`. */
function audience(ratings: number[], voters: number, seed: number, firstId: number): SliceVotes {
  const board = simulateVotes({ ratings, voters, perVoter: 120, taste: 150, seed });
  board.votes.voterId = board.votes.voterId.map((g) => g + firstId);
  return board;
}

/** Two audiences with disjoint voters, as one (ids of `b` above those of `a`). */
function union(a: SliceVotes, b: SliceVotes): SliceVotes {
  const counts = new Map<string, PairCell>();
  for (const c of [...a.cells, ...b.cells]) {
    const key = `${c.a},${c.b},${c.outcome}`;
    const cell = counts.get(key) ?? { ...c, count: 0 };
    cell.count += c.count;
    counts.set(key, cell);
  }
  const offset = a.votes.code.length;
  return {
    models: a.models,
    cells: [...counts.values()],
    votes: {
      ...a.votes,
      start: Int32Array.from([...a.votes.start, ...[...b.votes.start].slice(1).map((s) => s + offset)]),
      voterId: Int32Array.from([...a.votes.voterId, ...b.votes.voterId]),
      code: Uint32Array.from([...a.votes.code, ...b.votes.code]),
    },
  };
}

describe("Benjamini–Hochberg and the normal tail", () => {
  it("gives the textbook q-values, in the input's order", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.04 * (4 / 3), 12);
    expect(q[2]).toBeCloseTo(0.04 * (4 / 3), 12);
    expect(q[3]).toBeCloseTo(0.5, 12);
  });

  it("P(Z > 1.96) ≈ 0.025 and P(Z > 0) = 0.5", () => {
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 6);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 6);
    expect(normalUpperTail(-3)).toBeCloseTo(0.99865, 5);
  });
});

describe("compareSlices", () => {
  it("an audience against itself differs by nothing, with nothing significant (shared votes cancel)", () => {
    const a = audience(BASE, 60, 1, 0);
    const result = compareSlices(a, a);
    expect(result.models).toHaveLength(BASE.length);
    expect(result.voters).toEqual({ a: 60, b: 60, shared: 60 });
    for (const m of result.models) {
      expect(Math.abs(m.difference)).toBeLessThan(1e-9);
      expect(m.significant).toBe(false);
    }
  });

  it("finds the models one audience rates higher and lower, and flags little else", () => {
    // +200 and −200: the mean is unchanged, so the other models' centred ratings do not move
    const shifted = [...BASE];
    shifted[5] = shifted[5]! + 200;
    shifted[2] = shifted[2]! - 200;
    const a = audience(BASE, 150, 2, 0);
    const b = audience(shifted, 150, 3, 1000);
    const result = compareSlices(a, b);
    const up = result.models.find((m) => m.model === "m5")!;
    const down = result.models.find((m) => m.model === "m2")!;
    expect([up.significant, down.significant]).toEqual([true, true]);
    expect(up.difference).toBeGreaterThan(100); // 200, less the attenuation that tastes bring
    expect(down.difference).toBeLessThan(-100);
    expect(up.lower).toBeGreaterThan(0);
    expect(result.models.filter((m) => m.significant && m.model !== "m5" && m.model !== "m2").length).toBeLessThanOrEqual(1);
    expect(result.voters.shared).toBe(0);
  });

  it("audience against everyone: the standard error accounts for the shared voters (checked by a joint voter bootstrap)", () => {
    const shifted = [...BASE];
    shifted[2] = shifted[2]! + 120;
    const a = audience(shifted, 80, 4, 0);
    const rest = audience(BASE, 80, 5, 1000);
    const everyone = union(a, rest);
    const result = compareSlices(a, everyone);
    expect(result.voters).toEqual({ a: 80, b: 160, shared: 80 });
    // brute force: resample the 160 voters jointly, recompute both audiences and the differences
    const rounds = 300;
    const sampler = createMultinomialSampler(new Float64Array(160).fill(1), rounds);
    const source = new UniformStream(9);
    const weights = new Float64Array(160);
    const samples = new Map<string, number[]>();
    const resample = (votes: SliceVotes, ids: (g: number) => number): SliceVotes => {
      const start: number[] = [0];
      const voterId: number[] = [];
      const code: number[] = [];
      const cells = new Map<number, number>();
      let next = 0;
      for (let g = 0; g + 1 < votes.votes.start.length; g++) {
        const w = weights[ids(votes.votes.voterId[g]!)]!;
        for (let copy = 0; copy < w; copy++) {
          for (let v = votes.votes.start[g]!; v < votes.votes.start[g + 1]!; v++) {
            code.push(votes.votes.code[v]!);
            cells.set(votes.votes.code[v]!, (cells.get(votes.votes.code[v]!) ?? 0) + 1);
          }
          start.push(code.length);
          voterId.push(next++ * 1000 + ids(votes.votes.voterId[g]!)); // copies are distinct voters, same id in both audiences
        }
      }
      const n = votes.models.length;
      const order = voterId.map((_, k) => k).sort((x, y) => voterId[x]! - voterId[y]!);
      const sortedStart: number[] = [0];
      const sortedCode: number[] = [];
      for (const k of order) {
        for (let v = start[k]!; v < start[k + 1]!; v++) sortedCode.push(code[v]!);
        sortedStart.push(sortedCode.length);
      }
      const outcomes = ["A", "B", "TIE", "BOTH_BAD"] as const;
      return {
        models: votes.models,
        cells: [...cells].map(([c, count]) => ({ a: Math.floor(c / 4 / n), b: (c >> 2) % n, outcome: outcomes[c & 3]!, count })),
        votes: {
          ...votes.votes,
          start: Int32Array.from(sortedStart),
          voterId: Int32Array.from(order.map((k) => voterId[k]!)),
          code: Uint32Array.from(sortedCode),
        },
      };
    };
    const index = (id: number) => (id >= 1000 ? 80 + id - 1000 : id);
    for (let round = 0; round < rounds; round++) {
      sampler(source, weights);
      // the same draw of people decides both audiences
      const r = compareSlices(resample(a, index), resample(everyone, index));
      for (const m of r.models) samples.set(m.model, [...(samples.get(m.model) ?? []), m.difference]);
    }
    for (const m of result.models) {
      const values = samples.get(m.model)!;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
      expect(m.se / sd).toBeGreaterThan(0.8);
      expect(m.se / sd).toBeLessThan(1.25);
    }
  });

  it("compares only the models `include` accepts, centring over them", () => {
    const a = audience(BASE, 40, 6, 0);
    const b = audience(BASE, 40, 7, 1000);
    const result = compareSlices(a, b, { include: (m) => m !== "m0" && m !== "m9" });
    expect(result.models.map((m) => m.model).sort()).toEqual(["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"]);
    const meanA = result.models.reduce((s, m) => s + m.ratingA, 0) / result.models.length;
    expect(meanA).toBeCloseTo(1000, 6);
  });
});
