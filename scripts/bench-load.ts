// Load benchmark over real HTTP: starts the built app (the launcher, scripts/start.ts) on a fresh
// embedded PostgreSQL in a temporary directory, signs up N contributors with completed profiles,
// then each loops battle -> stream -> vote for a fixed time, and prints throughput, latency
// percentiles and errors by status. The default roster (replay corpus) answers, so no network is
// involved. Needs a prior `npm run build`.
//
// Usage: npm run bench:load [-- --voters 40 --seconds 60 --pool 10 --limit 100000 --cpu-prof DIR --echo]
//   --limit      the hourly battle/vote limits per contributor and per IP set in the policy before the run
//                (the defaults, 60 per contributor, would turn a sustained load into 429s; lower it to see them)
//   --pool       SHOWDOWN_DB_POOL_SIZE for the app (default: the app's own default)
//   --stagger    each voter starts at a random moment within this many seconds (default 4, about one round),
//                as people voting continuously are not in step; 0 starts all 40 at the same instant
//   --cpu-prof   write V8 CPU profiles of the launcher and the server into DIR (open in Chrome DevTools)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { deployMigrations } from "../lib/boot";
import { startEmbeddedDatabase } from "../lib/embedded-db";
import { freePort, hasProductionBuild, startApp } from "./load/app-process";
import { HttpClient, signUpContributor } from "./load/http-client";
import { postmasterPid, treeCpuSeconds } from "./load/proc-cpu";
import { Series } from "./load/stats";

const { values } = parseArgs({
  options: {
    voters: { type: "string", default: "40" },
    seconds: { type: "string", default: "60" },
    pool: { type: "string" },
    limit: { type: "string", default: "100000" },
    stagger: { type: "string", default: "4" },
    "cpu-prof": { type: "string" },
    echo: { type: "boolean", default: false },
  },
});
const VOTERS = Number(values.voters);
const SECONDS = Number(values.seconds);
const LIMIT = Number(values.limit);
const STAGGER = Number(values.stagger);
if (!Number.isInteger(VOTERS) || VOTERS < 1 || !(SECONDS > 0) || !Number.isInteger(LIMIT) || LIMIT < 1 || !(STAGGER >= 0)) {
  console.error("--voters and --limit take positive whole numbers, --seconds a positive number, --stagger a number of seconds");
  process.exit(2);
}
if (!hasProductionBuild()) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}

const PASSWORD = "bench-password-1";
const OUTCOMES = ["A", "B", "TIE", "BOTH_BAD"] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (ms: number) => (Number.isNaN(ms) ? "-" : `${ms.toFixed(0)} ms`);

/** Lifts every hourly limit the run would otherwise hit: battles and votes, sign-ups and sign-ins. */
async function setBenchPolicy(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = [
      "battlesPerHourPerUser",
      "votesPerHourPerUser",
      "battlesPerHourPerIp",
      "votesPerHourPerIp",
      "signupsPerHourPerIp",
      "signInFailuresPerHourPerUser",
      "signInFailuresPerHourPerIp",
    ];
    const quoted = columns.map((c) => `"${c}"`);
    await client.query(
      `INSERT INTO "PolicySettings" (id, "updatedAt", ${quoted.join(", ")}) VALUES (1, now(), ${columns.map(() => "$1").join(", ")})
       ON CONFLICT (id) DO UPDATE SET "updatedAt" = now(), ${quoted.map((c) => `${c} = $1`).join(", ")}`,
      [LIMIT],
    );
  } finally {
    await client.end();
  }
}

const battles = new Series("battle start");
const streams = new Series("stream");
const votes = new Series("vote");
let voidStreams = 0;

async function timed<T>(
  series: Series | null,
  call: () => Promise<{ status: number; ms: number; body: T }>,
): Promise<{ status: number; body: T | null }> {
  try {
    const r = await call();
    series?.record(r.status, r.ms);
    return r;
  } catch (error) {
    series?.record(0, 0);
    if (process.env.BENCH_DEBUG) console.error(error);
    return { status: 0, body: null };
  }
}

