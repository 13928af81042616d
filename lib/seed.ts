import { db } from "@/lib/db";
import { loadReplayCorpus, loadReplayRoster } from "@/lib/providers/replay-corpus";
import { REPLAY_SOURCE } from "@/lib/providers/replay";

/**
 * The release date a model name states, when it ends in a full date ("gpt-4o-2024-05-13",
 * "claude-3-5-sonnet-20240620"); null otherwise (the corpus does not list release dates).
 */
export function releaseDateFromName(name: string): Date | null {
  const match = /(20\d{2})-?(\d{2})-?(\d{2})$/.exec(name);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? date : null;
}

/**
 * Seeds the roster (the 14 models of the shipped replay corpus, with real names and organizations)
 * and the corpus prompts. Idempotent: existing rows are left as admins edited them. Every seeded
 * model gets its public "added" roster event once.
 */
export async function seedRoster(): Promise<{ models: number; prompts: number }> {
  const roster = loadReplayRoster();
  const models = await db().model.createMany({
    data: roster.map((m) => ({
      name: m.name,
      displayName: m.displayName,
      organization: m.organization,
      license: m.license,
      licenseKind: m.license.toLowerCase() === "proprietary" ? ("PROPRIETARY" as const) : ("OPEN_WEIGHTS" as const),
      releaseDate: releaseDateFromName(m.name),
      provider: "replay",
      providerConfig: { replayName: m.name },
    })),
    skipDuplicates: true,
  });
  if (models.count > 0) await recordAddedEvents(roster.map((m) => m.name));
  const prompts = await db().prompt.createMany({
    data: [...loadReplayCorpus().values()].map((p) => ({ source: REPLAY_SOURCE, externalId: String(p.id), text: p.instruction })),
    skipDuplicates: true,
  });
  return { models: models.count, prompts: prompts.count };
}

/** "added" events for the named models that have none yet. */
async function recordAddedEvents(names: string[]): Promise<void> {
  const models = await db().model.findMany({
    where: { name: { in: names } },
    select: { id: true, organization: true, licenseKind: true, license: true, visibility: true },
  });
  const seen = await db().rosterEvent.findMany({
    where: { modelId: { in: models.map((m) => m.id) }, kind: "added" },
    select: { modelId: true },
  });
  const has = new Set(seen.map((e) => e.modelId));
  const missing = models.filter((m) => !has.has(m.id));
  if (missing.length === 0) return;
  await db().rosterEvent.createMany({
    data: missing.map((m) => ({
      modelId: m.id,
      kind: "added",
      details: { visibility: m.visibility, organization: m.organization, licenseKind: m.licenseKind, license: m.license, source: "seed" },
    })),
  });
}
