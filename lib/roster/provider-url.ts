import "server-only";
import { webEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkBaseUrl } from "@/lib/providers/url-policy";

/**
 * Refuses (400, under `providerConfig.baseUrl`) a base URL that the provider-URL policy forbids,
 * when an admin adds or edits a model. A value that is not a URL at all is left to the settings
 * schema, which says so in its own words.
 */
export async function assertAllowedBaseUrl(providerConfig: Record<string, unknown> | undefined): Promise<void> {
  const raw = providerConfig?.baseUrl;
  if (typeof raw !== "string" || !URL.canParse(raw.trim())) return;
  const problem = await checkBaseUrl(raw.trim(), webEnv().SHOWDOWN_ALLOW_PRIVATE_PROVIDER_URLS);
  if (problem) throw new AppError("invalid_input", problem, { "providerConfig.baseUrl": problem });
}

/** The scheme, host and port a provider's settings send requests to (null for replay models). */
export function providerOrigin(providerConfig: Record<string, unknown>, provider: string): string | null {
  const raw =
    typeof providerConfig.baseUrl === "string" ? providerConfig.baseUrl : provider === "anthropic" ? "https://api.anthropic.com" : null;
  if (!raw || !URL.canParse(raw)) return null;
  return new URL(raw).origin;
}
