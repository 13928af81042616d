import "server-only";
import type { LeaderboardFilters } from "@/lib/filters";
import type { Outcome, PairCell } from "@/lib/rating";
import { compileFilter } from "@/lib/slice-index/compile-filter";
import { OUTCOME_NAMES } from "@/lib/slice-index/codes";
import type { VoteIndex } from "@/lib/slice-index/vote-index";
import type { ScanRecords } from "@/lib/slice-index/vote-scan";
import type { SliceCounts } from "./slice-counts";

/**
 * One slice's counts from a vote index (one pass over compact columns), in the same shape as the
 * SQL path's, with the slice's votes grouped by voter for voter-clustered intervals.
 */
export function countsFromIndex(index: VoteIndex, filters: LeaderboardFilters, records: ScanRecords = "votes"): SliceCounts {
  const scan = index.scan(compileFilter(filters), records);
  const M = scan.modelCount;
  // Keep only models with votes in the slice, re-indexed in id order (as the SQL path does).
  const present: number[] = [];
  for (let m = 0; m < M; m++) if (scan.modelVoters[m] > 0) present.push(m);
  present.sort((x, y) => (index.modelIds[x] < index.modelIds[y] ? -1 : 1));
  const local = new Int32Array(M).fill(-1);
  present.forEach((m, i) => (local[m] = i));
  const cells: PairCell[] = [];
  for (let i = 0; i < scan.cells.length; i++) {
    const count = scan.cells[i];
    if (count === 0) continue;
    const outcome = i & 3;
    const pair = i >> 2;
    const a = Math.floor(pair / M);
    cells.push({ a: local[a], b: local[pair - a * M], outcome: OUTCOME_NAMES[outcome] as Outcome, count });
  }
  return {
    modelIds: present.map((m) => index.modelIds[m]),
    cells,
    votes: scan.votes,
    voters: scan.voters,
    demoVotes: scan.demoVotes,
    replayVotes: scan.replayVotes,
    modelVoters: present.map((m) => scan.modelVoters[m]),
    lastVoteAt: scan.lastTime ? new Date(scan.lastTime * 1000) : null,
    byVoter: scan.byVoter && { ...scan.byVoter, stride: M, modelOf: local },
  };
}
