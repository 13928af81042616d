// The database dies under load (slower test, about a minute; needs `npx next build`): the real app
// (npm start) with ten contributors voting over HTTP; the embedded PostgreSQL's postmaster is
// killed with SIGKILL mid-load, and voting goes on. Asserts: no answer but 200/201/409/429/503 (no
// 500, no dropped connection), 503s carry Retry-After and come within a second, the app answers
// again within 30 s without a restart, every vote answered 201 is in the Vote table exactly once,
// and the leaderboard (the app's in-memory slice index) counts every vote in the table.
// Prints the figures: answers by status, the outage as clients saw it, time to recovery.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../lib/db";
import { setDatabaseUrl } from "../lib/env";
import { CLI_ACTOR } from "../lib/queries/audit";
import { getPolicy, updatePolicy } from "../lib/queries/policy";
import { closeVoteIndex } from "../lib/slice-index/vote-index";
import { createContributor } from "./support/database";
import { Browser, startApp, type AppProcess } from "./support/app-process";

const CONTRIBUTORS = 10;
const LOAD_BEFORE_KILL_MS = 6_000;
const LOAD_AFTER_RECOVERY_MS = 10_000;
const RECOVERY_LIMIT_MS = 30_000;
const OUTCOMES = ["A", "B", "TIE", "BOTH_BAD"] as const;

