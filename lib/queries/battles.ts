import "server-only";
import crypto from "node:crypto";
import { generatePair } from "@/lib/battle/generation";
import { userPromptSchema } from "@/lib/battle/prompt";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BattleState, Outcome } from "@/lib/generated/prisma/enums";
import { providerFor } from "@/lib/providers";
import { isLiveProvider } from "@/lib/providers/config";
import { REPLAY_SOURCE } from "@/lib/providers/replay";
import { drawPair, type SamplingCandidate } from "./sampling";

/** Source of prompts typed by contributors. */
export const USER_PROMPT_SOURCE = "user";

/**
 * What the browser may see of a battle before the vote: the prompt, its state and (once
 * generated) two responses labelled A and B. Deliberately no model ids, names or anything
 * derived from them.
 */
export interface AnonymousBattle {
  id: string;
  prompt: string;
  /** True for a corpus prompt (it may be skipped), false for one the contributor typed. */
  isSampled: boolean;
  state: BattleState;
  responseA: string;
  responseB: string;
  voidReason: string | null;
}

export interface RevealedModel {
  displayName: string;
  organization: string;
}

/** Shown after the vote. */
export interface BattleReveal {
  battleId: string;
  outcome: Outcome;
  modelA: RevealedModel;
  modelB: RevealedModel;
  /** A response named a roster model or organization: the vote is kept but not counted. */
  isIdentityLeak: boolean;
}

/** Which ways of starting a battle the roster allows right now. */
export interface ArenaOptions {
  canTypePrompt: boolean;
  canSample: boolean;
}

const anonymousColumns = {
  id: true,
  state: true,
  voidReason: true,
  responseA: true,
  responseB: true,
  prompt: { select: { text: true, source: true } },
} as const;

type AnonymousRow = {
  id: string;
  state: BattleState;
  voidReason: string | null;
  responseA: string;
  responseB: string;
  prompt: { text: string; source: string };
};

/** Responses are only passed on once both are complete (OPEN or VOTED). */
function toAnonymous(row: AnonymousRow): AnonymousBattle {
  const isReady = row.state === "OPEN" || row.state === "VOTED";
  return {
    id: row.id,
    prompt: row.prompt.text,
    isSampled: row.prompt.source !== USER_PROMPT_SOURCE,
    state: row.state,
    responseA: isReady ? row.responseA : "",
    responseB: isReady ? row.responseB : "",
    voidReason: row.voidReason,
  };
}

type Candidate = SamplingCandidate & { provider: string; providerConfig: unknown };
type RosterModel = Candidate & { displayName: string; isDrawable: boolean };

/**
 * Every model, for one battle start: the drawable ones (active, not deprecated, not withdrawn,
 * with a known provider) and all names for the identity-leak check, in one query.
 */
async function readRoster(): Promise<RosterModel[]> {
  const rows = await db().model.findMany({
    select: {
      id: true,
      name: true,
      displayName: true,
      organization: true,
      visibility: true,
      samplingWeight: true,
      provider: true,
      providerConfig: true,
      status: true,
      deprecatedAt: true,
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ status, deprecatedAt, ...m }) => ({
    ...m,
    isDrawable:
      status === "ACTIVE" &&
      deprecatedAt === null &&
      (m.visibility === "PUBLIC" || m.visibility === "PRIVATE_TESTING") &&
      providerFor(m.provider) !== undefined,
  }));
}

/** Models that may be drawn: active, not deprecated, not withdrawn, with a known provider. */
async function activeModels(): Promise<Candidate[]> {
  return (await readRoster()).filter((m) => m.isDrawable);
}

function canAnswer(model: Candidate, prompt: { source: string; externalId: string; text: string }): boolean {
  return providerFor(model.provider)?.canAnswer({ model, prompt }) ?? false;
}

const ANY_TEXT = { source: USER_PROMPT_SOURCE, externalId: "", text: "?" };

/**
 * Typed prompts are answered by live models and need two of them. Sampled corpus prompts are
 * answered by replay models (the corpus's recorded answers) and by live models alike, so that
 * every model meets every other one and the ratings share one scale; they need a replay model
 * (the corpus) and two models in all.
 */
