"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";

export interface HeatmapAxisItem {
  label: string;
  href?: string;
}

export interface CellStyle {
  background: string;
  color: string;
}

interface HeatmapTableProps {
  /** Accessible name of the table, e.g. "Win fraction of each model against each other model". */
  title: string;
  /** The same models on both axes, in the same order. */
  axis: HeatmapAxisItem[];
  values: (number | null)[][];
  /** Text shown in a cell; null cells (the diagonal, pairs that never met) stay empty. */
  format: (value: number) => string;
  style: (value: number) => CellStyle;
  /** Sentence for the hovered cell, e.g. "A beats B in 62% of 24 battles". */
  describe: (row: number, col: number) => string;
  legend: ReactNode;
  testId: string;
}

/**
 * A square matrix drawn as a real table: row and column headers are the model names, so screen readers read
 * "row, column, value". Hovering or focusing a cell highlights its row and column and describes it below.
 */
export function HeatmapTable({ title, axis, values, format, style, describe, legend, testId }: HeatmapTableProps) {
  const t = useTranslations("charts");
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  const isActiveRow = (i: number) => active?.row === i;
  const isActiveCol = (j: number) => active?.col === j;
  const name = (item: HeatmapAxisItem) =>
    item.href ? (
      <Link href={item.href} className="hover:underline">
        {item.label}
      </Link>
    ) : (
      item.label
    );

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto" onMouseLeave={() => setActive(null)}>
        <table className="border-separate border-spacing-0.5 text-xs" aria-label={title} data-testid={testId}>
          <thead>
            <tr>
              <td className="sticky start-0 z-10 bg-white" />
              {axis.map((item, j) => (
                <th key={j} scope="col" className={`h-52 w-11 min-w-11 align-bottom font-medium ${isActiveCol(j) ? "text-slate-950" : "text-slate-600"}`}>
                  <span className="mx-auto block max-h-52 overflow-hidden whitespace-nowrap [transform:rotate(180deg)] [writing-mode:vertical-rl]">{name(item)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axis.map((item, i) => (
              <tr key={i}>
                <th
                  scope="row"
                  className={`sticky start-0 z-10 max-w-32 truncate whitespace-nowrap bg-white pe-2 text-end font-medium sm:max-w-56 ${isActiveRow(i) ? "text-slate-950" : "text-slate-600"}`}
                  title={item.label}
                >
                  {name(item)}
                </th>
                {values[i]!.map((value, j) => {
                  const isEmpty = value === null;
                  const colours = isEmpty ? undefined : style(value);
                  return (
                    <td
                      key={j}
                      title={isEmpty ? undefined : describe(i, j)}
                      onMouseEnter={() => setActive({ row: i, col: j })}
                      className={`h-9 w-11 min-w-11 rounded-sm text-center tabular-nums ${i === j ? "bg-slate-200" : isEmpty ? "bg-white ring-1 ring-inset ring-slate-100" : ""} ${
                        isActiveRow(i) && isActiveCol(j) ? "outline-2 outline-slate-900" : ""
                      }`}
                      style={colours ? { background: colours.background, color: colours.color } : undefined}
                    >
                      {isEmpty ? "" : format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-slate-600">
        <p aria-live="polite" className="min-h-4">
          {active && values[active.row]![active.col] !== null ? describe(active.row, active.col) : t("heatmapHint")}
        </p>
        {legend}
      </div>
    </div>
  );
}

/** Linear blend of two RGB colours, t in [0, 1]. */
export function mix(from: [number, number, number], to: [number, number, number], t: number): string {
  const c = from.map((f, k) => Math.round(f + (to[k]! - f) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
