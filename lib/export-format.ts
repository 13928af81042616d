import crypto from "node:crypto";

/**
 * The released-vote format: LMArena's public clean_battle shape plus the voter's demographics, one
 * record per vote, as JSON lines or CSV. Pure: no database, env or clock; `lib/queries/exports.ts`
 * feeds it. `lib/import.ts` reads the same shape back (it ignores `region`, which it derives).
 */

export const EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Winner = "model_a" | "model_b" | "tie" | "tie (bothbad)";

/** One exported vote. Demographic fields are null when the voter preferred not to say. */
export interface CleanBattle {
  model_a: string;
  model_b: string;
  winner: Winner;
  /** Pseudonymous voter id: stable across exports, not reversible without the server secret. */
  judge: string;
  /** Unix seconds (millisecond precision). */
  tstamp: number;
  country: string | null;
  region: string | null;
  age: string | null;
  education: string | null;
  language: string | null;
  /**
   * The battle showed a replay answer: public text (the corpus shipped with Showdown) that the voter could have
   * looked up to recognise the models. Kept so users of the data can filter such votes out (false for imports).
   */
  replay: boolean;
}

/** Column order of CSV exports (and key order of JSON lines). */
export const CLEAN_BATTLE_COLUMNS = [
  "model_a",
  "model_b",
  "winner",
  "judge",
  "tstamp",
  "country",
  "region",
  "age",
  "education",
  "language",
  "replay",
] as const satisfies readonly (keyof CleanBattle)[];

/** Vote outcome (database enum) to clean_battle's winner. */
export const WINNER_OF_OUTCOME: Record<"A" | "B" | "TIE" | "BOTH_BAD", Winner> = {
  A: "model_a",
  B: "model_b",
  TIE: "tie",
  BOTH_BAD: "tie (bothbad)",
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
};

// Domain separation: the same secret signs sessions, so judge ids use their own labelled input.
const JUDGE_DOMAIN = "showdown/export-judge/v1\0";

/**
 * The exported judge id of a voter: HMAC-SHA256(secret, domain ‖ voterKey), first 128 bits in hex.
 * Stable for a voter as long as the secret is, and without the secret it cannot be linked back
 * to the voter key (a user id, "import:<judge>" or "demo:<n>"). Cost: one HMAC per call.
 */
export function judgeId(secret: string, voterKey: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(JUDGE_DOMAIN + voterKey)
    .digest("hex")
    .slice(0, 32);
}

/** Text that a spreadsheet would read as a formula (or DDE call): it starts with one of = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR, LF or edge spaces; null is empty.
 * A text cell that starts like a formula (= + - @ tab CR) is neutralised as OWASP recommends (CSV injection):
 * it gets a leading apostrophe and is always quoted, so `=HYPERLINK(…)` reads back as the text `'=HYPERLINK(…)`.
 * Numbers are written as they are: a negative number is a number, not a formula, and only text cells (model
 * names above all, which admins and imports may set to anything) can carry one.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its CRLF terminator. */
export function csvRecord(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** What a file of this format starts with (the CSV header row; nothing for JSON lines). */
export function exportPreamble(format: ExportFormat): string {
  return format === "csv" ? csvRecord(CLEAN_BATTLE_COLUMNS) : "";
}

/** One vote as a line of the format, terminator included. */
export function formatCleanBattle(battle: CleanBattle, format: ExportFormat): string {
  const values = CLEAN_BATTLE_COLUMNS.map((c) => battle[c]);
  if (format === "csv") return csvRecord(values);
  return JSON.stringify(Object.fromEntries(CLEAN_BATTLE_COLUMNS.map((c, i) => [c, values[i]]))) + "\n";
}

/** The download's file name, dated by the cutoff: showdown-votes-before-2026-09-23.jsonl. */
export function exportFileName(cutoff: Date, format: ExportFormat): string {
  return `showdown-votes-before-${cutoff.toISOString().slice(0, 10)}.${format}`;
}
