import type { Leaderboard } from "@/lib/leaderboard/build";
import type { Policy } from "@/lib/policy";
import type { SnapshotMethod, SnapshotSliceData } from "./schema";

/** A snapshot computed from its slices' boards, before it is stored. */
export interface ComputedSnapshot {
  dataCutoff: Date;
  method: SnapshotMethod;
  codeVersion: string;
  slices: SnapshotSliceData[];
}

/** One slice as published: rows only for a shown slice (no outcome shares or pairwise data), deprecated models marked. */
export function toSliceData(key: string, board: Leaderboard): SnapshotSliceData {
  return {
    key,
    // null under the voter minimum: such a slice is stored with 0 and read back as null (see getSnapshot)
    votes: board.votes,
    voters: board.voters,
    isShown: board.isShown,
    rows: board.isShown
      ? board.rows.map((r) => ({
          modelId: r.modelId,
          name: r.name,
          displayName: r.displayName,
          organization: r.organization,
          rating: r.rating,
          lower: r.lower,
          upper: r.upper,
          rank: r.rank,
          rankWorst: r.rankWorst,
          unrated: r.unrated,
          votes: r.votes,
          voters: r.voters,
          ...(r.status === "DEPRECATED" ? { isDeprecated: true } : {}),
        }))
      : [],
  };
}

const samePolicy = (a: Policy, b: Policy) => (Object.keys(a) as (keyof Policy)[]).every((k) => a[k] === b[k]);

/** True when every board was computed under the same policy as the first ("all"): the slices agree on method. */
export function boardsAgreeOnPolicy(boards: readonly (readonly [string, Leaderboard])[]): boolean {
  const [, all] = boards[0]!;
  return boards.every(([, b]) => samePolicy(b.policy, all.policy));
}

/**
 * The snapshot of these boards ("all" first): the method and counting rules are read from the "all" board's policy,
 * each slice through `toSliceData`.
 */
export function snapshotOfBoards(
  boards: readonly (readonly [string, Leaderboard])[],
  dataCutoff: Date,
  codeVersion: string,
): ComputedSnapshot {
  const [, all] = boards[0]!;
  const p = all.policy;
  return {
    dataCutoff,
    codeVersion,
    method: {
      name: all.method.name,
      interval: all.method.interval,
      bootstrapRounds: p.bootstrapRounds,
      bootstrapSeed: p.bootstrapSeed,
      minSliceVoters: p.minSliceVoters,
      minModelVotes: p.minModelVotes,
      demoVotes: all.demoVotes ?? 0,
      excludedVotes: {
        identityLeak: all.excludedVotes.identityLeak,
        excludedVoters: all.excludedVotes.excludedVoters,
        replay: all.excludedVotes.replay,
        unverifiedVoters: all.excludedVotes.unverifiedVoters,
      },
      excludeReplayVotes: p.excludeReplayVotes,
      requireVerifiedEmail: p.requireVerifiedEmail,
    },
    slices: boards.map(([key, board]) => toSliceData(key, board)),
  };
}
