import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What the leaderboard page's client code pulls into the browser, read from the sources' value imports (type-only
 * imports are erased by the compiler). The board is the page phones open first: its main-thread time at load is
 * what Lighthouse's total blocking time measures, so server-only libraries must not reach it through a shared helper.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The value imports of a source file: `import x from`, `import { a, type B } from` (unless every name is a type), `export … from`. */
function valueImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    if (m[2]) continue; // import type / export type
    const names = /\{([^}]*)\}/.exec(m[3]!)?.[1];
    const isDefaultOrStar = !/^\{/.test(m[3]!.trim());
    if (!isDefaultOrStar && names && names.split(",").every((n) => !n.trim() || n.trim().startsWith("type "))) continue;
    found.push(m[4]!);
  }
  for (const m of source.matchAll(/^\s*import\s+"([^"]+)"/gm)) found.push(m[1]!);
  return found;
}

/** Every package a file reaches through local value imports (with the local file importing it), and the local files. */
function reach(entry: string): { packages: Map<string, string>; files: Set<string> } {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const next = resolveLocal(file, specifier);
        if (next) queue.push(next);
      } else {
        const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
        if (!packages.has(name)) packages.set(name, path.relative(ROOT, file));
      }
    }
  }
  return { packages, files: new Set([...seen].map((f) => path.relative(ROOT, f))) };
}

const packagesReached = (entry: string) => reach(entry).packages;

/** The client components: files that start with "use client". */
function clientFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).flatMap((name) => {
    const file = path.join(ROOT, dir, name);
    return /\.tsx?$/.test(name) && !name.includes(".test.") && /^\s*["']use client["']/.test(fs.readFileSync(file, "utf8")) ? [file] : [];
  });
}

describe("the leaderboard's client code", () => {
  const entry = path.join(ROOT, "components/leaderboard/leaderboard-explorer.tsx");

  it("reaches React, Next.js, next-intl and React Query, and none of the server-side libraries", () => {
    const reached = packagesReached(entry);
    expect([...reached.keys()]).toEqual(expect.arrayContaining(["react", "next", "next-intl", "@tanstack/react-query"]));
    for (const serverOnly of ["zod", "pg", "@prisma/client", "next-auth", "recharts"]) {
      expect(reached.get(serverOnly), `${serverOnly} is imported by ${reached.get(serverOnly)}`).toBeUndefined();
    }
  });

  it("is read through the same rules that find a server library when one is imported (the check can fail)", () => {
    expect(packagesReached(path.join(ROOT, "lib/dates.ts")).has("zod")).toBe(true);
    expect(valueImports(path.join(ROOT, "lib/filters.ts"))).not.toContain("zod");
  });
});

describe("zod in the browser", () => {
  it("is configured (lib/zod-browser.ts) wherever a client component loads it, since the CSP forbids its eval probe", () => {
    const clients = [...clientFiles("components"), ...clientFiles("app")];
    expect(clients.length).toBeGreaterThan(20);
    const withZod = clients.filter((file) => reach(file).packages.has("zod"));
    expect(withZod.length, "the profile, sign-up, prompt and policy forms validate with zod").toBeGreaterThan(0);
    for (const file of withZod) expect(reach(file).files, path.relative(ROOT, file)).toContain("lib/zod-browser.ts");
  });
});
