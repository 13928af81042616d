import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { sameRules, type CountingRules } from "./counting-rules";
import {
  databaseIdentity,
  lastVotesFingerprint,
  readIndexBody,
  readIndexHeader,
  votesUpTo,
  writeIndexFile,
  type IndexFileHeader,
} from "./index-file";
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
  /** Set once a restored file proved wrong: it is not restored again (and is removed). */
  private isDistrusted = false;
  /** What happened last, for logs and the benchmark. */
  lastEvent: { kind: "restored" | "rejected" | "saved" | "failed"; detail: string; ms: number } | null = null;

  constructor(
    readonly file: string,
    private readonly pool: pg.Pool,
    private readonly log: (message: string, error?: unknown) => void = (m, e) => (e ? console.error(m, e) : console.log(m)),
  ) {}

  /**
   * Restores `index` from the file if it describes the table as `client` sees it (in the sync's own snapshot):
   * same database, vote generation and counting rules, and the same last votes up to the file's mark. Returns
   * false (index untouched) otherwise. The exact number of votes up to the mark is then checked in the
   * background (an index scan of every vote: seconds at 10M, which would delay the first slice); a mismatch,
   * which only a change that bypassed the generation trigger can cause, makes the index rebuild from the table.
   */
  async restore(index: VoteIndex, client: pg.ClientBase, now: { generation: string; rules: CountingRules }): Promise<boolean> {
    const started = performance.now();
    const header = this.isDistrusted ? null : await readIndexHeader(this.file);
    if (!header) return false;
    const reject = (detail: string) => {
      this.lastEvent = { kind: "rejected", detail, ms: performance.now() - started };
      this.log(`Vote index file ${this.file} not used: ${detail}; loading from the votes table.`);
      return false;
    };
    if (header.generation !== now.generation) return reject("votes were updated or deleted since it was written");
    if (!sameRules(header.rules, now.rules)) return reject("the counting rules of the data policy changed");
    // PostgreSQL checks the table while this process reads the file.
    const checking = (async () => {
      const database = await databaseIdentity(client);
      return { database, fingerprint: await lastVotesFingerprint(client, header.safeMark), ms: performance.now() - started };
    })();
    const reading = readIndexBody(this.file, header).then(
      (body) => ({ body, ms: performance.now() - started }),
      (error: unknown) => ({ error }),
    );
    const [check, read] = await Promise.all([checking, reading]);
    if (check.database !== header.database) return reject("it was written for another database");
    if (check.fingerprint !== header.fingerprint) return reject("the votes table no longer matches it");
    if ("error" in read) return reject(`it could not be read (${read.error instanceof Error ? read.error.message : String(read.error)})`);
    index.restoreState({ ...header, ...read.body });
    this.saved = { generation: header.generation, rules: header.rules, rows: header.rows };
    const detail = `${header.rows} votes; table checked in ${(check.ms / 1000).toFixed(2)} s while the file was read in ${(read.ms / 1000).toFixed(2)} s`;
    this.lastEvent = { kind: "restored", detail, ms: performance.now() - started };
    this.counting = this.countInBackground(index, header);
    return true;
  }

  /** The background count after a restore (see restore): waits for it in tests and the benchmark. */
  counting: Promise<void> | null = null;

  private async countInBackground(index: VoteIndex, header: IndexFileHeader): Promise<void> {
    try {
      const client = await this.pool.connect();
      let rows: number | null = null;
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const gen = await client.query<{ generation: string }>('SELECT generation::text AS generation FROM "VoteGeneration" WHERE id = 1');
        // a newer generation rebuilds the index anyway
        if ((gen.rows[0]?.generation ?? "0") === header.generation) rows = await votesUpTo(client, header.safeMark);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      if (rows !== null && rows !== header.rows) {
        this.lastEvent = { kind: "rejected", detail: `it held ${header.rows} votes up to its mark, the table has ${rows}`, ms: 0 };
        this.log(
          `Vote index file ${this.file} did not match the votes table (${header.rows} votes up to its mark, the table has ${rows}); rebuilding from the table.`,
        );
        this.isDistrusted = true;
        this.saved = null; // the rebuilt index is saved afresh
        await fs.promises.rm(/*turbopackIgnore: true*/ this.file, { force: true });
        index.rebuildAtNextSync();
      }
    } catch (error) {
      this.log(`Could not check the vote index file ${this.file} against the votes table; rebuilding from the table.`, error);
      this.isDistrusted = true;
      this.saved = null;
      index.rebuildAtNextSync();
    }
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
        if ((gen.rows[0]?.generation ?? "0") === state.generation && (await votesUpTo(client, state.safeMark)) === state.rows) {
          stamp = { database: await databaseIdentity(client), fingerprint: await lastVotesFingerprint(client, state.safeMark) };
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
        this.lastEvent = {
          kind: "failed",
          detail: error instanceof Error ? error.message : String(error),
          ms: performance.now() - started,
        };
        this.log(`Could not write the vote index file ${this.file}; the index keeps working from the votes table.`, error);
      })
      .finally(() => {
        this.writing = null;
      });
  }

  /** Waits for a background save or count in progress (shutdown, tests, the benchmark). */
  async flush(): Promise<void> {
    await Promise.all([this.writing, this.counting]);
  }
}
