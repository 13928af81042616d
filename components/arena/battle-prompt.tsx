"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useIsHydrated } from "./use-arena-api";

interface Props {
  prompt: string;
  canSkip: boolean;
  isBusy: boolean;
  /** Move the focus here on mount (a battle the contributor just asked for). */
  shouldFocus: boolean;
  onSkip: () => void;
}

/** The battle's prompt, the place focus lands on a new battle, and "Skip" for a sampled prompt. */
export function BattlePrompt({ prompt, canSkip, isBusy, shouldFocus, onSkip }: Props) {
  const t = useTranslations("arena");
  const heading = useRef<HTMLHeadingElement>(null);
  const isHydrated = useIsHydrated();

  useEffect(() => {
    if (shouldFocus) heading.current?.focus();
  }, [shouldFocus]);

  return (
    <div className="rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2
          ref={heading}
          tabIndex={-1}
          className="text-xs font-semibold uppercase tracking-wide text-slate-600"
          data-testid="battle-heading"
        >
          {t("prompt.heading")}
        </h2>
        {canSkip && (
          <button
            type="button"
            disabled={isBusy || !isHydrated}
            onClick={onSkip}
            className="text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-50"
          >
            {t("prompt.skip")}
          </button>
        )}
      </div>
      <p className="response-text mt-1 text-start" data-testid="prompt" dir="auto">
        {prompt}
      </p>
    </div>
  );
}
