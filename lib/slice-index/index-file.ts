import fs from "node:fs";
import type pg from "pg";
import type { CountingRules, Uncounted } from "./counting-rules";
import type { PairCounts } from "./pair-counts";
import { SEGMENT_COLUMNS, type ColumnsParts, type SegmentParts } from "./vote-segment";

/**
 * The vote index persisted to a local file, so that a restarted process reads it back in about a second instead
 * of reading every vote from PostgreSQL again (about 6 s per million votes). It is a cache of this machine only:
 * the votes table stays the truth, and a file is used only when it still describes that table exactly (same
 * database, same vote generation and counting rules, the same number of votes up to its mark and the same last
 * votes); anything else discards it and the index loads from the table as before. After a restore the index
 * catches up on newer votes through its usual cursor.
 *
 * Layout: "SDVI", a uint32 header length, the JSON header, then each typed column's bytes at an 8-byte
 * aligned offset named in the header. Numbers are little-endian (the machine's own order: the file never
 * leaves the machine that wrote it, and a file from another byte order fails the header check).
 */

const MAGIC = "SDVI";
const FORMAT = 1;
const FINGERPRINT_ROWS = 64;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
type TypeName = "u8" | "u16" | "u32" | "i32";
const MAKERS: Record<TypeName, (n: number) => Typed> = {
  u8: (n) => new Uint8Array(n),
  u16: (n) => new Uint16Array(n),
  u32: (n) => new Uint32Array(n),
  i32: (n) => new Int32Array(n),
};
function typeOf(a: Typed): TypeName {
  if (a instanceof Uint8Array) return "u8";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Uint32Array) return "u32";
  return "i32";
}

/** Everything a VoteIndex holds once synced with nothing in flight (see VoteIndex.persistedState). */
export interface IndexState {
  database: string;
  generation: string;
  rules: CountingRules;
  /** Every vote with seq <= safeMark is held, and no other. */
  safeMark: number;
  /** Votes held (counted or not): count(*) of the table up to safeMark. */
  rows: number;
  /** Hash of the last FINGERPRINT_ROWS votes up to safeMark (catches a restored or re-created table). */
  fingerprint: string;
  uncounted: Uncounted;
  arenaVotes: number;
  replayCounted: number;
  modelIds: string[];
  /** Voter keys by index code. */
  voterKeys: string[];
  columns: ColumnsParts;
  pairs: ReturnType<PairCounts["parts"]>;
}

interface Section {
  name: string;
  type: TypeName;
  length: number;
  offset: number;
}

export type IndexFileHeader = Omit<IndexState, "columns" | "pairs" | "voterKeys" | "modelIds"> & {
  magic: typeof MAGIC;
  format: typeof FORMAT;
  endian: "LE" | "BE";
  modelIds: string[];
  voters: number;
  mainRows: number;
  tailRows: number;
  modelCount: number;
  pairCap: number;
  outcomes: number[];
  sections: Section[];
};

const ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? "LE" : "BE";

/** Which database this is: its oid, the votes table's oid, and the cluster's system identifier when readable. */
export async function databaseIdentity(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text || ':' || '"Vote"'::regclass::oid::text || ':' ||
            CASE WHEN has_function_privilege('pg_control_system()', 'EXECUTE') THEN (SELECT system_identifier::text FROM pg_control_system()) ELSE '' END AS id`,
  );
  return rows[0]!.id;
}

/** The number of votes up to `safeMark`, in the caller's snapshot (an index-only scan: about a second per 10M votes). */
export async function votesUpTo(client: pg.ClientBase, safeMark: number): Promise<number> {
  const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Vote" WHERE seq <= $1`, [safeMark]);
  return Number(count.rows[0]!.n);
}

