// Benchmark: generates its own seeded data in a fresh embedded PostgreSQL and prints the figures
// the leaderboard is held to. Usage: npm run bench [-- --big 10000000]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { deployMigrations } from "../lib/boot";
import { disconnectDb, db } from "../lib/db";
import { startEmbeddedDatabase } from "../lib/embedded-db";
import { setDatabaseUrl } from "../lib/env";
import { serializeLeaderboardFilters, type LeaderboardFilters } from "../lib/filters";
import { importBattlesFile } from "../lib/import";
import { getLeaderboard, type LeaderboardOptions } from "../lib/queries/leaderboard";
import { getPolicy } from "../lib/queries/policy";
import { sliceWhere } from "../lib/queries/slice-counts";
import { aggregateBattles, computeLeaderboard, createRng, type Outcome } from "../lib/rating";
import { compileFilter } from "../lib/slice-index/compile-filter";
import { IndexCache } from "../lib/slice-index/index-cache";
import { closeVoteIndex, flushVoteIndexFile, getVoteIndex, indexCacheFile, VoteIndex } from "../lib/slice-index/vote-index";
import { battleLines, makeVoters, MODEL_COUNT } from "./bench/synthetic";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "1000000" },
    big: { type: "string", default: "10000000" },
    slices: { type: "string", default: "40" },
  },
});
const SMALL = Number(values.small);
const BIG = Number(values.big);
const SLICES = Number(values.slices);
const VOTERS = 200_000;
const START = Date.parse("2025-01-01T00:00:00Z") / 1000;
const DAYS = 365;

