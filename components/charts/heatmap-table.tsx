"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { CellPaint } from "@/lib/charts/colour";
import { HEATMAP_COLLAPSED_MODELS } from "@/lib/charts/layout";

export interface HeatmapAxisItem {
  label: string;
  href?: string;
}

interface HeatmapTableProps {
  /** Accessible name of the table, e.g. "Win fraction of each model against each other model". */
  title: string;
  /** The same models on both axes, in the same order (leaderboard order: the first are the top models). */
  axis: HeatmapAxisItem[];
  values: (number | null)[][];
  /** Text shown in a cell; null cells (the diagonal, pairs that never met) stay empty. */
  format: (value: number) => string;
  /** Colours of a cell from its value and position (the position gives its battle count). */
  paint: (value: number, row: number, col: number) => CellPaint;
  /** Sentence for the hovered cell, with its battle count, e.g. "A beats B in 62% of 24 battles". */
  describe: (row: number, col: number) => string;
  legend: ReactNode;
  testId: string;
}

/**
 * A square matrix drawn as a real table: row and column headers are the model names, so screen readers read
 * "row, column, value". Hovering or focusing a cell highlights its row and column and describes it below. The
 * table scrolls inside its own named, focusable region, so the page never scrolls sideways on a phone.
 */
export function HeatmapTable({ title, axis, values, format, paint, describe, legend, testId }: HeatmapTableProps) {
  const t = useTranslations("charts");
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  const [isExpanded, setExpanded] = useState(false);
  const shown = isExpanded ? axis.length : Math.min(axis.length, HEATMAP_COLLAPSED_MODELS);
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
      <div
        className="max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-slate-900"
        tabIndex={0}
        role="region"
        aria-label={title}
        onMouseLeave={() => setActive(null)}
      >
        <table className="border-separate border-spacing-0.5 text-xs" aria-label={title} data-testid={testId}>
          <thead>
            <tr>
              <td className="sticky start-0 z-10 bg-white" />
              {axis.slice(0, shown).map((item, j) => (
                <th
                  key={j}
                  scope="col"
                  title={item.label}
                  className={`h-36 w-10 min-w-10 align-bottom font-medium sm:h-52 sm:w-11 sm:min-w-11 ${isActiveCol(j) ? "text-slate-950" : "text-slate-600"}`}
                >
                  <span className="mx-auto block max-h-36 overflow-hidden text-ellipsis whitespace-nowrap [transform:rotate(180deg)] [writing-mode:vertical-rl] sm:max-h-52">
                    {name(item)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axis.slice(0, shown).map((item, i) => (
              <tr key={i}>
                <th
                  scope="row"
                  className={`sticky start-0 z-10 max-w-28 truncate whitespace-nowrap bg-white pe-2 text-end font-medium sm:max-w-56 ${isActiveRow(i) ? "text-slate-950" : "text-slate-600"}`}
                  title={item.label}
                >
                  {name(item)}
                </th>
                {values[i]!.slice(0, shown).map((value, j) => {
                  const cell = value === null ? null : paint(value, i, j);
                  return (
                    <td
                      key={j}
                      title={cell ? describe(i, j) : undefined}
                      data-few={cell?.isFew ? "true" : undefined}
                      onMouseEnter={() => setActive({ row: i, col: j })}
                      className={`h-9 w-10 min-w-10 rounded-sm text-center tabular-nums sm:w-11 sm:min-w-11 ${i === j ? "bg-slate-200" : cell ? "" : "bg-white ring-1 ring-inset ring-slate-100"} ${
                        cell?.isFew ? "outline-1 -outline-offset-2 outline-dashed outline-slate-400" : ""
                      } ${isActiveRow(i) && isActiveCol(j) ? "outline-2 outline-slate-900" : ""}`}
                      style={cell ? { background: cell.background, color: cell.color } : undefined}
                    >
                      {value === null ? "" : format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {axis.length > HEATMAP_COLLAPSED_MODELS && (
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 text-xs font-medium"
          aria-expanded={isExpanded}
          onClick={() => setExpanded(!isExpanded)}
        >
          {isExpanded ? t("showTop", { count: HEATMAP_COLLAPSED_MODELS }) : t("showAll", { count: axis.length })}
        </button>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-slate-600">
        <p aria-live="polite" className="min-h-4">
          {active && values[active.row]![active.col] !== null ? describe(active.row, active.col) : t("heatmapHint")}
        </p>
        {legend}
      </div>
    </div>
  );
}

/** The legend entry for faint cells: a sample faint cell and "fewer than N battles". */
export function FewBattlesKey({ sample, label }: { sample: CellPaint; label: string }) {
  return (
    <span className="flex items-center gap-1.5">
      <span
        className="inline-block size-3 rounded-sm outline-1 -outline-offset-2 outline-dashed outline-slate-400"
        style={{ background: sample.background }}
      />
      {label}
    </span>
  );
}
