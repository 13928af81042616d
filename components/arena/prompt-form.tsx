"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { MAX_PROMPT_CHARS, promptProblem } from "@/lib/battle/prompt";
import { useIsHydrated } from "./use-arena-api";

interface Props {
  canTypePrompt: boolean;
  canSample: boolean;
  isBusy: boolean;
  /** Shown after "Next battle": the first control takes the focus. */
  shouldFocus: boolean;
  onStart: (prompt?: string) => void;
}

/** Type a prompt for two live models, and/or take a sampled corpus prompt. */
export function PromptForm({ canTypePrompt, canSample, isBusy: isPending, shouldFocus, onStart }: Props) {
  const t = useTranslations("arena");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<"empty" | "tooLong" | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // A click before hydration would be lost: the buttons wait for React.
  const isHydrated = useIsHydrated();
  const isBusy = isPending || !isHydrated;

  useEffect(() => {
    if (shouldFocus) box.current?.querySelector<HTMLElement>("textarea, button")?.focus();
  }, [shouldFocus]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = promptProblem(text);
    setProblem(found);
    if (!found) onStart(text);
  }

  return (
    <div ref={box} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      {canTypePrompt && (
        <form onSubmit={submit} noValidate className="space-y-2">
          <label htmlFor="arena-prompt" className="block text-sm font-semibold">
            {t("prompt.label")}
          </label>
          <textarea
            id="arena-prompt"
            name="prompt"
            rows={5}
            value={text}
            dir="auto"
            onChange={(e) => {
              setText(e.target.value);
              if (problem) setProblem(promptProblem(e.target.value));
            }}
            placeholder={t("prompt.placeholder")}
            aria-invalid={problem !== null}
            aria-describedby="arena-prompt-help"
            className="block w-full rounded border border-slate-300 p-2 text-sm"
          />
          <div id="arena-prompt-help" className="flex flex-wrap items-center justify-between gap-2 text-xs">
            {problem ? (
              <p role="alert" className="text-red-700">
                {problem === "empty" ? t("prompt.empty") : t("prompt.tooLong", { max: MAX_PROMPT_CHARS })}
              </p>
            ) : (
              <span />
            )}
            <span className={text.length > MAX_PROMPT_CHARS ? "text-red-700" : "text-slate-500"}>
              {t("prompt.counter", { count: text.length, max: MAX_PROMPT_CHARS })}
            </span>
          </div>
          <button
            type="submit"
            disabled={isBusy}
            className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
          >
            {isPending ? t("prompt.submitting") : t("prompt.submit")}
          </button>
        </form>
      )}
      {canSample && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {canTypePrompt && <span className="text-slate-500">{t("prompt.or")}</span>}
          <button
            type="button"
            disabled={isBusy}
            onClick={() => onStart()}
            className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-50"
          >
            {canTypePrompt ? t("prompt.sample") : t("prompt.sampleOnly")}
          </button>
        </div>
      )}
    </div>
  );
}
