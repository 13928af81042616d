import { assertValidCells, OUTCOME_SCORE } from "./cells";
import type { PairCell } from "./types";

/**
 * Empirical P(row model beats column model) over all their battles, whichever side each was shown on:
 * (wins + ½·(ties + both-bad)) / battles. `null` on the diagonal and where two models never met, so the matrix
 * holds no NaN and serialises to JSON as is. Cost O(cells + n²).
 */
export function pairwiseWinFractions(cells: readonly PairCell[], nModels: number): (number | null)[][] {
  assertValidCells(cells, nModels);
  const score = new Float64Array(nModels * nModels);
  const battles = new Float64Array(nModels * nModels);
  for (const { a, b, outcome, count } of cells) {
    if (a === b) continue;
    const scoreA = OUTCOME_SCORE[outcome] * count;
    score[a * nModels + b] = score[a * nModels + b]! + scoreA;
    score[b * nModels + a] = score[b * nModels + a]! + (count - scoreA);
    battles[a * nModels + b] = battles[a * nModels + b]! + count;
    battles[b * nModels + a] = battles[b * nModels + a]! + count;
  }
  return Array.from({ length: nModels }, (_, row) =>
    Array.from({ length: nModels }, (_, col) => {
      const count = battles[row * nModels + col]!;
      return count > 0 ? score[row * nModels + col]! / count : null;
    }),
  );
}
