import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { logPoolError, poolConfig } from "@/lib/db";
import { bootEnv, serverEnv } from "@/lib/env";
import { AGE_CODE, COUNTRY_CODE, EDUCATION_CODE, LANGUAGE_CODE, OUTCOME_CODE, SOURCE_CODE, encode } from "./codes";
import type { CompiledFilter } from "./compile-filter";
import { PairCounts } from "./pair-counts";
import {
  noneUncounted,
  readCountingRules,
  sameRules,
  STYLE_CONTRAST_SQL,
  UNCOUNTED_REASON_SQL,
  UNCOUNTED_REASONS,
  type CountingRules,
} from "./counting-rules";
import { IndexCache } from "./index-cache";
import type { IndexState } from "./index-file";
import { SeqSet } from "./seq-set";
import { VoteColumns } from "./vote-columns";
import type { ScanRecords, ScanResult } from "./vote-scan";
import type { IndexedVote } from "./vote-segment";

// Rows per fetch: small enough that each batch's garbage dies young (keeps the heap small).
const BATCH = 20_000;

/**
 * This process's in-memory index of all votes (see VoteColumns), rebuilt from the votes table and
 * kept current by reading new rows by Vote.seq. Several replicas each keep their own; the database
 * stays the only source of truth.
 *
 * Catching up by sequence alone would miss a vote whose transaction took a lower seq but committed
 * later. So each sync notes the transactions in flight (pg_current_snapshot) and re-reads rows
 * above a safe mark until all of those have finished; rows already held are skipped by seq.
 * Updates and deletes bump VoteGeneration (a trigger), which makes every replica rebuild.
 *
 * Only counted votes enter the columns: a vote flagged for an identity leak or excluded by an
 * admin is counted in `uncounted` at load and left out, so no scan ever looks at it (and
 * excluding or restoring a voter updates Vote rows, which rebuilds every replica's index). The
 * data policy can leave out two more kinds (see countingRules): replay-battle votes
 * (policy.excludeReplayVotes) and unverified contributors' votes (policy.requireVerifiedEmail).
 * Each sync reads those two settings in its own snapshot, and a change rebuilds the index, so every
 * replica follows a policy change within one sync, consistently with the votes it reads.
 */
export class VoteIndex {
  columns = new VoteColumns();
  /** Counted votes per model pair and outcome (all slices together). */
  pairs = new PairCounts();
  /**
   * Votes left out of every count, each under its first reason in this order: identity leaks, votes of excluded
   * voters, replay-battle votes (policy.excludeReplayVotes), unverified contributors' votes (policy.requireVerifiedEmail).
   */
  uncounted = noneUncounted();
  /** The policy's counting rules the index was built under (null before the first sync). */
  rules: CountingRules | null = null;
  /** Arena votes held in the database, counted or not (the base of the flagged share). */
  arenaVotes = 0;
  /** Counted votes (all slices) from battles that showed a replay answer. */
  replayCounted = 0;
  /** Model ids by index code. */
  modelIds: string[] = [];
  private modelCode = new Map<string, number>();
  private voterCode = new Map<string, number>();
  /** Every vote with seq <= safeMark is held. */
  private safeMark = 0;
  private maxSeen = 0;
  private held = new SeqSet();
  private pending: { maxSeen: number; inFlight: string[] } | null = null;
  private generation: string | null = null;
  /** Changes whenever the indexed votes change (cache key). */
  version = 0;
  lastSyncAt = 0;

