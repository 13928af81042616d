import { z } from "zod";
import { PROVIDER_KINDS, type ProviderKind } from "./kinds";

/**
 * Provider kinds and the settings each takes (stored in Model.providerConfig). API keys are not
 * part of these settings: they are stored encrypted in Model.apiKeyCiphertext (lib/secret-box.ts).
 */
export { NO_PROVIDER, PROVIDER_KINDS, type ProviderKind } from "./kinds";

const httpUrl = z
  .string()
  .trim()
  .url("Base URL must be a URL such as https://api.openai.com/v1.")
  .refine((value) => /^https?:\/\//i.test(value), "Base URL must start with http:// or https://.");

const liveSettings = {
  modelId: z.string().trim().min(1, "Model id is required (the provider's name for the model).").max(200),
  systemPrompt: z.string().max(8000, "System prompt is at most 8000 characters.").optional(),
  temperature: z.coerce.number().min(0, "Temperature is between 0 and 2.").max(2, "Temperature is between 0 and 2.").optional(),
  maxTokens: z.coerce.number().int("Max tokens must be a whole number.").min(1).max(32_768, "Max tokens is at most 32768.").optional(),
  timeoutMs: z.coerce
    .number()
    .int()
    .min(1000, "Timeout is at least 1000 ms.")
    .max(600_000, "Timeout is at most 600000 ms.")
    .default(60_000),
};

export const providerConfigSchemas = {
  replay: z.object({ replayName: z.string().trim().min(1).optional() }),
  "openai-compatible": z.object({ baseUrl: httpUrl, ...liveSettings }),
  anthropic: z.object({ baseUrl: httpUrl.default("https://api.anthropic.com"), ...liveSettings }),
} as const;

export type ProviderConfig<K extends ProviderKind> = z.infer<(typeof providerConfigSchemas)[K]>;

export function isProviderKind(value: unknown): value is ProviderKind {
  return typeof value === "string" && (PROVIDER_KINDS as readonly string[]).includes(value);
}

/** Live providers call a model over HTTP and need an API key (optional for local servers). */
export function isLiveProvider(kind: string): boolean {
  return kind === "openai-compatible" || kind === "anthropic";
}
