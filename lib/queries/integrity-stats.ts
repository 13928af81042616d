import "server-only";
import { db } from "@/lib/db";
import { getVoteIndex } from "@/lib/slice-index/vote-index";

export interface IntegrityStats {
  /** Arena votes in the database, counted or not. */
  arenaVotes: number;
  identityLeakVotes: number;
  /** Votes of voters an admin excluded (identity-leak votes are counted under that reason only). */
  excludedVoterVotes: number;
  /** Replay-battle votes left out (policy.excludeReplayVotes), and replay-battle votes counted on the boards. */
  replayVotesLeftOut: number;
  replayVotesCounted: number;
  /** Unverified contributors' votes left out (policy.requireVerifiedEmail). */
  unverifiedVotesLeftOut: number;
  /** identityLeakVotes / arenaVotes (0 without arena votes). */
  flaggedShare: number;
  /** Voters flagged by the detector and awaiting review, and voters excluded after review. */
  flaggedVoters: number;
  excludedVoters: number;
}

/** The public integrity numbers for the methodology page: from the vote index plus two small counts. */
export async function getIntegrityStats(): Promise<IntegrityStats> {
  const [index, flaggedVoters, excludedVoters] = await Promise.all([
    getVoteIndex(),
    db().voterReview.count({ where: { status: "FLAGGED" } }),
    db().voterReview.count({ where: { status: "EXCLUDED" } }),
  ]);
  const { identityLeak, excludedVoter, replay, unverifiedVoter } = index.uncounted;
  return {
    arenaVotes: index.arenaVotes,
    identityLeakVotes: identityLeak,
    excludedVoterVotes: excludedVoter,
    replayVotesLeftOut: replay,
    replayVotesCounted: index.replayCounted,
    unverifiedVotesLeftOut: unverifiedVoter,
    flaggedShare: index.arenaVotes > 0 ? identityLeak / index.arenaVotes : 0,
    flaggedVoters,
    excludedVoters,
  };
}
