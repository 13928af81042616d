// Starts the built app through the launcher (scripts/start.ts) as a child process, on a free port,
// against a given PostgreSQL; used by the load benchmark and the two-replica test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../lib/embedded-db";
export { freePort };

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** True when `next build` has produced a production build the launcher can start. */
export function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

export interface AppProcess {
  url: string;
  pid: number;
  /** Everything the launcher and the server printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  databaseUrl: string;
  /** Where the launcher keeps its generated secrets; share it between replicas so sessions are valid on both. */
  dataDir: string;
  env?: Record<string, string>;
  /** Extra node flags for the launcher and the server it starts (e.g. --cpu-prof). */
  nodeOptions?: string;
  timeoutMs?: number;
  /** Print the app's output as it comes (prefixed). */
  echo?: string;
}

/**
 * Runs `tsx --conditions=react-server scripts/start.ts` (what `npm start` runs) with DATABASE_URL
 * set, so the launcher migrates and seeds that database and starts the server on a free port, and
 * waits until GET /api/health answers 200.
 */
export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const child: ChildProcess = spawn(tsx, ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    // Its own process group: stop() signals the launcher and the server it started together, so
    // no server outlives a run even when the launcher goes first.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      SHOWDOWN_DATA_DIR: options.dataDir,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.nodeOptions ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${options.nodeOptions}`.trim() } : {}),
      ...options.env,
    },
  });
  let log = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    log += text;
    if (log.length > 200_000) log = log.slice(-100_000);
    if (options.echo) process.stderr.write(text.replace(/^(?=.)/gm, `${options.echo} `));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code ?? -1;
      resolve();
    }),
  );

  const group = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (group) process.kill(-group, signal);
    } catch {
      // the group is gone
    }
  };
  const isGroupAlive = () => {
    try {
      if (group) process.kill(-group, 0);
      return Boolean(group);
    } catch {
      return false;
    }
  };
  const stop = async () => {
    signalGroup("SIGTERM");
    const deadline = Date.now() + 15_000;
    while (isGroupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isGroupAlive()) signalGroup("SIGKILL");
    if (exitCode === null) await exited;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exitCode !== null) throw new Error(`The app exited (code ${exitCode}) before it was ready:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer /api/health in time:\n${log.slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid ?? -1, output: () => log, stop };
}