export async function getArenaOptions(): Promise<ArenaOptions> {
  const models = await activeModels();
  const live = models.filter((m) => isLiveProvider(m.provider) && canAnswer(m, ANY_TEXT)).length;
  const replay = models.filter((m) => !isLiveProvider(m.provider)).length;
  return { canTypePrompt: live >= 2, canSample: replay >= 1 && replay + live >= 2 };
}

/** A corpus prompt this user has not been shown yet (any corpus prompt once all were shown). */
async function pickCorpusPrompt(userId: string): Promise<{ id: string; source: string; externalId: string; text: string }> {
  const fresh = await db().$queryRaw<{ id: string; source: string; externalId: string; text: string }[]>`
    SELECT p.id, p.source, p."externalId", p.text FROM "Prompt" p
    WHERE p.source = ${REPLAY_SOURCE}
      AND NOT EXISTS (SELECT 1 FROM "Battle" b WHERE b."promptId" = p.id AND b."createdById" = ${userId})
    ORDER BY random() LIMIT 1`;
  if (fresh[0]) return fresh[0];
  const any = await db().$queryRaw<{ id: string; source: string; externalId: string; text: string }[]>`
    SELECT id, source, "externalId", text FROM "Prompt" WHERE source = ${REPLAY_SOURCE} ORDER BY random() LIMIT 1`;
  if (!any[0])
    throw new AppError("no_models", "There are no corpus prompts yet. An admin needs to seed the roster (npm run arena -- seed).");
  return any[0];
}

/**
 * Starts a new battle for this user: on the prompt they typed (answered by two live models) or
 * on a corpus prompt they have not seen (answered by any two models that can: replay models with
 * a recorded answer, live models). The pair and sides come from the published sampling rule,
 * whose record is stored with the battle. The battle is PENDING until its responses are generated
 * (see lib/battle/generation.ts); a pair of replay models is generated before the battle is
 * stored, since reading the corpus takes no time, so it starts OPEN. Unfinished earlier battles of the user are closed as "abandoned", so each
 * contributor has at most one unfinished battle, even when starts arrive at once (see openBattle).
 */
export async function createBattle(userId: string, input: { prompt?: string } = {}): Promise<AnonymousBattle> {
  return startBattle(userId, input, "replace");
}

/** Battle states that still await a vote: "open" in the sense of one battle per contributor. */
const UNFINISHED: BattleState[] = ["PENDING", "GENERATING", "OPEN"];

/**
 * Stores a drawn battle as the user's only unfinished one. Two starts of one user at once (a
 * double click, two tabs, a script) would each close the earlier battles and then insert, leaving
 * both inserts open; so "close the unfinished ones, insert" runs under a transaction-scoped
 * advisory lock keyed by the user, one start of that user at a time (other users never wait).
 * "replace" closes the unfinished battle as abandoned (a new start wins, as the arena expects);
 * "reuse" returns its id instead, so a reload shows the same battle. The pair was drawn before the
 * lock, so the transaction holds its connection only for these few statements.
 */
