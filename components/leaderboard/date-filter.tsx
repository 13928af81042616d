"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { isCompleteFilterDate } from "@/lib/filters";

interface DateFilterProps {
  id: string;
  label: string;
  /** The applied date (YYYY-MM-DD) or undefined. */
  value: string | undefined;
  onApply: (value: string | undefined) => void;
}

/** Milliseconds after a key press within which a change counts as typing (not a pick from the calendar). */
const TYPING_WINDOW_MS = 400;

/**
 * A date filter that applies only a deliberate, complete date. Typing changes a draft: a date field holds
 * "0002-01-15" after the first key of the year, so the draft is applied on Enter or when focus leaves the field,
 * and only when it is a complete date (lib/filters isCompleteFilterDate); an emptied field clears the filter, a
 * partly typed one says so and applies nothing. A
 * date picked from the calendar (a change with no key press just before it) applies at once.
 */
export function DateFilter({ id, label, value, onApply }: DateFilterProps) {
  const t = useTranslations("leaderboard.filters");
  const [draft, setDraft] = useState(value ?? "");
  const [incomplete, setIncomplete] = useState(false);
  const lastKeyAt = useRef(0);
  // A new value from outside (the URL) replaces the draft: adjusted while rendering, not in an effect.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? "");
  }

  /** `field.value` is "" both when emptied and when partly typed; the browser flags a partial date as badInput. */
  const commit = (field: HTMLInputElement) => {
    const next = field.value;
    if (next === "" && field.validity.badInput) return setIncomplete(true);
    if (next === (value ?? "")) return setIncomplete(false);
    if (next === "") return onApply(undefined);
    const complete = isCompleteFilterDate(next);
    setIncomplete(!complete);
    if (complete) onApply(next);
  };

  return (
    <div className="text-xs font-medium text-slate-700">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        aria-describedby={incomplete ? `${id}-hint` : undefined}
        aria-invalid={incomplete || undefined}
        onKeyDown={(e) => {
          lastKeyAt.current = performance.now();
          if (e.key === "Enter") {
            e.preventDefault();
            commit(e.currentTarget);
          }
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          if (performance.now() - lastKeyAt.current > TYPING_WINDOW_MS && isCompleteFilterDate(e.target.value)) commit(e.target);
        }}
        onBlur={(e) => commit(e.target)}
        className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      />
      {incomplete && (
        <p id={`${id}-hint`} className="mt-1 font-normal text-amber-800">
          {t("incompleteDate")}
        </p>
      )}
    </div>
  );
}
