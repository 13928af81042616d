/** Layout maths for the horizontal charts: label widths, truncation and heights. Pure; no DOM. */

/** Average advance of a character at `fontSize` px in the system sans-serif, as a fraction of the size (measured: 0.5–0.58 for model names). */
const CHAR_WIDTH = 0.6;

/** Width in px of `text` at `fontSize`: an upper estimate (wide letters count more), good enough to size an axis. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    if (/[MW@%]/.test(ch)) units += 0.95;
    else if (/[A-Z0-9]/.test(ch)) units += 0.68;
    else if (/[ijlIft.,:;'|!()\s-]/.test(ch)) units += 0.32;
    else if (/[\u0600-\u06FF\u0900-\u097F]/.test(ch)) units += 0.6;
    else if (/[\u2E80-\u9FFF\uAC00-\uD7AF]/.test(ch)) units += 1;
    else units += CHAR_WIDTH;
  }
  return Math.ceil(units * fontSize);
}

/**
 * The label as drawn within `maxWidth` px: whole if it fits, else cut at a character boundary with "…" appended
 * (the full name stays available as a title). Cost O(length).
 */
export function truncateLabel(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  let cut = chars.length;
  while (cut > 1 && estimateTextWidth(`${chars.slice(0, cut).join("").trimEnd()}…`, fontSize) > maxWidth) cut--;
  return `${chars.slice(0, cut).join("").trimEnd()}…`;
}

export interface CategoryAxisLayout {
  /** Width in px reserved for the model names (tick labels plus the tick gap). */
  width: number;
  /** Longest width a label may take before it is truncated. */
  labelMax: number;
}

/**
 * The width of a category axis of names: the longest name's estimated width plus a gap, capped at `share` of the
 * chart's width (and at least `min` px), so on a 390 px phone the names never take the plot's room.
 */
export function categoryAxisLayout(
  names: string[],
  fontSize: number,
  chartWidth: number,
  { share = 0.42, min = 48, gap = 10 } = {},
): CategoryAxisLayout {
  const longest = Math.max(0, ...names.map((n) => estimateTextWidth(n, fontSize)));
  const cap = Math.max(min, Math.floor(chartWidth * share));
  const width = Math.min(cap, Math.max(min, longest + gap));
  return { width, labelMax: width - gap };
}

/** Fixed row height of the one-row-per-model chart, in px (a 14-model chart is 14 rows, a 100-model chart 100). */
export const ROW_HEIGHT = 24;
/** Room above the rows and for the number axis below them. */
export const AXIS_ROOM = { top: 8, bottom: 34 };

/** Total pixel height of a chart with `rows` rows: the chart grows with the models instead of squeezing them. */
export function rowChartHeight(rows: number, rowHeight = ROW_HEIGHT): number {
  return AXIS_ROOM.top + AXIS_ROOM.bottom + Math.max(1, rows) * rowHeight;
}

/**
 * How many number ticks fit across `width` px: one per `spacing` px plus the first (4-digit labels at 11 px are
 * about 28 px wide, so 36 px leaves a gap), between 3 and 8.
 */
export function tickBudget(width: number, spacing = 36): number {
  return Math.max(3, Math.min(8, Math.floor(width / spacing) + 1));
}

/** Above this many models a heatmap first shows the top ones, with a button for all (keeps phones and the DOM light). */
export const HEATMAP_COLLAPSED_MODELS = 20;
