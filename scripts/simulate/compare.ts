import { fitIdentified } from "../../lib/rating/identified-fit";
import { compareSlices, type SliceVotes } from "../../lib/rating/compare";
import { UniformStream } from "../../lib/rating/rng";
import {
  BOARD_RATINGS,
  BOARD_SHARES,
  BOARD_SIZE,
  formatMean,
  meanAndError,
  pairDesign,
  PairSampler,
  seedOf,
  VoteBuffer,
  type TasteModel,
} from "./arena-data";
import { expectedScores, mixScores, populationRatings } from "./population-truth";
import type { SimulationOptions, SimulationSection } from "./report";

/**
 * Does "compare audiences" find real differences without crying wolf?
 *
 * Data (see `arena-data.ts`): the 30-model board, voters casting 400 votes each with a taste of sd 300 points on
 * 4 random models. Audience B rates six models differently from audience A — three 60 points higher, three 60
 * lower (mean unchanged, so the other models' centred truth stays put), all in 4%–8% of battles — and the other 24
 * exactly the same (differences are B − A, as `compareSlices` reports them). Three scenarios:
 * - two audiences of 150 voters each, no voter in both;
 * - an audience (150 voters, the shifted ratings) against everyone (it plus 450 other voters): overlapping slices,
 *   where the two ratings share the audience's votes and a naive test that treated them as independent would be
 *   far too cautious; `compareSlices` matches voters by id and takes the shared votes into account;
 * - two thin audiences of 40 voters × 150 votes: few clusters for the variance to go on. The false discovery and
 *   coverage promises must still hold; power is reported without a target (it cannot be high there).
 *
 * Truth: each audience's population ratings (`population-truth.ts`; "everyone" is the vote-weighted mixture of
 * its groups' expected scores), each over the group its fit rates, re-centred over the models both rate — the same
 * centring as `compareSlices` — and differenced. Tastes attenuate the 60 points a little; in the overlapping
 * scenario the true difference of a shifted model is about 3/4 of that (everyone includes the audience).
 * A discovery (q < 0.05) is false when the model's true difference is within NULL_BAND points of zero.
 * Per replication: false discovery proportion FDP = false / max(1, discoveries), power = the share of truly
 * different models found, coverage = the share of difference intervals holding the true difference. Reported as
 * means over replications with their Monte Carlo error (sd/√replications). Targets: mean FDP (the false
 * discovery rate) ≤ 0.10, power ≥ 0.5 (most real differences found; not for thin audiences), interval coverage
 * within 0.93–0.97.
 */
export function simulateCompare(options: SimulationOptions): SimulationSection {
  const lines: string[] = [];
  let ok = true;
  const pi = pairDesign(BOARD_SHARES);
  const base = Float64Array.from(BOARD_RATINGS);
  const shifted = base.map((r, m) => r + (SHIFTS.get(m) ?? 0));
  const names = BOARD_RATINGS.map((_, m) => `m${m}`);
  const indexOf = new Map(names.map((name, m) => [name, m]));
  const scoresBase = expectedScores(base, TASTE);
  const scoresShifted = expectedScores(shifted, TASTE);
  const replications = options.quick ? QUICK_REPLICATIONS : FULL_REPLICATIONS;

  SCENARIOS.forEach((scenario, s) => {
    // population expected scores of the two slices compared
    const scoresA = scenario.kind === "disjoint" ? scoresBase : scoresShifted;
    const scoresB =
      scenario.kind === "disjoint"
        ? scoresShifted
        : mixScores([
            { scores: scoresShifted, weight: scenario.voters },
            { scores: scoresBase, weight: OTHER_VOTERS },
          ]);
    const truthCache = new Map<string, Float64Array>();
    const trueDifferences = (groupA: number[], groupB: number[]): Float64Array => {
      const key = `${groupA.join(",")}|${groupB.join(",")}`;
      let d = truthCache.get(key);
      if (!d) {
        // compareSlices reports ratingB − ratingA
        d = centredDifference(populationRatings(pi, scoresB, groupB), populationRatings(pi, scoresA, groupA));
        truthCache.set(key, d);
      }
      return d;
    };
    const everyModel = names.map((_, m) => m);
    const fullTruth = trueDifferences(everyModel, everyModel);

    const buffer = new VoteBuffer(BOARD_SIZE, new PairSampler(pi));
    const fdp = new Float64Array(replications);
    const power = new Float64Array(replications);
    const coverage = new Float64Array(replications);
    let discoveries = 0;
    let unclassified = 0;
    for (let rep = 0; rep < replications; rep++) {
      const source = new UniformStream(seedOf(options.seed, 3, s, rep));
      buffer.reset();
      let a: SliceVotes;
      let b: SliceVotes;
      const slice = (from: number, to: number): SliceVotes => ({
        models: names,
        cells: buffer.cellsOf(from, to),
        votes: buffer.votesOf(from, to),
      });
      const counts = { mean: scenario.votesPerVoter };
      const g = scenario.voters;
      if (scenario.kind === "disjoint") {
        buffer.append(source, base, TASTE, counts, g, 0);
        buffer.append(source, shifted, TASTE, counts, g, g);
        a = slice(0, g);
        b = slice(g, 2 * g);
      } else {
        buffer.append(source, shifted, TASTE, counts, g, 0);
        buffer.append(source, base, TASTE, counts, OTHER_VOTERS, g);
        a = slice(0, g);
        b = slice(0, g + OTHER_VOTERS);
      }
      const comparison = compareSlices(a, b);
      // almost always every model is rated in both audiences; otherwise the truth follows the rated groups
      const truth =
        comparison.models.length === BOARD_SIZE
          ? fullTruth
          : trueDifferences(fitIdentified(a.models, a.cells).rated, fitIdentified(b.models, b.cells).rated);
      let found = 0;
      let falseFound = 0;
      let real = 0;
      let realFound = 0;
      let covered = 0;
      for (const row of comparison.models) {
        const d = truth[indexOf.get(row.model)!]!;
        const isNull = Math.abs(d) < NULL_BAND;
        const isReal = Math.abs(d) >= REAL_BAND;
        if (!isNull && !isReal) unclassified++;
        if (row.significant) found++;
        if (row.significant && isNull) falseFound++;
        if (isReal) real++;
        if (isReal && row.significant) realFound++;
        if (row.lower <= d && d <= row.upper) covered++;
      }
      discoveries += found;
      fdp[rep] = falseFound / Math.max(1, found);
      power[rep] = realFound / Math.max(1, real);
      coverage[rep] = covered / Math.max(1, comparison.models.length);
    }
    const fdr = meanAndError(fdp).mean;
    const meanPower = meanAndError(power).mean;
    const meanCoverage = meanAndError(coverage).mean;
    const isControlled = fdr <= 0.1;
    const isPowerful = !scenario.hasPowerTarget || meanPower >= 0.5;
    const isCovering = meanCoverage >= 0.93 && meanCoverage <= 0.97;
    ok &&= isControlled && isPowerful && isCovering;
    const real = Array.from(fullTruth).filter((d) => Math.abs(d) >= REAL_BAND);
    const nulls = Array.from(fullTruth).filter((d) => Math.abs(d) < NULL_BAND);
    lines.push(
      `${scenario.label}: true differences of the ${real.length} shifted models ${Math.min(...real.map(Math.abs)).toFixed(1)}–${Math.max(...real.map(Math.abs)).toFixed(1)} points, ` +
        `of the other ${nulls.length} at most ${Math.max(...nulls.map(Math.abs)).toFixed(2)}` +
        (unclassified > 0
          ? `; ${unclassified} (model, replication) differences between ${NULL_BAND} and ${REAL_BAND} points left unclassified`
          : ""),
    );
    lines.push(
      `  false discovery rate (mean FDP) ${formatMean(fdp)} over ${replications} replications (target ≤ 0.10)${isControlled ? "" : "  MISSED"}`,
    );
    lines.push(
      `  power ${formatMean(power)} (${scenario.hasPowerTarget ? "target ≥ 0.5" : "no target: thin"}); ${(discoveries / replications).toFixed(2)} discoveries per replication${isPowerful ? "" : "  MISSED"}`,
    );
    lines.push(`  coverage of the 95% difference intervals ${formatMean(coverage)} (target 0.93–0.97)${isCovering ? "" : "  MISSED"}`);
  });
  return { title: "Comparing audiences: false discoveries, power, coverage", lines, ok };
}

