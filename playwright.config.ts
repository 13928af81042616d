import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/** A port the OS says is free now (other servers may run on this machine: never assume one). */
function freePort(): string {
  const script = 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})';
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// Chosen once by the runner and inherited by its workers through the environment, so that the
// specs and helpers (e2e/support/accounts.ts) reach the same servers and database.
process.env.E2E_PORT ??= freePort();
process.env.FAKE_OPENAI_PORT ??= freePort();
process.env.E2E_DB_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= `.test-data/e2e-${process.pid}`;
// The specs create many accounts (through the server and the CLI): cheap password hashing, for tests only.
process.env.SHOWDOWN_PASSWORD_COST = "test";
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = process.env.E2E_DATA_DIR;
/** The test-only fake OpenAI-compatible server that live models in e2e/arena-live.spec.ts call. */
const FAKE_OPENAI_PORT = Number(process.env.FAKE_OPENAI_PORT);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Raises the sign-up limit per address through the policy: every spec signs up from 127.0.0.1.
    { name: "setup", testMatch: /limits\.setup\.ts/ },
    // Signs in once per role (contributor, customer, admin) and saves e2e/.auth/<role>.json for the specs.
    { name: "auth", testMatch: /auth\.setup\.ts/, dependencies: ["setup"] },
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup", "auth"] },
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs e2e/support/fake-openai-server.ts",
      port: FAKE_OPENAI_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { FAKE_OPENAI_PORT: String(FAKE_OPENAI_PORT) },
    },
    {
      // A fresh embedded database per run, with the seeded roster and the labelled demo votes.
      command: `rm -rf ${DATA_DIR} && node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/start.ts --demo`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // SIGTERM lets scripts/start.ts stop its embedded PostgreSQL (it runs in its own process group, so the
      // default SIGKILL of the server's group left a postmaster behind after every run).
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        SHOWDOWN_DATA_DIR: DATA_DIR,
        SHOWDOWN_DB_PORT: process.env.E2E_DB_PORT,
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
        // Snapshots are published by the tests themselves; the daily schedule is tested in tests/snapshots.test.ts.
        SHOWDOWN_SNAPSHOT_HOURS: "0",
        // The fake OpenAI server listens on 127.0.0.1: provider URLs on loopback need this setting.
        SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS: "true",
        SHOWDOWN_PASSWORD_COST: "test",
      },
    },
  ],
});
