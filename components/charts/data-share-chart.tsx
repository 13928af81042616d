"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useIsRtl } from "./chart-parts";

export interface DataShareSeries {
  organization: string;
  /** Share (0–1) per period, aligned with `periods`. */
  shares: number[];
}

const COLORS = ["#0f172a", "#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563"];

/** Each provider's share of battles or prompts per period, one line per provider (ready props, no fetching). */
export function DataShareChart({
  periods,
  series,
  metric,
}: {
  periods: string[];
  series: DataShareSeries[];
  metric: "battles" | "prompts";
}) {
  const t = useTranslations("governance.dataShare.chart");
  const isRtl = useIsRtl();
  const data = periods.map((period, i) =>
    Object.fromEntries([["period", period], ...series.map((s) => [s.organization, Math.round(s.shares[i] * 1000) / 10])]),
  );
  return (
    <figure
      className="rounded border border-slate-200 bg-white p-3"
      aria-label={t(`label.${metric}`)}
      data-testid={`data-share-chart-${metric}`}
    >
      {/* Drawn LTR so SVG text anchors are not flipped; in RTL time runs right to left explicitly. */}
      <div dir="ltr">
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" tick={{ fontSize: 11 }} reversed={isRtl} padding={{ left: 12, right: 12 }} />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 20, 40, 60, 80, 100]}
              unit="%"
              tick={{ fontSize: 11 }}
              width={48}
              orientation={isRtl ? "right" : "left"}
            />
            <Tooltip formatter={(v) => `${typeof v === "number" ? v.toFixed(1) : String(v)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s, i) => (
              <Line
                key={s.organization}
                dataKey={s.organization}
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-center text-xs text-slate-500">{t(`caption.${metric}`)}</figcaption>
    </figure>
  );
}
