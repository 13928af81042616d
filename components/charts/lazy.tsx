"use client";

/**
 * The leaderboard's charts, loaded only when the reader scrolls near them: recharts and the heatmap tables are split
 * into their own chunks and rendered in the browser only, behind placeholders of the final size so nothing below them
 * moves. A phone opening the leaderboard builds the filter bar, the lead and the table, and nothing it cannot see yet.
 * Same props as the charts themselves: import from here instead of the chart files.
 */
import dynamic from "next/dynamic";
import type { ComponentProps, CSSProperties, ReactNode } from "react";
import { HEATMAP_COLLAPSED_MODELS, rowChartHeight } from "@/lib/charts/layout";
import { NearViewport } from "./near-viewport";
import type { BattleCountHeatmap as BattleCountHeatmapChart } from "./battle-count-heatmap";
import type { RatingIntervalChart as RatingIntervalChartChart } from "./rating-interval-chart";
import type { WinFractionHeatmap as WinFractionHeatmapChart } from "./win-fraction-heatmap";

/** Figure padding, border and caption around the interval chart's plot. */
const INTERVAL_FRAME = 24 + 2 + 16;

const LazyInterval = dynamic(() => import("./rating-interval-chart").then((m) => m.RatingIntervalChart), { ssr: false });
const LazyWinFraction = dynamic(() => import("./win-fraction-heatmap").then((m) => m.WinFractionHeatmap), { ssr: false });
const LazyBattleCount = dynamic(() => import("./battle-count-heatmap").then((m) => m.BattleCountHeatmap), { ssr: false });

export function RatingIntervalChart(props: ComponentProps<typeof RatingIntervalChartChart>) {
  // exact: the chart's height is a pure function of the number of models
  return (
    <NearViewport style={{ minHeight: rowChartHeight(props.points.length) + INTERVAL_FRAME }}>
      <LazyInterval {...props} />
    </NearViewport>
  );
}

/**
 * Room for a heatmap before it loads: caption, column headers (144 px on phones, 208 px from the sm breakpoint),
 * one 38 px row per shown model, the legend.
 */
function HeatmapSlot({ models, children }: { models: number; children: ReactNode }) {
  const rows = Math.min(models, HEATMAP_COLLAPSED_MODELS);
  return (
    <NearViewport
      style={{ "--rows": rows } as CSSProperties}
      className="min-h-[calc(var(--rows)*38px+240px)] sm:min-h-[calc(var(--rows)*38px+290px)]"
    >
      {children}
    </NearViewport>
  );
}

export function WinFractionHeatmap(props: ComponentProps<typeof WinFractionHeatmapChart>) {
  return (
    <HeatmapSlot models={props.models.length}>
      <LazyWinFraction {...props} />
    </HeatmapSlot>
  );
}

export function BattleCountHeatmap(props: ComponentProps<typeof BattleCountHeatmapChart>) {
  return (
    <HeatmapSlot models={props.models.length}>
      <LazyBattleCount {...props} />
    </HeatmapSlot>
  );
}
