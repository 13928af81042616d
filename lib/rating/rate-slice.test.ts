import { describe, expect, it } from "vitest";
import { fitIdentified } from "./identified-fit";
import { rankRanges } from "./rank-by-intervals";
import { rateSlice } from "./rate-slice";
import { clusteredCovariance, inverseInformation, MAX_CLUSTERS, sandwich, VoterScores } from "./sandwich";
import { voterBootstrap } from "./voter-bootstrap";
import { fitBradleyTerry } from "./__reference__/fit-bradley-terry";
import { simulateVotes } from "./__fixtures__/simulated-votes";
import type { Outcome, PairCell } from "./types";

/** Unpenalised Newton with model 0 fixed at 0 (n − 1 free parameters, no penalty at all), then centred. */
function referenceNewton(cells: PairCell[], n: number): number[] {
  const alpha = Math.log(10);
  const r = new Array<number>(n).fill(0);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array<number>(n).fill(0);
    const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const { a, b, outcome, count } of cells) {
      const y = outcome === "A" ? 1 : outcome === "B" ? 0 : 0.5;
      const p = 1 / (1 + Math.exp(-alpha * (r[a]! - r[b]!)));
      g[a] += alpha * count * (p - y);
      g[b] -= alpha * count * (p - y);
      const c = alpha * alpha * count * p * (1 - p);
      h[a]![a] += c;
      h[b]![b] += c;
      h[a]![b] -= c;
      h[b]![a] -= c;
    }
    // solve on 1..n−1 by Gaussian elimination
    const m = n - 1;
    const A = Array.from({ length: m }, (_, i) => [...h[i + 1]!.slice(1), -g[i + 1]!]);
    for (let col = 0; col < m; col++) {
      let pivot = col;
      for (let row = col + 1; row < m; row++) if (Math.abs(A[row]![col]!) > Math.abs(A[pivot]![col]!)) pivot = row;
      [A[col], A[pivot]] = [A[pivot]!, A[col]!];
      for (let row = col + 1; row < m; row++) {
        const f = A[row]![col]! / A[col]![col]!;
        for (let k = col; k <= m; k++) A[row]![k] -= f * A[col]![k]!;
      }
    }
    const step = new Array<number>(m).fill(0);
    for (let row = m - 1; row >= 0; row--) {
      let s = A[row]![m]!;
      for (let k = row + 1; k < m; k++) s -= A[row]![k]! * step[k]!;
      step[row] = s / A[row]![row]!;
    }
    for (let i = 0; i < m; i++) r[i + 1] += step[i]!;
    if (Math.max(...step.map(Math.abs)) < 1e-13) break;
  }
  const mean = r.reduce((s, v) => s + v, 0) / n;
  return r.map((v) => 400 * (v - mean));
}

describe("exact maximum likelihood", () => {
  it("matches an unpenalised Newton fit within 0.01 points where some models hold 0.1% of the votes (the old ridge did not)", () => {
    const ratings = [1300, 1200, 1150, 1100, 1050, 1000, 950, 900, 850, 700];
    // two rare models: ~0.1% of appearances each
    const share = [1, 1, 1, 1, 1, 1, 1, 1, 0.0045, 0.0045];
    const board = simulateVotes({ ratings, voters: 4000, perVoter: 50, taste: 0, seed: 3, share });
    const counts = board.cells.reduce((s, c) => s + c.count, 0);
    const rare = board.cells.filter((c) => c.a >= 8 || c.b >= 8).reduce((s, c) => s + c.count, 0);
    expect(rare / counts).toBeLessThan(0.003);
    // scale the counts up to an LMArena-sized board: the ridge grows with the battles, the maximum likelihood does not move
    const big = board.cells.map((c) => ({ ...c, count: c.count * 10 }));
    const reference = referenceNewton(big, ratings.length);
    const fit = fitIdentified(board.models, big);
    expect(fit.rated).toHaveLength(ratings.length);
    const exact = Array.from(fit.strengths, (r) => 400 * r);
    const worst = Math.max(...exact.map((r, m) => Math.abs(r - reference[m]!)));
    expect(worst).toBeLessThan(0.01);
    const ridge = Array.from(fitBradleyTerry(big, ratings.length), (r) => 400 * r);
    const ridgeMean = ridge.reduce((s, v) => s + v, 0) / ridge.length;
    const ridgeWorst = Math.max(...ridge.map((r, m) => Math.abs(r - ridgeMean - reference[m]!)));
    expect(ridgeWorst).toBeGreaterThan(0.01); // the test can fail: the ridge-penalised fit is further away
  });
});

