import "server-only";
import pg from "pg";
import { serverEnv } from "@/lib/env";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "@/lib/filters";
import { countSliceFromVotes, type SliceCounts } from "@/lib/queries/slice-counts";
import { countsFromIndex } from "@/lib/queries/slice-source";
import { AGE_BAND_CODES, EDUCATION_CODES, REGION_CODES } from "@/lib/slices";
import { DEFAULT_COUNTING_RULES } from "./counting-rules";
import { VoteIndex } from "./vote-index";

/** The same counts in a comparable form (cells keyed by model ids, not positions). */
function canonical(c: SliceCounts) {
  const cells = c.cells.map((x) => `${c.modelIds[x.a]}>${c.modelIds[x.b]}:${x.outcome}=${x.count}`).sort();
  const voters = c.modelIds.map((id, i) => `${id}=${c.modelVoters[i]}`).sort();
  return { votes: c.votes, voters: c.voters, demoVotes: c.demoVotes, replayVotes: c.replayVotes, cells, modelVoters: voters };
}

/**
 * Rebuilds a vote index from scratch and compares every count it gives with the same counts done
 * by PostgreSQL straight from the votes table, on the whole board and on a spread of slices
 * (every region, age band and education level, the busiest countries and languages, and combinations),
 * and the numbers of votes left out of every count (identity leaks, excluded voters, and the
 * replay-battle and unverified votes the policy leaves out), under the counting rules in force.
 */
export async function checkVoteIndex(): Promise<{ slices: number; mismatches: string[] }> {
  const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
  try {
    const index = new VoteIndex(pool);
    await index.sync();
    const rules = index.rules ?? DEFAULT_COUNTING_RULES;
    const top = async (column: string) =>
      (
        await pool.query<{ v: string }>(
          `SELECT ${column} AS v FROM "Vote" WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 5`,
        )
      ).rows.map((r) => r.v);
    const countries = await top("country");
    const languages = await top("language");
    const slices: LeaderboardFilters[] = [
      {},
      ...REGION_CODES.map((r) => ({ region: [r] })),
      ...AGE_BAND_CODES.map((a) => ({ age: [a] })),
      ...EDUCATION_CODES.map((e) => ({ education: [e] })),
      ...countries.map((c) => ({ country: [c] })),
      ...languages.map((l) => ({ language: [l] })),
      { country: countries.slice(0, 2), age: ["25-34", "35-44"] },
      { region: ["europe", "asia"], education: ["bachelor"], language: languages.slice(0, 1) },
    ];
    const mismatches: string[] = [];
    for (const filters of slices) {
      const fromIndex = canonical(countsFromIndex(index, filters));
      const fromSql = canonical(await countSliceFromVotes(filters, rules));
      for (const key of Object.keys(fromSql) as (keyof typeof fromSql)[]) {
        if (JSON.stringify(fromIndex[key]) !== JSON.stringify(fromSql[key])) {
          mismatches.push(`${serializeLeaderboardFilters(filters) || "all votes"}: ${key} differs`);
        }
      }
    }
    // The votes left out of every count must agree too, by reason.
    const { rows } = await pool.query<{ leak: number; excluded: number; replay: number; unverified: number; arena: number }>(
      `SELECT (count(*) FILTER (WHERE "identityLeak"))::int AS leak, (count(*) FILTER (WHERE excluded AND NOT "identityLeak"))::int AS excluded,
              (count(*) FILTER (WHERE $1 AND replay AND NOT excluded AND NOT "identityLeak"))::int AS replay,
              (count(*) FILTER (WHERE $2 AND "voterUnverified" AND NOT ($1 AND replay) AND NOT excluded AND NOT "identityLeak"))::int AS unverified,
              (count(*) FILTER (WHERE source = 'ARENA'))::int AS arena FROM "Vote"`,
      [rules.excludeReplayVotes, rules.requireVerifiedEmail],
    );
    if (rows[0].leak !== index.uncounted.identityLeak) mismatches.push("identity-leak votes left out differ");
    if (rows[0].excluded !== index.uncounted.excludedVoter) mismatches.push("excluded voters' votes left out differ");
    if (rows[0].replay !== index.uncounted.replay) mismatches.push("replay-battle votes left out differ");
    if (rows[0].unverified !== index.uncounted.unverifiedVoter) mismatches.push("unverified contributors' votes left out differ");
    if (rows[0].arena !== index.arenaVotes) mismatches.push("arena votes differ");
    return { slices: slices.length, mismatches };
  } finally {
    await pool.end();
  }
}