const rows: { figure: string; value: string; goal: string; ok: boolean | null }[] = [];
function report(figure: string, value: string, goal = "", ok: boolean | null = null) {
  rows.push({ figure, value, goal, ok });
  console.log(`  ${figure}: ${value}${goal ? `   (goal ${goal}: ${ok ? "met" : "NOT met"})` : ""}`);
}
const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Seeded random slices: one to three attributes, sometimes several values, sometimes a date range. */
function randomSlices(count: number, seed: number): LeaderboardFilters[] {
  const rng = createRng(seed);
  const choose = <T>(xs: readonly T[], k: number) =>
    [...new Set(Array.from({ length: k }, () => xs[Math.floor(rng() * xs.length)]))].sort() as T[];
  const out = new Map<string, LeaderboardFilters>();
  while (out.size < count) {
    const f: LeaderboardFilters = {};
    const attributes = 1 + Math.floor(rng() * 3);
    for (let i = 0; i < attributes; i++) {
      const k = Math.floor(rng() * 6);
      const n = 1 + Math.floor(rng() * 2);
      if (k === 0) f.country = choose(["US", "IN", "BR", "DE", "GB", "JP", "FR", "MX", "KR", "NG", "PL", "EG"], n);
      if (k === 1) f.region = choose(["africa", "americas", "asia", "europe", "oceania"] as const, n);
      if (k === 2) f.age = choose(["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const, n);
      if (k === 3) f.education = choose(["secondary", "vocational", "bachelor", "master", "doctorate"] as const, n);
      if (k === 4) f.language = choose(["en", "es", "pt", "hi", "zh", "de", "fr", "ja", "ar"], n);
      if (k === 5) {
        const from = START + Math.floor(rng() * 200) * 86_400;
        const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
        f.from = day(from);
        f.to = day(from + (30 + Math.floor(rng() * 150)) * 86_400);
      }
    }
    out.set(serializeLeaderboardFilters(f), f);
  }
  return [...out.values()];
}

/** Times getLeaderboard over the slices: first (uncached) and again (repeated). */
async function timeSlices(slices: LeaderboardFilters[], options: LeaderboardOptions = {}) {
  const first: number[] = [];
  const again: number[] = [];
  let shown = 0;
  for (const f of slices) {
    const t0 = performance.now();
    const board = await getLeaderboard(f, options);
    first.push(ms(t0));
    if (board.isShown) shown++;
  }
  for (const f of slices) {
    const t0 = performance.now();
    await getLeaderboard(f, options);
    again.push(ms(t0));
  }
  return { first, again, shown };
}

/** The plain way: fetch the slice's raw votes, aggregate them, fit with the same bootstrap. */
async function timeFullRefit(slices: LeaderboardFilters[]): Promise<number[]> {
  const policy = await getPolicy();
  const times: number[] = [];
  for (const f of slices) {
    const t0 = performance.now();
    const raw = await db().$queryRaw<
      { a: string; b: string; o: Outcome }[]
    >`SELECT "modelAId" AS a, "modelBId" AS b, outcome::text AS o FROM "Vote" ${sliceWhere(f)}`;
    const battles = raw.map((r) => ({ modelA: r.a, modelB: r.b, outcome: r.o }));
    computeLeaderboard(aggregateBattles(battles), { rounds: policy.bootstrapRounds, seed: policy.bootstrapSeed });
    times.push(ms(t0));
  }
  return times;
}

async function writeBattleFile(file: string, count: number, voters: ReturnType<typeof makeVoters>) {
  const gz = zlib.createGzip({ level: 1 });
  const out = fs.createWriteStream(file);
  gz.pipe(out);
  let buffer: string[] = [];
  for (const line of battleLines(count, voters, 11, START, DAYS)) {
    buffer.push(line);
    if (buffer.length === 10_000) {
      if (!gz.write(buffer.join("\n") + "\n")) await new Promise<void>((r) => gz.once("drain", () => r()));
      buffer = [];
    }
  }
  gz.end(buffer.length ? buffer.join("\n") + "\n" : "");
  await new Promise<void>((r) => out.on("finish", () => r()));
}

/** Grows the table to `target` votes inside PostgreSQL (seeded with setseed), same voters and models. */
async function growInDatabase(url: string, target: number, voters: ReturnType<typeof makeVoters>) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a dropped connection surfaces as the failed query's error
  await client.connect();
  const models = (await client.query<{ id: string }>(`SELECT id FROM "Model" WHERE name LIKE 'bench-model-%' ORDER BY name`)).rows.map(
    (r) => r.id,
  );
  await client.query("SELECT setseed(0.42)");
  await client.query("CREATE TEMP TABLE bench_voter (i int PRIMARY KEY, k text, c text, r text, l text, a text, e text)");
  const { regionOfCountry } = await import("../lib/slices");
  for (let i = 0; i < voters.length; i += 50_000) {
    const part = voters.slice(i, i + 50_000);
    await client.query(
      `INSERT INTO bench_voter SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        part.map((_, j) => i + j),
        part.map((v) => `import:${v.judge}`),
        part.map((v) => v.country),
        part.map((v) => (v.country ? regionOfCountry(v.country) : null)),
        part.map((v) => v.language),
        part.map((v) => v.age),
        part.map((v) => v.education),
      ],
    );
  }
  let count = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Vote"`)).rows[0].n);
  while (count < target) {
    const n = Math.min(1_000_000, target - count);
    const t0 = performance.now();
    await client.query(
      `INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, country, region, "ageBand", education, language, "createdAt",
                           "tokensA", "tokensB", "headersA", "headersB", "listsA", "listsB", "boldA", "boldB")
       SELECT v.k, ($1::text[])[x.a + 1], ($1::text[])[x.b + 1],
              (CASE WHEN x.u < 0.1 THEN 'TIE' WHEN x.u < 0.14 THEN 'BOTH_BAD'
                    WHEN x.w < 1 / (1 + power(10, ((1300 - 6 * x.b) - (1300 - 6 * x.a)) / 400.0)) THEN 'A' ELSE 'B' END)::"Outcome",
              'IMPORT', v.c, v.r, v.a, v.e, v.l, to_timestamp($2 + floor(x.t * $3 * 86400)),
              100 + floor(random() * 800)::int, 100 + floor(random() * 800)::int, floor(random() * 4)::int, floor(random() * 4)::int,
              floor(random() * 6)::int, floor(random() * 6)::int, floor(random() * 5)::int, floor(random() * 5)::int
       FROM (SELECT a, CASE WHEN b0 >= a THEN b0 + 1 ELSE b0 END AS b, vi, t, u, w FROM (
               SELECT floor(random() * ${MODEL_COUNT})::int AS a, floor(random() * ${MODEL_COUNT - 1})::int AS b0,
                      floor($4 * power(random(), 2))::int AS vi, random() AS t, random() AS u, random() AS w
               FROM generate_series(1, $5)) s) x
       JOIN bench_voter v ON v.i = x.vi`,
      [models, START, DAYS, voters.length, n],
    );
    count += n;
    console.log(`  … ${count.toLocaleString("en")} votes (${(ms(t0) / 1000).toFixed(1)} s for ${n.toLocaleString("en")})`);
  }
  await client.query('ANALYZE "Vote"');
  await client.end();
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the Next.js app (a production build must exist) and measures how long after the start the first slice is
 * served (the process loads its vote index, from its index file when `indexCache` holds a valid one, else from the
 * votes table) and the app's resident memory once it answered a few slices.
 */
async function measureApp(
  url: string,
  indexCache: string,
): Promise<{ listeningSeconds: number; firstSliceSeconds: number; memory: number } | null> {
  if (!fs.existsSync(".next/BUILD_ID")) return null;
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
      NEXT_TELEMETRY_DISABLED: "1",
      SHOWDOWN_INDEX_CACHE: indexCache,
    },
    stdio: "ignore",
  });
  try {
    // The server loads its index from its start on (instrumentation); the first slice request waits for that load.
    let listening = false;
    for (let i = 0; i < 1200 && !listening; i++) {
      listening = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        () => true,
        () => false,
      );
      if (!listening) await new Promise((r) => setTimeout(r, 100));
    }
    const listeningSeconds = ms(started) / 1000;
    const res = await fetch(`http://127.0.0.1:${port}/api/leaderboard?region=europe`);
    if (!res.ok) throw new Error(`app answered ${res.status}`);
    const firstSliceSeconds = ms(started) / 1000;
    for (const q of ["", "language=en", "age=18-24,25-34", "country=BR&education=bachelor"])
      await fetch(`http://127.0.0.1:${port}/api/leaderboard?${q}`);
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    // next start runs the server in a child process: sum the tree's resident memory
    const pids = [
      child.pid!,
      ...fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    ];
    let total = 0;
    for (const pid of pids) total += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    void status;
    return { listeningSeconds, firstSliceSeconds, memory: total };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-bench-"));
  console.log(`Showdown benchmark on ${os.cpus().length} cores, ${mb(os.totalmem())} RAM; data in ${dir}`);
  const database = await startEmbeddedDatabase({ dataDir: dir, preferredPort: 54600 });
  // This process and the app it starts keep their vote index file here (not in the repository's .data).
  const indexCache = path.join(dir, "index-cache");
  process.env.SHOWDOWN_INDEX_CACHE = indexCache;
  try {
    setDatabaseUrl(database.url);
    deployMigrations(database.url);
    const voters = makeVoters(VOTERS, 5);

    console.log(`\n1. Import ${SMALL.toLocaleString("en")} votes (${MODEL_COUNT} models, ${VOTERS.toLocaleString("en")} voters)`);
    const file = path.join(dir, "battles.jsonl.gz");
    await writeBattleFile(file, SMALL, voters);
    const imported = await importBattlesFile(file);
    report(
      `import of ${SMALL.toLocaleString("en")} votes`,
      `${imported.seconds.toFixed(1)} s (${Math.round(SMALL / imported.seconds).toLocaleString("en")} votes/s)`,
      "< 60 s",
      imported.seconds < 60,
    );
    if (imported.added !== SMALL) throw new Error(`imported ${imported.added} of ${SMALL}`);

    const slices = randomSlices(SLICES, 3);
    const all = async (label: string, n: number, goal: number, styleGoal?: number) => {
      let t0 = performance.now();
      await getVoteIndex(0);
      report(`index load/catch-up at ${label}`, `${(ms(t0) / 1000).toFixed(2)} s`);
      // the index file is written in the background after a load: let it finish before timing slices
      t0 = performance.now();
      const saved = await flushVoteIndexFile();
      if (saved?.kind === "saved")
        report(
          `index file written at ${label} (checked against the table, in the background)`,
          `${(saved.ms / 1000).toFixed(2)} s, ${mb(
            fs.statSync(
              fs
                .readdirSync(indexCache)
                .map((f) => path.join(indexCache, f))
                .find((f) => f.endsWith(".idx"))!,
            ).size,
          )}`,
        );
      const { first, again, shown } = await timeSlices(slices);
      report(
        `uncached slice, voter-clustered 95% intervals, ${label} votes (median of ${slices.length}; ${shown} shown)`,
        `${median(first).toFixed(1)} ms (p95 ${p95(first).toFixed(1)} ms)`,
        `< ${goal} ms`,
        median(first) < goal,
      );
      report(`repeated slice, ${label} votes (median)`, `${median(again).toFixed(2)} ms`, "< 5 ms", median(again) < 5);
      const whole = performance.now();
      await getLeaderboard({}, { interval: "vote-bootstrap" });
      report(`all ${label} votes, FastChat's vote bootstrap (policy rounds), for comparison`, `${ms(whole).toFixed(1)} ms`);
      if (styleGoal !== undefined) {
        const styled = await timeSlices(slices, { style: "control" });
        report(
          `uncached slice, style control with voter-clustered intervals, ${label} votes (median of ${slices.length})`,
          `${median(styled.first).toFixed(1)} ms (p95 ${p95(styled.first).toFixed(1)} ms)`,
          `< ${styleGoal} ms`,
          median(styled.first) < styleGoal,
        );
        report(
          `repeated style-controlled slice, ${label} votes (median)`,
          `${median(styled.again).toFixed(2)} ms`,
          "< 5 ms",
          median(styled.again) < 5,
        );
      }
      const baseline = await timeFullRefit(slices.slice(0, n));
      t0 = median(baseline);
      report(
        `plain full refit from raw votes, ${label} (median of ${n})`,
        `${t0.toFixed(0)} ms: ${(t0 / median(first)).toFixed(0)}× slower`,
      );
    };
    console.log(`\n2. Slices over ${SMALL.toLocaleString("en")} votes`);
    await all(SMALL.toLocaleString("en"), 10, 30, 250);

    console.log(`\n3. Grow to ${BIG.toLocaleString("en")} votes in PostgreSQL (seeded)`);
    const tGrow = performance.now();
    await growInDatabase(database.url, BIG, voters);
    report(`generating ${(BIG - SMALL).toLocaleString("en")} more votes in SQL`, `${(ms(tGrow) / 1000).toFixed(0)} s`);

    console.log(`\n4. Slices over ${BIG.toLocaleString("en")} votes`);
    await all(BIG.toLocaleString("en"), 3, 150);
    global.gc?.();
    const mem = process.memoryUsage();
    report(
      `benchmark process memory with ${BIG.toLocaleString("en")} votes indexed`,
      `rss ${mb(mem.rss)}, heap ${mb(mem.heapUsed)}, typed arrays ${mb(mem.arrayBuffers)}`,
    );
    await closeVoteIndex();
    global.gc?.();
    {
      // What a restart costs in the index alone: the file checked against the table, read back, and the first slice.
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      const file = indexCacheFile()!;
      const cache = new IndexCache(file, pool);
      const index = new VoteIndex(pool, cache);
      const t0 = performance.now();
      await index.sync();
      const restoredIn = ms(t0);
      const first = performance.now();
      index.scan(compileFilter({ region: ["europe"] }));
      const scanMs = ms(first);
      const counted = performance.now();
      await cache.flush(); // the exact count of the table's votes, checked in the background after the restore
      report(
        `index file confirmed by the background count of the table's votes (${cache.lastEvent?.kind})`,
        `${(ms(counted) / 1000).toFixed(2)} s more`,
      );
      report(
        `index restored from its file at ${BIG.toLocaleString("en")} votes (${cache.lastEvent?.kind}: checked against the table, read, caught up)`,
        `${(restoredIn / 1000).toFixed(2)} s (${cache.lastEvent?.detail}), then a first slice scan in ${scanMs.toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
        "< 10 s",
        cache.lastEvent?.kind === "restored" && restoredIn < 10_000,
      );
      await pool.end();
    }
    await disconnectDb();

    console.log(`\n5. The Next.js app on the ${BIG.toLocaleString("en")}-vote database: a restart`);
    const warm = await measureApp(database.url, indexCache);
    if (warm === null) report("app restart", "skipped: run `npm run build` first");
    else {
      report(
        `first slice served after an app start, ${BIG.toLocaleString("en")} votes, from the index file`,
        `${warm.firstSliceSeconds.toFixed(1)} s (server listening after ${warm.listeningSeconds.toFixed(1)} s; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
        "< 10 s",
        warm.firstSliceSeconds < 10,
      );
      report(
        `app memory with ${BIG.toLocaleString("en")} votes loaded from the index file`,
        mb(warm.memory),
        "< 600 MB",
        warm.memory < 600 * 1024 * 1024,
      );
      const cold = await measureApp(database.url, "off");
      report(
        `first slice served after an app start, ${BIG.toLocaleString("en")} votes, without the file (every vote read from the table), for comparison`,
        `${cold!.firstSliceSeconds.toFixed(1)} s (server listening after ${cold!.listeningSeconds.toFixed(1)} s)`,
      );
      report(
        `app memory with ${BIG.toLocaleString("en")} votes loaded from the table`,
        mb(cold!.memory),
        "< 600 MB",
        cold!.memory < 600 * 1024 * 1024,
      );
    }
  } finally {
    await closeVoteIndex();
    await disconnectDb();
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log("\nSummary");
  for (const r of rows)
    console.log(`${r.ok === null ? " " : r.ok ? "✓" : "✗"} ${r.figure}: ${r.value}${r.goal ? ` (goal ${r.goal})` : ""}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
