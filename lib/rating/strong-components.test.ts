import { describe, expect, it } from "vitest";
import type { PairGraph } from "./cells";
import { countStrongComponents, createSplitTest } from "./strong-components";

function graphOf(n: number, pairs: [number, number, number, number][]): { graph: PairGraph; total: number[]; score: number[] } {
  return {
    graph: { nModels: n, i: Int32Array.from(pairs, (p) => p[0]), j: Int32Array.from(pairs, (p) => p[1]) },
    total: pairs.map((p) => p[2]),
    score: pairs.map((p) => p[3]),
  };
}

describe("countStrongComponents", () => {
  it.each<{ name: string; n: number; pairs: [number, number, number, number][]; minScore?: number; expected: number }>([
    { name: "no models", n: 0, pairs: [], expected: 0 },
    { name: "models without battles", n: 3, pairs: [], expected: 3 },
    {
      name: "a cycle of wins",
      n: 3,
      pairs: [
        [0, 1, 1, 1],
        [1, 2, 1, 1],
        [0, 2, 1, 0],
      ],
      expected: 1,
    },
    {
      name: "a chain of wins (each model its own component)",
      n: 3,
      pairs: [
        [0, 1, 2, 2],
        [1, 2, 2, 2],
      ],
      expected: 3,
    },
    { name: "a tie connects both ways", n: 2, pairs: [[0, 1, 1, 0.5]], expected: 1 },
    {
      name: "a never-won model",
      n: 3,
      pairs: [
        [0, 1, 3, 1],
        [1, 2, 4, 4],
        [0, 2, 2, 2],
      ],
      expected: 2,
    },
    {
      name: "two groups",
      n: 4,
      pairs: [
        [0, 1, 3, 1],
        [2, 3, 3, 2],
      ],
      expected: 2,
    },
    {
      name: "a group that never beat the rest",
      n: 4,
      pairs: [
        [0, 1, 3, 1],
        [1, 2, 2, 0],
        [2, 3, 3, 1],
      ],
      expected: 2,
    },
    { name: "edges below minScore do not count", n: 2, pairs: [[0, 1, 40, 35]], minScore: 30, expected: 2 },
    { name: "edges at minScore count", n: 2, pairs: [[0, 1, 60, 30]], minScore: 30, expected: 1 },
  ])("$name: $expected", ({ n, pairs, minScore = 0, expected }) => {
    const { graph, total, score } = graphOf(n, pairs);
    expect(countStrongComponents(graph, total, score, minScore)).toBe(expected);
  });

  it("a long chain does not overflow the stack", () => {
    const n = 100_000;
    const pairs = Array.from({ length: n - 1 }, (_, k): [number, number, number, number] => [k, k + 1, 1, 1]);
    const { graph, total, score } = graphOf(n, pairs);
    expect(countStrongComponents(graph, total, score, 0)).toBe(n);
    pairs.push([0, n - 1, 1, 0]); // closes the cycle
    const closed = graphOf(n, pairs);
    expect(countStrongComponents(closed.graph, closed.total, closed.score, 0)).toBe(1);
  });
});

describe("createSplitTest", () => {
  // pairs (i, j) with [i won, j won, drawn]: 0 ⇄ 1 ⇄ 2 by single battles each way, a robust pair 3 ⇄ 4, and a
  // one-way edge 2 → 3 between the two components
  const graph: PairGraph = { nModels: 5, i: Int32Array.from([0, 1, 0, 3, 2]), j: Int32Array.from([1, 2, 2, 4, 3]) };
  const counts = [1, 1, 0, 1, 1, 0, 1, 1, 0, 40, 40, 0, 1, 0, 0];
  const splits = createSplitTest(graph, counts, 30);

  it("the data itself does not split", () => {
    expect(splits(counts)).toBe(false);
  });

  it.each<{ name: string; draws: number[]; expected: boolean }>([
    {
      name: "dropping one direction of a pair keeps the cycle 0 → 1 → 2 → 0",
      draws: [1, 0, 0, 1, 1, 0, 0, 1, 0, 40, 40, 0, 1, 0, 0],
      expected: false,
    },
    { name: "2 never beating anyone in its component splits it", draws: [1, 1, 0, 1, 0, 0, 1, 0, 0, 40, 40, 0, 1, 0, 0], expected: true },
    { name: "a bridge without battles splits", draws: [0, 0, 0, 0, 0, 0, 1, 1, 0, 40, 40, 0, 1, 0, 0], expected: true },
    { name: "a draw keeps both directions", draws: [0, 0, 1, 0, 0, 1, 0, 0, 1, 40, 40, 0, 0, 0, 0], expected: false },
    {
      name: "dropping the edge between components changes nothing",
      draws: [1, 1, 0, 1, 1, 0, 1, 1, 0, 40, 40, 0, 0, 0, 0],
      expected: false,
    },
    { name: "the robust component is not tested", draws: [1, 1, 0, 1, 1, 0, 1, 1, 0, 80, 0, 0, 1, 0, 0], expected: false },
  ])("$name: $expected", ({ draws, expected }) => {
    expect(splits(draws)).toBe(expected);
  });
});
