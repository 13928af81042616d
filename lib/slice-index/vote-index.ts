import "server-only";
import pg from "pg";
import { serverEnv } from "@/lib/env";
import { AGE_CODE, COUNTRY_CODE, EDUCATION_CODE, LANGUAGE_CODE, OUTCOME_CODE, SOURCE_CODE, encode } from "./codes";
import { PairCounts } from "./pair-counts";
import { SeqSet } from "./seq-set";
import { VoteColumns, type CompiledFilter, type IndexedVote, type ScanRecords, type ScanResult } from "./vote-columns";

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
 * excluding or restoring a voter updates Vote rows, which rebuilds every replica's index).
 */
export class VoteIndex {
  columns = new VoteColumns();
  /** Counted votes per model pair and outcome (all slices together). */
  pairs = new PairCounts();
  /** Votes left out of every count: identity leaks, and votes of excluded voters (not leaks). */
  uncounted = { identityLeak: 0, excludedVoter: 0 };
  /** Arena votes held in the database, counted or not (the base of the flagged share). */
  arenaVotes = 0;
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

  constructor(private readonly pool: pg.Pool) {}

  private reset(): void {
    this.columns = new VoteColumns();
    this.pairs = new PairCounts();
    this.uncounted = { identityLeak: 0, excludedVoter: 0 };
    this.arenaVotes = 0;
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
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const gen = await client.query<{ generation: string }>('SELECT generation::text AS generation FROM "VoteGeneration" WHERE id = 1');
      const generation = gen.rows[0]?.generation ?? "0";
      if (this.generation !== null && generation !== this.generation) this.reset();
      this.generation = generation;
      const snap = await client.query<{ s: string }>("SELECT pg_current_snapshot()::text AS s");
      const inFlight = snap.rows[0].s.split(":")[2]?.split(",").filter(Boolean) ?? [];
      let pendingDone = false;
      if (this.pending) {
        const r = await client.query<{ done: boolean }>(
          "SELECT NOT EXISTS (SELECT 1 FROM unnest($1::text[]) x WHERE pg_xact_status(x::xid8) = 'in progress') AS done",
          [this.pending.inFlight],
        );
        pendingDone = r.rows[0].done;
      }
      if (this.safeMark === 0 && this.columns.size === 0) {
        // A full load: size the columns from the planner's row estimate.
        const est = await client.query<{ n: number }>(`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE relname = 'Vote'`);
        this.columns.reserve(Math.ceil((est.rows[0]?.n ?? 0) * 1.02));
      }
      let added = 0;
      const style = { length: 0, headers: 0, lists: 0, bold: 0 };
      const scratch: IndexedVote = { seq: 0, modelA: 0, modelB: 0, outcome: 0, source: 0, country: 0, age: 0, education: 0, language: 0, time: 0, voter: 0 };
      // One cursor over the new rows in seq order: a single index scan, fetched in batches.
      await client.query(
        `DECLARE new_votes NO SCROLL CURSOR FOR
           SELECT seq::float8, "modelAId", "modelBId", outcome::text, source::text, country, "ageBand", education, language,
                  floor(extract(epoch FROM "createdAt"))::int, "voterKey",
                  CASE WHEN "identityLeak" THEN 1 WHEN excluded THEN 2 ELSE 0 END,
                  ("tokensA" - "tokensB")::float8 / ("tokensA" + "tokensB" + 1),
                  ("headersA" - "headersB")::float8 / ("headersA" + "headersB" + 1),
                  ("listsA" - "listsB")::float8 / ("listsA" + "listsB" + 1),
                  ("boldA" - "boldB")::float8 / ("boldA" + "boldB" + 1)
           FROM "Vote" WHERE seq > ${Math.floor(this.safeMark)} ORDER BY seq`,
      );
      for (;;) {
        const res = await client.query({ text: `FETCH ${BATCH} FROM new_votes`, rowMode: "array" });
        type Row = [number, string, string, keyof typeof OUTCOME_CODE, keyof typeof SOURCE_CODE, string | null, string | null, string | null, string | null, number, string, number, number | null, number | null, number | null, number | null];
        for (const row of res.rows as Row[]) {
          const seq = row[0];
          if (this.held.has(seq)) continue;
          this.held.add(seq);
          if (seq > this.maxSeen) this.maxSeen = seq;
          if (row[4] === "ARENA") this.arenaVotes++;
          if (row[11] !== 0) {
            if (row[11] === 1) this.uncounted.identityLeak++;
            else this.uncounted.excludedVoter++;
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
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
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
  showdownVoteIndex?: { index: VoteIndex; syncing: Promise<void> | null; pool: pg.Pool; changes: number; syncedChanges: number };
};

function state() {
  if (!globalForIndex.showdownVoteIndex) {
    const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
    globalForIndex.showdownVoteIndex = { index: new VoteIndex(pool), syncing: null, pool, changes: 0, syncedChanges: 0 };
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

/** Closes the index's connections (CLI and tests). */
export async function closeVoteIndex(): Promise<void> {
  const s = globalForIndex.showdownVoteIndex;
  globalForIndex.showdownVoteIndex = undefined;
  await s?.pool.end();
}

/** Starts loading the index in the background (server start); failures are logged, not fatal. */
export function warmVoteIndex(): void {
  getVoteIndex(0).catch((error) => console.error("Could not load the vote index at start; it will load on first use.", error));
}
