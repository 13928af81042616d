"use client";

import { useLocale } from "next-intl";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { truncateLabel } from "@/lib/charts/layout";

/** Chart text size in px; the layout maths in lib/charts/layout.ts sizes axes for it. */
export const CHART_FONT = 11;

/** True when the interface reads right to left: charts then mirror (names on the right, values growing leftwards). */
export function useIsRtl(): boolean {
  return textDirection(useLocale() as Locale) === "rtl";
}

interface NameTickProps {
  x?: number;
  y?: number;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value: string };
  maxWidth: number;
}

/** A model name on a category axis, cut to the axis width with "…"; the full name is its SVG title (hover, screen readers). */
export function NameTick({ x = 0, y = 0, textAnchor = "end", payload, maxWidth }: NameTickProps) {
  const name = payload?.value ?? "";
  const shown = truncateLabel(name, CHART_FONT, maxWidth);
  return (
    <text x={x} y={y} dy={4} textAnchor={textAnchor} fontSize={CHART_FONT} fill="#334155" data-testid="name-tick">
      <title>{name}</title>
      {shown}
    </text>
  );
}
