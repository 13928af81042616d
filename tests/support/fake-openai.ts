import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A fake OpenAI-compatible server for tests (never used by the product). POST /chat/completions
 * streams an answer whose behaviour is chosen by the requested model id's first word:
 *   ok-*        streams a markdown answer in several chunks, with usage
 *   nousage-*   like ok, without a usage chunk
 *   slow-*      sends one chunk, then stalls for a minute (exceeds any test timeout)
 *   fail-*      HTTP 500 with a body that echoes the Authorization header
 *   malformed-* sends an event whose data is not JSON
 *   leaky-*     answers "As Claude, made by Anthropic, ..." (the roster must contain them)
 * Whatever the mode, a prompt that starts with ECHO_MARKER is answered (streamed in small chunks) with
 * the rest of the prompt: a test chooses the exact answer, e.g. markdown or a hostile one.
 * Anthropic's Messages API is served at POST /v1/messages with the same modes (ok, fail).
 */
export interface FakeRequest {
  path: string;
  authorization: string | undefined;
  apiKey: string | undefined;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    max_tokens?: number;
    temperature?: number;
    system?: string;
    stream?: boolean;
  };
}

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function okAnswer(prompt: string): string[] {
  return [
    "## A short answer\n\n",
    "Here is **my reply** to your prompt ",
    `(${prompt.length} characters).\n\n`,
    "- first point\n",
    "- second point\n",
  ];
}

/** A prompt starting with this is answered with its remainder (see above). */
export const ECHO_MARKER = "[[echo]]\n";

/** `text` cut into chunks of at most `size` characters (a streamed answer). */
function chunksOf(text: string, size = 200): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

const LEAKY = ["As Claude, made by Anthropic, ", "I am happy to help with that."];

function chunk(model: string, content: string): string {
  return `data: ${JSON.stringify({ id: "fake", object: "chat.completion.chunk", model, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
}

async function serveOpenAi(req: FakeRequest, res: http.ServerResponse): Promise<void> {
  const model = req.body.model ?? "";
  const mode = model.split("-")[0];
  const prompt = req.body.messages?.at(-1)?.content ?? "";
  if (mode === "fail") {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `Internal error for key ${req.authorization ?? "none"}` } }));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const parts = prompt.startsWith(ECHO_MARKER) ? chunksOf(prompt.slice(ECHO_MARKER.length)) : mode === "leaky" ? LEAKY : okAnswer(prompt);
  if (mode === "malformed") {
    res.write(chunk(model, "Hello"));
    res.end("data: {this is not json\n\n");
    return;
  }
  for (const [i, part] of parts.entries()) {
    if (res.destroyed) return;
    res.write(chunk(model, part));
    if (mode === "slow" && i === 0) {
      await sleep(60_000);
      return void res.end();
    }
    await sleep(15);
  }
  if (mode !== "nousage")
    res.write(
      `data: ${JSON.stringify({ id: "fake", choices: [], usage: { prompt_tokens: 12, completion_tokens: parts.length * 3 } })}\n\n`,
    );
  res.end("data: [DONE]\n\n");
}

async function serveAnthropic(req: FakeRequest, res: http.ServerResponse): Promise<void> {
  const mode = (req.body.model ?? "").split("-")[0];
  if (mode === "fail") {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: `bad key ${req.apiKey}` } }));
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream" });
  const send = (type: string, data: object) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  send("message_start", { message: { id: "msg", usage: { input_tokens: 9, output_tokens: 1 } } });
  send("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
  send("ping", {});
  for (const part of okAnswer(req.body.messages?.at(-1)?.content ?? "")) {
    send("content_block_delta", { index: 0, delta: { type: "text_delta", text: part } });
    await sleep(5);
  }
  send("content_block_stop", { index: 0 });
  send("message_delta", { delta: { stop_reason: "end_turn" }, usage: { output_tokens: 21 } });
  send("message_stop", {});
  res.end();
}

/** Starts the fake server on `port` (0 = any free port) on 127.0.0.1. */
export async function startFakeOpenAi(port = 0): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((request, res) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      let body: FakeRequest["body"] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        res.writeHead(400).end();
        return;
      }
      const entry: FakeRequest = {
        path: request.url ?? "",
        authorization: request.headers.authorization,
        apiKey: request.headers["x-api-key"] as string | undefined,
        body,
      };
      requests.push(entry);
      const path = (request.url ?? "").split("?")[0];
      const serve = path.endsWith("/chat/completions") ? serveOpenAi : path.endsWith("/v1/messages") ? serveAnthropic : null;
      if (request.method !== "POST" || !serve) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
        return;
      }
      serve(entry, res).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
