"use client";

import { useTranslations } from "next-intl";
import { Bar, ComposedChart, Tooltip, type BarShapeProps } from "recharts";
import { categoryAxisLayout, AXIS_ROOM, ROW_HEIGHT, rowChartHeight, tickBudget } from "@/lib/charts/layout";
import { niceTicks } from "@/lib/charts/ticks";
import { CHART_FONT, modelRowAxes, useIsRtl } from "./chart-parts";
import { useElementWidth } from "./use-element-width";

export interface IntervalPoint {
  model: string;
  rating: number;
  lower: number;
  upper: number;
}

const SIDE_MARGIN = 18;

/** The height the chart takes for `count` models, for placeholders that must not shift the page. */
export function ratingIntervalChartHeight(count: number): number {
  return rowChartHeight(count);
}

/**
 * Ratings as dots with their 95% intervals as whiskers, one row per model (names on the category axis), so the
 * chart grows with the models and stays readable on a phone. Dot and whisker are one shape: they appear together.
 */
export function RatingIntervalChart({ points }: { points: IntervalPoint[] }) {
  const t = useTranslations("charts.interval");
  const isRtl = useIsRtl();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const height = rowChartHeight(points.length);
  const axis = categoryAxisLayout(
    points.map((p) => p.model),
    CHART_FONT,
    width || 360,
  );
  const scale = niceTicks(
    Math.min(...points.map((p) => p.lower)),
    Math.max(...points.map((p) => p.upper)),
    tickBudget(width - axis.width - 2 * SIDE_MARGIN),
  );
  const data = points.map((p) => ({ ...p, range: [p.lower, p.upper] as [number, number] }));
  const shape = (props: BarShapeProps) => <IntervalMark {...props} isRtl={isRtl} />;
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-label={t("label")}>
      {/* SVG text anchors follow the text direction: the plot itself is drawn LTR and mirrored explicitly. */}
      <div ref={ref} dir="ltr" style={{ height }} data-testid="rating-interval-chart">
        {width > 0 && (
          <ComposedChart
            width={width}
            height={height}
            data={data}
            layout="vertical"
            margin={{ top: AXIS_ROOM.top, right: SIDE_MARGIN, bottom: 4, left: SIDE_MARGIN }}
          >
            {modelRowAxes({ scale, axis, isRtl })}
            <Tooltip
              cursor={{ fill: "#f1f5f9" }}
              content={(props) => <IntervalTooltip active={props.active} payload={props.payload} isRtl={isRtl} />}
            />
            <Bar dataKey="range" barSize={ROW_HEIGHT - 6} isAnimationActive={false} shape={shape} />
          </ComposedChart>
        )}
      </div>
      <figcaption className="text-center text-xs text-slate-500">{t("caption")}</figcaption>
    </figure>
  );
}

/** One model's mark: the whisker from lower to upper with end caps, and the rating dot on it. */
function IntervalMark({ x, y, width, height, payload, isRtl }: BarShapeProps & { isRtl: boolean }) {
  const p = payload as IntervalPoint;
  const left = Math.min(x, x + width);
  const right = Math.max(x, x + width);
  const f = p.upper > p.lower ? (p.rating - p.lower) / (p.upper - p.lower) : 0.5;
  const cx = isRtl ? right - f * (right - left) : left + f * (right - left);
  const cy = y + height / 2;
  return (
    <g data-testid="interval-mark" data-model={p.model}>
      <line data-testid="interval-whisker" x1={left} x2={right} y1={cy} y2={cy} stroke="#475569" strokeWidth={1.5} />
      <line x1={left} x2={left} y1={cy - 4} y2={cy + 4} stroke="#475569" strokeWidth={1.5} />
      <line x1={right} x2={right} y1={cy - 4} y2={cy + 4} stroke="#475569" strokeWidth={1.5} />
      <circle data-testid="interval-dot" cx={cx} cy={cy} r={4} fill="#0f172a" />
    </g>
  );
}

function IntervalTooltip({ active, payload, isRtl }: { active?: boolean; payload?: readonly { payload?: unknown }[]; isRtl: boolean }) {
  const t = useTranslations("charts.interval");
  const p = active ? (payload?.[0]?.payload as IntervalPoint | undefined) : undefined;
  if (!p) return null;
  return (
    <div dir={isRtl ? "rtl" : "ltr"} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs shadow">
      <p className="font-semibold">{p.model}</p>
      <p>{t("tooltip", { rating: Math.round(p.rating), lower: Math.round(p.lower), upper: Math.round(p.upper) })}</p>
    </div>
  );
}
