import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { sameRules, type CountingRules } from "./counting-rules";
import { databaseIdentity, readIndexBody, readIndexHeader, votesFingerprint, writeIndexFile } from "./index-file";
import type { VoteIndex } from "./vote-index";

/** New votes since the last save before the file is written again (and at least this share of the votes held). */
const SAVE_EVERY_VOTES = 100_000;
const SAVE_EVERY_SHARE = 0.05;

/**
 * A process's local index file (see index-file.ts): restored at the first sync when it still matches the votes
 * table, and written again in the background after a full load and then whenever the index has grown by
 * 100,000 votes or 5% (so a restart reads at most that many votes from the table). Several processes on one
 * machine may share the file: each writes a temporary file and renames it over. A failure to read or write is
 * logged and changes nothing else: the table stays the truth.
 */
export class IndexCache {
  private saved: { generation: string; rules: CountingRules; rows: number } | null = null;
  private writing: Promise<void> | null = null;
  /** What happened last, for logs and the benchmark. */
  lastEvent: { kind: "restored" | "rejected" | "saved" | "failed"; detail: string; ms: number } | null = null;

  constructor(
    readonly file: string,
    private readonly pool: pg.Pool,
    private readonly log: (message: string, error?: unknown) => void = (m, e) => (e ? console.error(m, e) : console.log(m)),
  ) {}

  /**
   * Restores `index` from the file if it describes the table as `client` sees it (in the sync's own snapshot):
   * same database, vote generation and counting rules, the same number of votes up to the file's mark, and the
   * same last votes. Returns false (index untouched) otherwise.
   */
  async restore(index: VoteIndex, client: pg.ClientBase, now: { generation: string; rules: CountingRules }): Promise<boolean> {
    const started = performance.now();
    const header = await readIndexHeader(this.file);
    if (!header) return false;
    const reject = (detail: string) => {
      this.lastEvent = { kind: "rejected", detail, ms: performance.now() - started };
      this.log(`Vote index file ${this.file} not used: ${detail}; loading from the votes table.`);
      return false;
    };
    if (header.generation !== now.generation) return reject("votes were updated or deleted since it was written");
    if (!sameRules(header.rules, now.rules)) return reject("the counting rules of the data policy changed");
    if ((await databaseIdentity(client)) !== header.database) return reject("it was written for another database");
    const check = await votesFingerprint(client, header.safeMark);
    if (check.rows !== header.rows || check.fingerprint !== header.fingerprint) return reject("the votes table no longer matches it");
    try {
      const body = await readIndexBody(this.file, header);
      index.restoreState({ ...header, ...body });
    } catch (error) {
      return reject(`it could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
    this.saved = { generation: header.generation, rules: header.rules, rows: header.rows };
    this.lastEvent = { kind: "restored", detail: `${header.rows} votes`, ms: performance.now() - started };
    return true;
  }

  /** After each sync: starts a background save when the index has changed enough since the last one. */
  afterSync(index: VoteIndex): void {
    if (this.writing) return;
    const state = index.persistedState();
    if (!state || state.rows === 0) return;
    const saved = this.saved;
    const isCurrent = saved !== null && saved.generation === state.generation && sameRules(saved.rules, state.rules);
    if (isCurrent && state.rows - saved.rows < Math.max(SAVE_EVERY_VOTES, saved.rows * SAVE_EVERY_SHARE)) return;
    const started = performance.now();
    this.writing = (async () => {
      // The file is checked against the table in one snapshot before it is written: the same generation (no
      // update or delete since the index read these votes) and exactly `rows` votes up to the mark.
      const client = await this.pool.connect();
      let stamp: { database: string; fingerprint: string } | null = null;
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const gen = await client.query<{ generation: string }>('SELECT generation::text AS generation FROM "VoteGeneration" WHERE id = 1');
        if ((gen.rows[0]?.generation ?? "0") === state.generation) {
          const check = await votesFingerprint(client, state.safeMark);
          if (check.rows === state.rows) stamp = { database: await databaseIdentity(client), fingerprint: check.fingerprint };
        }
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      if (!stamp) return; // the table moved on meanwhile: a later sync saves
      fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeIndexFile(this.file, { ...state, ...stamp });
      this.saved = { generation: state.generation, rules: state.rules, rows: state.rows };
      this.lastEvent = { kind: "saved", detail: `${state.rows} votes`, ms: performance.now() - started };
    })()
      .catch((error: unknown) => {
        this.lastEvent = { kind: "failed", detail: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
        this.log(`Could not write the vote index file ${this.file}; the index keeps working from the votes table.`, error);
      })
      .finally(() => {
        this.writing = null;
      });
  }

  /** Waits for a background save in progress (shutdown, tests, the benchmark). */
  async flush(): Promise<void> {
    await this.writing;
  }
}
