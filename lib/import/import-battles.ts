import crypto from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import pg from "pg";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { NO_PROVIDER } from "@/lib/providers/kinds";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { AGE_BAND_CODES, EDUCATION_CODES, LANGUAGES, normalizeCountry, normalizeLanguage, regionOfCountry } from "@/lib/slices";
import type { VoteStyle } from "@/lib/style/features";
import type { Outcome } from "@/lib/generated/prisma/enums";
import { jsonObjects } from "./json-objects";

/**
 * Largest style count kept: far above any real answer (tokens included), and small enough that the sum of two
 * plus one still fits the INTEGER arithmetic of every reader (2 · 10⁸ + 1 < 2³¹).
 */
const MAX_COUNT = 100_000_000;
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
/** A count stored in an INTEGER column. */
const styleCount = z.custom<number>(isCount, { message: `must be a whole number from 0 to ${MAX_COUNT}` });
/**
 * LMArena gives markdown counts by kind ({"h1": …, "h6": …}); FastChat's style control sums them, and takes a bare
 * count too. A hand-written check: as z.union of a number and a z.record it cost 4 µs a field, doubling the import
 * time of files with conv_metadata.
 */
const styleCountByKind = z.custom<number | Record<string, number>>(
  (value) =>
    isCount(value) || (typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(isCount)),
  { message: `must be a whole number from 0 to ${MAX_COUNT}, or an object of them by kind` },
);

/**
 * The style of the two answers in LMArena's conv_metadata (tokens, markdown headers, list items, bold spans, per
 * side), as FastChat's style control reads it; other metadata (sum_user_tokens, turns, …) is ignored. Each part
 * is optional: older files carry only some, and a missing one is stored as unknown.
 */
const convMetadata = z.object({
  sum_assistant_a_tokens: styleCount.optional().nullable(),
  sum_assistant_b_tokens: styleCount.optional().nullable(),
  header_count_a: styleCountByKind.optional().nullable(),
  header_count_b: styleCountByKind.optional().nullable(),
  list_count_a: styleCountByKind.optional().nullable(),
  list_count_b: styleCountByKind.optional().nullable(),
  bold_count_a: styleCountByKind.optional().nullable(),
  bold_count_b: styleCountByKind.optional().nullable(),
});

/**
 * One battle: LMArena's public clean_battle shape (model_a, model_b, winner, judge, tstamp,
 * language as a name such as "English", anony, dedup_tag, conv_metadata, …) or ours (the same plus
 * country, age, education, and language as an ISO 639-1 code). Missing demographics mean "prefer
 * not to say"; missing style metadata means unknown; other fields are ignored.
 */
/** Control characters (NUL above all, which PostgreSQL text cannot hold) have no place in a name. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const modelName = (field: string) =>
  z
    .string({ message: `${field} must be a string` })
    .trim()
    .min(1, `${field} is empty`)
    .max(200, `${field} is longer than 200 characters`)
    .refine((name) => !CONTROL.test(name), `${field} contains a control character`);

/** Earliest accepted tstamp: 2000-01-01 (LMArena's battles start in 2023; earlier is a unit mistake). */
export const MIN_TSTAMP = Date.UTC(2000, 0, 1) / 1000;
/** Latest accepted tstamp: a day ahead of the importing clock (time zones and clock skew, not the future). */
export const TSTAMP_LEAD_SECONDS = 86_400;