  /** `cache`: a local index file to start from and to keep (see index-cache.ts); null reads everything from the table. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly cache: IndexCache | null = null,
  ) {}

  private reset(): void {
    this.columns = new VoteColumns();
    this.pairs = new PairCounts();
    this.uncounted = noneUncounted();
    this.arenaVotes = 0;
    this.replayCounted = 0;
    this.modelIds = [];
    this.modelCode.clear();
    this.voterCode.clear();
    this.safeMark = 0;
    this.maxSeen = 0;
    this.held = new SeqSet();
    this.pending = null;
    this.version++;
  }

  private code(map: Map<string, number>, key: string, list?: string[]): number {
    let c = map.get(key);
    if (c === undefined) {
      c = map.size;
      map.set(key, c);
      list?.push(key);
    }
    return c;
  }

  /** Reads new (and late-committed) votes; rebuilds after updates or deletes. */
  async sync(): Promise<void> {
    const client = await this.pool.connect();
    // A checked-out connection that breaks (database restart) emits 'error': heard here, it fails the sync, not the process.
    const onLost = () => {};
    client.on("error", onLost);
    let failure: Error | undefined;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const gen = await client.query<{ generation: string }>('SELECT generation::text AS generation FROM "VoteGeneration" WHERE id = 1');
      const generation = gen.rows[0]?.generation ?? "0";
      if (this.generation !== null && generation !== this.generation) this.reset();
      this.generation = generation;
      const rules = await readCountingRules(client);
      if (this.rules !== null && !sameRules(rules, this.rules)) this.reset();
      this.rules = rules;
      const snap = await client.query<{ s: string }>("SELECT pg_current_snapshot()::text AS s");
      const inFlight = snap.rows[0].s.split(":")[2]?.split(",").filter(Boolean) ?? [];
      let pendingDone = false;
      if (this.pending) {
        const r = await client.query<{ done: boolean }>(
          // After a crash an in-flight id may lie beyond the next id (it was never logged): no transaction has it, and
          // pg_xact_status would raise "is in the future", so such ids count as finished.
          `SELECT NOT EXISTS (SELECT 1 FROM unnest($1::text[]) x WHERE CASE WHEN x::xid8 < pg_snapshot_xmax(pg_current_snapshot())
             THEN pg_xact_status(x::xid8) = 'in progress' ELSE false END) AS done`,
          [this.pending.inFlight],
        );
        pendingDone = r.rows[0].done;
      }
      // A full load: from the local index file when it still matches the table (then only newer votes are read
      // below), else from the table, sizing the columns from the planner's row estimate.
      if (this.safeMark === 0 && this.columns.size === 0 && !(await this.cache?.restore(this, client, { generation, rules }))) {
        const est = await client.query<{ n: number }>(`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE relname = 'Vote'`);
        this.columns.reserve(Math.ceil((est.rows[0]?.n ?? 0) * 1.02));
      }
      let added = 0;
      const style = { length: 0, headers: 0, lists: 0, bold: 0 };
      const scratch: IndexedVote = {
        seq: 0,
        modelA: 0,
        modelB: 0,
        outcome: 0,
        source: 0,
        country: 0,
        age: 0,
        education: 0,
        language: 0,
        time: 0,
        voter: 0,
      };
      // One cursor over the new rows in seq order: a single index scan, fetched in batches.
      await client.query(
        `DECLARE new_votes NO SCROLL CURSOR FOR
           SELECT seq::float8, "modelAId", "modelBId", outcome::text, source::text, country, "ageBand", education, language,
                  floor(extract(epoch FROM "createdAt"))::int, "voterKey",
                  ${UNCOUNTED_REASON_SQL(rules)},
                  ${STYLE_CONTRAST_SQL},
                  replay
           FROM "Vote" WHERE seq > ${Math.floor(this.safeMark)} ORDER BY seq`,
      );
      for (;;) {
        const res = await client.query({ text: `FETCH ${BATCH} FROM new_votes`, rowMode: "array" });
        type Row = [
          number,
          string,
          string,
          keyof typeof OUTCOME_CODE,
          keyof typeof SOURCE_CODE,
          string | null,
          string | null,
          string | null,
          string | null,
          number,
          string,
          number,
          number | null,
          number | null,
          number | null,
          number | null,
          boolean,
        ];
        for (const row of res.rows as Row[]) {
          const seq = row[0];
          if (this.held.has(seq)) continue;
          this.held.add(seq);
          if (seq > this.maxSeen) this.maxSeen = seq;
          if (row[4] === "ARENA") this.arenaVotes++;
          if (row[11] !== 0) {
            this.uncounted[UNCOUNTED_REASONS[row[11] - 1]]++;
            added++;
            continue;
          }
          const v = scratch;
          v.seq = seq;
          v.modelA = this.code(this.modelCode, row[1], this.modelIds);
          v.modelB = this.code(this.modelCode, row[2], this.modelIds);
          v.outcome = OUTCOME_CODE[row[3]];
          v.source = SOURCE_CODE[row[4]];
          v.country = encode(COUNTRY_CODE, row[5]);
          v.age = encode(AGE_CODE, row[6]);
          v.education = encode(EDUCATION_CODE, row[7]);
          v.language = encode(LANGUAGE_CODE, row[8]);
          v.time = row[9];
          v.voter = this.code(this.voterCode, row[10]);
          v.replay = row[16];
          if (v.replay) this.replayCounted++;
          // style is known only when every count of both answers is
          if (row[12] === null || row[13] === null || row[14] === null || row[15] === null) v.style = null;
          else {
            v.style = style;
            style.length = row[12];
            style.headers = row[13];
            style.lists = row[14];
            style.bold = row[15];
          }
          this.columns.add(v);
          this.pairs.add(v.modelA, v.modelB, v.outcome);
          added++;
        }
        if (res.rows.length < BATCH) break;
      }
      await client.query("COMMIT");
      this.columns.seal();
      if (added > 0) this.version++;
      this.advanceSafeMark(pendingDone, inFlight);
      this.lastSyncAt = Date.now();
      this.cache?.afterSync(this);
    } catch (error) {
      // A sync cut short (database restart) may have taken rows in: cached reads must not outlive them.
      this.version++;
      failure = error as Error;
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.removeListener("error", onLost);
      client.release(failure); // a connection that failed a sync is closed, not reused
    }
  }

  /** Everything up to the previous sync's max seq is held once its in-flight transactions ended. */
  private advanceSafeMark(pendingDone: boolean, inFlight: string[]): void {
    if (this.pending && pendingDone) this.raiseSafeMark(this.pending.maxSeen);
    if (inFlight.length === 0) {
      this.raiseSafeMark(this.maxSeen);
      this.pending = null;
    } else if (!this.pending || pendingDone) {
      this.pending = { maxSeen: this.maxSeen, inFlight };
    }
  }

  private raiseSafeMark(mark: number): void {
    if (mark <= this.safeMark) return;
    this.safeMark = mark;
    this.held.raiseFloor(mark);
  }

  /** Votes held, counted or not (every vote up to the safe mark once nothing is in flight). */
  get heldRows(): number {
    const u = this.uncounted;
    return this.columns.size + u.identityLeak + u.excludedVoter + u.replay + u.unverifiedVoter;
  }

  /**
   * What the index file stores, or null while a transaction that took a lower seq may still commit (the held
   * votes are then not exactly "every vote up to a mark"). Views and copies: safe to write while syncs go on.
   */
  persistedState(): Omit<IndexState, "database" | "fingerprint"> | null {
    if (this.pending !== null || this.generation === null || this.rules === null || this.maxSeen !== this.safeMark) return null;
    return {
      generation: this.generation,
      rules: this.rules,
      safeMark: this.safeMark,
      rows: this.heldRows,
      uncounted: { ...this.uncounted },
      arenaVotes: this.arenaVotes,
      replayCounted: this.replayCounted,
      modelIds: [...this.modelIds],
      voterKeys: [...this.voterCode.keys()], // in code order: a Map iterates in insertion order
      columns: this.columns.parts(),
      pairs: this.pairs.parts(),
    };
  }

  /** Makes the next sync rebuild from the table (an index file turned out not to match it). */
  rebuildAtNextSync(): void {
    this.generation = "rebuild";
  }

  /** Takes over a state read back from an index file (already checked against the table). */
  restoreState(state: IndexState): void {
    this.reset();
    this.columns = VoteColumns.fromParts(state.columns);
    this.pairs = PairCounts.fromParts(state.pairs);
    this.uncounted = { ...state.uncounted };
    this.arenaVotes = state.arenaVotes;
    this.replayCounted = state.replayCounted;
    this.modelIds = [...state.modelIds];
    this.modelIds.forEach((id, i) => this.modelCode.set(id, i));
    state.voterKeys.forEach((key, i) => this.voterCode.set(key, i));
    this.generation = state.generation;
    this.rules = state.rules;
    this.maxSeen = state.safeMark;
    this.raiseSafeMark(state.safeMark);
  }

  /** The index code of a model id (-1 when it has no counted votes). */
  modelCodeOf(id: string): number {
    return this.modelCode.get(id) ?? -1;
  }

  /** One slice's counts (see VoteColumns.scan), and its votes grouped by voter if `records` asks for them. */
  scan(filter: CompiledFilter, records: ScanRecords = "none"): ScanResult {
    return this.columns.scan(filter, records);
  }
}

