import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { resetDatabase } from "./support/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "lib/rating/__fixtures__/fastchat/battles-2k.jsonl.gz");

/** Runs `npm run arena -- ...` the way an admin does, against the test database. */
function arena(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/arena.ts", ...args],
    {
      cwd: ROOT,
      env: { ...process.env },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(resetDatabase);

describe("arena command line", () => {
  it("imports a battles file once, and prints the leaderboard as JSON", () => {
    const first = arena("import", FIXTURE);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("2000 votes added, 0 already present; 8 models created");
    const again = arena("import", FIXTURE);
    expect(again.stdout).toContain("0 votes added, 2000 already present");

    const board = arena("leaderboard", "--json");
    expect(board.code, board.stderr).toBe(0);
    const rows = JSON.parse(board.stdout) as {
      model: string;
      rating: number;
      lower: number;
      upper: number;
      rank: number;
      battles: number;
    }[];
    const reference = JSON.parse(fs.readFileSync(path.join(ROOT, "lib/rating/__fixtures__/fastchat/battles-2k.fastchat.json"), "utf8"));
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        "battles",
        "bothBadRate",
        "lower",
        "model",
        "rank",
        "rankWorst",
        "rating",
        "se",
        "tieRate",
        "unrated",
        "upper",
        "voters",
        "winRate",
      ]);
      expect(Math.abs(row.rating - reference.models[row.model].rating)).toBeLessThan(0.5);
    }
    expect(rows.reduce((s, r) => s + r.battles, 0)).toBe(4000); // each battle counts for both models
  });

  it("checks the slice index against the votes table", () => {
    const check = arena("check");
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Slice index matches the votes table on \d+ slices/);
  });

  it("prints a readable table of a slice", () => {
    const table = arena("leaderboard", "--country", "US");
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^United States: \d+ votes by \d+ voters/);
    expect(table.stdout).toContain("rank\tmodel\trating\t95% CI\tvotes");
  });

  it("refuses bad filters and unknown commands with a message and exit code 2", () => {
    const bad = arena("leaderboard", "--country", "XX");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown country code");
    const unknown = arena("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const option = arena("leaderboard", "--colour", "red");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--colour");
  });

  it("creates the first admin, and refuses a bad email", async () => {
    const ok = arena("create-admin", "--email", "Admin@Example.com", "--password", "a strong password");
    expect(ok.code, ok.stderr).toBe(0);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { role: true, passwordHash: true } });
    expect(admin.role).toBe("ADMIN");
    expect(admin.passwordHash).toMatch(/^scrypt\$/);
    const bad = arena("create-admin", "--email", "not-an-email", "--password", "a strong password");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--email");
  });

  it("audits create-admin and set-role as done from the command line", async () => {
    expect(arena("create-admin", "--email", "audited@example.com", "--password", "a strong password").code).toBe(0);
    const user = await db().user.findUniqueOrThrow({ where: { email: "audited@example.com" }, select: { id: true } });
    expect(arena("set-role", "--email", "audited@example.com", "--role", "customer").code).toBe(0);
    expect(arena("create-admin", "--email", "audited@example.com", "--password", "another password").code).toBe(0);
    const entries = await db().auditLog.findMany({
      where: { entityId: user.id },
      orderBy: { createdAt: "asc" },
      select: { actorEmail: true, action: true, before: true, after: true },
    });
    expect(entries).toEqual([
      { actorEmail: "command line", action: "user.create_admin", before: null, after: { email: "audited@example.com", role: "ADMIN" } },
      {
        actorEmail: "command line",
        action: "user.role",
        before: { email: "audited@example.com", role: "ADMIN" },
        after: { email: "audited@example.com", role: "CUSTOMER" },
      },
      {
        actorEmail: "command line",
        action: "user.role",
        before: { email: "audited@example.com", role: "CUSTOMER" },
        after: { email: "audited@example.com", role: "ADMIN", password: "reset" },
      },
    ]);
  });
});
