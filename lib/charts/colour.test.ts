import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  DARK_TEXT,
  evidenceAlpha,
  FEW_BATTLES,
  MIN_CONTRAST,
  mixRgb,
  paintCell,
  readableText,
  relativeLuminance,
  WHITE,
  type Rgb,
} from "./colour";

describe("contrast", () => {
  it("matches the WCAG reference values", () => {
    expect(relativeLuminance(WHITE)).toBeCloseTo(1, 6);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio(WHITE, [0, 0, 0])).toBeCloseTo(21, 6);
    // #767676 on white is the classic 4.54:1
    expect(contrastRatio([118, 118, 118], WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(WHITE, [118, 118, 118])).toBe(contrastRatio([118, 118, 118], WHITE));
  });

  it.each<[string, Rgb, Rgb]>([
    ["white page", [248, 250, 252], DARK_TEXT],
    ["dark slate", [30, 41, 59], WHITE],
    ["deep blue", [29, 78, 216], WHITE],
    ["crimson", [190, 18, 60], WHITE],
  ])("picks readable text on %s", (_, bg, expected) => expect(readableText(bg).colour).toEqual(expected));

  it("reaches 4.5:1 on every background the heatmaps can draw (the mid-tones axe flagged included)", () => {
    const ends: Rgb[] = [
      [190, 18, 60],
      [29, 78, 216],
      [30, 41, 59],
    ];
    for (const end of ends) {
      for (let s = 0; s <= 100; s++) {
        for (const battles of [1, 2, 5, 9, 10, 50]) {
          const paint = paintCell(mixRgb([248, 250, 252], end, s / 100), battles);
          const seen = mixRgb(WHITE, mixRgb([248, 250, 252], end, s / 100), paint.alpha);
          const text = paint.color === "rgb(255, 255, 255)" ? WHITE : DARK_TEXT;
          expect(contrastRatio(seen, text)).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
      }
    }
  });
});

describe("evidence", () => {
  it("is full from FEW_BATTLES up and fainter below, monotonically", () => {
    expect(evidenceAlpha(FEW_BATTLES)).toBe(1);
    expect(evidenceAlpha(500)).toBe(1);
    for (let n = 1; n < FEW_BATTLES; n++) {
      expect(evidenceAlpha(n)).toBeLessThan(0.7);
      expect(evidenceAlpha(n)).toBeGreaterThan(evidenceAlpha(n - 1) - 1e-12);
    }
    expect(evidenceAlpha(1)).toBe(0.25);
  });

  it("paints few-battle cells translucent and marks them", () => {
    const few = paintCell([29, 78, 216], 2);
    expect(few.isFew).toBe(true);
    expect(few.background).toMatch(/^rgba\(29, 78, 216, 0\.\d+\)$/);
    const solid = paintCell([29, 78, 216], 40);
    expect(solid).toEqual({ background: "rgb(29, 78, 216)", color: "rgb(255, 255, 255)", alpha: 1, isFew: false });
  });
});
