import "server-only";
import { LIST_KEYS, type ListKey } from "@/lib/filters";
import { CODE_VALUES, REGION_OF_COUNTRY } from "@/lib/slice-index/codes";
import { getVoteIndex } from "@/lib/slice-index/vote-index";

/** One value of a slice attribute that has votes, e.g. { value: "europe", votes: 192, voters: 35 }. */
export interface SliceValue {
  value: string;
  votes: number;
  /** Distinct voters: what decides whether the slice is shown (policy.minSliceVoters). */
  voters: number;
}

export type SliceValues = Record<ListKey, SliceValue[]>;

/**
 * Every value of every slice attribute that appears on at least one vote, with its vote and
 * distinct-voter counts, most votes first. "Prefer not to say" is not a value. One pass over the
 * in-memory vote index.
 */
export async function listSliceValues(): Promise<SliceValues> {
  const counts = (await getVoteIndex()).columns.attributeCounts(REGION_OF_COUNTRY);
  const result = {} as SliceValues;
  for (const key of LIST_KEYS) {
    const { votes, voters } = counts[key];
    const values: readonly string[] = CODE_VALUES[key];
    result[key] = values
      .map((value, code) => ({ value, votes: votes[code], voters: voters[code] }))
      .filter((v) => v.votes > 0)
      .sort((x, y) => y.votes - x.votes || x.value.localeCompare(y.value));
  }
  return result;
}