/** One battle -> stream -> vote round; `record` false for the warm-up round. */
async function round(client: HttpClient, record: boolean): Promise<void> {
  const start = await timed<{ battle?: { id: string } }>(record ? battles : null, () =>
    client.request("POST", "/api/battles", { json: {} }),
  );
  const id = start.body?.battle?.id;
  if (start.status !== 201 || !id) {
    await sleep(start.status === 429 ? 1000 : 200); // do not spin on refusals
    return;
  }
  const stream = await timed(record ? streams : null, () => client.stream(id));
  if (!stream.body?.includes("done")) {
    if (record) voidStreams++;
    return;
  }
  const outcome = OUTCOMES[Math.floor(Math.random() * OUTCOMES.length)];
  await timed(record ? votes : null, () => client.request("POST", `/api/battles/${id}/vote`, { json: { outcome } }));
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-load-"));
fs.chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as another user that must enter it
const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "db"), preferredPort: await freePort() });
let app: Awaited<ReturnType<typeof startApp>> | undefined;
// The app runs in its own process group: stop it (and the database) on Ctrl-C too.
process.once("SIGINT", () => {
  void (async () => {
    await app?.stop();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  })();
});
try {
  deployMigrations(database.url);
  await setBenchPolicy(database.url);
  const profDir = values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined;
  if (profDir) fs.mkdirSync(profDir, { recursive: true });
  app = await startApp({
    databaseUrl: database.url,
    dataDir: path.join(dataDir, "app"),
    env: {
      SHOWDOWN_SNAPSHOT_HOURS: "0",
      ...(values.pool ? { SHOWDOWN_DB_POOL_SIZE: values.pool } : {}),
      ...(profDir ? { SHOWDOWN_CPU_PROF_DIR: profDir } : {}),
    },
    nodeOptions: profDir ? `--require ${path.join(import.meta.dirname, "load", "cpu-profile.cjs")}` : undefined,
    echo: values.echo ? "[app]" : undefined,
  });
  console.log(`App on ${app.url} (pid ${app.pid}); signing up ${VOTERS} contributors…`);

  const clients: HttpClient[] = [];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < VOTERS; i += 4) {
    // a few at a time: sign-in hashes passwords on purpose slowly
    const batch = Array.from({ length: Math.min(4, VOTERS - i) }, (_, j) => {
      const client = new HttpClient(app!.url);
      clients.push(client);
      return signUpContributor(client, `load-${stamp}-${i + j}@example.com`, PASSWORD);
    });
    await Promise.all(batch);
  }
  await Promise.all(clients.map((c) => round(c, false))); // warm-up: route modules load, index syncs

  const load0 = os.loadavg()[0];
  const pgPid = postmasterPid(path.join(dataDir, "db", "pg"));
  const cpu = () => ({ app: treeCpuSeconds(app!.pid), db: pgPid ? treeCpuSeconds(pgPid) : null, bench: process.cpuUsage() });
  const cpu0 = cpu();
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5000);
  console.log(`Running ${VOTERS} voters for ${SECONDS} s (battle -> stream -> vote, no pause; starts spread over ${STAGGER} s)…`);
  const t0 = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (client) => {
      await sleep(Math.random() * STAGGER * 1000);
      while (Date.now() < deadline) await round(client, true);
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const cpu1 = cpu();

  console.log(
    `\n${VOTERS} voters, ${elapsed.toFixed(1)} s, ${os.cpus().length} CPUs; 1-min load average ${load0.toFixed(2)} at start, ${loads.length ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2) : "-"} mean during the run`,
  );
  console.log(`Throughput: ${(votes.count / elapsed).toFixed(1)} votes/s, ${(battles.count / elapsed).toFixed(1)} battles/s`);
  console.log(
    `${"request".padEnd(14)}${"ok".padStart(7)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}${"max".padStart(10)}   errors`,
  );
  for (const series of [battles, streams, votes]) {
    const s = series.summary();
    console.log(
      `${series.name.padEnd(14)}${String(s.n).padStart(7)}${fmt(s.p50).padStart(10)}${fmt(s.p95).padStart(10)}${fmt(s.p99).padStart(10)}${fmt(s.max).padStart(10)}   ${series.errors() || "none"}`,
    );
  }
  const limited = [battles, votes].reduce((n, s) => n + (s.statuses.get(429) ?? 0), 0);
  const used = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const benchCpu = (cpu1.bench.user + cpu1.bench.system - cpu0.bench.user - cpu0.bench.system) / 1e6;
  const share = (seconds: number | null) =>
    seconds === null
      ? "-"
      : `${seconds.toFixed(1)} s (${((seconds / elapsed) * 100).toFixed(0)}% of a core, ${((seconds / Math.max(1, votes.count)) * 1000).toFixed(0)} ms per round)`;
  console.log(
    `CPU used: app ${share(used(cpu0.app, cpu1.app))}; PostgreSQL ${share(used(cpu0.db, cpu1.db))}; benchmark clients ${share(benchCpu)}`,
  );
  console.log(`429 (rate limited): ${limited}; streams that ended void: ${voidStreams}`);
  console.log("(stream time includes the deliberate playout of both answers, 0.6-4 s)");
  const goal = (s: Series) => s.summary().p99 < 1000;
  console.log(
    `Goal p99 < 1 s with ${VOTERS} voters: battle start ${goal(battles) ? "met" : "NOT met"}, vote ${goal(votes) ? "met" : "NOT met"}`,
  );
  if (profDir) console.log(`CPU profiles are written to ${profDir} when the app stops.`);
} finally {
  await app?.stop();
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0); // idle keep-alive connections to the stopped app must not keep the process waiting
