import { describe, expect, it } from "vitest";
import { jsonObjects } from "./json-objects";

async function collect(chunks: string[]) {
  async function* gen() {
    yield* chunks;
  }
  const out: { text: string; line: number }[] = [];
  for await (const o of jsonObjects(gen())) out.push(o);
  return out;
}

describe("jsonObjects", () => {
  it("yields JSON lines with their line numbers, skipping blank lines, across chunk boundaries", async () => {
    const out = await collect(['{"a":1}\n\n{"b"', ':2}\n{"c":3}']);
    expect(out).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":2}', line: 3 },
      { text: '{"c":3}', line: 4 },
    ]);
  });

  it("yields the elements of a top-level array, with braces and quotes inside strings", async () => {
    const out = await collect(['[\n  {"x": "a } \\" {", "n": [1, {"y": 2}]},\n', '  {"z": 3}\n]\n']);
    expect(out.map((o) => JSON.parse(o.text))).toEqual([{ x: 'a } " {', n: [1, { y: 2 }] }, { z: 3 }]);
    expect(out.map((o) => o.line)).toEqual([2, 3]);
  });

  it("hands back a truncated array element so it is reported as invalid", async () => {
    const out = await collect(['[{"a": 1}, {"b": ']);
    expect(out.map((o) => o.text)).toEqual(['{"a": 1}', '{"b": ']);
  });
});