const globalForIndex = globalThis as unknown as {
  showdownVoteIndex?: {
    index: VoteIndex;
    syncing: Promise<void> | null;
    pool: pg.Pool;
    cache: IndexCache | null;
    changes: number;
    syncedChanges: number;
  };
};

/**
 * The local index file of this database: SHOWDOWN_INDEX_CACHE (a directory, or "off"), by default
 * <SHOWDOWN_DATA_DIR>/index-cache. Named by a hash of DATABASE_URL, so databases never share one.
 */
export function indexCacheFile(): string | null {
  const env = serverEnv();
  const dir = env.SHOWDOWN_INDEX_CACHE ?? path.join(bootEnv().SHOWDOWN_DATA_DIR, "index-cache");
  if (dir === "off") return null;
  const name = crypto.createHash("sha256").update(env.DATABASE_URL).digest("hex").slice(0, 16);
  return path.join(path.resolve(/*turbopackIgnore: true*/ dir), `votes-${name}.idx`);
}

function state() {
  if (!globalForIndex.showdownVoteIndex) {
    const pool = new pg.Pool(poolConfig(2));
    pool.on("error", logPoolError); // a connection lost while idle (database restart) must not crash the process
    const file = indexCacheFile();
    const cache = file ? new IndexCache(file, pool) : null;
    globalForIndex.showdownVoteIndex = { index: new VoteIndex(pool, cache), syncing: null, pool, cache, changes: 0, syncedChanges: 0 };
  }
  return globalForIndex.showdownVoteIndex;
}