function battleLineSchema(nowSeconds: number) {
  const latest = nowSeconds + TSTAMP_LEAD_SECONDS;
  return z.object({
    model_a: modelName("model_a"),
    model_b: modelName("model_b"),
    winner: z.enum(["model_a", "model_b", "tie", "tie (bothbad)"], {
      message: 'winner must be "model_a", "model_b", "tie" or "tie (bothbad)"',
    }),
    judge: z
      .union(
        [
          z
            .string()
            .max(200, "judge is longer than 200 characters")
            .refine((j) => !j.includes("\u0000"), "judge contains a NUL character"),
          z.number().refine(Number.isFinite, "judge must be a finite number"),
        ],
        { message: "judge must be a string or a number" },
      )
      .optional()
      .nullable(),
    tstamp: z
      .number({ message: "tstamp must be unix seconds" })
      .min(MIN_TSTAMP, `tstamp must be unix seconds from ${new Date(MIN_TSTAMP * 1000).toISOString()} on`)
      .max(latest, `tstamp must be unix seconds no later than ${new Date(latest * 1000).toISOString()} (a day from now)`)
      .optional()
      .nullable(),
    country: z.string().max(100, "country is longer than 100 characters").optional().nullable(),
    language: z.string().max(100, "language is longer than 100 characters").optional().nullable(),
    /** Our exports say whether the battle showed a replay (public-corpus) answer; kept on re-import. */
    replay: z.boolean({ message: "replay must be true or false" }).optional().nullable(),
    age: z
      .enum(AGE_BAND_CODES, { message: `age must be one of ${AGE_BAND_CODES.join(", ")}` })
      .optional()
      .nullable(),
    education: z
      .enum(EDUCATION_CODES, { message: `education must be one of ${EDUCATION_CODES.join(", ")}` })
      .optional()
      .nullable(),
    anony: z.boolean({ message: "anony must be true or false" }).optional(),
    dedup_tag: z.object({ high_freq: z.boolean().optional(), sampled: z.boolean().optional() }).partial().optional().nullable(),
    conv_metadata: convMetadata.optional().nullable(),
  });
}

const WINNER: Record<z.infer<ReturnType<typeof battleLineSchema>>["winner"], Outcome> = {
  model_a: "A",
  model_b: "B",
  tie: "TIE",
  "tie (bothbad)": "BOTH_BAD",
};
const LANGUAGE_BY_NAME = new Map(LANGUAGES.map((l) => [l.name.toLowerCase(), l.code]));

export interface ImportedVote {
  modelA: string;
  modelB: string;
  outcome: Outcome;
  voterKey: string;
  createdAt: Date;
  country: string | null;
  region: string | null;
  ageBand: string | null;
  education: string | null;
  language: string | null;
  /** The battle showed a replay answer (only our own exports say so; false otherwise). */
  replay: boolean;
  /** Style of both answers (the Vote columns of the same names); null where the file does not say. */
  style: VoteStyle;
}

type LineResult = { vote: ImportedVote } | { error: string } | { skip: "not_anonymous" | "deduplicated" };

/** A language given as an ISO code, a locale ("pt-BR"), or LMArena's English name ("Portuguese"). */
function parseLanguage(value: string): string | null | undefined {
  const byCode = normalizeLanguage(value);
  if (byCode) return byCode;
  const byName = LANGUAGE_BY_NAME.get(value.trim().toLowerCase());
  if (byName) return byName;
  if (/^(unknown|und|other|mixed)$/i.test(value.trim())) return null;
  return /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(value.trim()) ? undefined : null; // a bad code is an error; an unlisted name is unknown
}

/** A count, or the sum of counts by kind (FastChat's `extract_style_feature`); null when absent. */
function styleTotal(value: z.infer<typeof styleCountByKind> | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  let sum = 0;
  for (const count of Object.values(value)) sum += count;
  return Math.min(sum, MAX_COUNT);
}

function voteStyle(meta: z.infer<typeof convMetadata> | null | undefined): VoteStyle {
  return {
    tokensA: meta?.sum_assistant_a_tokens ?? null,
    tokensB: meta?.sum_assistant_b_tokens ?? null,
    headersA: styleTotal(meta?.header_count_a),
    headersB: styleTotal(meta?.header_count_b),
    listsA: styleTotal(meta?.list_count_a),
    listsB: styleTotal(meta?.list_count_b),
    boldA: styleTotal(meta?.bold_count_a),
    boldB: styleTotal(meta?.bold_count_b),
  };
}

let schemaCache: { hour: number; schema: ReturnType<typeof battleLineSchema> } | null = null;

/** The line schema for this clock, rebuilt once an hour (the latest tstamp moves with it). */
function battleLine(nowMs: number): ReturnType<typeof battleLineSchema> {
  const hour = Math.floor(nowMs / 3_600_000);
  if (schemaCache?.hour !== hour) schemaCache = { hour, schema: battleLineSchema((hour + 1) * 3600) };
  return schemaCache.schema;
}

