import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { PostgresIds } from "@/lib/postgres-access";

const READY = "database system is ready to accept connections";
/** Restart delays after unexpected exits: quick at first (crash recovery takes a moment), then slower. */
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];
/** A server that stayed up this long starts the backoff from the beginning again. */
const STABLE_MS = 30_000;
/** Fast shutdown (SIGINT) is given this long before an immediate shutdown (SIGQUIT). */
const STOP_GRACE_MS = 30_000;

export interface PostgresProcessOptions {
  postgresBin: string;
  pgDir: string;
  port: number;
  /** Run as this user (root launches the server as `postgres`). */
  ids: PostgresIds | null;
  /** The server's own log lines are appended here. */
  logFile: string;
  log: (message: string) => void;
}

/**
 * One PostgreSQL postmaster, started and supervised by this process. When it exits without being
 * asked (killed, crashed), it is started again on the same port and data directory, where
 * PostgreSQL replays its write-ahead log (crash recovery): every committed transaction survives.
 * Restarts back off (250 ms up to 5 s) while it keeps failing, e.g. while the old server's
 * backends still hold its shared memory. stop() asks for a fast shutdown and waits for it.
 */
export class PostgresProcess {
  private child: ChildProcess | null = null;
  private isStopping = false;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly logStream: fs.WriteStream;
  private recentLines: string[] = [];

  constructor(private readonly options: PostgresProcessOptions) {
    this.logStream = fs.createWriteStream(options.logFile, { flags: "a" });
    // Whatever ends this process, the server it started gets a fast shutdown rather than running on alone.
    process.once("exit", () => this.child?.kill("SIGINT"));
  }

  /** The running postmaster's process id, if any. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the server and resolves once it accepts connections (rejects with its last log lines if it exits first). */
  start(): Promise<void> {
    const { postgresBin, pgDir, port, ids } = this.options;
    return new Promise((resolve, reject) => {
      const child = spawn(postgresBin, ["-D", pgDir, "-p", String(port)], {
        // Its own process group: a Ctrl-C meant for the app must not stop the database under in-flight requests.
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
        ...(ids ?? {}),
      });
      this.child = child;
      this.recentLines = [];
      let isReady = false;
      const onOutput = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        this.logStream.write(text);
        this.recentLines = [...this.recentLines, ...text.split("\n").filter(Boolean)].slice(-8);
        if (!isReady && text.includes(READY)) {
          isReady = true;
          this.startedAt = Date.now();
          resolve();
        }
      };
      child.stdout?.on("data", onOutput);
      child.stderr?.on("data", onOutput);
      child.once("error", (error) => {
        if (!isReady) reject(error);
      });
      child.once("exit", (code, signal) => {
        if (this.child === child) this.child = null;
        if (!isReady) {
          reject(new Error(`PostgreSQL exited while starting (${signal ?? `code ${code}`}): ${this.recentLines.join(" | ")}`));
          return;
        }
        if (!this.isStopping) this.onUnexpectedExit(signal ?? `code ${code}`);
      });
    });
  }

  private onUnexpectedExit(how: string): void {
    if (Date.now() - this.startedAt > STABLE_MS) this.failures = 0;
    this.scheduleRestart(`Embedded PostgreSQL stopped unexpectedly (${how}); restarting it (crash recovery)`);
  }

  private scheduleRestart(message: string): void {
    const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
    this.failures++;
    this.options.log(`${message}, attempt ${this.failures} in ${delay} ms`);
    const downSince = Date.now();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.isStopping) return;
      this.start().then(
        () =>
          this.options.log(
            `Embedded PostgreSQL is back on port ${this.options.port} (${((Date.now() - downSince) / 1000).toFixed(1)} s after the restart began)`,
          ),
        (error: Error) => {
          if (!this.isStopping) this.scheduleRestart(`Embedded PostgreSQL did not start again (${error.message.slice(0, 300)})`);
        },
      );
    }, delay);
  }

  /** Fast shutdown: active sessions are ended, committed work is already on disk; waits for the exit. */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.logStream.end(resolve));
  }
}

/** True when a postmaster.pid in `pgDir` names a live process (a server already runs there). */
export function runningPostmaster(pgDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // stale lock file: PostgreSQL replaces it on start
  }
}
