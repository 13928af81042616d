import { rateSlice, type IntervalMethod, type SliceRating } from "../../lib/rating/rate-slice";
import { UniformStream } from "../../lib/rating/rng";
import {
  BOARD_RATINGS,
  BOARD_SHARES,
  BOARD_SIZE,
  formatMean,
  meanAndError,
  NO_TASTE,
  pairDesign,
  PairSampler,
  seedOf,
  sharesOf,
  VoteBuffer,
  type TasteModel,
  type VoteCounts,
} from "./arena-data";
import { expectedScores, TruthCache } from "./population-truth";
import type { SimulationOptions, SimulationSection } from "./report";

/**
 * Do the leaderboard's 95% intervals cover the truth 95% of the time?
 *
 * Data (see `arena-data.ts`): a board of 30 models (about 1000 ± 150, some within a few points of each other),
 * each in 0.5%–10% of the battles, ties ~15% and both-bad ~10% (likelier between close models), in four
 * settings: independent votes (every vote its own voter, no tastes); the setting, 125 voters × 400 votes
 * with a private taste of sd 300 points on 4 random models each; stronger tastes (sd 500 on 8 models); and
 * heavy-tailed activity (votes per voter lognormal with mean 400, log-sd 1.2: a few voters cast thousands).
 *
 * Truth: the population ratings (`population-truth.ts`) — where the fit lands as voters grow without bound —
 * centred over the group the estimator rated on that board. With tastes these are 30–90 points closer together
 * than the base ratings the votes were drawn from, so checking against the base ratings would be wrong.
 *
 * Coverage is the share of (model, board) intervals that contain the truth. Models on one board share their
 * data, so their misses are correlated: the Monte Carlo error is computed from the per-board shares across
 * boards (mean ± sd/√boards), never as if the 30 intervals of a board were independent trials.
 * Methods: the sandwich (the default, every board), the voter bootstrap (≥ 1000 rounds, fewer boards: it is
 * slow) and FastChat's vote bootstrap (100 rounds), which treats votes as independent and so should under-cover
 * once voters have tastes. Targets: sandwich coverage within 0.93–0.97 in every setting; sandwich intervals on
 * average at most 1.6× as wide as the voter bootstrap's.
 */
export function simulateCoverage(options: SimulationOptions): SimulationSection {
  const lines: string[] = [];
  let ok = true;
  const pi = pairDesign(BOARD_SHARES);
  const shares = sharesOf(pi, BOARD_SIZE);
  const names = BOARD_RATINGS.map((_, m) => `m${m}`);
  const indexOf = new Map(names.map((name, m) => [name, m]));
  const base = Float64Array.from(BOARD_RATINGS);
  lines.push(
    `board: ${BOARD_SIZE} models, base ratings ${Math.min(...BOARD_RATINGS)}–${Math.max(...BOARD_RATINGS)} (sd ${sd(BOARD_RATINGS).toFixed(0)}), ` +
      `${pct(Math.min(...shares))}–${pct(Math.max(...shares))} of battles each`,
  );

  COVERAGE_SETTINGS.forEach((setting, s) => {
    const boards = options.quick ? setting.quick : setting.full;
    const truth = new TruthCache(pi, expectedScores(base, setting.taste));
    const full = truth.of(names.map((_, m) => m));
    const mean = BOARD_RATINGS.reduce((sum, r) => sum + r, 0) / BOARD_SIZE;
    const shrink = Math.max(...BOARD_RATINGS.map((r, m) => Math.abs(r - mean - full[m]!)));
    const buffer = new VoteBuffer(BOARD_SIZE, new PairSampler(pi));
    const sandwich = new Float64Array(boards.sandwich);
    const voterBoot = new Float64Array(boards.voterBootstrap);
    const voteBoot = new Float64Array(boards.voteBootstrap);
    let widthSandwich = 0;
    let widthVoterBoot = 0;
    let ties = 0;
    let bothBad = 0;
    let partial = 0;
    const last = Math.max(boards.sandwich, boards.voterBootstrap, boards.voteBootstrap);
    for (let b = 0; b < last; b++) {
      buffer.reset();
      buffer.append(new UniformStream(seedOf(options.seed, 1, s, b)), base, setting.taste, setting.votes, setting.voters, 0);
      const input = { models: names, cells: buffer.cellsOf(), votes: buffer.votesOf() };
      const rates = buffer.drawRates();
      ties += rates.ties;
      bothBad += rates.bothBad;
      const evaluate = (method: IntervalMethod, rounds: number) => {
        const rating = rateSlice(input, { method, rounds, seed: seedOf(options.seed, 2, s, b) });
        return scoreBoard(rating, indexOf, truth);
      };
      const viaSandwich = evaluate("sandwich", 0);
      if (viaSandwich.rated < BOARD_SIZE) partial++;
      if (b < boards.sandwich) sandwich[b] = viaSandwich.covered;
      if (b < boards.voterBootstrap) {
        const viaVoters = evaluate("voter-bootstrap", VOTER_BOOTSTRAP_ROUNDS);
        voterBoot[b] = viaVoters.covered;
        widthSandwich += viaSandwich.width;
        widthVoterBoot += viaVoters.width;
      }
      if (b < boards.voteBootstrap) voteBoot[b] = evaluate("vote-bootstrap", VOTE_BOOTSTRAP_ROUNDS).covered;
    }
    const coverage = meanAndError(sandwich).mean;
    const ratio = widthSandwich / widthVoterBoot;
    const isCovering = coverage >= 0.93 && coverage <= 0.97;
    const isNarrow = ratio <= 1.6;
    ok &&= isCovering && isNarrow;
    lines.push(
      `${setting.label}: ties ${pct(ties / last)}, both bad ${pct(bothBad / last)}; population ratings up to ${shrink.toFixed(1)} points from the centred base ratings` +
        (partial > 0 ? `; ${partial} of ${last} boards rated fewer than ${BOARD_SIZE} models` : ""),
    );
    lines.push(
      `  sandwich coverage ${formatMean(sandwich)} over ${boards.sandwich} boards (target 0.93–0.97)${isCovering ? "" : "  MISSED"}`,
    );
    lines.push(
      `  voter bootstrap (${VOTER_BOOTSTRAP_ROUNDS} rounds) coverage ${formatMean(voterBoot)} over ${boards.voterBootstrap} boards`,
    );
    lines.push(`  width sandwich / voter bootstrap ${ratio.toFixed(3)} on the same boards (target ≤ 1.6)${isNarrow ? "" : "  MISSED"}`);
    lines.push(
      `  vote bootstrap (${VOTE_BOOTSTRAP_ROUNDS} rounds, votes as if independent) coverage ${formatMean(voteBoot)} over ${boards.voteBootstrap} boards`,
    );
  });
  return { title: "Coverage of the 95% rating intervals", lines, ok };
}

