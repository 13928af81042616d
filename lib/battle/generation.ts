import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findIdentityLeaks } from "@/lib/integrity/identity-leak";
import { providerConfigSchemas, isLiveProvider, isProviderKind } from "@/lib/providers/config";
import { generateResponse, isProviderError, providerFor, ProviderError, type GenerateResult } from "@/lib/providers";
import { decryptSecret } from "@/lib/secret-box";
import { styleFeatures } from "@/lib/style/features";

/** Replay answers are read from disk; they get a short limit. */
const REPLAY_TIMEOUT_MS = 10_000;
/** A GENERATING claim older than the slower side's timeout plus this margin was lost (a crash). */
export const STALE_MARGIN_MS = 30_000;
const POLL_MS = 400;

export interface SideModel {
  name: string;
  provider: string;
  providerConfig: unknown;
  apiKeyCiphertext: string | null;
}

/** A model's generation time limit: its providerConfig.timeoutMs for live providers. */
export function timeoutOf(model: { provider: string; providerConfig: unknown }): number {
  if (!isProviderKind(model.provider) || !isLiveProvider(model.provider)) return REPLAY_TIMEOUT_MS;
  const schema = model.provider === "anthropic" ? providerConfigSchemas.anthropic : providerConfigSchemas["openai-compatible"];
  const parsed = schema.safeParse(model.providerConfig);
  return parsed.success ? parsed.data.timeoutMs : 60_000;
}

async function runSide(model: SideModel, prompt: { source: string; externalId: string; text: string }): Promise<GenerateResult> {
  const provider = providerFor(model.provider);
  if (!provider) throw new ProviderError("provider_error", `Unknown provider kind for ${model.name}.`);
  // The key is decrypted only here, for this call, and lives only in the request object.
  const apiKey = model.apiKeyCiphertext ? decryptSecret(model.apiKeyCiphertext) : undefined;
  return generateResponse(provider, { model, prompt, apiKey }, timeoutOf(model));
}

const modelColumns = { name: true, provider: true, providerConfig: true, apiKeyCiphertext: true } as const;

/** The roster's names, for the identity-leak check of the responses. */
export type RosterNames = { name: string; displayName: string; organization: string }[];

/** What generation stores on a battle: both responses, or the reason it is void. */
export type GeneratedColumns =
  | {
      state: "OPEN";
      responseA: string;
      responseB: string;
      featuresA: Prisma.InputJsonValue;
      featuresB: Prisma.InputJsonValue;
      leakTerms: string[];
      completedAt: Date;
    }
  | { state: "VOID"; voidReason: "timeout" | "provider_error"; completedAt: Date };

/**
 * Runs both sides concurrently. If either fails or times out the result is VOID with that reason
 * and nothing of either side is kept; otherwise the texts, per-side style features (real latency,
 * tokens) and any roster names found in them.
 */
export async function generatePair(
  modelA: SideModel,
  modelB: SideModel,
  prompt: { source: string; externalId: string; text: string },
  roster: RosterNames,
  label: string,
): Promise<GeneratedColumns> {
  const [a, b] = await Promise.allSettled([runSide(modelA, prompt), runSide(modelB, prompt)]);
  if (a.status === "rejected" || b.status === "rejected") {
    const failures = [a, b].flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    for (const failure of failures) console.warn(`${label} is void: ${failure instanceof Error ? failure.message : "provider failure"}`);
    const reason = failures.some((f) => isProviderError(f) && f.reason === "timeout") ? "timeout" : "provider_error";
    return { state: "VOID", voidReason: reason, completedAt: new Date() };
  }
  const features = (r: GenerateResult) => styleFeatures(r.text, r) as unknown as Prisma.InputJsonValue;
  return {
    state: "OPEN",
    responseA: a.value.text,
    responseB: b.value.text,
    featuresA: features(a.value),
    featuresB: features(b.value),
    leakTerms: findIdentityLeaks([a.value.text, b.value.text], roster),
    completedAt: new Date(),
  };
}

/**
 * Generates both responses of a PENDING battle, at most once across requests and replicas: the
 * PENDING -> GENERATING update is the claim, and only its winner calls the providers (see
 * generatePair); the result is stored only while the battle is still GENERATING (a newer start
 * may have closed it). Returns false when another request holds the claim.
 */
export async function generateBattle(battleId: string): Promise<boolean> {
  const claimed = await db().battle.updateMany({
    where: { id: battleId, state: "PENDING" },
    data: { state: "GENERATING", generationStartedAt: new Date() },
  });
  if (claimed.count !== 1) return false;
  // The roster (for the identity-leak check) is read alongside the battle: one wait instead of two.
  const [battle, roster] = await Promise.all([
    db().battle.findUniqueOrThrow({
      where: { id: battleId },
      select: {
        modelA: { select: modelColumns },
        modelB: { select: modelColumns },
        prompt: { select: { source: true, externalId: true, text: true } },
      },
    }),
    db().model.findMany({ select: { name: true, displayName: true, organization: true } }),
  ]);
  const generated = await generatePair(battle.modelA, battle.modelB, battle.prompt, roster, `Battle ${battleId}`);
  await db().battle.updateMany({ where: { id: battleId, state: "GENERATING" }, data: generated });
  return true;
}

/** Voids a GENERATING battle whose claim is older than the slower side's timeout plus a margin. */
export async function voidIfStale(battleId: string): Promise<void> {
  const battle = await db().battle.findUnique({
    where: { id: battleId },
    select: { state: true, generationStartedAt: true, modelA: { select: modelColumns }, modelB: { select: modelColumns } },
  });
  if (battle?.state !== "GENERATING" || !battle.generationStartedAt) return;
  const limit = Math.max(timeoutOf(battle.modelA), timeoutOf(battle.modelB)) + STALE_MARGIN_MS;
  const cutoff = new Date(Date.now() - limit);
  await db().battle.updateMany({
    where: { id: battleId, state: "GENERATING", generationStartedAt: { lt: cutoff } },
    data: { state: "VOID", voidReason: "timeout", completedAt: new Date() },
  });
}

/**
 * Makes sure the battle gets generated and waits until it is no longer PENDING or GENERATING:
 * claims and generates it here, or (when another request or replica holds the claim) polls the
 * row, voiding a stale claim. The work is not tied to any browser connection.
 */
export async function settleBattle(battleId: string): Promise<void> {
  await generateBattle(battleId);
  for (;;) {
    const row = await db().battle.findUnique({ where: { id: battleId }, select: { state: true } });
    if (!row || (row.state !== "PENDING" && row.state !== "GENERATING")) return;
    if (row.state === "PENDING") await generateBattle(battleId);
    else await voidIfStale(battleId);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
