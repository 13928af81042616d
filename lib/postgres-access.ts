import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the system user
 * `postgres`. That user must be able to execute the binaries and enter the data directory; in a
 * clone under a directory it cannot pass (root's home, a `mktemp -d` folder: mode 700), neither
 * holds. This module finds that user (creating it when missing) and, when a path is out of its
 * reach, puts what it needs under a shared directory it can reach.
 */

export interface PostgresIds {
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

function idsOf(name: string): PostgresIds | null {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** The `postgres` user to run the server as when we are root (created when missing); null when not root. */
export function postgresIds(): PostgresIds | null {
  if (!isRoot()) return null;
  const found = idsOf("postgres");
  if (found) return found;
  try {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  } catch {
    // the group may exist already; useradd below reports real failures
  }
  try {
    execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(
      `Running as root, the embedded PostgreSQL must run as the user "postgres", and creating that user failed (${(error as Error).message.trim()}). Create it (useradd postgres), run Showdown as a normal user, or set DATABASE_URL.`,
    );
  }
  const created = idsOf("postgres");
  if (!created)
    throw new Error(
      'Running as root, the embedded PostgreSQL needs a "postgres" user, which could not be created. Create it, or set DATABASE_URL.',
    );
  return created;
}

/** True when `ids` can reach `target` with the given access (x: execute a file or enter a directory; w: also write). */
export function canAccess(ids: PostgresIds, target: string, mode: "x" | "w"): boolean {
  const test = mode === "x" ? 'test -x "$1"' : 'test -x "$1" && test -w "$1"';
  const result = spawnSync("/bin/sh", ["-c", test, "sh", target], { uid: ids.uid, gid: ids.gid, stdio: "ignore" });
  return result.status === 0;
}

/** A directory every local user can enter and that survives reboots (/var/tmp), else the OS temp directory. */
function sharedRoot(): string {
  for (const dir of ["/var/tmp", os.tmpdir()]) {
    try {
      const stat = fs.statSync(dir);
      if (stat.isDirectory() && (stat.mode & 0o1777) === 0o1777) return dir;
    } catch {
      // try the next one
    }
  }
  return os.tmpdir();
}

const shortHash = (text: string) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 12);

/** Copies a tree, hard-linking files where the filesystem allows (fast, no extra space) and keeping symlinks. */
function mirrorTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o755 });
  fs.chmodSync(to, 0o755);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) mirrorTree(src, dest);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dest);
    else {
      try {
        fs.linkSync(src, dest);
      } catch {
        fs.copyFileSync(src, dest);
        fs.chmodSync(dest, fs.statSync(src).mode & 0o7777);
      }
    }
  }
}

/**
 * The PostgreSQL installation directory (bin/, lib/, share/) the `postgres` user can execute:
 * `nativeDir` itself when reachable, else a mirror of it under /var/tmp, made once per location
 * (atomically, so two launchers starting together do not collide).
 */
export function reachableInstallation(ids: PostgresIds, nativeDir: string, log: (m: string) => void): string {
  if (canAccess(ids, path.join(nativeDir, "bin", "postgres"), "x")) return nativeDir;
  const target = path.join(sharedRoot(), `showdown-postgres-${shortHash(fs.realpathSync(nativeDir))}`);
  if (fs.existsSync(path.join(target, ".complete"))) return target;
  const staging = `${target}.${process.pid}.${Date.now()}`;
  mirrorTree(nativeDir, staging);
  fs.writeFileSync(path.join(staging, ".complete"), nativeDir);
  try {
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another launcher got there first
    if (!fs.existsSync(path.join(target, ".complete"))) throw new Error(`Could not prepare the PostgreSQL binaries in ${target}.`);
  }
  log(`The postgres user cannot reach ${nativeDir}; using a copy of the PostgreSQL binaries in ${target}`);
  return target;
}

/**
 * Where the cluster of `dataDir` lives: `dataDir/pg` when the `postgres` user can enter `dataDir`,
 * else a directory under /var/tmp named after `dataDir`'s real path (the same on every start).
 */
export function reachableClusterDir(ids: PostgresIds, dataDir: string): { pgDir: string; isRelocated: boolean } {
  if (canAccess(ids, dataDir, "x")) return { pgDir: path.join(dataDir, "pg"), isRelocated: false };
  const home = path.join(sharedRoot(), `showdown-data-${shortHash(fs.realpathSync(dataDir))}`);
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  fs.chmodSync(home, 0o755);
  fs.writeFileSync(path.join(home, "OWNER"), `Embedded PostgreSQL cluster of the Showdown data directory ${fs.realpathSync(dataDir)}\n`);
  return { pgDir: path.join(home, "pg"), isRelocated: true };
}
