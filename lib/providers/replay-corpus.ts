import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { z } from "zod";

/** Where the shipped corpus lives (data/replay, see its README for source and licence). */
export const REPLAY_DIR = path.join(process.cwd(), "data", "replay");

const corpusLine = z.object({
  id: z.number().int(),
  dataset: z.string(),
  instruction: z.string().min(1),
  outputs: z.record(z.string(), z.string()),
});
export type ReplayPrompt = z.infer<typeof corpusLine>;

const rosterFile = z.object({
  models: z.array(
    z.object({
      name: z.string().min(1),
      displayName: z.string().min(1),
      organization: z.string().min(1),
      license: z.string().min(1),
      alpacaEval2LcWinRate: z.number(),
    }),
  ),
});
export type ReplayRosterEntry = z.infer<typeof rosterFile>["models"][number];

let corpus: Map<string, ReplayPrompt> | undefined;

/**
 * The replay corpus keyed by prompt id (as a string). Read once per process from the read-only
 * file shipped in the repository; about 4 MB in memory.
 */
export function loadReplayCorpus(): Map<string, ReplayPrompt> {
  if (!corpus) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(REPLAY_DIR, "corpus.jsonl.gz"))).toString("utf8");
    const map = new Map<string, ReplayPrompt>();
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const row = corpusLine.parse(JSON.parse(line));
      map.set(String(row.id), row);
    }
    corpus = map;
  }
  return corpus;
}

/** The roster that ships with the corpus: real names and organizations of its 14 models. */
export function loadReplayRoster(): ReplayRosterEntry[] {
  return rosterFile.parse(JSON.parse(fs.readFileSync(path.join(REPLAY_DIR, "models.json"), "utf8"))).models;
}
