import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import zlib from "node:zlib";
import { z } from "zod";
import { db } from "@/lib/db";
import { markVotesChanged } from "@/lib/slice-index/vote-index";
import { AppError } from "@/lib/errors";
import { AGE_BAND_CODES, EDUCATION_CODES, normalizeCountry, normalizeLanguage, regionOfCountry } from "@/lib/slices";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/generated/prisma/enums";

/**
 * One line of a battles file: LMArena's public clean_battle shape plus demographics, as in
 * ../shared/fixtures/fastchat/battles-2k.jsonl. Missing demographics mean "prefer not to say".
 */
const battleLine = z.object({
  model_a: z.string().trim().min(1, "model_a is empty").max(200),
  model_b: z.string().trim().min(1, "model_b is empty").max(200),
  winner: z.enum(["model_a", "model_b", "tie", "tie (bothbad)"], { message: 'winner must be "model_a", "model_b", "tie" or "tie (bothbad)"' }),
  judge: z.union([z.string(), z.number()]).optional().nullable(),
  tstamp: z.number({ message: "tstamp must be unix seconds" }).positive().optional().nullable(),
  country: z.string().optional().nullable(),
  language: z.string().optional().nullable(),
  age: z.enum(AGE_BAND_CODES, { message: `age must be one of ${AGE_BAND_CODES.join(", ")}` }).optional().nullable(),
  education: z.enum(EDUCATION_CODES, { message: `education must be one of ${EDUCATION_CODES.join(", ")}` }).optional().nullable(),
});

const WINNER: Record<z.infer<typeof battleLine>["winner"], Outcome> = { model_a: "A", model_b: "B", tie: "TIE", "tie (bothbad)": "BOTH_BAD" };

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
}

/** Validates one parsed line; returns the vote or a message that says what is wrong. */
export function parseBattleLine(raw: unknown): { vote: ImportedVote } | { error: string } {
  const parsed = battleLine.safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ") };
  const line = parsed.data;
  if (line.model_a === line.model_b) return { error: "model_a and model_b are the same model" };
  const country = line.country ? normalizeCountry(line.country) : null;
  if (line.country && !country) return { error: `country "${line.country}" is not an ISO 3166-1 alpha-2 code` };
  const language = line.language ? normalizeLanguage(line.language) : null;
  if (line.language && !language) return { error: `language "${line.language}" is not an ISO 639-1 code` };
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
    },
  };
}

function openLines(file: string): readline.Interface {
  const raw = fs.createReadStream(file);
  const stream = file.endsWith(".gz") ? raw.pipe(zlib.createGunzip()) : raw;
  return readline.createInterface({ input: stream, crlfDelay: Infinity });
}

/** Yields [line number, vote or error] for every non-blank line of a JSON-lines file (.gz accepted). */
async function* readBattles(file: string): AsyncGenerator<[number, ReturnType<typeof parseBattleLine>]> {
  let lineNo = 0;
  for await (const text of openLines(file)) {
    lineNo += 1;
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      yield [lineNo, { error: "not valid JSON" }];
      continue;
    }
    yield [lineNo, parseBattleLine(json)];
  }
}

/** Idempotency key: the vote's content and how many identical votes came before it in the file. */
function importKey(vote: ImportedVote, seen: Map<string, number>): string {
  const content = crypto.createHash("sha256").update(JSON.stringify([vote.modelA, vote.modelB, vote.outcome, vote.voterKey, vote.createdAt.getTime(), vote.country, vote.ageBand, vote.education, vote.language])).digest("base64url");
  const nth = seen.get(content) ?? 0;
  seen.set(content, nth + 1);
  return `${content}:${nth}`;
}

export interface ImportResult {
  lines: number;
  added: number;
  alreadyPresent: number;
  modelsCreated: string[];
}

const MAX_REPORTED_ERRORS = 20;
const BATCH = 1000;

/**
 * Imports a battles file. A first pass validates every line; if any is bad, nothing is written and
 * the error lists the first bad lines. A second pass inserts in batches, creating unknown models
 * (with no provider, so they are never sampled for new battles). Re-importing the same file adds
 * nothing: each line has an idempotency key.
 */
export async function importBattlesFile(file: string, onProgress?: (lines: number) => void): Promise<ImportResult> {
  if (!fs.existsSync(file)) throw new AppError("invalid_input", `File not found: ${file}`);
  const errors: string[] = [];
  const modelNames = new Set<string>();
  let lines = 0;
  let errorCount = 0;
  for await (const [lineNo, result] of readBattles(file)) {
    lines += 1;
    if ("error" in result) {
      errorCount += 1;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(`line ${lineNo}: ${result.error}`);
    } else {
      modelNames.add(result.vote.modelA);
      modelNames.add(result.vote.modelB);
    }
  }
  if (errorCount > 0) {
    throw new AppError("invalid_input", `${errorCount} invalid line(s) in ${file}; nothing was imported.\n${errors.join("\n")}${errorCount > errors.length ? `\n… and ${errorCount - errors.length} more` : ""}`);
  }

  const known = await db().model.findMany({ where: { name: { in: [...modelNames] } }, select: { name: true } });
  const missing = [...modelNames].filter((n) => !known.some((k) => k.name === n)).sort();
  if (missing.length) {
    await db().model.createMany({
      data: missing.map((name) => ({ name, displayName: name, organization: "Unknown", license: "unknown", provider: "none" })),
      skipDuplicates: true,
    });
  }
  const ids = new Map((await db().model.findMany({ where: { name: { in: [...modelNames] } }, select: { id: true, name: true } })).map((m) => [m.name, m.id]));

  const seen = new Map<string, number>();
  let added = 0;
  let done = 0;
  let batch: Prisma.VoteCreateManyInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    added += (await db().vote.createMany({ data: batch, skipDuplicates: true })).count;
    done += batch.length;
    batch = [];
    onProgress?.(done);
  };
  for await (const [, result] of readBattles(file)) {
    if ("error" in result) continue;
    const v = result.vote;
    batch.push({
      voterKey: v.voterKey,
      modelAId: ids.get(v.modelA)!,
      modelBId: ids.get(v.modelB)!,
      outcome: v.outcome,
      source: "IMPORT",
      importKey: importKey(v, seen),
      country: v.country,
      region: v.region,
      ageBand: v.ageBand,
      education: v.education,
      language: v.language,
      createdAt: v.createdAt,
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  markVotesChanged();
  return { lines, added, alreadyPresent: lines - added, modelsCreated: missing };
}
