import { db } from "../../lib/db";
import { encryptSecret } from "../../lib/secret-box";

let counter = 0;

/** A live model served by the fake OpenAI-compatible server; `modelId` picks the fake's mode. */
export async function createLiveModel(
  baseUrl: string,
  modelId: string,
  extra: { apiKey?: string; timeoutMs?: number; displayName?: string; organization?: string } = {},
) {
  counter += 1;
  return db().model.create({
    data: {
      name: `live-${modelId}-${Date.now()}-${counter}`,
      displayName: extra.displayName ?? `Live ${modelId} ${counter}`,
      organization: extra.organization ?? "Testing Org",
      license: "proprietary",
      provider: "openai-compatible",
      providerConfig: { baseUrl, modelId, timeoutMs: extra.timeoutMs ?? 3000 },
      apiKeyCiphertext: extra.apiKey ? encryptSecret(extra.apiKey) : null,
    },
    select: { id: true, name: true, displayName: true, organization: true },
  });
}

/** Takes every live model out of the draw (tests that need replay-only battles call this). */
export async function pauseLiveModels(): Promise<void> {
  await db().model.updateMany({ where: { provider: { not: "replay" } }, data: { status: "PAUSED" } });
}
