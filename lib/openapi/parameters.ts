import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/export-format";
import { sliceKeySchema } from "@/lib/snapshots/schema";
import { INTERVAL_METHODS } from "@/lib/rating";
import { AGE_BAND_CODES, EDUCATION_CODES, REGION_CODES } from "@/lib/slices";

/**
 * Query strings of the data API as zod schemas. The export and snapshot routes validate with these
 * very schemas; the leaderboard filters are parsed by lib/filters.ts (which reports every bad value
 * at once) and are described here with the same code lists, for the OpenAPI document.
 */

/** GET /api/export */
export const exportQuerySchema = z.object({
  format: z
    .enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(", ")}` })
    .default("jsonl")
    .describe("jsonl (default) or csv."),
});

/** GET /api/snapshots/{id} */
export const snapshotQuerySchema = z.object({
  slice: sliceKeySchema.optional().describe('Keep only this slice: "all", "region:<code>" or "language:<code>".'),
});

const list = (what: string, codes?: readonly string[]) =>
  z
    .string()
    .optional()
    .describe(`Comma-separated ${what}${codes ? ` (${codes.join(", ")})` : ""}; a vote matches any of them.`);

/** The audience filters of /api/leaderboard (and, prefixed with a. and b., of /api/compare). */
export const filterParamSchemas = {
  country: list("ISO 3166-1 alpha-2 country codes, e.g. BR,PT"),
  region: list("regions", REGION_CODES),
  age: list("age bands", AGE_BAND_CODES),
  education: list("education levels", EDUCATION_CODES),
  language: list("ISO 639-1 language codes, e.g. pt"),
  from: z.iso.date().optional().describe("First UTC day of votes (YYYY-MM-DD, inclusive)."),
  to: z.iso.date().optional().describe("Last UTC day of votes (YYYY-MM-DD, inclusive)."),
} satisfies Record<string, z.ZodType>;

/** How /api/leaderboard computes and shows the board (lib/leaderboard/view.ts). */
export const viewParamSchemas = {
  interval: z
    .enum(INTERVAL_METHODS as [string, ...string[]])
    .optional()
    .describe("95% intervals: sandwich (voter-clustered, default), voter-bootstrap or vote-bootstrap."),
  style: z.enum(["none", "control"]).optional().describe("control adjusts ratings for answer length and markdown."),
  deprecated: z.enum(["hide", "show"]).optional().describe("Show deprecated models (marked by their status)."),
} satisfies Record<string, z.ZodType>;
