// `npm run arena -- export [--format jsonl|csv] [--out FILE]`: the released votes, as the web export.
import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { z } from "zod";
import { ensureSecrets } from "../../lib/boot";
import { AppError } from "../../lib/errors";
import { EXPORT_FORMATS } from "../../lib/export-format";
import { exportVotes } from "../../lib/queries/exports";

export const EXPORT_HELP =
  "export [--format jsonl|csv] [--out FILE]    released votes (older than the holdout, no demo votes); stdout by default";

const optionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `--format must be one of ${EXPORT_FORMATS.join(", ")}` }).default("jsonl"),
  out: z.string().trim().min(1, "--out needs a file name").optional(),
});

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/**
 * Writes the export to --out (through a temporary file renamed on success, so a failed export
 * never leaves a truncated file under the final name) or to stdout; reports the cutoff on stderr.
 * Expects the database to be booted; bad options are AppErrors (exit code 2 in arena.ts).
 */
export async function runExport(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { format: { type: "string" }, out: { type: "string" } } });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
  const { format, out } = parsed.data;
  // Judge ids are keyed by the deployment's judge secret: load the launcher's one so they match web exports.
  ensureSecrets();
  const exported = await exportVotes({ format });

  const target = out ? path.resolve(out) : null;
  const partial = target ? `${target}.partial` : null;
  const stream: Writable = partial ? fs.createWriteStream(partial) : process.stdout;
  try {
    for await (const chunk of exported.chunks) await write(stream, chunk);
    if (partial && target) {
      stream.end();
      await once(stream, "finish");
      fs.renameSync(partial, target);
    }
  } catch (error) {
    if (partial) {
      stream.destroy();
      fs.rmSync(partial, { force: true });
    }
    throw error;
  }
  console.error(
    `Exported ${exported.stats.votes} votes cast before ${exported.cutoff.toISOString()} (holdout ${exported.holdoutDays} days)${target ? ` to ${target}` : ""}`,
  );
}
