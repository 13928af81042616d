// CI keeps only the tail of the output, so the summary names each failure above its count line.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "summarize-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};

const summarize = (...args: string[]) => {
  try {
    return { code: 0, out: execFileSync("node", ["scripts/summarize-tests.mjs", ...args], { encoding: "utf8" }) };
  } catch (error) {
    const failure = error as { status: number; stdout: string };
    return { code: failure.status, out: failure.stdout };
  }
};

const vitest = (failing: boolean) => ({
  numTotalTests: 2,
  numPassedTests: failing ? 1 : 2,
  numFailedTests: failing ? 1 : 0,
  success: !failing,
  testResults: [
    {
      name: path.join(process.cwd(), "tests/example.test.ts"),
      status: failing ? "failed" : "passed",
      assertionResults: [
        { fullName: "adds", status: "passed", failureMessages: [] },
        {
          fullName: "rounds the total",
          status: failing ? "failed" : "passed",
          failureMessages: failing
            ? ["\u001b[31mAssertionError: expected 40082 to be 40083\u001b[39m\n    at tests/example.test.ts:9:3"]
            : [],
        },
      ],
    },
  ],
});

const playwright = (status: "expected" | "unexpected") => ({
  errors: [],
  stats: { expected: status === "expected" ? 1 : 0, unexpected: status === "unexpected" ? 1 : 0, flaky: 0 },
  suites: [
    {
      title: "voting.spec.ts",
      specs: [],
      suites: [
        {
          title: "on a phone",
          specs: [
            {
              file: "voting.spec.ts",
              line: 12,
              title: "votes",
              tests: [{ status, results: [{ error: status === "unexpected" ? { message: "Error: response-A not visible" } : undefined }] }],
            },
          ],
        },
      ],
    },
  ],
});

describe("scripts/summarize-tests.mjs", () => {
  it("ends with the count line and exits 0 when everything passed", () => {
    const { code, out } = summarize(write("v-ok.json", vitest(false)), write("p-ok.json", playwright("expected")));
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toEqual(["3 passed, 0 failed"]);
  });

  it("names each failed test and check, with its error, just above the count line", () => {
    const { code, out } = summarize(write("v-bad.json", vitest(true)), write("p-bad.json", playwright("unexpected")), "lint");
    expect(code).toBe(1);
    const lines = out.trim().split("\n");
    expect(lines.at(-1)).toBe("1 passed, 3 failed");
    expect(lines).toContain("failed check: lint");
    expect(lines).toContain("failed: tests/example.test.ts › rounds the total");
    expect(lines).toContain("    AssertionError: expected 40082 to be 40083");
    expect(lines).toContain("unexpected: voting.spec.ts:12 › on a phone › votes");
    expect(lines).toContain("    Error: response-A not visible");
    expect(out).not.toContain("› adds");
  });

  it("counts a missing report as a failure", () => {
    const { code, out } = summarize(path.join(dir, "absent.json"), write("p-ok2.json", playwright("expected")));
    expect(code).toBe(1);
    expect(out).toContain("vitest produced no results");
    expect(out.trim().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });
});
