import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { providerFor } from "@/lib/providers";
import type { Outcome } from "@/lib/generated/prisma/enums";

/**
 * What the browser may see of a battle before the vote: the prompt and two responses labelled A
 * and B. Deliberately no model ids, names or anything derived from them.
 */
export interface AnonymousBattle {
  id: string;
  prompt: string;
  responseA: string;
  responseB: string;
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
}

const anonymousColumns = { id: true, responseA: true, responseB: true, prompt: { select: { text: true } } } as const;

function toAnonymous(row: { id: string; responseA: string; responseB: string; prompt: { text: string } }): AnonymousBattle {
  return { id: row.id, prompt: row.prompt.text, responseA: row.responseA, responseB: row.responseB };
}

/** Fisher–Yates pick of `k` distinct items with a cryptographic random source. */
function pickDistinct<T>(items: readonly T[], k: number): T[] {
  const copy = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + crypto.randomInt(copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

/** A prompt this user has not been shown yet (any prompt once all were shown). */
async function pickPrompt(userId: string): Promise<{ id: string; source: string; externalId: string; text: string }> {
  const fresh = await db().$queryRaw<{ id: string; source: string; externalId: string; text: string }[]>`
    SELECT p.id, p.source, p."externalId", p.text FROM "Prompt" p
    WHERE NOT EXISTS (SELECT 1 FROM "Battle" b WHERE b."promptId" = p.id AND b."createdById" = ${userId})
    ORDER BY random() LIMIT 1`;
  if (fresh[0]) return fresh[0];
  const any = await db().$queryRaw<{ id: string; source: string; externalId: string; text: string }[]>`
    SELECT id, source, "externalId", text FROM "Prompt" ORDER BY random() LIMIT 1`;
  if (!any[0]) throw new AppError("no_models", "There are no prompts yet. An admin needs to seed the roster (npm run arena -- seed).");
  return any[0];
}

/**
 * Draws a new battle for this user: a prompt they have not seen, two different active models that
 * can answer it (uniformly at random), and a random choice of which one is shown on the left as A.
 */
export async function createBattle(userId: string): Promise<AnonymousBattle> {
  const prompt = await pickPrompt(userId);
  const models = await db().model.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, name: true, provider: true, providerConfig: true },
    orderBy: { name: "asc" },
  });
  const able = models.filter((m) => providerFor(m.provider)?.canAnswer({ model: m, prompt }) ?? false);
  if (able.length < 2) throw new AppError("no_models", "Fewer than two active models can answer right now. Please try again later.");
  const [left, right] = pickDistinct(able, 2); // random order: the first drawn is shown as A
  const [responseA, responseB] = await Promise.all(
    [left, right].map(async (m) => (await providerFor(m.provider)!.generate({ model: m, prompt })).text),
  );
  const battle = await db().battle.create({
    data: { promptId: prompt.id, modelAId: left.id, modelBId: right.id, responseA, responseB, createdById: userId },
    select: anonymousColumns,
  });
  return toAnonymous(battle);
}

/** The user's unvoted battle if there is one (so a reload shows the same pair), else a new one. */
export async function getOrCreateOpenBattle(userId: string): Promise<AnonymousBattle> {
  const open = await db().battle.findFirst({
    where: { createdById: userId, state: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: anonymousColumns,
  });
  return open ? toAnonymous(open) : createBattle(userId);
}
