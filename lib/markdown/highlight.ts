import type { Element, ElementContent, Root, RootContent } from "hast";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import csharp from "highlight.js/lib/languages/csharp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import kotlin from "highlight.js/lib/languages/kotlin";
import markdown from "highlight.js/lib/languages/markdown";
import php from "highlight.js/lib/languages/php";
import python from "highlight.js/lib/languages/python";
import ruby from "highlight.js/lib/languages/ruby";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import swift from "highlight.js/lib/languages/swift";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { createLowlight } from "lowlight";

/**
 * The languages answers are highlighted in: the ones coding prompts ask for most. Only these are
 * bundled (rehype-highlight imports lowlight's 37-language `common` set whatever it is given, so
 * this plugin drives lowlight itself); anything else is shown as plain monospaced text.
 * Each grammar's own aliases (js, ts, py, sh, html, yml, …) come with it.
 */
const lowlight = createLowlight({
  bash,
  c,
  cpp,
  csharp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  kotlin,
  markdown,
  php,
  python,
  ruby,
  rust,
  shell,
  sql,
  swift,
  typescript,
  xml,
  yaml,
});

/** The language named by a code element's `language-*` class (GitHub's fence info), lower-cased. */
export function codeLanguage(node: Element): string | null {
  const classes = node.properties?.className;
  const list = Array.isArray(classes) ? classes : classes ? String(classes).split(" ") : [];
  for (const name of list) if (typeof name === "string" && name.startsWith("language-")) return name.slice(9).toLowerCase() || null;
  return null;
}

/** True when fenced code in `language` gets highlighted. */
export function isHighlighted(language: string | null): boolean {
  return language !== null && lowlight.registered(language);
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map((child) => textOf(child as ElementContent)).join("") : "";
}

function visit(node: Root | Element) {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    const code =
      child.tagName === "pre" ? child.children.find((c): c is Element => c.type === "element" && c.tagName === "code") : undefined;
    if (!code) {
      visit(child);
      continue;
    }
    const language = codeLanguage(code);
    if (!language || !isHighlighted(language)) continue;
    const tree = lowlight.highlight(language, textOf(code));
    code.children = tree.children as ElementContent[];
    const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
    code.properties.className = ["hljs", ...classes];
  }
}

/**
 * A rehype plugin: syntax-highlights `pre > code.language-*` with highlight.js grammars (through
 * lowlight, offline). Runs after sanitising, so the only classes it adds are its own `hljs-*`.
 */
export function rehypeHighlightCode() {
  return (tree: Root) => visit(tree);
}
