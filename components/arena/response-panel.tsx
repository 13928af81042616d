"use client";

import { useTranslations } from "next-intl";
import type { RevealedModel } from "@/lib/queries/battles";

interface Props {
  side: "A" | "B";
  text: string;
  isComplete: boolean;
  model?: RevealedModel;
  isWinner: boolean;
}

/** One anonymous response; after the vote it shows which model wrote it. */
export function ResponsePanel({ side, text, isComplete, model, isWinner }: Props) {
  const t = useTranslations("arena");
  return (
    <article
      className={`min-w-0 rounded border bg-white p-4 ${isWinner ? "border-green-500 ring-1 ring-green-500" : "border-slate-200"}`}
      data-testid={`response-${side}`}
      aria-busy={!isComplete}
    >
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t("response.heading", { side })}</h2>
        {model && (
          <span className="text-sm text-slate-700" data-testid={`model-${side}`}>
            {model.displayName} · {model.organization}
          </span>
        )}
      </header>
      {text.trim() || !isComplete ? (
        <div className="response-text max-h-[32rem] overflow-y-auto text-start text-sm leading-relaxed" data-testid={`text-${side}`} dir="auto" tabIndex={0} role="region" aria-label={t("response.heading", { side })}>
          {text}
        </div>
      ) : (
        <p className="text-sm italic text-slate-500">{t("response.empty")}</p>
      )}
    </article>
  );
}
