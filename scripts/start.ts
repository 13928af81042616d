// Runs Showdown: database (embedded unless DATABASE_URL is set), migrations, roster seed, then the
// HTTP server (scripts/server.mjs: Next.js in production mode, or development mode with --dev).
// With --demo it also adds the labelled demo votes.
// It supervises: an embedded PostgreSQL that dies is restarted (lib/postgres-process.ts). On
// SIGTERM/SIGINT the HTTP server finishes its in-flight requests first, then the embedded
// PostgreSQL gets a fast (clean) shutdown, then this process exits 0.
// Usage: npm start [-- --demo]   |   npm run dev
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bootDatabase, ensureSecrets } from "../lib/boot";
import { disconnectDb } from "../lib/db";
import { seedDemoVotes } from "../lib/demo";
import { bootEnv, setAuthEnv } from "../lib/env";
import { seedRoster } from "../lib/seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { demo: { type: "boolean", default: false }, dev: { type: "boolean", default: false } } });
const log = (m: string) => console.log(`[showdown] ${m}`);

if (!values.dev && !fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build found. Run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

let env: ReturnType<typeof bootEnv>;
try {
  env = bootEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let database: Awaited<ReturnType<typeof bootDatabase>>;
try {
  database = await bootDatabase(log);
} catch (error) {
  // One clear sentence, not a stack trace: what failed and what to change.
  console.error(`[showdown] Could not start the database: ${(error as Error).message}`);
  process.exit(1);
}
ensureSecrets();
const host = env.HOSTNAME ?? "127.0.0.1";
if (!env.NEXTAUTH_URL) setAuthEnv({ url: `http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT}` });

const seeded = await seedRoster();
if (seeded.models || seeded.prompts) log(`Seeded ${seeded.models} models and ${seeded.prompts} prompts`);
if (values.demo) {
  const demo = await seedDemoVotes();
  log(
    demo.skipped
      ? "Demo votes already present"
      : `Added ${demo.created} labelled demo votes from ${demo.voters} simulated voters in ${(demo.ms / 1000).toFixed(1)} s (remove with: npm run arena -- demo remove)`,
  );
}
await disconnectDb();

const args = [
  path.join(ROOT, "scripts", "server.mjs"),
  "--port",
  String(env.PORT),
  "--hostname",
  host,
  "--shutdown-seconds",
  String(env.SHOWDOWN_SHUTDOWN_SECONDS),
];
if (env.TRUST_PROXY) args.push("--trust-proxy", env.TRUST_PROXY);
if (values.dev) args.push("--dev");
const server = spawn(process.execPath, args, {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: values.dev ? "development" : "production" },
});
if (env.TRUST_PROXY) log(`Client addresses: X-Forwarded-For is believed from TRUST_PROXY=${env.TRUST_PROXY}`);

let isStopping = false;
let killTimer: NodeJS.Timeout | undefined;

/** Asks the HTTP server to finish its requests and stop; the database is stopped once it has exited. */
function requestStop(signal: NodeJS.Signals): void {
  if (isStopping) return;
  isStopping = true;
  log(`${signal} received: stopping the HTTP server, then the database`);
  server.kill("SIGTERM");
  killTimer = setTimeout(() => server.kill("SIGKILL"), (env.SHOWDOWN_SHUTDOWN_SECONDS + 10) * 1000);
}
process.on("SIGINT", () => requestStop("SIGINT"));
process.on("SIGTERM", () => requestStop("SIGTERM"));

server.on("exit", (code, signal) => {
  clearTimeout(killTimer);
  if (!isStopping) log(`The HTTP server exited unexpectedly (${signal ?? `code ${code}`}); stopping the database`);
  void database.stop().then(
    () => {
      if (database.isOwner) log("Embedded PostgreSQL shut down cleanly");
      process.exit(isStopping ? 0 : (code ?? 1));
    },
    (error: Error) => {
      console.error(`[showdown] Stopping the database failed: ${error.message}`);
      process.exit(1);
    },
  );
});
