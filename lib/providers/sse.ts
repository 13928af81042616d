import { ProviderError } from "./provider-error";

/** One server-sent event: its `event:` name (if any) and its joined `data:` lines. */
export interface SseMessage {
  event?: string;
  data: string;
}

/**
 * Parses a server-sent-events body (text/event-stream) into messages, per the WHATWG rules that
 * matter here: lines split on \n or \r\n, a blank line ends a message, comment lines start with ":".
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event: string | undefined;
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (done && buffer !== "" && !buffer.endsWith("\n")) buffer += "\n"; // a last line without its line end
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (data.length > 0) yield { event, data: data.join("\n") };
          event = undefined;
          data = [];
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "data") data.push(value);
          else if (field === "event") event = value;
        }
      }
      if (done) break;
    }
    if (data.length > 0) yield { event, data: data.join("\n") };
  } finally {
    reader.releaseLock();
  }
}

/** Parses one JSON event payload; anything unreadable is a provider error (a malformed stream). */
export function parseEventJson(data: string, provider: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new ProviderError("provider_error", `${provider} sent a malformed stream event (not JSON).`);
  }
}

/** Throws a provider error for a non-2xx answer; the body is not included (it may echo secrets). */
export function checkHttpStatus(response: Response, provider: string): ReadableStream<Uint8Array> {
  if (!response.ok) throw new ProviderError("provider_error", `${provider} answered HTTP ${response.status}.`);
  if (!response.body) throw new ProviderError("provider_error", `${provider} sent an empty response.`);
  return response.body;
}
