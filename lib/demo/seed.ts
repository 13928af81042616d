import pg from "pg";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { loadReplayCorpus, loadReplayRoster } from "@/lib/providers/replay-corpus";
import { createRng } from "@/lib/rating";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { DEMO_DAYS, DEMO_VOTERS, DEMO_VOTES } from "./population";
import { answerStyles, simulateDemoVotes } from "./simulate";

export { DEMO_DAYS, DEMO_VOTERS, DEMO_VOTES };

const BATCH = 10_000;

const INSERT_SQL = `
  INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, "ageBand", education, language, "createdAt",
    "tokensA", "tokensB", "headersA", "headersB", "listsA", "listsB", "boldA", "boldB")
  SELECT v.k, v.a, v.b, v.o::"Outcome", 'DEMO', v.c, v.r, v.ag, v.e, v.l, v.t AT TIME ZONE 'UTC', v.ta, v.tb, v.ha, v.hb, v.la, v.lb, v.ba, v.bb
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[],
    $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[])
    AS v(k, a, b, o, c, r, ag, e, l, t, ta, tb, ha, hb, la, lb, ba, bb)`;

export interface DemoSeedResult {
  created: number;
  voters: number;
  skipped: boolean;
  /** Wall-clock time of the whole seed (simulation and insert), in milliseconds. */
  ms: number;
}

/**
 * Adds the labelled demo votes (source DEMO, voter keys "demo:<n>", no battle and no user), unless some exist: by
 * default DEMO_VOTES votes of DEMO_VOTERS simulated voters on the replay corpus's real answers, with the built-in
 * audience and style effects of lib/demo/preferences.ts and each answer's real style features (so style control
 * works on them). Deterministic for a seed and `now`. One transaction of multi-row inserts (unnest arrays), so a
 * failure leaves nothing behind and a concurrent second seed waits, then finds the votes and skips. Demo votes are
 * shown as demo data wherever they count, never exported, and removed by `removeDemoVotes`.
 */
export async function seedDemoVotes(
  options: { count?: number; voters?: number; seed?: number; now?: Date; days?: number } = {},
): Promise<DemoSeedResult> {
  const started = Date.now();
  const roster = loadReplayRoster();
  const rows = await db().model.findMany({ where: { name: { in: roster.map((m) => m.name) } }, select: { id: true, name: true } });
  const ids = new Map(rows.map((m) => [m.name, m.id]));
  const models = roster.filter((m) => ids.has(m.name)).map((m) => ({ name: m.name, winRate: m.alpacaEval2LcWinRate }));
  if (models.length < 2) throw new Error("Seed the roster before demo votes.");

  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
  client.on("error", () => {}); // a dropped connection surfaces as the failed query's error
  await client.connect();
  let isOpen = false;
  try {
    await client.query("BEGIN");
    isOpen = true;
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('demo-seed', 0))");
    const existing = await client.query("SELECT 1 FROM \"Vote\" WHERE source = 'DEMO' LIMIT 1");
    if (existing.rowCount) {
      await client.query("ROLLBACK");
      isOpen = false;
      return { created: 0, voters: 0, skipped: true, ms: Date.now() - started };
    }
    await client.query("SET LOCAL synchronous_commit TO off");
    const sim = simulateDemoVotes({
      rng: createRng(options.seed ?? 7),
      models,
      styles: answerStyles([...loadReplayCorpus().values()], models),
      count: options.count ?? DEMO_VOTES,
      voters: options.voters ?? DEMO_VOTERS,
      now: (options.now ?? new Date()).getTime(),
      days: options.days ?? DEMO_DAYS,
    });
    const modelId = models.map((m) => ids.get(m.name)!);
    const n = sim.outcome.length;
    for (let from = 0; from < n; from += BATCH) {
      const to = Math.min(n, from + BATCH);
      const text: (string | null)[][] = Array.from({ length: 9 }, () => []);
      const times: string[] = [];
      const ints: (number | null)[][] = Array.from({ length: 8 }, () => []);
      for (let i = from; i < to; i++) {
        const v = sim.voters[sim.voter[i]!]!;
        const row = [
          v.key,
          modelId[sim.modelA[i]!]!,
          modelId[sim.modelB[i]!]!,
          sim.outcome[i]!,
          v.country,
          v.region,
          v.ageBand,
          v.education,
          v.language,
        ];
        for (let c = 0; c < 9; c++) text[c]!.push(row[c]!);
        times.push(new Date(sim.time[i]!).toISOString());
        const s = sim.style[i]!;
        [s.tokensA, s.tokensB, s.headersA, s.headersB, s.listsA, s.listsB, s.boldA, s.boldB].forEach((x, c) => ints[c]!.push(x));
      }
      await client.query(INSERT_SQL, [...text, times, ...ints]);
    }
    await client.query("COMMIT");
    isOpen = false;
    // fresh statistics now, rather than an autovacuum pass while the server starts
    await client.query('ANALYZE "Vote"');
    markVotesChanged();
    return { created: n, voters: new Set(sim.voter).size, skipped: false, ms: Date.now() - started };
  } finally {
    if (isOpen) await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Deletes every demo vote (and nothing else). */
export async function removeDemoVotes(): Promise<number> {
  const removed = await db().vote.deleteMany({ where: { source: "DEMO" } });
  markVotesChanged();
  return removed.count;
}
