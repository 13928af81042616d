"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { BattleReveal } from "@/lib/queries/battles";

interface Props {
  reveal: BattleReveal;
  isBusy: boolean;
  onNext: () => void;
}

/** After the vote: which model wrote A and which B. Takes the focus when it appears. */
export function RevealPanel({ reveal, isBusy, onNext }: Props) {
  const t = useTranslations("arena");
  const region = useRef<HTMLElement>(null);

  useEffect(() => {
    region.current?.focus();
  }, []);

  return (
    <section
      ref={region}
      tabIndex={-1}
      aria-labelledby="reveal-heading"
      className="space-y-2 rounded border border-green-300 bg-green-50 p-4"
      data-testid="reveal-panel"
    >
      <h2 id="reveal-heading" className="sr-only">
        {t("vote.revealHeading")}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm" data-testid="reveal">
          {t.rich("vote.reveal", {
            modelA: reveal.modelA.displayName,
            orgA: reveal.modelA.organization,
            modelB: reveal.modelB.displayName,
            orgB: reveal.modelB.organization,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <button
          type="button"
          disabled={isBusy}
          onClick={onNext}
          className="ms-auto rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          {t("vote.next")}
        </button>
      </div>
      {reveal.isIdentityLeak && (
        <p className="text-sm text-amber-900" data-testid="leak-notice">
          {t("vote.leakFlagged")}
        </p>
      )}
    </section>
  );
}
