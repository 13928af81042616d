import { ProviderError, isProviderError } from "./provider-error";
import type { GenerateRequest, GenerateResult, ResponseProvider } from "./types";

/**
 * Runs one provider to the end of its answer within `timeoutMs` (an AbortController cancels the
 * HTTP request), measuring time to first text and total latency. Every failure becomes a
 * ProviderError ("timeout" or "provider_error") whose message never contains the API key.
 */
export async function generateResponse(provider: ResponseProvider, request: GenerateRequest, timeoutMs: number): Promise<GenerateResult> {
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort();
  }, timeoutMs);
  const started = performance.now();
  let firstTokenMs: number | null = null;
  let outputTokens: number | null = null;
  const parts: string[] = [];
  try {
    for await (const event of provider.stream(request, controller.signal)) {
      if (isTimedOut) break;
      if (event.type === "delta") {
        firstTokenMs ??= Math.round(performance.now() - started);
        parts.push(event.text);
      } else if (event.outputTokens !== undefined) {
        outputTokens = event.outputTokens;
      }
    }
    if (isTimedOut) throw new ProviderError("timeout", `${request.model.name} did not finish within ${timeoutMs} ms.`);
    return { text: parts.join(""), firstTokenMs, latencyMs: Math.round(performance.now() - started), outputTokens };
  } catch (error) {
    if (isTimedOut) throw new ProviderError("timeout", `${request.model.name} did not finish within ${timeoutMs} ms.`);
    if (isProviderError(error)) throw error;
    // Network and parsing errors: keep only the error's kind; their text could echo request details.
    const kind = error instanceof Error ? error.name : "error";
    throw new ProviderError("provider_error", `${request.model.name} could not be reached or answered unreadably (${kind}).`);
  } finally {
    clearTimeout(timer);
  }
}