const TASTE: TasteModel = { sd: 300, models: 4 };
const VOTES_PER_VOTER = 400;
const AUDIENCE_VOTERS = 150;
/** Voters in "everyone" besides the audience. */
const OTHER_VOTERS = 450;
/** Audience B's (or the audience's) shift of six models, in points: Σ = 0, so the board's mean is unchanged. */
const SHIFTS = new Map<number, number>([
  [5, 60],
  [9, 60],
  [12, 60],
  [15, -60],
  [19, -60],
  [23, -60],
]);
/** A true difference below this many points counts as none (the other models' differences are ~0.1 points). */
const NULL_BAND = 5;
/** A true difference of at least this many points is a real one that power counts. */
const REAL_BAND = 20;
/** The thin scenario: few voters, few votes, where a clustered variance has the fewest clusters to go on. */
const THIN_VOTERS = 40;
const THIN_VOTES = 150;
const FULL_REPLICATIONS = 500;
const QUICK_REPLICATIONS = 3;

interface CompareScenario {
  label: string;
  kind: "disjoint" | "overlapping";
  /** Voters in the audience (each audience, when disjoint). */
  voters: number;
  votesPerVoter: number;
  /** Whether the power target applies (not for thin audiences, where it cannot be met). */
  hasPowerTarget: boolean;
}

const SCENARIOS: readonly CompareScenario[] = [
  {
    label: `two audiences of ${AUDIENCE_VOTERS} voters × ${VOTES_PER_VOTER} votes`,
    kind: "disjoint",
    voters: AUDIENCE_VOTERS,
    votesPerVoter: VOTES_PER_VOTER,
    hasPowerTarget: true,
  },
  {
    label: `an audience of ${AUDIENCE_VOTERS} voters against everyone (it and ${OTHER_VOTERS} others, ${VOTES_PER_VOTER} votes each)`,
    kind: "overlapping",
    voters: AUDIENCE_VOTERS,
    votesPerVoter: VOTES_PER_VOTER,
    hasPowerTarget: true,
  },
  {
    label: `two thin audiences of ${THIN_VOTERS} voters × ${THIN_VOTES} votes`,
    kind: "disjoint",
    voters: THIN_VOTERS,
    votesPerVoter: THIN_VOTES,
    hasPowerTarget: false,
  },
];

/** (x − mean over the models both rate) − (y − the same), NaN where either is missing. */
function centredDifference(x: Float64Array, y: Float64Array): Float64Array {
  let meanX = 0;
  let meanY = 0;
  let common = 0;
  for (let m = 0; m < x.length; m++) {
    if (Number.isNaN(x[m]!) || Number.isNaN(y[m]!)) continue;
    meanX += x[m]!;
    meanY += y[m]!;
    common++;
  }
  meanX /= common || 1;
  meanY /= common || 1;
  return x.map((v, m) => v - meanX - (y[m]! - meanY));
}
