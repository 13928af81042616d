/**
 * Identity-hiding playout (pure). Both responses are complete before anything is shown; they are
 * then revealed together in the same number of frames, so both sides start and finish at the same
 * moment whatever their real speed. Each side's shown length is proportional to its own final
 * length, which the reader learns at the end anyway.
 */

export const FRAME_MS = 50;
const MIN_PLAYOUT_MS = 600;
const MAX_PLAYOUT_MS = 4000;
const MS_PER_CHAR = 2;

/** Playout time for a pair of responses: grows with the longer one, between 0.6 s and 4 s. */
export function playoutMs(textA: string, textB: string): number {
  const longer = Math.max(textA.length, textB.length);
  return Math.min(MAX_PLAYOUT_MS, Math.max(MIN_PLAYOUT_MS, longer * MS_PER_CHAR));
}

/** How many frames of FRAME_MS the playout takes (at least 1). */
export function frameCount(textA: string, textB: string): number {
  return Math.max(1, Math.round(playoutMs(textA, textB) / FRAME_MS));
}

/** Cuts at a code-point boundary, never inside a surrogate pair. */
function cut(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return end > 0 && end < text.length && code >= 0xd800 && code <= 0xdbff ? end + 1 : end;
}

/**
 * The new text of each side in frame `frame` (1..frames): what is added since the previous frame.
 * After the last frame both sides are complete.
 */
export function frameDelta(textA: string, textB: string, frame: number, frames: number): { a: string; b: string } {
  const slice = (text: string) => {
    const from = cut(text, Math.floor((text.length * (frame - 1)) / frames));
    const to = frame >= frames ? text.length : cut(text, Math.floor((text.length * frame) / frames));
    return text.slice(from, to);
  };
  return { a: slice(textA), b: slice(textB) };
}
