import fs from "node:fs";
import path from "node:path";
import packageJson from "@/package.json";
import { serverEnv } from "@/lib/env";

// Runtime reads of the deployment's own .git, not bundle inputs: kept out of Turbopack's file tracing.
const readText = (file: string) => fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
const isFile = (file: string) => fs.statSync(/*turbopackIgnore: true*/ file, { throwIfNoEntry: false })?.isFile() ?? false;

/** The commit the server runs: SHOWDOWN_COMMIT, else read from .git at runtime, else null. */
function gitCommit(): string | null {
  const fromEnv = serverEnv().SHOWDOWN_COMMIT;
  if (fromEnv) return fromEnv.toLowerCase();
  try {
    let gitDir = path.join(/*turbopackIgnore: true*/ process.cwd(), ".git");
    // A worktree or submodule has a .git file that points at the real directory.
    if (isFile(gitDir)) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readText(gitDir))?.[1];
      if (!pointer) return null;
      gitDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), pointer.trim());
    }
    const head = readText(path.join(gitDir, "HEAD")).trim();
    const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
    if (!ref) return /^[0-9a-f]{40}$/.test(head) ? head : null;
    const loose = path.join(gitDir, ref);
    if (isFile(loose)) return readText(loose).trim();
    const packed = readText(path.join(gitDir, "packed-refs"));
    return (
      packed
        .split("\n")
        .find((line) => line.endsWith(` ${ref}`))
        ?.split(" ")[0] ?? null
    );
  } catch {
    return null;
  }
}

/** package.json version plus the short commit, e.g. "0.1.0+b1a47a3c1f02" ("0.1.0+unknown" without one). */
export function codeVersion(): string {
  const commit = gitCommit();
  return `${packageJson.version}+${commit ? commit.slice(0, 12) : "unknown"}`;
}
