/** Provider kinds a roster model can use (plain constants, safe for client components). */
export const PROVIDER_KINDS = ["replay", "openai-compatible", "anthropic"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** The provider of a model that only an imported battles file named: never drawn until an admin gives it a provider. */
export const NO_PROVIDER = "none";
