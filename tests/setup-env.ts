import { inject } from "vitest";
import { setDatabaseUrl } from "../lib/env";

setDatabaseUrl(inject("databaseUrl"));

// Secrets the launcher would generate; fixed here so tests that encrypt or export can run.
process.env.SHOWDOWN_SECRET_KEY ??= "test-secret-key-of-at-least-32-characters!";
process.env.SHOWDOWN_JUDGE_SECRET ??= "test-judge-secret-0123456789";
process.env.SHOWDOWN_INDEX_CACHE ??= "off"; // tests that need an index file give the index one
