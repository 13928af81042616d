import "server-only";
import { db } from "@/lib/db";
import { LIST_KEYS, parseLeaderboardFilters, type ListKey } from "@/lib/filters";
import type { ModelStatus } from "@/lib/generated/prisma/enums";
import type { Policy } from "@/lib/policy";
import { benjaminiHochberg, FALSE_DISCOVERY_RATE, pairwiseWinFractions, type Outcome, type PairCell } from "@/lib/rating";
import { getComparison } from "./compare";
import { ageBandLabel, countryName, educationLabel, languageName, regionName } from "@/lib/slices";
import { getLeaderboard, type Leaderboard, type LeaderboardRow } from "./leaderboard";
import { getVoteIndex } from "@/lib/slice-index/vote-index";
import { listSliceValues } from "./slice-values";
import { countsFromIndex } from "./slice-source";
import type { RatingPoint } from "@/lib/snapshots/schema";
import { getRatingHistory } from "./snapshots";

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
  rank: number | null;
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
  audiences: AudienceGroup[];
  headToHead: HeadToHead[];
  /** Published overall ratings, oldest first (empty until a snapshot is published). */
  history: RatingPoint[];
}

const ATTRIBUTE_LABELS: Record<ListKey, string> = { region: "Region", country: "Country", age: "Age", education: "Education", language: "Language" };
const VALUE_LABELS: Record<ListKey, (code: string) => string> = {
  region: regionName,
  country: countryName,
  age: ageBandLabel,
  education: educationLabel,
  language: languageName,
};

/** Slices fitted at once: each is a few small queries plus a bootstrap, so a handful keeps the pool free for others. */
const SLICE_CONCURRENCY = 4;

/** Maps `items` through `fn`, at most `limit` at a time, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The model's row and standing in one slice's leaderboard. */
function audienceRating(
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
    ratedModels: board.rows.filter((r) => r.rating !== null).length,
    difference: isRated ? (tested?.difference ?? rating - overall) : null,
    test: isRated && tested ? { lower: tested.lower, upper: tested.upper, p: tested.p, q: 1, significant: false } : null,
  };
}

/**
 * The model's rating in each attribute value big enough to be shown (at least policy.minSliceVoters voters
 * and policy.minModelVotes votes): one leaderboard per value, a few at a time. Smaller values are only counted.
 */
async function getAudiences(modelId: string, overall: number | null, policy: Policy): Promise<AudienceGroup[]> {
  const values = await listSliceValues();
  const candidates = LIST_KEYS.flatMap((key) =>
    values[key]
      .filter((v) => v.voters >= policy.minSliceVoters && v.votes >= policy.minModelVotes)
      .flatMap((v) => {
        // The stored value passes the same schema as a URL filter; anything else is skipped, not guessed at.
        const { filters, problems } = parseLeaderboardFilters({ [key]: v.value });
        return problems.length ? [] : [{ key, value: v.value, filters }];
      }),
  );
  const ratings = await mapLimited(candidates, SLICE_CONCURRENCY, async (c) => {
    // the audience (B) against everyone (A): B − A is this audience's difference from the overall rating
    const [board, comparison] = await Promise.all([getLeaderboard(c.filters, { deprecated: "show" }), getComparison({}, c.filters)]);
    const tested = comparison.models.find((m) => m.modelId === modelId);
    return audienceRating(c.key, c.value, board, modelId, overall, tested);
  });
  // One family of claims per model page: its differences across every audience shown.
  const tests = ratings.filter((r): r is AudienceRating & { test: NonNullable<AudienceRating["test"]> } => r?.test != null);
  benjaminiHochberg(tests.map((r) => r.test.p)).forEach((q, i) => {
    tests[i]!.test.q = q;
    tests[i]!.test.significant = q < FALSE_DISCOVERY_RATE;
  });
  return LIST_KEYS.map((key) => {
    const shown = ratings.filter((r): r is AudienceRating => r !== null && r.key === key);
    return {
      key,
      label: ATTRIBUTE_LABELS[key],
      rated: shown.filter((r) => r.rating !== null).sort((x, y) => y.difference! - x.difference! || y.rating! - x.rating!),
      unrated: shown.filter((r) => r.rating === null).sort((x, y) => y.modelVotes - x.modelVotes),
      omitted: values[key].length - shown.length,
    };
  });
}

/**
 * Overall wins, losses, ties and both-bad against every public model it has met, from the whole board's pair counts
 * in the vote index (every vote counts, as on the leaderboard), with the rating module's win fraction.
 */
async function getHeadToHead(modelId: string, order: readonly string[]): Promise<HeadToHead[]> {
  const [all, opponents] = await Promise.all([
    getVoteIndex().then((index) => countsFromIndex(index, {})),
    // Private-testing and withdrawn variants are never named on public pages.
    db().model.findMany({ where: { id: { not: modelId }, visibility: "PUBLIC" }, select: { id: true, name: true, displayName: true } }),
  ]);
  const me = all.modelIds.indexOf(modelId);
  const counts = all.cells
    .filter((c) => (c.a === me) !== (c.b === me))
    .map((c) => ({ opponent: all.modelIds[c.a === me ? c.b : c.a], isA: c.a === me, outcome: c.outcome, n: c.count }));
  const index = new Map(opponents.map((o, i) => [o.id, i + 1]));
  const cells: PairCell[] = [];
  const records = opponents.map((o) => ({ opponentId: o.id, name: o.name, displayName: o.displayName, battles: 0, wins: 0, losses: 0, ties: 0, bothBad: 0, winFraction: null as number | null }));
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
  return records.filter((r) => r.battles > 0).sort(
    (x, y) => (position.get(x.opponentId) ?? Infinity) - (position.get(y.opponentId) ?? Infinity) || x.displayName.localeCompare(y.displayName),
  );
}

/**
 * A public model's roster facts by its name (one indexed lookup), or null for an unknown name or a
 * private-testing or withdrawn variant (those have no public page).
 */
export async function getModelFacts(name: string): Promise<ModelFacts | null> {
  return db().model.findUnique({
    where: { name, visibility: "PUBLIC" },
    select: { id: true, name: true, displayName: true, organization: true, license: true, status: true },
  });
}

/**
 * Everything the model page shows: roster facts, the overall leaderboard row, its rating in each audience
 * big enough to rate it, its head-to-head record and its published rating history. Null for an unknown name.
 */
export async function getModelProfile(name: string): Promise<ModelProfile | null> {
  const model = await getModelFacts(name);
  if (!model) return null;
  // A deprecated model keeps its page and its scores (no retraction).
  const board = await getLeaderboard({}, { deprecated: "show" });
  const overall = board.rows.find((r) => r.modelId === model.id) ?? null;
  const [audiences, headToHead, history] = await Promise.all([
    getAudiences(model.id, overall?.rating ?? null, board.policy),
    // Head-to-head records are counts too: none while the whole board is under the voter minimum.
    board.isShown ? getHeadToHead(model.id, board.rows.map((r) => r.modelId)) : Promise.resolve([]),
    getRatingHistory(model.id, "all"),
  ]);
  return {
    model,
    overall,
    overallRatedModels: board.rows.filter((r) => r.rating !== null).length,
    overallVoters: board.voters,
    replayVotes: board.replayVotes,
    policy: board.policy,
    audiences,
    headToHead,
    history,
  };
}
