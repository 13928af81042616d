import type { LeaderboardFilters } from "@/lib/filters";
import type { Policy } from "@/lib/policy";
import type { SliceCounts } from "@/lib/queries/slice-counts";
import { compareSlices, FALSE_DISCOVERY_RATE, type ModelDifference } from "@/lib/rating";
import type { ModelInfo } from "./build";
import { isSliceShown, publicCount, publicVoterCount } from "./thin-slice";

/** One audience of a comparison: its slice and size, and whether it is large enough to be shown. */
export interface ComparedAudience {
  filters: LeaderboardFilters;
  /** Exact only when the audience is shown; null under policy.minSliceVoters (lib/leaderboard/thin-slice). */
  votes: number | null;
  voters: number | null;
  isShown: boolean;
  /** True when the audience has fewer voters than the minimum: its counts are withheld. */
  belowMinimum: boolean;
}

/** A model's tested difference between two audiences, with its roster facts. */
export interface ComparedModel extends ModelDifference {
  modelId: string;
  name: string;
  displayName: string;
  organization: string;
}

export interface AudienceComparison {
  a: ComparedAudience;
  b: ComparedAudience;
  /**
   * Voters whose votes fall in both audiences (overlapping audiences share them; the test accounts for it). Null
   * when fewer than policy.minSliceVoters (the overlap of two audiences is a slice too) or when either is not shown.
   */
  sharedVoters: number | null;
  /** Models rated in both audiences (public, not deprecated, at least policy.minModelVotes votes in each). */
  models: ComparedModel[];
  /** The false discovery rate the `significant` flags control (Benjamini–Hochberg across `models`). */
  falseDiscoveryRate: number;
  method: string;
}

/**
 * Tests each model's rating difference between two audiences (see `compareSlices` in lib/rating): both audiences
 * must have policy.minSliceVoters voters; models compared are those listed on the public board (public, not
 * deprecated) with policy.minModelVotes votes in each audience, whose ratings both audiences identify.
 * Cost: two fits and one merged pass over both audiences' votes.
 */
export function buildComparison(
  filters: { a: LeaderboardFilters; b: LeaderboardFilters },
  counts: { a: SliceCounts; b: SliceCounts },
  models: Map<string, ModelInfo>,
  policy: Policy,
): AudienceComparison {
  const audience = (f: LeaderboardFilters, c: SliceCounts): ComparedAudience => {
    const isShown = isSliceShown(c, policy.minSliceVoters);
    return { filters: f, votes: publicCount(c.votes, isShown), voters: publicCount(c.voters, isShown), isShown, belowMinimum: !isShown };
  };
  const a = audience(filters.a, counts.a);
  const b = audience(filters.b, counts.b);
  const base: AudienceComparison = {
    a,
    b,
    sharedVoters: null,
    models: [],
    falseDiscoveryRate: FALSE_DISCOVERY_RATE,
    method: "voter-clustered Wald test, Benjamini–Hochberg",
  };
  if (!a.isShown || !b.isShown || !counts.a.byVoter || !counts.b.byVoter) return base;
  const battles = (c: SliceCounts) => {
    const out = new Map<string, number>();
    for (const cell of c.cells) {
      for (const m of [c.modelIds[cell.a]!, c.modelIds[cell.b]!]) out.set(m, (out.get(m) ?? 0) + cell.count);
    }
    return out;
  };
  const battlesA = battles(counts.a);
  const battlesB = battles(counts.b);
  const include = (id: string) => {
    const m = models.get(id);
    return (
      !!m &&
      m.visibility === "PUBLIC" &&
      m.status !== "DEPRECATED" &&
      (battlesA.get(id) ?? 0) >= policy.minModelVotes &&
      (battlesB.get(id) ?? 0) >= policy.minModelVotes
    );
  };
  const result = compareSlices(
    { models: counts.a.modelIds, cells: counts.a.cells, votes: counts.a.byVoter },
    { models: counts.b.modelIds, cells: counts.b.cells, votes: counts.b.byVoter },
    { include },
  );
  return {
    ...base,
    sharedVoters: publicVoterCount(result.voters.shared, policy.minSliceVoters),
    models: result.models.map((d) => {
      const m = models.get(d.model)!;
      return { ...d, modelId: m.id, name: m.name, displayName: m.displayName, organization: m.organization };
    }),
  };
}