/**
 * Validates one parsed line; returns the vote, a reason to skip it, or what is wrong. Every value is checked
 * before anything is written: names (length, no control characters), enums, a tstamp that is a real date from
 * 2000 to a day after `nowMs`, finite numbers, and style counts whose sums fit an INTEGER.
 */
export function parseBattleLine(raw: unknown, nowMs: number = Date.now()): LineResult {
  const parsed = battleLine(nowMs).safeParse(raw);
  if (!parsed.success)
    return { error: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ") };
  const line = parsed.data;
  if (line.model_a === line.model_b) return { error: "model_a and model_b are the same model" };
  // LMArena's own leaderboard uses anonymous battles only, and drops over-represented prompts.
  if (line.anony === false) return { skip: "not_anonymous" };
  if (line.dedup_tag?.high_freq === true && line.dedup_tag.sampled === false) return { skip: "deduplicated" };
  const country = line.country ? normalizeCountry(line.country) : null;
  if (line.country && !country) return { error: `country "${line.country}" is not an ISO 3166-1 alpha-2 code` };
  const language = line.language ? parseLanguage(line.language) : null;
  if (language === undefined) return { error: `language "${line.language}" is not an ISO 639-1 code or a language name` };
  return {
    vote: {
      modelA: line.model_a,
      modelB: line.model_b,
      outcome: WINNER[line.winner],
      voterKey: `import:${line.judge ?? "unknown"}`,
      createdAt: line.tstamp ? new Date(line.tstamp * 1000) : new Date(0),
      country,
      region: country ? regionOfCountry(country) : null,
      ageBand: line.age ?? null,
      education: line.education ?? null,
      language,
      replay: line.replay ?? false,
      style: voteStyle(line.conv_metadata),
    },
  };
}

/** Reads a battles file (.gz accepted) as text chunks, reporting bytes read. */
async function* fileChunks(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  raw.on("data", (b) => onBytes?.(b.length));
  const stream = file.endsWith(".gz") ? raw.pipe(zlib.createGunzip()) : raw;
  stream.setEncoding("utf8");
  for await (const chunk of stream) yield chunk as string;
}

async function* readBattles(file: string, nowMs: number, onBytes?: (bytes: number) => void): AsyncGenerator<[number, LineResult]> {
  for await (const { text, line } of jsonObjects(fileChunks(file, onBytes))) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      yield [line, { error: "not valid JSON" }];
      continue;
    }
    yield [line, parseBattleLine(json, nowMs)];
  }
}

/**
 * Idempotency key: a hash of the vote's content and how many identical votes came before it in
 * the file. Occurrences are counted under a 48-bit prefix of the hash (a shared prefix only
 * renumbers, keys stay unique), so memory is a few bytes per line. The style columns are left out on
 * purpose: a file imported before they existed re-imports as already present, not as duplicates.
 */
function importKey(vote: ImportedVote, seen: Map<number, number>): string {
  const digest = crypto
    .createHash("sha256")
    .update(
      `${vote.modelA}\u0000${vote.modelB}\u0000${vote.outcome}\u0000${vote.voterKey}\u0000${vote.createdAt.getTime()}\u0000${vote.country}\u0000${vote.ageBand}\u0000${vote.education}\u0000${vote.language}`,
    )
    .digest();
  const prefix = digest.readUIntBE(0, 6);
  const nth = seen.get(prefix) ?? 0;
  seen.set(prefix, nth + 1);
  return `${digest.subarray(0, 16).toString("base64url")}:${nth}`; // 128 bits: collisions are out of reach
}

export interface ImportResult {
  lines: number;
  added: number;
  alreadyPresent: number;
  skippedNotAnonymous: number;
  skippedDeduplicated: number;
  modelsCreated: string[];
  seconds: number;
}