interface Answer {
  what: "battle" | "stream" | "vote";
  status: number; // 0: the connection failed
  ms: number;
  at: number;
  retryAfter: string | null;
  /** The error's message, for the printed figures. */
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the database dies while contributors vote", () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp();
    await disconnectDb();
    await closeVoteIndex();
    setDatabaseUrl(app.databaseUrl);
    await updatePolicy(
      {
        ...(await getPolicy()),
        battlesPerHourPerUser: 100_000,
        votesPerHourPerUser: 100_000,
        battlesPerHourPerIp: 100_000,
        votesPerHourPerIp: 100_000,
        minSliceVoters: 1,
      },
      CLI_ACTOR,
    );
  }, 180_000);
  afterAll(async () => {
    await disconnectDb();
    await app?.stop("SIGTERM");
    app?.cleanup();
  });

  it("keeps every acknowledged vote exactly once, answers 503 while it is away, and recovers without a restart", async () => {
    const browsers: Browser[] = [];
    for (let i = 0; i < CONTRIBUTORS; i++) {
      const user = await createContributor();
      const browser = new Browser(app.url);
      await browser.signIn(user.email, "password123");
      browsers.push(browser);
    }
    const answers: Answer[] = [];
    const acknowledged: string[] = []; // battles whose vote was answered 201
    const call = async (browser: Browser, what: Answer["what"], method: string, pathname: string, json?: unknown) => {
      const t0 = Date.now();
      let status = 0;
      let retryAfter: string | null = null;
      let body: unknown = null;
      try {
        const response = await browser.request(method, pathname, { json, timeoutMs: 15_000 });
        status = response.status;
        retryAfter = response.headers.get("retry-after");
        body = what === "stream" ? await response.text() : await response.json().catch(() => null);
      } catch {
        status = 0;
      }
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      answers.push({
        what,
        status,
        ms: Date.now() - t0,
        at: Date.now(),
        retryAfter,
        error: error ? `${error.code}: ${error.message}` : undefined,
      });
      return { status, body };
    };

    let isRunning = true;
    const contributor = async (browser: Browser, n: number) => {
      let battleId: string | null = null;
      let outcome = OUTCOMES[n % 4];
      while (isRunning) {
        if (!battleId) {
          const started = await call(browser, "battle", "POST", "/api/battles", {});
          if (started.status !== 201) {
            await sleep(200);
            continue;
          }
          const battle = (started.body as { battle: { id: string; state: string } }).battle;
          if (battle.state !== "OPEN") {
            const streamed = await call(browser, "stream", "GET", `/api/battles/${battle.id}/stream`);
            if (streamed.status !== 200) {
              await sleep(200);
              continue; // the open battle is offered again on the next start
            }
          }
          battleId = battle.id;
          outcome = OUTCOMES[Math.floor(Math.random() * 4)];
        }
        // A vote answered 503 is sent again as it was (same battle, same outcome), as the arena page does.
        const voted = await call(browser, "vote", "POST", `/api/battles/${battleId}/vote`, { outcome });
        if (voted.status === 201) acknowledged.push(battleId);
        if (voted.status === 503 || voted.status === 0) {
          await sleep(300);
          continue;
        }
        battleId = null; // 201, 200 (a retry found its vote recorded), 409: next battle
      }
    };
    const load = browsers.map((b, i) => contributor(b, i));

    await sleep(LOAD_BEFORE_KILL_MS);
    const postmasterPid = Number(fs.readFileSync(path.join(app.dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    const killedAt = Date.now();
    process.kill(postmasterPid, "SIGKILL");
    // Recovered: the app's own health check answers 200 again (it was not restarted).
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - killedAt < RECOVERY_LIMIT_MS + 5_000) {
      await sleep(100);
      const health = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (health === 200 && Date.now() - killedAt > 200) recoveredAt = Date.now();
    }
    await sleep(LOAD_AFTER_RECOVERY_MS);
    isRunning = false;
    await Promise.all(load);

    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[`${a.what} ${a.status}`] = (byStatus[`${a.what} ${a.status}`] ?? 0) + 1;
    const unavailable = answers.filter((a) => a.status === 503);
    // Requests begun while the database was away (not those already running when it died).
    const begunDuringOutage = unavailable
      .filter((a) => a.at - a.ms > killedAt + 500)
      .map((a) => a.ms)
      .sort((x, y) => x - y);
    const quantile = (q: number) =>
      begunDuringOutage[Math.min(begunDuringOutage.length - 1, Math.floor(q * begunDuringOutage.length))] ?? 0;
    const firstOk = answers.find((a) => a.at > killedAt && a.status >= 200 && a.status < 300 && unavailable.some((u) => u.at < a.at));
    const votesInTable = await db().vote.count();
    const board = await (await fetch(`${app.url}/api/leaderboard`)).json();
    console.log(
      [
        `database outage under load (${CONTRIBUTORS} contributors):`,
        `  answers: ${JSON.stringify(byStatus)}`,
        `  503 answers: ${unavailable.length} (all with Retry-After: ${unavailable.every((a) => a.retryAfter)}); begun during the outage: ${begunDuringOutage.length}, answered in median ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms, max ${quantile(1)} ms`,
        `  health 200 again ${recoveredAt ? ((recoveredAt - killedAt) / 1000).toFixed(1) : "never"} s after SIGKILL; first successful API answer after the outage at ${firstOk ? ((firstOk.at - killedAt) / 1000).toFixed(1) : "-"} s`,
        `  votes answered 201: ${acknowledged.length}; votes in the table: ${votesInTable}; leaderboard votes: ${board.votes} (+${board.excludedVotes?.total ?? 0} left out)`,
        `  last error answer: ${JSON.stringify(answers.filter((a) => a.error).at(-1))}`,
        `  launcher log: ${app
          .output()
          .split("\n")
          .filter((l) => /Embedded PostgreSQL (stopped|is back|did not)/.test(l))
          .join(" / ")}`,
      ].join("\n"),
    );

    const allowed = new Set([200, 201, 409, 429, 503]);
    expect(answers.filter((a) => !allowed.has(a.status))).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0); // the outage was seen (else this test proves nothing)
    expect(unavailable.every((a) => a.retryAfter !== null)).toBe(true);
    // Answered at once, not held until the database is back (which takes seconds). The figures above show
    // the latency (well under a second on an idle machine); on a loaded 2-core machine answers also wait
    // for the CPU, so the bounds here are loose.
    expect(quantile(0.5)).toBeLessThan(2500);
    expect(quantile(1)).toBeLessThan(10_000);
    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveredAt - killedAt).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(answers.filter((a) => a.at > recoveredAt + 2000 && a.status === 201).length).toBeGreaterThan(0); // voting goes on
    expect(app.output()).toMatch(/Embedded PostgreSQL stopped unexpectedly \(SIGKILL\)/);

    // Every acknowledged vote is in the table, exactly once (and no battle has two votes).
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const rows = await db().vote.groupBy({ by: ["battleId"], where: { battleId: { in: acknowledged } }, _count: { _all: true } });
    expect(rows.length).toBe(acknowledged.length);
    expect(rows.every((r) => r._count._all === 1)).toBe(true);
    // (The policy shows slices from one voter up, so the ten contributors get exact counts.)
    // The leaderboard counts every vote in the table, the acknowledged ones included (the index resynced).
    expect(board.votes + (board.excludedVotes?.total ?? 0)).toBe(votesInTable);
    expect(votesInTable).toBeGreaterThanOrEqual(acknowledged.length);
  }, 150_000);
});