describe("identification", () => {
  const cell = (a: number, b: number, outcome: Outcome, count: number): PairCell => ({ a, b, outcome, count });
  const status = (models: string[], cells: PairCell[]) => {
    const fit = fitIdentified(models, cells);
    return Object.fromEntries(models.map((m, k) => [m, fit.status[k]]));
  };

  it("rates only the heaviest group of models that met; a group that never met it is disconnected", () => {
    const cells = [
      cell(0, 1, "A", 30),
      cell(1, 0, "A", 20),
      cell(1, 2, "A", 10),
      cell(2, 1, "A", 10),
      cell(3, 4, "A", 5),
      cell(4, 3, "A", 3),
    ];
    expect(status(["a", "b", "c", "d", "e", "f"], cells)).toEqual({
      a: "rated",
      b: "rated",
      c: "rated",
      d: "disconnected",
      e: "disconnected",
      f: "no-battles",
    });
  });

  it("a perfect record is undefeated and a zero record winless; neither moves the centring", () => {
    const core = [cell(0, 1, "A", 30), cell(1, 0, "A", 20), cell(1, 2, "A", 10), cell(2, 1, "A", 10)];
    const withExtremes = [...core, cell(3, 0, "A", 30), cell(3, 2, "A", 5), cell(1, 4, "A", 7)];
    const models = ["a", "b", "c", "top", "bottom"];
    expect(status(models, withExtremes)).toMatchObject({ top: "undefeated", bottom: "winless", a: "rated" });
    const plain = rateSlice({ models: models.slice(0, 3), cells: core }, { method: "vote-bootstrap", rounds: 20 });
    const extremes = rateSlice({ models, cells: withExtremes }, { method: "vote-bootstrap", rounds: 20 });
    for (const name of ["a", "b", "c"]) {
      expect(extremes.rows.find((r) => r.model === name)!.rating).toBeCloseTo(plain.rows.find((r) => r.model === name)!.rating!, 6);
    }
    expect(extremes.rows.find((r) => r.model === "top")).toMatchObject({ rating: null, rankBest: null, identification: "undefeated" });
  });

  it("a model linked to the rated group only through unrated ones both ways is unlinked", () => {
    const core = [cell(0, 1, "A", 5), cell(1, 0, "A", 5)];
    // top beat a; bottom lost to b; mid beat bottom and lost to top
    const extra = [cell(2, 0, "A", 4), cell(1, 3, "A", 4), cell(4, 3, "A", 2), cell(2, 4, "A", 2)];
    expect(status(["a", "b", "top", "bottom", "mid"], [...core, ...extra])).toMatchObject({
      mid: "unlinked",
      top: "undefeated",
      bottom: "winless",
    });
  });

  it("all ties: one rated group at equal ratings", () => {
    const rows = rateSlice(
      { models: ["x", "y", "z"], cells: [cell(0, 1, "TIE", 3), cell(1, 2, "BOTH_BAD", 2)] },
      { method: "vote-bootstrap", rounds: 10 },
    ).rows;
    for (const row of rows) expect(row.rating).toBeCloseTo(1000, 6);
  });
});

describe("voter-clustered intervals", () => {
  it("the sandwich's standard errors agree with a brute-force voter bootstrap on small data", () => {
    const board = simulateVotes({ ratings: [1100, 1050, 1000, 950, 900], voters: 60, perVoter: 80, taste: 200, seed: 11 });
    const fit = fitIdentified(board.models, board.cells);
    const { covariance } = clusteredCovariance(fit, board.votes);
    const rounds = voterBootstrap(fit, board.votes, 2000, 5);
    for (let m = 0; m < 5; m++) {
      const values = rounds.map((r) => r[m]!);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
      const se = Math.sqrt(covariance[m * 5 + m]!);
      expect(se / sd).toBeGreaterThan(0.85);
      expect(se / sd).toBeLessThan(1.15);
    }
  });

  it("with more voters than MAX_CLUSTERS, hashed groups of voters give the per-voter estimate's standard errors", () => {
    const board = simulateVotes({
      ratings: [1100, 1050, 1000, 950, 900, 870],
      voters: 3 * MAX_CLUSTERS,
      perVoter: 12,
      taste: 250,
      seed: 13,
    });
    const fit = fitIdentified(board.models, board.cells);
    const { covariance, clusters, voters } = clusteredCovariance(fit, board.votes);
    expect([clusters, voters]).toEqual([MAX_CLUSTERS, 3 * MAX_CLUSTERS]);
    // the exact per-voter meat, voter by voter
    const k = 6;
    const meat = new Float64Array(k * k);
    const scores = new VoterScores(fit, board.votes);
    for (let g = 0; g < scores.voters; g++) {
      const size = scores.score(g);
      for (let s = 0; s < size; s++)
        for (let t = 0; t < size; t++)
          meat[scores.touched[s]! * k + scores.touched[t]!] += scores.u[scores.touched[s]!]! * scores.u[scores.touched[t]!]!;
      scores.clear(size);
    }
    const inverse = inverseInformation(fit);
    const exact = sandwich(inverse, meat, inverse, k);
    for (let m = 0; m < k; m++) {
      const ratio = Math.sqrt(covariance[m * k + m]! / exact[m * k + m]!);
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });

  it("clustered voters widen the intervals beyond the vote-level ones", () => {
    const board = simulateVotes({ ratings: [1100, 1050, 1000, 950, 900], voters: 40, perVoter: 200, taste: 300, seed: 12 });
    const sandwich = rateSlice(board, { method: "sandwich" });
    const votes = rateSlice(board, { method: "vote-bootstrap", rounds: 200, seed: 1 });
    const width = (rows: typeof votes.rows) => rows.reduce((s, r) => s + (r.upper! - r.lower!), 0);
    expect(width(sandwich.rows) / width(votes.rows)).toBeGreaterThan(1.5);
    expect(sandwich.voters).toBe(40);
  });

  it("without votes by voter the clustered methods refuse rather than claim vote-level precision", () => {
    expect(() => rateSlice({ models: ["a", "b"], cells: [] }, { method: "sandwich" })).toThrow(/voter/);
  });
});

describe("rank ranges", () => {
  it("best counts the surely better, worst the possibly better", () => {
    const rows = [
      { lower: 1090, upper: 1110 },
      { lower: 1040, upper: 1100 },
      { lower: 1000, upper: 1050 },
      { lower: 900, upper: 950 },
    ];
    expect(rankRanges(rows)).toEqual([
      { best: 1, worst: 2 },
      { best: 1, worst: 3 },
      { best: 2, worst: 3 },
      { best: 4, worst: 4 },
    ]);
  });
});
