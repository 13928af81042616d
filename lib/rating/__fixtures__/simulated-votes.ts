import { createRng } from "../rng";
import type { Outcome, PairCell, VotesByVoter } from "../types";

const OUTCOMES: Outcome[] = ["A", "B", "TIE", "BOTH_BAD"];

/** Test data: simulated votes: `voters` voters each casting `perVoter` votes, with a private taste of sd `taste` (points) on every model. */
export function simulateVotes(opts: {
  ratings: number[];
  voters: number;
  perVoter: number;
  taste: number;
  seed: number;
  share?: number[];
}) {
  const rng = createRng(opts.seed);
  const n = opts.ratings.length;
  const share = opts.share ?? opts.ratings.map(() => 1);
  const cumulative: number[] = [];
  share.reduce((s, w, m) => ((cumulative[m] = s + w), s + w), 0);
  const pick = () => {
    const u = rng() * cumulative[n - 1]!;
    return cumulative.findIndex((c) => u < c);
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const start = new Int32Array(opts.voters + 1);
  const code: number[] = [];
  const counts = new Map<number, number>();
  for (let g = 0; g < opts.voters; g++) {
    const taste = opts.ratings.map(() => opts.taste * normal());
    for (let v = 0; v < opts.perVoter; v++) {
      const a = pick();
      let b = pick();
      while (b === a) b = pick();
      const d = opts.ratings[a]! + taste[a]! - opts.ratings[b]! - taste[b]!;
      const p = 1 / (1 + 10 ** (-d / 400));
      const u = rng();
      const outcome = u < 0.1 ? 2 : u < 0.1 + 0.9 * p ? 0 : 1;
      const c = (a * n + b) * 4 + outcome;
      code.push(c);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    start[g + 1] = code.length;
  }
  const cells: PairCell[] = [...counts].map(([c, count]) => ({
    a: Math.floor(c / 4 / n),
    b: (c >> 2) % n,
    outcome: OUTCOMES[c & 3]!,
    count,
  }));
  const votes: VotesByVoter = {
    start,
    voterId: Int32Array.from({ length: opts.voters }, (_, g) => g),
    code: Uint32Array.from(code),
    stride: n,
    modelOf: Int32Array.from({ length: n }, (_, m) => m),
  };
  return { models: opts.ratings.map((_, m) => `m${m}`), cells, votes };
}