export interface ImportProgress {
  phase: "checking" | "importing";
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

const MAX_REPORTED_ERRORS = 20;
const BATCH = 5000;

/** The style columns, in the order of INSERT_SQL's integer arrays. */
const STYLE_COLUMNS = [
  "tokensA",
  "tokensB",
  "headersA",
  "headersB",
  "listsA",
  "listsB",
  "boldA",
  "boldB",
] as const satisfies readonly (keyof VoteStyle)[];

const INSERT_SQL = `
  INSERT INTO "Vote" ("voterKey", "modelAId", "modelBId", outcome, source, "importKey", country, region, "ageBand", education, language, "createdAt",
    "tokensA", "tokensB", "headersA", "headersB", "listsA", "listsB", "boldA", "boldB", replay)
  SELECT v.k, v.a, v.b, v.o::"Outcome", 'IMPORT', v.key, v.c, v.r, v.ag, v.e, v.l, v.t, v.ta, v.tb, v.ha, v.hb, v.la, v.lb, v.ba, v.bb, v.rp
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
    $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[], $19::int[], $20::bool[])
    AS v(k, a, b, o, key, c, r, ag, e, l, t, ta, tb, ha, hb, la, lb, ba, bb, rp)
  ON CONFLICT ("importKey") DO NOTHING`;

/** Creates the models a file names that the roster lacks (no provider: never drawn for new battles). */
const CREATE_MODELS_SQL = `
  INSERT INTO "Model" (id, name, "displayName", organization, license, provider, "updatedAt")
  SELECT 'imp' || replace(gen_random_uuid()::text, '-', ''), n, n, 'Unknown', 'unknown', '${NO_PROVIDER}', now() FROM unnest($1::text[]) AS n
  ON CONFLICT (name) DO NOTHING`;

/**
 * Imports a battles file, streaming it twice with constant memory. The first pass validates every
 * line: if any is bad, nothing is written and the error lists the first bad lines. The second pass
 * writes everything in ONE transaction: the models the file names that the roster lacks (with no
 * provider, so they are never drawn for new battles), then the votes in batches of 5,000. If
 * anything fails (the database refuses a batch, the file changed between passes, the connection
 * drops), the transaction rolls back and the file left nothing behind; the error names the lines
 * of the batch that failed. Re-importing the same file adds nothing (idempotent keys).
 *
 * Speed: PostgreSQL inserts one batch while the next is parsed (the pg client queues the query and
 * we only wait for the previous one before sending), so both cores stay busy on one connection.
 */
export async function importBattlesFile(file: string, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError("invalid_input", `File not found: ${file}`);
  const started = Date.now();
  const totalBytes = fs.statSync(file).size;
  const errors: string[] = [];
  const modelNames = new Set<string>();
  let lines = 0;
  let errorCount = 0;
  let bytesRead = 0;
  const progress = (phase: ImportProgress["phase"]) => onProgress?.({ phase, bytesRead, totalBytes, lines });
  for await (const [lineNo, result] of readBattles(file, started, (n) => (bytesRead += n))) {
    lines += 1;
    if (lines % 50_000 === 0) progress("checking");
    if ("error" in result) {
      errorCount += 1;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(`line ${lineNo}: ${result.error}`);
    } else if ("vote" in result) {
      modelNames.add(result.vote.modelA);
      modelNames.add(result.vote.modelB);
    }
  }
  if (errorCount > 0) {
    throw new AppError(
      "invalid_input",
      `${errorCount} invalid line(s) in ${file}; nothing was imported.\n${errors.join("\n")}${errorCount > errors.length ? `\n… and ${errorCount - errors.length} more` : ""}`,
    );
  }

  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
  client.on("error", () => {}); // a dropped connection surfaces as the failed query's error
  const seen = new Map<number, number>();
  const result: ImportResult = {
    lines,
    added: 0,
    alreadyPresent: 0,
    skippedNotAnonymous: 0,
    skippedDeduplicated: 0,
    modelsCreated: [],
    seconds: 0,
  };
  let columns: string[][] = Array.from({ length: 10 }, () => []);
  let times: string[] = [];
  let styles: (number | null)[][] = STYLE_COLUMNS.map(() => []);
  let replays: boolean[] = [];
  let firstLine = 0;
  let lastLine = 0;
  let pending = null as Promise<void> | null; // (assigned in flush: `as` keeps TypeScript from narrowing it to null)
  /** The batch that failed, for the error message. */
  let failed = null as { from: number; to: number; error: unknown } | null;
  const flush = async () => {
    if (!times.length) return;
    const params = [...columns, times, ...styles, replays];
    const size = times.length;
    const span = { from: firstLine, to: lastLine };
    columns = Array.from({ length: 10 }, () => []);
    times = [];
    styles = STYLE_COLUMNS.map(() => []);
    replays = [];
    firstLine = 0;
    await pending; // the previous batch (it threw already if it failed)
    const batch = client.query(INSERT_SQL, params).then(
      (inserted) => {
        result.added += inserted.rowCount ?? 0;
        result.alreadyPresent += size - (inserted.rowCount ?? 0);
        progress("importing");
      },
      (error: unknown) => {
        failed ??= { ...span, error };
        throw error;
      },
    );
    batch.catch(() => {}); // a failure surfaces where the batch is awaited, not as an unhandled rejection
    pending = batch;
  };
  let isOpen = false;
  try {
    await client.connect();
    await client.query("BEGIN");
    isOpen = true;
    // Only this transaction's commit waits for the disk, once; a crash before it leaves nothing.
    await client.query("SET LOCAL synchronous_commit TO off");
    const names = [...modelNames].sort();
    const created = await client.query<{ name: string }>(`${CREATE_MODELS_SQL} RETURNING name`, [names]);
    result.modelsCreated = created.rows.map((r) => r.name).sort();
    const ids = new Map(
      (await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Model" WHERE name = ANY($1::text[])`, [names])).rows.map(
        (m) => [m.name, m.id],
      ),
    );
    bytesRead = 0;
    lines = 0;
    for await (const [lineNo, r] of readBattles(file, started, (n) => (bytesRead += n))) {
      lines += 1;
      if ("skip" in r) {
        if (r.skip === "not_anonymous") result.skippedNotAnonymous += 1;
        else result.skippedDeduplicated += 1;
        continue;
      }
      // The file changed since it was checked: refuse rather than import something unchecked.
      if (!("vote" in r))
        throw new AppError("invalid_input", `line ${lineNo}: ${r.error} (the file changed during the import); nothing was imported.`);
      const v = r.vote;
      const a = ids.get(v.modelA);
      const b = ids.get(v.modelB);
      if (a === undefined || b === undefined)
        throw new AppError(
          "invalid_input",
          `line ${lineNo}: a model name that was not in the file when it was checked (the file changed during the import); nothing was imported.`,
        );
      if (!firstLine) firstLine = lineNo;
      lastLine = lineNo;
      const row = [v.voterKey, a, b, v.outcome, importKey(v, seen), v.country, v.region, v.ageBand, v.education, v.language];
      for (let i = 0; i < row.length; i++) columns[i].push(row[i] as string);
      times.push(v.createdAt.toISOString());
      for (let i = 0; i < STYLE_COLUMNS.length; i++) styles[i]!.push(v.style[STYLE_COLUMNS[i]!]);
      replays.push(v.replay);
      if (times.length >= BATCH) await flush();
    }
    await flush();
    await pending;
    await client.query("COMMIT");
    isOpen = false;
  } catch (error) {
    if (isOpen) await client.query("ROLLBACK").catch(() => {});
    if (isAppError(error)) throw error;
    const where = failed ? `lines ${failed.from}–${failed.to}` : "the import";
    console.error(`Import of ${file} failed at ${where}`, failed?.error ?? error);
    const cause = failed?.error ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    // SQLSTATE classes 22 (data exception), 23 (integrity) and P0 (raised by a trigger) are about the data.
    const sqlState = typeof cause === "object" && cause !== null && "code" in cause ? String((cause as { code: unknown }).code) : "";
    const isDataError = /^(22|23|P0)/.test(sqlState);
    throw new AppError(
      isDataError ? "invalid_input" : "database_unavailable",
      `The database ${isDataError ? "refused" : "failed during"} ${where} of ${file} (${reason}); nothing was imported.`,
    );
  } finally {
    await pending?.catch(() => {});
    await client.end().catch(() => {});
    markVotesChanged();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