/** A hash of the last votes up to `safeMark` and the highest seq among them, in the caller's snapshot (cheap). */
export async function lastVotesFingerprint(client: pg.ClientBase, safeMark: number): Promise<string> {
  const last = await client.query<{ h: string | null }>(
    `SELECT md5(string_agg(concat_ws(':', seq, "voterKey", "modelAId", "modelBId", outcome, source, "createdAt", "identityLeak", excluded, replay, "voterUnverified"), ',' ORDER BY seq)) AS h
     FROM (SELECT * FROM "Vote" WHERE seq <= $1 ORDER BY seq DESC LIMIT ${FINGERPRINT_ROWS}) t`,
    [safeMark],
  );
  return last.rows[0]!.h ?? "";
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** The element type of each segment column (as vote-segment.ts allocates them): a file that disagrees is refused. */
const COLUMN_TYPES: Record<(typeof SEGMENT_COLUMNS)[number], TypeName> = {
  modelA: "u16",
  modelB: "u16",
  outcome: "u8",
  source: "u8",
  country: "u8",
  age: "u8",
  education: "u8",
  language: "u8",
  time: "u32",
  voter: "u32",
  styleLength: "u16",
  styleHeaders: "u8",
  styleLists: "u8",
  styleBold: "u8",
};

/** Writes the state to `file` (through a temporary file renamed over it, so a reader never sees half a file). */
export async function writeIndexFile(file: string, state: IndexState): Promise<void> {
  const arrays: [string, Typed][] = [];
  for (const part of ["main", "tail"] as const) {
    for (const c of SEGMENT_COLUMNS) arrays.push([`${part}.${c}`, state.columns[part][c]]);
  }
  arrays.push(["inTail", state.columns.inTail], ["pairs.cells", state.pairs.cells], ["pairs.perModel", state.pairs.perModel]);
  // Voter keys: their UTF-8 bytes back to back, and each one's byte length.
  const keyBytes = Buffer.from(state.voterKeys.join(""), "utf8");
  const keyLengths = Uint32Array.from(state.voterKeys, (k) => Buffer.byteLength(k, "utf8"));
  arrays.push(["voterKeyLengths", keyLengths], ["voterKeys", new Uint8Array(keyBytes.buffer, keyBytes.byteOffset, keyBytes.byteLength)]);

  const { columns, pairs, voterKeys, ...rest } = state;
  const header: IndexFileHeader = {
    ...rest,
    magic: MAGIC,
    format: FORMAT,
    endian: ENDIAN,
    voters: voterKeys.length,
    mainRows: columns.main.n,
    tailRows: columns.tail.n,
    modelCount: columns.modelCount,
    pairCap: pairs.cap,
    outcomes: pairs.outcomes,
    sections: [],
  };
  // Offsets depend on the header's length, which depends on the offsets: lay out with room to spare.
  const draft = (start: number) => {
    let offset = start;
    header.sections = arrays.map(([name, a]) => {
      const section = { name, type: typeOf(a), length: a.length, offset };
      offset = align(offset + a.byteLength);
      return section;
    });
    return Buffer.from(JSON.stringify(header), "utf8");
  };
  let start = align(8 + draft(0).length + 64 * arrays.length);
  let json = draft(start);
  while (8 + json.length > start) {
    start = align(8 + json.length + 1024);
    json = draft(start);
  }
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(json.length, 4);

  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(/*turbopackIgnore: true*/ tmp, "w", 0o600);
  try {
    await handle.write(prefix, 0, 8, 0);
    await handle.write(json, 0, json.length, 8);
    for (let i = 0; i < arrays.length; i++) {
      const a = arrays[i]![1];
      if (a.byteLength)
        await handle.write(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), 0, a.byteLength, header.sections[i]!.offset);
    }
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.promises.rm(/*turbopackIgnore: true*/ tmp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.promises.rename(/*turbopackIgnore: true*/ tmp, /*turbopackIgnore: true*/ file);
}

/** The header of an index file, or null when there is none or it is not one this code can read. */
export async function readIndexHeader(file: string): Promise<IndexFileHeader | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(/*turbopackIgnore: true*/ file, "r");
  } catch {
    return null;
  }
  try {
    const prefix = Buffer.alloc(8);
    if ((await handle.read(prefix, 0, 8, 0)).bytesRead !== 8 || prefix.toString("latin1", 0, 4) !== MAGIC) return null;
    const length = prefix.readUInt32LE(4);
    if (length > 64 * 1024 * 1024) return null;
    const json = Buffer.alloc(length);
    if ((await handle.read(json, 0, length, 8)).bytesRead !== length) return null;
    const header = JSON.parse(json.toString("utf8")) as IndexFileHeader;
    return header.magic === MAGIC && header.format === FORMAT && header.endian === ENDIAN ? header : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function readFully(handle: fs.promises.FileHandle, target: Typed, position: number): Promise<void> {
  const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done);
    if (bytesRead === 0) throw new Error("The vote index file is truncated.");
    done += bytesRead;
  }
}

/** The columns, pair counts and voter keys of an index file whose header was read and accepted. */
export async function readIndexBody(file: string, header: IndexFileHeader): Promise<Pick<IndexState, "columns" | "pairs" | "voterKeys">> {
  const handle = await fs.promises.open(/*turbopackIgnore: true*/ file, "r");
  try {
    const read = new Map<string, Typed>();
    // Each column is read straight into its own typed array: no intermediate buffer, no copy.
    for (const s of header.sections) {
      const a = MAKERS[s.type](s.length);
      await readFully(handle, a, s.offset);
      read.set(s.name, a);
    }
    const take = <T extends Typed>(name: string): T => {
      const a = read.get(name);
      if (!a) throw new Error(`The vote index file lacks ${name}.`);
      return a as T;
    };
    const segment = (part: "main" | "tail", n: number): SegmentParts => {
      const parts = { n } as SegmentParts;
      for (const c of SEGMENT_COLUMNS) {
        const a = take<Uint8Array | Uint16Array | Uint32Array>(`${part}.${c}`);
        if (a.length !== n || typeOf(a) !== COLUMN_TYPES[c])
          throw new Error(`The vote index file's ${part}.${c} is not ${n} values of type ${COLUMN_TYPES[c]}.`);
        parts[c] = a;
      }
      return parts;
    };
    const cells = take<Int32Array<ArrayBuffer>>("pairs.cells");
    const perModel = take<Int32Array<ArrayBuffer>>("pairs.perModel");
    if (cells.length !== header.pairCap * header.pairCap * 4 || perModel.length !== header.pairCap)
      throw new Error("The vote index file's pair counts do not fit its model count.");
    const lengths = take<Uint32Array>("voterKeyLengths");
    if (lengths.length !== header.voters) throw new Error("The vote index file's voter keys do not match its voter count.");
    const bytes = take<Uint8Array>("voterKeys");
    const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const voterKeys = new Array<string>(lengths.length);
    for (let i = 0, at = 0; i < lengths.length; i++) {
      voterKeys[i] = blob.toString("utf8", at, at + lengths[i]!);
      at += lengths[i]!;
    }
    return {
      columns: {
        main: segment("main", header.mainRows),
        tail: segment("tail", header.tailRows),
        inTail: take<Uint8Array<ArrayBuffer>>("inTail"),
        modelCount: header.modelCount,
      },
      pairs: { cap: header.pairCap, cells, perModel, outcomes: header.outcomes },
      voterKeys,
    };
  } finally {
    await handle.close();
  }
}
