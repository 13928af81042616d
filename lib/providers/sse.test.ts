import { describe, expect, it } from "vitest";
import { readSse } from "./sse";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const out = [];
  for await (const message of readSse(streamOf(chunks))) out.push(message);
  return out;
}

describe("server-sent events reader", () => {
  it("joins events split across network chunks, with CRLF line ends and comments", async () => {
    expect(await collect([": keep-alive\r\n\r\nda", 'ta: {"a":1}\r', "\n\r\nevent: ping\ndata: x\n", "data: y\n\n"])).toEqual([
      { event: undefined, data: '{"a":1}' },
      { event: "ping", data: "x\ny" },
    ]);
  });

  it("keeps multi-byte characters split between chunks intact", async () => {
    const bytes = new TextEncoder().encode("data: héllo 😀\n\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const out = [];
    for await (const message of readSse(stream)) out.push(message.data);
    expect(out).toEqual(["héllo 😀"]);
  });

  it("yields a final event without a trailing blank line", async () => {
    expect(await collect(["data: [DONE]"])).toEqual([{ event: undefined, data: "[DONE]" }]);
  });
});
