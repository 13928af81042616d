import { collectPairs, pairScores } from "../cells";
import { fitPairs } from "../fit";
import type { PairCell } from "../types";

// Reference only (tests and parity): production code fits per-pair statistics with `fitPairs` (../fit) directly.

/**
 * Bradley–Terry maximum likelihood, FastChat's `compute_bt` objective:
 *   minimise  −Σ_cells w·[y·log σ(α(r_a−r_b)) + (1−y)·log σ(−α(r_a−r_b))] + (λ/2)·Σ r²,  α = ln(base),
 * y = 1 / 0 / 0.5 for A / B / TIE or BOTH_BAD. Returns r on FastChat's "natural scale" (rating = scale·r + init):
 * a difference of 1 is a factor of `base` in odds. Since every likelihood gradient sums to zero, the ridge term
 * makes Σ r = 0 at the optimum (FastChat gets the same from L-BFGS started at zeros).
 *
 * Method: damped Newton with the full Hessian (graph Laplacian weighted by α²·w·p(1−p), plus λI), solved by
 * Cholesky, Armijo backtracking; convex, so it converges from any start and is deterministic. Once steps are
 * below CHORD_STEP the last factorisation is kept (chord steps; the Hessian hardly changes there).
 * Cost: O(cells) to collapse the cells into pairs (`collectPairs`), then `fitPairs`: per Newton step O(pairs + n³/3), usually
 * 3–4 steps, then a few O(pairs + n²) chord steps.
 */
export function fitBradleyTerry(cells: readonly PairCell[], nModels: number, base = 10): Float64Array {
  const pairs = collectPairs(cells, nModels);
  const total = new Float64Array(pairs.i.length);
  const scoreI = new Float64Array(pairs.i.length);
  pairScores(pairs.winsI, pairs.winsJ, pairs.draws, total, scoreI);
  return fitPairs(pairs, total, scoreI, Math.log(base));
}
