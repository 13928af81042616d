"use client";

import { useTranslations } from "next-intl";
import { Markdown } from "@/components/markdown/markdown";
import type { RevealedModel } from "@/lib/queries/battles";

interface Props {
  side: "A" | "B";
  text: string;
  isComplete: boolean;
  model?: RevealedModel;
  isWinner: boolean;
}

/**
 * One anonymous response, rendered as markdown (also while it streams); after the vote it shows
 * which model wrote it. A long answer scrolls inside a named region the keyboard can reach.
 */
export function ResponsePanel({ side, text, isComplete, model, isWinner }: Props) {
  const t = useTranslations("arena");
  const name = t("response.heading", { side });
  return (
    <article
      className={`min-w-0 rounded border bg-white p-4 ${isWinner ? "border-green-500 ring-1 ring-green-500" : "border-slate-200"}`}
      data-testid={`response-${side}`}
      aria-busy={!isComplete}
    >
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{name}</h2>
        {model && (
          <span className="text-sm text-slate-700" data-testid={`model-${side}`}>
            {model.displayName} · {model.organization}
          </span>
        )}
      </header>
      {text.trim() || !isComplete ? (
        <div
          role="region"
          aria-label={name}
          tabIndex={0}
          className="max-h-[32rem] overflow-y-auto rounded text-start text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          data-testid={`text-${side}`}
          dir="auto"
        >
          <Markdown text={text} />
        </div>
      ) : (
        <p className="text-sm italic text-slate-600">{t("response.empty")}</p>
      )}
    </article>
  );
}
