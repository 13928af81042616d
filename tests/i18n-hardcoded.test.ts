import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No user-visible English in the interface's components: JSX text and the attributes people see or
 * hear (aria-label, title, placeholder, alt, label) must come from next-intl messages. A failure lists
 * each file, line and text. Brand names, numbers, symbols and single letters (the "A"/"B" sides) pass.
 */

const ROOT = path.join(import.meta.dirname, "..");
const SCANNED_DIRS = ["app", "components"];
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label"]);
/** Words that are the same in every language: the product name, brands, protocol names. */
const ALLOWED = new Set(["Showdown"]);

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

/** True if the text reads as words (two letters or more in a row), not a number, symbol or code. */
function isWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (!trimmed || ALLOWED.has(trimmed)) return false;
  return /\p{L}{2,}/u.test(trimmed);
}

/** Every hard-coded visible string of one file, as "file:line: text". */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(ROOT, file)}:${line + 1}: ${text.replace(/\s+/g, " ").trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression
          : null;
      if (literal && isWords(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const FILES = SCANNED_DIRS.flatMap((dir) => tsxFiles(path.join(ROOT, dir))).sort();

describe("hard-coded interface text", () => {
  it.each(FILES.map((f) => path.relative(ROOT, f)))("%s takes its text from messages", (file) => {
    expect(hardCodedText(path.join(ROOT, file))).toEqual([]);
  });
});