async function openBattle(
  userId: string,
  data: Omit<Prisma.BattleUncheckedCreateInput, "createdById">,
  mode: "replace" | "reuse",
): Promise<{ id: string; isNew: boolean }> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`battle-start:${userId}`}, 0))`;
    if (mode === "reuse") {
      const current = await tx.battle.findFirst({
        where: { createdById: userId, state: { in: UNFINISHED } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      if (current) return { id: current.id, isNew: false };
    }
    // A GENERATING battle is closed too: generation only ever completes a battle that is still GENERATING.
    await tx.battle.updateMany({
      where: { createdById: userId, state: { in: UNFINISHED } },
      data: { state: "VOID", voidReason: "abandoned" },
    });
    const battle = await tx.battle.create({ data: { ...data, createdById: userId }, select: { id: true } });
    return { id: battle.id, isNew: true };
  });
}

async function startBattle(userId: string, input: { prompt?: string }, mode: "replace" | "reuse"): Promise<AnonymousBattle> {
  // A sampled start reads the roster and picks its prompt at once (two independent queries).
  const [roster, corpusPrompt] = await Promise.all([readRoster(), input.prompt === undefined ? pickCorpusPrompt(userId) : null]);
  const models = roster.filter((m) => m.isDrawable);
  const toSampling = (list: Candidate[]) =>
    list.map(({ id, name, organization, visibility, samplingWeight }) => ({ id, name, organization, visibility, samplingWeight }));
  let prompt: { id: string; source: string; externalId: string; text: string };
  let candidates: Candidate[];
  let drawn: Awaited<ReturnType<typeof drawPair>>;
  if (input.prompt !== undefined) {
    const parsed = userPromptSchema.safeParse(input.prompt);
    if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0].message, { prompt: parsed.error.issues[0].message });
    candidates = models.filter((m) => isLiveProvider(m.provider) && canAnswer(m, ANY_TEXT));
    if (candidates.length < 2)
      throw new AppError(
        "no_models",
        "Typing your own prompt needs two live models, and fewer are available right now. Try a sampled prompt instead.",
      );
    drawn = await drawPair(toSampling(candidates));
    prompt = await db().prompt.create({
      data: { source: USER_PROMPT_SOURCE, externalId: crypto.randomUUID(), text: parsed.data },
      select: { id: true, source: true, externalId: true, text: true },
    });
  } else {
    prompt = corpusPrompt!;
    candidates = models.filter((m) => canAnswer(m, prompt));
    drawn = await drawPair(toSampling(candidates));
  }
  const { left, right, sampling } = drawn;
  const side = (id: string) => ({ ...candidates.find((m) => m.id === id)!, apiKeyCiphertext: null });
  const [modelA, modelB] = [side(left), side(right)];
  // Replay answers are read from the corpus in memory: generated here, before the battle is
  // stored, so it is stored OPEN (or VOID) at once, with no claim, re-read or second write. Live
  // pairs are stored PENDING and generated by the stream (lib/battle/generation.ts).
  const isReplayPair = !isLiveProvider(modelA.provider) && !isLiveProvider(modelB.provider);
  const startedAt = new Date();
  const generated = isReplayPair ? await generatePair(modelA, modelB, prompt, roster, `A replay battle of ${userId}`) : null;
  const stored = generated ? { ...generated, generationStartedAt: startedAt } : { state: "PENDING" as const };
  const battle = await openBattle(userId, { promptId: prompt.id, modelAId: left, modelBId: right, sampling, ...stored }, mode);
  if (!battle.isNew) return getOwnBattle(userId, battle.id);
  return toAnonymous({
    id: battle.id,
    state: stored.state,
    voidReason: stored.state === "VOID" ? stored.voidReason : null,
    responseA: stored.state === "OPEN" ? stored.responseA : "",
    responseB: stored.state === "OPEN" ? stored.responseB : "",
    prompt,
  });
}

/** One of the user's battles, anonymous; someone else's battle is reported as missing. */
export async function getOwnBattle(userId: string, battleId: string): Promise<AnonymousBattle> {
  const row = await db().battle.findFirst({ where: { id: battleId, createdById: userId }, select: anonymousColumns });
  if (!row) throw new AppError("not_found", "This battle does not exist or is not yours.");
  return toAnonymous(row);
}

/** The user's unfinished battle (PENDING, GENERATING or OPEN), newest first, or null. */
export async function getCurrentBattle(userId: string): Promise<AnonymousBattle | null> {
  const row = await db().battle.findFirst({
    where: { createdById: userId, state: { in: UNFINISHED } },
    orderBy: { createdAt: "desc" },
    select: anonymousColumns,
  });
  return row ? toAnonymous(row) : null;
}

/**
 * The user's unvoted battle if there is one (so a reload shows the same pair), else a sampled one.
 * Concurrent calls agree on one battle: the check is repeated under the start lock.
 */
export async function getOrCreateOpenBattle(userId: string): Promise<AnonymousBattle> {
  return (await getCurrentBattle(userId)) ?? startBattle(userId, {}, "reuse");
}

/**
 * Skips the user's unfinished battle: it ends VOID with reason "skipped" (no vote possible).
 * A battle that is already voted or void cannot be skipped.
 */
export async function skipBattle(userId: string, battleId: string): Promise<void> {
  const skipped = await db().battle.updateMany({
    where: { id: battleId, createdById: userId, state: { in: UNFINISHED } },
    data: { state: "VOID", voidReason: "skipped", completedAt: new Date() },
  });
  if (skipped.count === 1) return;
  await getOwnBattle(userId, battleId); // 404 when missing or foreign
  throw new AppError("battle_closed", "This battle is already finished and cannot be skipped.");
}
