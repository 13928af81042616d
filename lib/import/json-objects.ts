/**
 * Splits a stream of text into top-level JSON values: one per line for JSON lines, or the
 * elements of a top-level array (LMArena's clean_battle .json files), without holding the file.
 * Tracks string and escape state, so braces inside strings do not confuse it.
 */
export async function* jsonObjects(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let mode: "unknown" | "lines" | "array" = "unknown";
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  let startLine = 1;
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let consumed = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (mode === "unknown") {
        if (ch === "[") {
          mode = "array";
          consumed = i + 1;
          continue;
        }
        if (ch.trim()) mode = "lines";
        else {
          if (ch === "\n") line++;
          consumed = i + 1;
          continue;
        }
      }
      if (mode === "lines") {
        const end = text.indexOf("\n", i);
        if (end === -1) break;
        const piece = text.slice(i, end);
        if (piece.trim()) yield { text: piece, line };
        line++;
        i = end;
        consumed = end + 1;
        continue;
      }
      // array mode
      if (ch === "\n") line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === "\\") escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") {
        if (depth === 0) {
          start = i;
          startLine = line;
        }
        depth++;
      } else if (ch === "}" || ch === "]") {
        if (depth === 0) {
          consumed = i + 1; // closing bracket of the top-level array
          continue;
        }
        depth--;
        if (depth === 0) {
          yield { text: text.slice(start, i + 1), line: startLine };
          consumed = i + 1;
          start = -1;
        }
      } else if (depth === 0) consumed = i + 1; // commas and whitespace between elements
    }
    if (mode === "array" && start >= 0) {
      carry = text.slice(start);
      start = 0;
    } else carry = text.slice(consumed);
  }
  if (mode === "lines" && carry.trim()) yield { text: carry, line };
  else if (mode === "array" && depth > 0) yield { text: carry, line: startLine }; // truncated: reported as invalid JSON
}
