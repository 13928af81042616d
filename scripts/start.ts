// Runs Showdown: database (embedded unless DATABASE_URL is set), migrations, roster seed, then
// `next start` (or `next dev` with --dev). With --demo it also adds the labelled demo votes.
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

const database = await bootDatabase(log);
ensureSecrets();
const env = bootEnv();
const host = env.HOSTNAME ?? "127.0.0.1";
if (!env.NEXTAUTH_URL) setAuthEnv({ url: `http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT}` });

const seeded = await seedRoster();
if (seeded.models || seeded.prompts) log(`Seeded ${seeded.models} models and ${seeded.prompts} prompts`);
if (values.demo) {
  const demo = await seedDemoVotes();
  log(demo.skipped ? "Demo votes already present" : `Added ${demo.created} demo votes (remove with: npm run arena -- demo remove)`);
}
await disconnectDb();

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, values.dev ? "dev" : "start", "-p", String(env.PORT), "-H", host], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
log(`Showdown on http://${host}:${env.PORT}`);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await database.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 0));