/** How stale (ms) the index may be for a read when this process has not written votes itself. */
export const MAX_STALENESS_MS = 250;

/**
 * The process's vote index, synced if older than maxAgeMs or if this process wrote votes since
 * the last sync began. Concurrent callers share one sync; a sync that began before a write does
 * not count as seeing it.
 */
export async function getVoteIndex(maxAgeMs = MAX_STALENESS_MS): Promise<VoteIndex> {
  const s = state();
  // The writes this call must see are those made before it. Waiting for s.changes as it moves
  // would starve a reader while other requests keep voting (each vote restarts the wait).
  const wanted = s.changes;
  for (;;) {
    const isStale = Date.now() - s.index.lastSyncAt > maxAgeMs || s.syncedChanges < wanted;
    if (!isStale) return s.index;
    if (!s.syncing) {
      const changes = s.changes;
      s.syncing = s.index.sync().then(
        () => {
          s.syncedChanges = changes;
          s.syncing = null;
        },
        (error) => {
          s.syncing = null;
          throw error;
        },
      );
    }
    await s.syncing;
    if (s.syncedChanges >= wanted) return s.index;
  }
}

/**
 * For readers that may use a slightly older view and must not wait (the arena's sampling weights):
 * the index as held now, with a sync started in the background when it is older than maxAgeMs.
 * Waits only for the first load. Votes of the last moment count a little later, which moves a
 * sampling weight by a vote or two; a battle start never queues behind a sync.
 */
export async function getVoteIndexWithoutWaiting(maxAgeMs = MAX_STALENESS_MS): Promise<VoteIndex> {
  const s = state();
  if (s.index.lastSyncAt === 0) return getVoteIndex(maxAgeMs);
  if (!s.syncing && Date.now() - s.index.lastSyncAt > maxAgeMs) {
    getVoteIndex(maxAgeMs).catch((error) => console.error("Refreshing the vote index failed; the arena samples with the last one", error));
  }
  return s.index;
}

/** Called after this process wrote votes, so its next read sees them at once. */
export function markVotesChanged(): void {
  if (globalForIndex.showdownVoteIndex) globalForIndex.showdownVoteIndex.changes++;
}

/** Closes the index's connections (CLI and tests), after a background save of the index file finishes. */
export async function closeVoteIndex(): Promise<void> {
  const s = globalForIndex.showdownVoteIndex;
  globalForIndex.showdownVoteIndex = undefined;
  await s?.syncing?.catch(() => {});
  await s?.cache?.flush();
  await s?.pool.end();
}

/** Waits for a background save of this process's index file, and says what the file did last (benchmark, CLI). */
export async function flushVoteIndexFile(): Promise<IndexCache["lastEvent"]> {
  const cache = globalForIndex.showdownVoteIndex?.cache;
  await cache?.flush();
  return cache?.lastEvent ?? null;
}

/** Starts loading the index in the background (server start); failures are logged, not fatal. */
export function warmVoteIndex(): void {
  getVoteIndex(0).catch((error) => console.error("Could not load the vote index at start; it will load on first use.", error));
}
