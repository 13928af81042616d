import "server-only";
import { db } from "@/lib/db";
import { LIST_KEYS, type ListKey } from "@/lib/filters";

/** One value of a slice attribute that has votes, e.g. { value: "europe", votes: 192, voters: 35 }. */
export interface SliceValue {
  value: string;
  votes: number;
  /** Distinct voters: what decides whether the slice is shown (policy.minSliceVoters). */
  voters: number;
}

export type SliceValues = Record<ListKey, SliceValue[]>;

/**
 * Every value of every slice attribute that appears on at least one vote, with its vote and distinct-voter
 * counts, most votes first. "Prefer not to say" (null) is not a value. One pass over the votes: a GROUP BY
 * with one grouping set per attribute (in each set the other columns are null, so COALESCE is the value).
 */
export async function listSliceValues(): Promise<SliceValues> {
  const rows = await db().$queryRaw<{ key: ListKey; value: string; votes: number; voters: number }[]>`
    SELECT CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(country) = 0 THEN 'country'
                WHEN GROUPING("ageBand") = 0 THEN 'age' WHEN GROUPING(education) = 0 THEN 'education' ELSE 'language' END AS key,
           COALESCE(region, country, "ageBand", education, language) AS value,
           count(*)::int AS votes, count(DISTINCT "voterKey")::int AS voters
    FROM "Vote"
    GROUP BY GROUPING SETS ((region), (country), ("ageBand"), (education), (language))
    HAVING COALESCE(region, country, "ageBand", education, language) IS NOT NULL`;
  const result = Object.fromEntries(LIST_KEYS.map((k) => [k, [] as SliceValue[]])) as SliceValues;
  for (const r of rows) result[r.key]?.push({ value: r.value, votes: r.votes, voters: r.voters });
  for (const key of LIST_KEYS) result[key].sort((x, y) => y.votes - x.votes || x.value.localeCompare(y.value));
  return result;
}
