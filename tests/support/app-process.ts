import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/embedded-db";
export { freePort };

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface AppProcess {
  url: string;
  dataDir: string;
  /** The embedded database's URL (credentials from the data directory). */
  databaseUrl: string;
  /** Everything the launcher and its children printed so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code once the launcher has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Removes the data directory (after stop). */
  cleanup(): void;
}

/**
 * Starts the real launcher (`npm start`: scripts/start.ts, embedded PostgreSQL, scripts/server.mjs)
 * on free ports and a fresh data directory, as an operator would, and waits until /api/health
 * answers 200. Needs a production build (`npx next build`), as `npm start` does.
 */
export async function startApp(env: Record<string, string> = {}): Promise<AppProcess> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("These tests start the real app and need a production build: run `npx next build` first.");
  }
  const port = await freePort();
  const dbPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-app-"));
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    SHOWDOWN_DATA_DIR: dataDir,
    SHOWDOWN_DB_PORT: String(dbPort),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SHOWDOWN_SNAPSHOT_HOURS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  };
  // The launcher starts its own embedded database and secrets: nothing from the test process.
  for (const name of [
    "DATABASE_URL",
    "SHOWDOWN_SECRET_KEY",
    "SHOWDOWN_JUDGE_SECRET",
    "NEXTAUTH_SECRET",
    "NODE_ENV",
    "VITEST",
    "VITEST_POOL_ID",
    "VITEST_WORKER_ID",
  ]) {
    if (!(name in env)) delete childEnv[name];
  }
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
    {
      cwd: ROOT,
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (hasExited) throw new Error(`The app exited while starting:\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app did not answer /api/health within 150 s:\n${log}`);
    }
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")) as { user: string; password: string };
  const actualDbPort = /Embedded PostgreSQL listening on 127\.0\.0\.1:(\d+)/.exec(log)?.[1] ?? String(dbPort);
  return {
    url,
    dataDir,
    databaseUrl: `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${actualDbPort}/showdown`,
    output: () => log,
    stop: async (signal = "SIGTERM") => {
      if (!hasExited) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A signed-in HTTP client of the app (next-auth credentials sign-in, cookies kept), sending what a browser would. */
export class Browser {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** The Cookie header this client sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(
    method: string,
    pathname: string,
    options: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...this.extraHeaders, ...options.headers, origin: this.baseUrl, referer: `${this.baseUrl}/` };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  /** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
  async signIn(email: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.request("POST", "/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
    if (response.status >= 400) throw new Error(`Sign-in of ${email} failed: ${response.status}`);
    const session = (await (await this.request("GET", "/api/auth/session")).json()) as { user?: unknown };
    if (!session.user) throw new Error(`Sign-in of ${email} gave no session`);
  }
}
