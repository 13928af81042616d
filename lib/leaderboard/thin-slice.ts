/**
 * What a slice may say about its size. A slice is shown only when at least policy.minSliceVoters different
 * people voted in it; under that minimum it shows no exact count at all, only that it has fewer voters than
 * the minimum. Otherwise two thin slices (or a thin slice and a shown one) could be subtracted to single out
 * a few voters' choices. Zero is not shown either: "nobody here" is also a statement about a few people.
 * Pure: no database.
 */

/** A slice is shown (ranked, its counts given) with at least `minSliceVoters` voters and at least one vote. */
export function isSliceShown(size: { votes: number; voters: number }, minSliceVoters: number): boolean {
  return size.voters >= minSliceVoters && size.votes > 0;
}

/** A count of people or votes as shown publicly: exact in a shown slice, null under the minimum. */
export function publicCount(count: number, isShown: boolean): number | null {
  return isShown ? count : null;
}

/**
 * A count of voters that is not a slice of its own (the voters two audiences share): exact at or above the
 * minimum, else null (it would be a thin slice by another name).
 */
export function publicVoterCount(voters: number, minSliceVoters: number): number | null {
  return voters >= minSliceVoters ? voters : null;
}

/** The public size of a slice: exact counts when shown; otherwise nulls, `belowMinimum`, and the minimum as the only hint. */
export interface PublicSliceSize {
  votes: number | null;
  voters: number | null;
  /** True when the slice has fewer voters than the minimum (and is not shown): the counts are withheld. */
  belowMinimum: boolean;
  /** The hint shown instead of exact counts: "fewer than this many voters" (policy.minSliceVoters). */
  minVoters: number;
}

export function publicSliceSize(size: { votes: number; voters: number }, minSliceVoters: number): PublicSliceSize {
  const isShown = isSliceShown(size, minSliceVoters);
  return {
    votes: publicCount(size.votes, isShown),
    voters: publicCount(size.voters, isShown),
    belowMinimum: !isShown,
    minVoters: minSliceVoters,
  };
}
