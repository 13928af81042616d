/** Colour maths for heatmap cells: blends, WCAG contrast, readable text and fading of thin evidence. */

export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];
/**
 * Dark cell text. Black, not slate-900: with slate-900 (luminance 0.009) there is a band of mid-tone backgrounds
 * (luminance 0.18–0.21) on which neither it nor white reaches 4.5:1; with black one of the two always does.
 */
export const DARK_TEXT: Rgb = [0, 0, 0];
/** WCAG 2 AA for normal-size text (heatmap cells use 12 px text). */
export const MIN_CONTRAST = 4.5;
/** Below this many battles a head-to-head cell is drawn faint: its number rests on little evidence. */
export const FEW_BATTLES = 10;

/** Linear blend of two RGB colours, t clamped to [0, 1]; channels rounded to integers. */
export function mixRgb(from: Rgb, to: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * k)) as unknown as Rgb;
}

export function cssRgb(c: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${c[0]}, ${c[1]}, ${c[2]})` : `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${Number(alpha.toFixed(3))})`;
}

/** WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white). */
export function relativeLuminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1..21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour for a cell background: dark slate or white, whichever contrasts more. One of the two always
 * reaches 4.5:1 (the worst background for both is about 4.58:1 against each), so every cell is readable.
 */
export function readableText(background: Rgb): { colour: Rgb; ratio: number } {
  const dark = contrastRatio(background, DARK_TEXT);
  const light = contrastRatio(background, WHITE);
  return dark >= light ? { colour: DARK_TEXT, ratio: dark } : { colour: WHITE, ratio: light };
}

/**
 * How strongly a cell is drawn for its number of battles: 1 from FEW_BATTLES up; below that at most 0.65, fading
 * linearly to 0.25 for a single battle, so a cell from one to nine battles never looks like solid evidence.
 */
export function evidenceAlpha(battles: number): number {
  if (battles >= FEW_BATTLES) return 1;
  const n = Math.max(1, battles);
  return 0.25 + ((0.75 * (n - 1)) / (FEW_BATTLES - 1)) * 0.6;
}

export interface CellPaint {
  /** CSS background: the colour with the evidence alpha, drawn over the white figure. */
  background: string;
  /** CSS text colour chosen for the colour actually seen (the blend over white). */
  color: string;
  alpha: number;
  isFew: boolean;
}

/** The paint of a heatmap cell of colour `fill` backed by `battles` battles, on a white page. */
export function paintCell(fill: Rgb, battles: number): CellPaint {
  const alpha = evidenceAlpha(battles);
  const seen = mixRgb(WHITE, fill, alpha);
  return { background: cssRgb(fill, alpha), color: cssRgb(readableText(seen).colour), alpha, isFew: battles < FEW_BATTLES };
}
