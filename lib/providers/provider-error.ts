/**
 * A live provider failed. `reason` is what the battle records as its void reason; `message` is
 * safe to log (it never contains the API key, request headers or the provider's response body).
 */
export class ProviderError extends Error {
  readonly reason: "timeout" | "provider_error";

  constructor(reason: "timeout" | "provider_error", message: string) {
    super(message);
    this.name = "ProviderError";
    this.reason = reason;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError || (error instanceof Error && error.name === "ProviderError" && "reason" in error);
}
