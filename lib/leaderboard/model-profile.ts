import type { ListKey } from "@/lib/filters";
import type { ModelStatus } from "@/lib/generated/prisma/enums";
import type { Policy } from "@/lib/policy";
import { benjaminiHochberg, FALSE_DISCOVERY_RATE, pairwiseWinFractions, type Outcome, type PairCell } from "@/lib/rating";
import { ageBandLabel, countryName, educationLabel, languageName, regionName } from "@/lib/slices";
import type { RatingPoint } from "@/lib/snapshots/schema";
import type { Leaderboard, LeaderboardRow } from "./build";

/** A model's public page, built from boards and pair counts (lib/queries/model-profile.ts reads them). */

export interface ModelFacts {
  id: string;
  name: string;
  displayName: string;
  organization: string;
  license: string;
  status: ModelStatus;
}

/** The model's rating among the voters of one attribute value, e.g. region = Europe. */
export interface AudienceRating {
  key: ListKey;
  value: string;
  label: string;
  sliceVotes: number;
  sliceVoters: number;
  /** This model's votes in the slice. */
  modelVotes: number;
  /** Null when the model has fewer than policy.minModelVotes votes in the slice. */
  rating: number | null;
  lower: number | null;
  upper: number | null;
  /** Best and worst rank its 95% interval allows (as the leaderboard's rank column). */
  rank: number | null;
  rankWorst: number | null;
  /** How many models are rated in the slice (the "of N" of the rank). */
  ratedModels: number;
  /**
   * Rating here minus the overall rating: the tested difference (both centred over the models rated in both, with
   * voter-clustered errors that account for the votes the audience shares with everyone) when there is one, else
   * the plain difference; null when either rating is missing.
   */
  difference: number | null;
  /** The test of that difference: 95% interval, p, and q across this model's audiences (Benjamini–Hochberg). */
  test: { lower: number; upper: number; p: number; q: number; significant: boolean } | null;
}

export interface AudienceGroup {
  key: ListKey;
  label: string;
  /** Rated here, most favourable audience (largest difference) first. */
  rated: AudienceRating[];
  /** Slices big enough to show, where this model has too few votes to be rated. */
  unrated: AudienceRating[];
  /** Values with votes whose slice is too small to show at all. */
  omitted: number;
}

/** Overall record against one other model; shares count ties and both-bad as half a win, as the fit does. */
export interface HeadToHead {
  opponentId: string;
  name: string;
  displayName: string;
  battles: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  /** P(this model beats the opponent), ties and both-bad as half; null when they never met. */
  winFraction: number | null;
}

export interface ModelProfile {
  model: ModelFacts;
  /** The model's row on the overall leaderboard; null when it has no votes yet. */
  overall: LeaderboardRow | null;
  overallRatedModels: number;
  /** Voters of the whole board; null while it has fewer than policy.minSliceVoters (no exact counts then). */
  overallVoters: number | null;
  /** Counted votes of the whole board from battles that showed a replay answer (null under the voter minimum). */
  replayVotes: number | null;
  policy: Policy;
  /** The fitted audiences come separately (getModelAudiences): the page streams them in after the rest. */
  headToHead: HeadToHead[];
  /** Published overall ratings, oldest first (empty until a snapshot is published). */
  history: RatingPoint[];
}

const ATTRIBUTE_LABELS: Record<ListKey, string> = {
  region: "Region",
  country: "Country",
  age: "Age",
  education: "Education",
  language: "Language",
};
const VALUE_LABELS: Record<ListKey, (code: string) => string> = {
  region: regionName,
  country: countryName,
  age: ageBandLabel,
  education: educationLabel,
  language: languageName,
};

/** The model's row and standing in one slice's leaderboard. */
export function audienceRating(
  key: ListKey,
  value: string,
  board: Leaderboard,
  modelId: string,
  overall: number | null,
  tested: { difference: number; lower: number; upper: number; p: number } | undefined,
): AudienceRating | null {
  // A slice under the voter minimum is not shown, and its counts are not known here (thin-slice rule).
  if (board.votes === null || board.voters === null) return null;
  const row = board.rows.find((r) => r.modelId === modelId);
  const rating = row?.rating ?? null;
  const isRated = rating !== null && overall !== null;
  return {
    key,
    value,
    label: VALUE_LABELS[key](value),
    sliceVotes: board.votes,
    sliceVoters: board.voters,
    modelVotes: row?.votes ?? 0,
    rating,
    lower: row?.lower ?? null,
    upper: row?.upper ?? null,
    rank: row?.rank ?? null,
    rankWorst: row?.rankWorst ?? null,
    ratedModels: board.rows.filter((r) => r.rating !== null).length,
    difference: isRated ? (tested?.difference ?? rating - overall) : null,
    test: isRated && tested ? { lower: tested.lower, upper: tested.upper, p: tested.p, q: 1, significant: false } : null,
  };
}

