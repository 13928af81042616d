import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../lib/boot";
import { startEmbeddedDatabase, type DatabaseHandle } from "../../lib/embedded-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let database: DatabaseHandle | undefined;
let dataDir: string | undefined;

/** One fresh, migrated embedded PostgreSQL for the integration tests. */
export async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "showdown-it-"));
  database = await startEmbeddedDatabase({ dataDir, preferredPort: 54450 });
  deployMigrations(database.url);
  project.provide("databaseUrl", database.url);
}

export async function teardown() {
  await database?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
