import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("migrations", () => {
  it("leave the database with no drift from schema.prisma", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/migrate.mjs"), "drift"], {
      cwd: ROOT,
      env: process.env,
      encoding: "utf8",
    });
    expect(result.stdout + result.stderr).toContain("No drift");
    expect(result.status).toBe(0);
  });

  it("are recorded in Prisma's _prisma_migrations table, every one applied", async () => {
    const dirs = fs
      .readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const rows = await db().$queryRaw<
      { migration_name: string; finished_at: Date | null }[]
    >`SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
