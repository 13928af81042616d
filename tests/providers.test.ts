import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateResponse, isProviderError, providerFor, type GenerateRequest } from "../lib/providers";
import { okAnswer, startFakeOpenAi, type FakeServer } from "./support/fake-openai";

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

const SECRET = "sk-test-very-secret-key-123";
const PROMPT = { source: "user", externalId: "x", text: "Explain rainbows" };

function request(modelId: string, extra: Record<string, unknown> = {}, kind = "openai-compatible"): GenerateRequest {
  return {
    model: { name: `m-${modelId}`, provider: kind, providerConfig: { baseUrl: fake.url, modelId, timeoutMs: 1000, ...extra } },
    prompt: PROMPT,
    apiKey: SECRET,
  };
}

async function failure(promise: Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return { reason: error.reason, message: error.message };
    return { reason: "unexpected", message: String(error) };
  }
  throw new Error("expected a failure");
}

describe("openai-compatible provider", () => {
  it("streams the answer, reports usage and sends the documented request", async () => {
    const result = await generateResponse(
      providerFor("openai-compatible")!,
      request("ok-1", { systemPrompt: "Be brief.", temperature: 0.3, maxTokens: 200 }),
      5000,
    );
    expect(result.text).toBe(okAnswer(PROMPT.text).join(""));
    expect(result.outputTokens).toBe(15);
    expect(result.firstTokenMs).not.toBeNull();
    expect(result.latencyMs).toBeGreaterThanOrEqual(result.firstTokenMs!);
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe("/chat/completions");
    expect(sent.authorization).toBe(`Bearer ${SECRET}`);
    expect(sent.body).toMatchObject({
      model: "ok-1",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_tokens: 200,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: PROMPT.text },
      ],
    });
  });

  it("leaves token counts to estimation when the server does not report usage, and sends no key when none is set", async () => {
    const result = await generateResponse(providerFor("openai-compatible")!, { ...request("nousage-1"), apiKey: undefined }, 5000);
    expect(result.outputTokens).toBeNull();
    expect(fake.requests.at(-1)!.authorization).toBeUndefined();
  });

  it("times out a slow model (the request is aborted)", async () => {
    const started = Date.now();
    const f = await failure(generateResponse(providerFor("openai-compatible")!, request("slow-1"), 1000));
    expect(f.reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(10_000); // the fake stalls for a minute
  });

  it.each([["fail-1"], ["malformed-1"]])("turns %s into a provider error that never contains the key", async (modelId) => {
    const f = await failure(generateResponse(providerFor("openai-compatible")!, request(modelId), 5000));
    expect(f.reason).toBe("provider_error");
    expect(f.message).not.toContain(SECRET);
  });

  it("treats an unreachable server as a provider error", async () => {
    const req = request("ok-1", { baseUrl: "http://127.0.0.1:1" });
    const f = await failure(generateResponse(providerFor("openai-compatible")!, req, 5000));
    expect(f.reason).toBe("provider_error");
    expect(f.message).not.toContain(SECRET);
  });
});

describe("anthropic provider", () => {
  it("streams content_block_delta text and reads usage, with x-api-key and the API version", async () => {
    const result = await generateResponse(providerFor("anthropic")!, request("ok-claude", { maxTokens: 100 }, "anthropic"), 5000);
    expect(result.text).toBe(okAnswer(PROMPT.text).join(""));
    expect(result.outputTokens).toBe(21);
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe("/v1/messages");
    expect(sent.apiKey).toBe(SECRET);
    expect(sent.body).toMatchObject({ model: "ok-claude", max_tokens: 100, stream: true });
  });

  it("reports HTTP errors without the key", async () => {
    const f = await failure(generateResponse(providerFor("anthropic")!, request("fail-claude", {}, "anthropic"), 5000));
    expect(f).toMatchObject({ reason: "provider_error" });
    expect(f.message).not.toContain(SECRET);
  });
});

describe("replay provider", () => {
  it("answers only corpus prompts it has a recorded response for", () => {
    const replay = providerFor("replay")!;
    expect(replay.canAnswer({ model: { name: "x", provider: "replay", providerConfig: {} }, prompt: PROMPT })).toBe(false);
  });
});
