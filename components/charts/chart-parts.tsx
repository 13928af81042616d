"use client";

import { useLocale } from "next-intl";
import { CartesianGrid, XAxis, YAxis } from "recharts";
import { AXIS_ROOM, truncateLabel } from "@/lib/charts/layout";
import type { NiceScale } from "@/lib/charts/ticks";
import { textDirection, type Locale } from "@/lib/i18n/locales";

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

/**
 * The grid and axes of a chart with one row per model (layout="vertical"): round rating ticks along x, mirrored in
 * right-to-left, and model names on y, cut to the axis width. An array of elements, not a component, so they stay
 * direct children of the recharts chart.
 */
export function modelRowAxes({ scale, axis, isRtl }: { scale: NiceScale; axis: { width: number; labelMax: number }; isRtl: boolean }) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" horizontal={false} />,
    <XAxis
      key="x"
      type="number"
      domain={scale.domain}
      ticks={scale.ticks}
      interval={0}
      reversed={isRtl}
      tick={{ fontSize: CHART_FONT }}
      height={AXIS_ROOM.bottom - 4}
    />,
    <YAxis
      key="y"
      type="category"
      dataKey="model"
      width={axis.width}
      interval={0}
      orientation={isRtl ? "right" : "left"}
      tickLine={false}
      tick={(props: object) => <NameTick {...props} maxWidth={axis.labelMax} />}
    />,
  ];
}
