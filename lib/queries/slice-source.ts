import "server-only";
import type { LeaderboardFilters } from "@/lib/filters";
import { countSliceFromVotes, type SliceCounts } from "./slice-counts";

/** Where slice counts come from. */
export async function countSlice(filters: LeaderboardFilters): Promise<SliceCounts> {
  return countSliceFromVotes(filters);
}
