// The real app (npm start: launcher, embedded PostgreSQL, scripts/server.mjs) as an attacker and an
// operator meet it: forged X-Forwarded-For headers, TRUST_PROXY, and SIGTERM during a request.
// Slower than most tests (it starts the app twice, about 20 s each); needs `npx next build`.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "../lib/db";
import { setDatabaseUrl } from "../lib/env";
import { getPolicy, updatePolicy } from "../lib/queries/policy";
import { CLI_ACTOR } from "../lib/queries/audit";
import { closeVoteIndex } from "../lib/slice-index/vote-index";
import { createContributor } from "./support/database";
import { Browser, startApp, type AppProcess } from "./support/app-process";

const IP_LIMIT = 3;

/** Points this test file's database client at the app's embedded database, with a low per-IP battle limit. */
async function useAppDatabase(app: AppProcess): Promise<void> {
  await disconnectDb();
  await closeVoteIndex();
  setDatabaseUrl(app.databaseUrl);
  await updatePolicy(
    {
      ...(await getPolicy()),
      battlesPerHourPerIp: IP_LIMIT,
      battlesPerHourPerUser: 1000,
      votesPerHourPerUser: 1000,
      votesPerHourPerIp: 1000,
    },
    CLI_ACTOR,
  );
}

async function signedInContributor(app: AppProcess, headers: Record<string, string> = {}): Promise<Browser> {
  const user = await createContributor();
  const browser = new Browser(app.url, headers);
  await browser.signIn(user.email, "password123");
  return browser;
}

/** Starts battles, each claiming to come from a different address; returns the statuses. */
async function battlesFrom(browser: Browser, addresses: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of addresses) {
    const response = await browser.request("POST", "/api/battles", {
      json: {},
      headers: { "x-forwarded-for": address, "x-real-ip": address, "x-showdown-client-ip": address },
    });
    statuses.push(response.status);
  }
  return statuses;
}

/** Starts a battle and waits until it takes votes (a sampled battle's answers are streamed first when needed). */
export async function openBattle(browser: Browser): Promise<string> {
  const response = await browser.request("POST", "/api/battles", { json: {} });
  if (response.status !== 201) throw new Error(`Starting a battle gave ${response.status}: ${await response.text()}`);
  const { battle } = (await response.json()) as { battle: { id: string; state: string } };
  if (battle.state !== "OPEN") await (await browser.request("GET", `/api/battles/${battle.id}/stream`)).text();
  return battle.id;
}

const forged = (n: number) => Array.from({ length: n }, (_, i) => `198.51.100.${i + 10}`);

describe("the app's HTTP server, without TRUST_PROXY", () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp();
    await useAppDatabase(app);
  }, 180_000);
  afterAll(async () => {
    await app?.stop("SIGTERM"); // a no-op when the shutdown test already stopped it
    app?.cleanup();
  });

  it("limits a client that forges X-Forwarded-For (and X-Real-IP, and the internal header) as its real address", async () => {
    // Two accounts, so the per-IP limit is what stops them (each account alone stays under its own).
    const first = await signedInContributor(app);
    const second = await signedInContributor(app);
    const statuses = [...(await battlesFrom(first, forged(2))), ...(await battlesFrom(second, forged(4).slice(2)))];
    expect(statuses.slice(0, IP_LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(IP_LIMIT)).toEqual([429]);
  });

  it("ignores X-Forwarded-Proto from a client that is not a trusted proxy (no HSTS over plain HTTP)", async () => {
    const spoofed = await fetch(`${app.url}/leaderboard`, { headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
  });

  it("on SIGTERM finishes the request in flight, refuses new ones, then shuts PostgreSQL down cleanly", async () => {
    await updatePolicy({ ...(await getPolicy()), battlesPerHourPerIp: 1000 }, CLI_ACTOR);
    const browser = await signedInContributor(app);
    const battleId = await openBattle(browser);
    const body = JSON.stringify({ outcome: "A" });
    const url = new URL(app.url);
    // A vote in flight: its headers and the start of its body now, the rest after SIGTERM.
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: `/api/battles/${battleId}/vote`,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            cookie: browser.cookieHeader(),
            origin: app.url,
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 4));
      setTimeout(() => request.end(body.slice(4)), 2500);
    });
    await new Promise((r) => setTimeout(r, 500));
    const stopped = app.stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 800));
    // New connections are refused while the old request is still being served.
    await expect(fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    expect(await answer).toBe(201);
    expect(await stopped).toBe(0);
    expect(fs.existsSync(path.join(app.dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(fs.readFileSync(path.join(app.dataDir, "postgres.log"), "utf8").trimEnd()).toMatch(/database system is shut down$/);
    expect(app.output()).toMatch(/SIGTERM: no new connections; waiting for 1 request/);
    expect(app.output()).toContain("Embedded PostgreSQL shut down cleanly");
  }, 60_000);
});

describe("the app's HTTP server, with TRUST_PROXY=1 (one proxy in front)", () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: "1" });
    await useAppDatabase(app);
  }, 180_000);
  afterAll(async () => {
    await app?.stop("SIGTERM");
    app?.cleanup();
  });

  it("counts each forwarded address on its own, and one forwarded address against its own limit", async () => {
    const browser = await signedInContributor(app);
    expect((await battlesFrom(browser, forged(IP_LIMIT + 2))).filter((s) => s === 429)).toEqual([]);
    const same = await battlesFrom(browser, Array(IP_LIMIT + 1).fill("203.0.113.7"));
    expect(same.slice(0, IP_LIMIT).every((s) => s !== 429)).toBe(true);
    expect(same[IP_LIMIT]).toBe(429);
  });

  it("sends HSTS when the trusted proxy says the request came over HTTPS", async () => {
    for (const path of ["/leaderboard", "/api/leaderboard"]) {
      const viaHttps = await fetch(`${app.url}${path}`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.8" } });
      expect(viaHttps.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
      const viaHttp = await fetch(`${app.url}${path}`);
      expect(viaHttp.headers.get("strict-transport-security"), path).toBeNull();
    }
  });
});
