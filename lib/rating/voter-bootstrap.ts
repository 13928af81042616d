import type { IdentifiedFit } from "./identified-fit";
import { centre } from "./identified-fit";
import { fitPairs } from "./fit";
import { createMultinomialSampler } from "./multinomial-sampler";
import { UniformStream } from "./rng";
import { ratedIndexOfCode, ratedPair } from "./sandwich";
import { createSplitTest } from "./strong-components";
import type { VotesByVoter } from "./types";

/**
 * Voter bootstrap: `rounds` times, draw G voters with replacement (multinomial weights over the slice's G voters),
 * sum their votes into pair counts, refit the rated group and keep its centred strengths. Rounds whose pairs no
 * longer hold the group together (a resampled model with only wins, say) are refitted with the ridge, which keeps
 * them finite — only there is a penalty used. Returns rounds × k strengths (natural units).
 * Cost O(votes) once, then per round O(Σ voters' distinct pair categories + n³) (Newton from the full fit).
 */
export function voterBootstrap(fit: IdentifiedFit, votes: VotesByVoter, rounds: number, seed: number): Float64Array[] {
  const k = fit.rated.length;
  const { pairs } = fit;
  const nPairs = pairs.i.length;
  const pairIndex = new Int32Array(k * k).fill(-1);
  for (let p = 0; p < nPairs; p++) pairIndex[pairs.i[p]! * k + pairs.j[p]!] = p;
  const codeIndex = ratedIndexOfCode(fit, votes);
  // each voter's votes as (category 3p + {i won, j won, drawn}) entries, deduplicated with counts
  const entryStart: number[] = [0];
  const entries: number[] = [];
  const entryCounts: number[] = [];
  const seen = new Map<number, number>();
  const pair = new Int32Array(2);
  const { start, code, stride } = votes;
  for (let g = 0; g + 1 < start.length; g++) {
    seen.clear();
    for (let v = start[g]!; v < start[g + 1]!; v++) {
      const c = code[v]!;
      if (!ratedPair(c, stride, codeIndex, pair)) continue;
      const [a, b] = [pair[0]!, pair[1]!];
      const outcome = c & 3;
      const [x, y, xWon] = a < b ? [a, b, outcome === 0] : [b, a, outcome === 1];
      const category = 3 * pairIndex[x * k + y]! + (outcome >= 2 ? 2 : xWon ? 0 : 1);
      const at = seen.get(category);
      if (at === undefined) {
        seen.set(category, entries.length);
        entries.push(category);
        entryCounts.push(1);
      } else entryCounts[at]!++;
    }
    if (entries.length > entryStart[entryStart.length - 1]!) entryStart.push(entries.length);
  }
  const voters = entryStart.length - 1;
  const result: Float64Array[] = [];
  if (voters === 0 || k < 2) return result;
  const counts = new Float64Array(3 * nPairs);
  for (let p = 0; p < nPairs; p++) {
    counts[3 * p] = pairs.winsI[p]!;
    counts[3 * p + 1] = pairs.winsJ[p]!;
    counts[3 * p + 2] = pairs.draws[p]!;
  }
  const splits = createSplitTest(pairs, counts, Infinity);
  const sample = createMultinomialSampler(new Float64Array(voters).fill(1), rounds);
  const source = new UniformStream(seed);
  const weights = new Float64Array(voters);
  const draws = new Float64Array(3 * nPairs);
  const total = new Float64Array(nPairs);
  const scoreI = new Float64Array(nPairs);
  for (let round = 0; round < rounds; round++) {
    sample(source, weights);
    draws.fill(0);
    for (let g = 0; g < voters; g++) {
      const w = weights[g]!;
      if (w === 0) continue;
      for (let e = entryStart[g]!; e < entryStart[g + 1]!; e++) draws[entries[e]!] += w * entryCounts[e]!;
    }
    for (let p = 0; p < nPairs; p++) {
      total[p] = draws[3 * p]! + draws[3 * p + 1]! + draws[3 * p + 2]!;
      scoreI[p] = draws[3 * p]! + 0.5 * draws[3 * p + 2]!;
    }
    const strengths = fitPairs(pairs, total, scoreI, fit.alpha, fit.strengths, undefined, splits(draws) ? "ridge" : "centre");
    centre(strengths);
    result.push(strengths);
  }
  return result;
}
