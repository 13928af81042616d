"use client";

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { usePopover } from "@/components/ui/use-popover";
import type { FilterOption } from "./slice-filter-bar";

interface FilterMenuProps {
  /** The attribute's name, e.g. "Region". */
  label: string;
  options: FilterOption[];
  chosen: string[];
  /** Called once, when the reader presses Apply: the full new list of values. */
  onApply: (values: string[]) => void;
  /** Called when the reader is about to apply (pointer or focus on Apply): a chance to fetch ahead. */
  onPreview?: (values: string[]) => void;
}

/**
 * One filter attribute as a menu button: it opens a list of checkboxes, and nothing applies until the reader
 * presses Apply (arrow keys, ticking and unticking only change the draft). Escape or Cancel closes without
 * applying; either way focus returns to the button. The list is rendered only while open (a country list is
 * ~250 elements).
 */
export function FilterMenu({ label, options, chosen, onApply, onPreview }: FilterMenuProps) {
  const t = useTranslations("leaderboard.filters");
  const { open, setOpen, button, panel, panelId, close } = usePopover<HTMLDivElement>("input");
  const [draft, setDraft] = useState<string[]>(chosen);

  const apply = () => {
    const next = options.map((o) => o.value).filter((v) => draft.includes(v));
    close();
    if (next.length !== chosen.length || next.some((v) => !chosen.includes(v))) onApply(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };
  const summary =
    chosen.length === 0
      ? t("all")
      : chosen.length === 1
        ? (options.find((o) => o.value === chosen[0])?.label ?? chosen[0])
        : t("count", { count: chosen.length });

  return (
    <div className="text-xs font-medium text-slate-700 sm:relative" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setDraft(chosen);
          setOpen(!open);
        }}
        className="flex max-w-48 items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal text-slate-900"
      >
        <span className="font-medium">{label}:</span>
        <span className="truncate">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          className="absolute inset-x-0 z-20 mt-1 rounded border border-slate-300 bg-white p-2 shadow-lg sm:end-auto sm:w-64"
        >
          <fieldset>
            <legend className="sr-only">{label}</legend>
            <div className="max-h-64 space-y-0.5 overflow-y-auto">
              {options.map((o) => (
                <label key={o.value} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm font-normal hover:bg-slate-100">
                  <input
                    type="checkbox"
                    value={o.value}
                    checked={draft.includes(o.value)}
                    onChange={(e) => setDraft(e.target.checked ? [...draft, o.value] : draft.filter((v) => v !== o.value))}
                  />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="mt-2 flex justify-end gap-2">
            <button type="button" onClick={close} className="rounded px-2 py-1 text-sm text-slate-700 underline">
              {t("cancel")}
            </button>
            <button
              type="button"
              onClick={apply}
              onPointerEnter={() => onPreview?.(draft)}
              onFocus={() => onPreview?.(draft)}
              className="rounded bg-slate-900 px-3 py-1 text-sm font-medium text-white"
            >
              {t("apply")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