export interface CoverageSetting {
  label: string;
  taste: TasteModel;
  voters: number;
  votes: VoteCounts;
  full: Boards;
  quick: Boards;
}

/** Boards simulated per method: every board gets the sandwich, the first ones the bootstraps too. */
export interface Boards {
  sandwich: number;
  voterBootstrap: number;
  voteBootstrap: number;
}

const VOTER_BOOTSTRAP_ROUNDS = 1000;
const VOTE_BOOTSTRAP_ROUNDS = 100;

export const COVERAGE_SETTINGS: readonly CoverageSetting[] = [
  {
    label: "independent votes (50,000 voters × 1 vote, no tastes)",
    taste: NO_TASTE,
    voters: 50_000,
    votes: { mean: 1 },
    // a voter bootstrap over 50,000 voters takes ~1.6 s a board
    full: { sandwich: 500, voterBootstrap: 40, voteBootstrap: 100 },
    quick: { sandwich: 3, voterBootstrap: 1, voteBootstrap: 2 },
  },
  {
    label: "issue setting (125 voters × 400 votes, taste sd 300 on 4 models)",
    taste: { sd: 300, models: 4 },
    voters: 125,
    votes: { mean: 400 },
    full: { sandwich: 500, voterBootstrap: 60, voteBootstrap: 100 },
    quick: { sandwich: 3, voterBootstrap: 1, voteBootstrap: 2 },
  },
  {
    label: "stronger tastes (125 voters × 400 votes, taste sd 500 on 8 models)",
    taste: { sd: 500, models: 8 },
    voters: 125,
    votes: { mean: 400 },
    full: { sandwich: 500, voterBootstrap: 60, voteBootstrap: 100 },
    quick: { sandwich: 3, voterBootstrap: 1, voteBootstrap: 2 },
  },
  {
    label: "heavy-tailed activity (125 voters, votes lognormal mean 400 log-sd 1.2, taste sd 300 on 4 models)",
    taste: { sd: 300, models: 4 },
    voters: 125,
    votes: { mean: 400, logSd: 1.2 },
    full: { sandwich: 500, voterBootstrap: 60, voteBootstrap: 100 },
    quick: { sandwich: 3, voterBootstrap: 1, voteBootstrap: 2 },
  },
];

/** Share of the board's rated models whose interval holds the truth, and the intervals' mean width. */
function scoreBoard(
  rating: SliceRating,
  indexOf: Map<string, number>,
  truth: TruthCache,
): { covered: number; width: number; rated: number } {
  const rated = rating.rows.filter((row) => row.rating !== null);
  const group = rated.map((row) => indexOf.get(row.model)!).sort((x, y) => x - y);
  const centred = truth.of(group);
  let covered = 0;
  let width = 0;
  for (const row of rated) {
    const target = 1000 + centred[indexOf.get(row.model)!]!;
    if (row.lower! <= target && target <= row.upper!) covered++;
    width += row.upper! - row.lower!;
  }
  return { covered: covered / Math.max(1, rated.length), width: width / Math.max(1, rated.length), rated: rated.length };
}

function sd(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