/**
 * Groups one model's audience ratings (null: a slice too small to show) by attribute, after testing their
 * differences from the overall rating as one family (Benjamini–Hochberg at FALSE_DISCOVERY_RATE). `valueCounts`
 * is how many values with votes each attribute has. Rated audiences come most favourable first.
 */
export function groupAudiences(
  ratings: (AudienceRating | null)[],
  keys: readonly ListKey[],
  valueCounts: Record<ListKey, number>,
): AudienceGroup[] {
  // One family of claims per model page: its differences across every audience shown.
  const tests = ratings.filter((r): r is AudienceRating & { test: NonNullable<AudienceRating["test"]> } => r?.test != null);
  benjaminiHochberg(tests.map((r) => r.test.p)).forEach((q, i) => {
    tests[i]!.test.q = q;
    tests[i]!.test.significant = q < FALSE_DISCOVERY_RATE;
  });
  return keys.map((key) => {
    const shown = ratings.filter((r): r is AudienceRating => r !== null && r.key === key);
    return {
      key,
      label: ATTRIBUTE_LABELS[key],
      rated: shown.filter((r) => r.rating !== null).sort((x, y) => y.difference! - x.difference! || y.rating! - x.rating!),
      unrated: shown.filter((r) => r.rating === null).sort((x, y) => y.modelVotes - x.modelVotes),
      omitted: valueCounts[key] - shown.length,
    };
  });
}

/** One vote-index cell of the whole board: models by index into `modelIds`. */
interface CountCell {
  a: number;
  b: number;
  outcome: Outcome;
  count: number;
}

/**
 * Overall wins, losses, ties and both-bad of `modelId` against each of `opponents` it has met, from the whole
 * board's pair counts, with the rating module's win fraction; opponents in `order` (leaderboard order), then the
 * rest by name.
 */
export function headToHeadRecords(
  all: { modelIds: readonly string[]; cells: readonly CountCell[] },
  modelId: string,
  opponents: readonly { id: string; name: string; displayName: string }[],
  order: readonly string[],
): HeadToHead[] {
  const me = all.modelIds.indexOf(modelId);
  const counts = all.cells
    .filter((c) => (c.a === me) !== (c.b === me))
    .map((c) => ({ opponent: all.modelIds[c.a === me ? c.b : c.a], isA: c.a === me, outcome: c.outcome, n: c.count }));
  const index = new Map(opponents.map((o, i) => [o.id, i + 1]));
  const cells: PairCell[] = [];
  const records = opponents.map((o) => ({
    opponentId: o.id,
    name: o.name,
    displayName: o.displayName,
    battles: 0,
    wins: 0,
    losses: 0,
    ties: 0,
    bothBad: 0,
    winFraction: null as number | null,
  }));
  for (const c of counts) {
    const i = index.get(c.opponent);
    if (i === undefined) continue;
    // Model 0 is this one: the cell keeps the side it was shown on, as the fit sees it.
    cells.push(c.isA ? { a: 0, b: i, outcome: c.outcome, count: c.n } : { a: i, b: 0, outcome: c.outcome, count: c.n });
    const record = records[i - 1]!;
    record.battles += c.n;
    if (c.outcome === "TIE") record.ties += c.n;
    else if (c.outcome === "BOTH_BAD") record.bothBad += c.n;
    else if ((c.outcome === "A") === c.isA) record.wins += c.n;
    else record.losses += c.n;
  }
  const fractions = pairwiseWinFractions(cells, opponents.length + 1)[0]!;
  records.forEach((r, k) => (r.winFraction = fractions[k + 1] ?? null));
  // Opponents in leaderboard order, then those without a place on it by name.
  const position = new Map(order.map((id, i) => [id, i]));
  return records
    .filter((r) => r.battles > 0)
    .sort(
      (x, y) =>
        (position.get(x.opponentId) ?? Infinity) - (position.get(y.opponentId) ?? Infinity) || x.displayName.localeCompare(y.displayName),
    );
}
