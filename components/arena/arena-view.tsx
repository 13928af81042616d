"use client";

import { useState } from "react";
import type { AnonymousBattle, ArenaOptions } from "@/lib/queries/battles";
import { ArenaBattle } from "./arena-battle";
import { useArenaErrorMessage } from "./arena-errors";
import { PromptForm } from "./prompt-form";
import { useSkipBattle, useStartBattle } from "./use-arena-api";

interface Props {
  initialBattle: AnonymousBattle | null;
  options: ArenaOptions;
  initialError?: string;
}

/**
 * The arena's client side: the prompt form or the current battle, and moving on to the next.
 * Whatever the contributor moves to (a new battle, the prompt form) takes the focus; the page's
 * first battle does not.
 */
export function ArenaView({ initialBattle, options, initialError = "" }: Props) {
  const [battle, setBattle] = useState(initialBattle);
  const [shouldFocus, setShouldFocus] = useState(false);
  const [initialNotice, setInitialNotice] = useState(initialError);
  const errorMessage = useArenaErrorMessage();
  const show = (next: AnonymousBattle) => {
    setShouldFocus(true);
    setBattle(next);
  };
  const start = useStartBattle(show);
  const skip = useSkipBattle(show);
  const isBusy = start.isPending || skip.isPending;
  const failure = start.error ?? skip.error;
  const error = failure ? errorMessage(failure, "battle") : initialNotice;

  function begin(prompt?: string) {
    skip.reset();
    setInitialNotice("");
    start.mutate(prompt);
  }
  function next() {
    start.reset();
    skip.reset();
    setShouldFocus(true);
    if (options.canTypePrompt) setBattle(null);
    else begin();
  }

  return (
    <div className="space-y-4">
      {battle ? (
        <ArenaBattle
          key={battle.id}
          battle={battle}
          isBusy={isBusy}
          shouldFocus={shouldFocus}
          onNext={next}
          onSkip={() => {
            start.reset();
            skip.mutate(battle.id);
          }}
        />
      ) : (
        <PromptForm
          canTypePrompt={options.canTypePrompt}
          canSample={options.canSample}
          isBusy={isBusy}
          shouldFocus={shouldFocus}
          onStart={begin}
        />
      )}
      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="arena-start-error">
          {error}
        </p>
      )}
    </div>
  );
}
