"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { AnonymousBattle } from "@/lib/queries/battles";
import { useArenaErrorMessage } from "./arena-errors";
import { BattlePrompt } from "./battle-prompt";
import { ResponsePanel } from "./response-panel";
import { RevealPanel } from "./reveal-panel";
import { useVote } from "./use-arena-api";
import { useBattleStream } from "./use-battle-stream";
import { VoteButtons } from "./vote-buttons";

const VOID_REASONS = new Set(["timeout", "provider_error", "skipped", "abandoned"]);

interface Props {
  battle: AnonymousBattle;
  isBusy: boolean;
  /** A battle the contributor just asked for: its prompt takes the focus. */
  shouldFocus: boolean;
  onNext: () => void;
  onSkip: () => void;
}

/** One battle: the prompt, responses A and B as they arrive, the four choices, then the reveal. */
export function ArenaBattle({ battle, isBusy, shouldFocus, onNext, onSkip }: Props) {
  const t = useTranslations("arena");
  const stream = useBattleStream(battle);
  const voting = useVote(battle.id);
  const errorMessage = useArenaErrorMessage();
  const reveal = voting.data ?? null;
  const isComplete = stream.status === "done";
  const { isPending, mutate } = voting;

  const vote = useCallback(
    (outcome: Outcome) => {
      if (isPending || reveal || !isComplete) return;
      mutate(outcome);
    },
    [isComplete, isPending, mutate, reveal],
  );

  return (
    <div className="space-y-4" data-battle-id={battle.id}>
      <BattlePrompt
        prompt={battle.prompt}
        canSkip={battle.isSampled && !reveal && stream.status !== "void"}
        isBusy={isBusy}
        shouldFocus={shouldFocus}
        onSkip={onSkip}
      />
      {stream.status === "void" ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900"
          role="alert"
          data-testid="void-notice"
        >
          <span className="text-sm">
            {t(`void.${VOID_REASONS.has(stream.voidReason ?? "") ? (stream.voidReason as "timeout") : "other"}`)}
          </span>
          <button
            type="button"
            disabled={isBusy}
            onClick={onNext}
            className="ms-auto rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
          >
            {t("void.newBattle")}
          </button>
        </div>
      ) : (
        <>
          {!isComplete && (
            <p className="text-sm text-slate-600" role="status" data-testid="stream-status">
              {stream.status === "lost"
                ? t("errors.stream")
                : stream.status === "streaming"
                  ? t("response.streaming")
                  : t("response.waiting")}
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <ResponsePanel side="A" text={stream.textA} isComplete={isComplete} model={reveal?.modelA} isWinner={reveal?.outcome === "A"} />
            <ResponsePanel side="B" text={stream.textB} isComplete={isComplete} model={reveal?.modelB} isWinner={reveal?.outcome === "B"} />
          </div>
          {reveal ? (
            <RevealPanel reveal={reveal} isBusy={isBusy} onNext={onNext} />
          ) : (
            <VoteButtons isDisabled={isPending || !isComplete} onVote={vote} />
          )}
        </>
      )}
      {voting.error && (
        <p role="alert" className="text-sm text-red-700" data-testid="arena-error">
          {errorMessage(voting.error, "vote")}
        </p>
      )}
    </div>
  );
}
