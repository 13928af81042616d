import { db } from "@/lib/db";
import { loadReplayCorpus, loadReplayRoster } from "@/lib/providers/replay-corpus";
import { REPLAY_SOURCE } from "@/lib/providers/replay";

/**
 * Seeds the roster (the 14 models of the shipped replay corpus, with real names and organizations)
 * and the corpus prompts. Idempotent: existing rows are left as admins edited them.
 */
export async function seedRoster(): Promise<{ models: number; prompts: number }> {
  const roster = loadReplayRoster();
  const models = await db().model.createMany({
    data: roster.map((m) => ({
      name: m.name,
      displayName: m.displayName,
      organization: m.organization,
      license: m.license,
      provider: "replay",
      providerConfig: { replayName: m.name },
    })),
    skipDuplicates: true,
  });
  const prompts = await db().prompt.createMany({
    data: [...loadReplayCorpus().values()].map((p) => ({ source: REPLAY_SOURCE, externalId: String(p.id), text: p.instruction })),
    skipDuplicates: true,
  });
  return { models: models.count, prompts: prompts.count };
}
