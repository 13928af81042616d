"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { AnonymousBattle, BattleReveal } from "@/lib/queries/battles";
import { arenaErrorMessage } from "./api-error";
import { ResponsePanel } from "./response-panel";
import { useBattleStream } from "./use-battle-stream";
import { VoteButtons } from "./vote-buttons";

const VOID_REASONS = new Set(["timeout", "provider_error", "skipped", "abandoned"]);

interface Props {
  battle: AnonymousBattle;
  isBusy: boolean;
  onNext: () => void;
  onSkip: () => void;
}

/** One battle: the prompt, responses A and B as they arrive, the four choices, then the reveal. */
export function ArenaBattle({ battle, isBusy, onNext, onSkip }: Props) {
  const t = useTranslations("arena");
  const stream = useBattleStream(battle);
  const [reveal, setReveal] = useState<BattleReveal | null>(null);
  const [error, setError] = useState("");
  const [isVoting, setVoting] = useState(false);
  const isComplete = stream.status === "done";

  const vote = useCallback(
    async (outcome: Outcome) => {
      if (isVoting || reveal || !isComplete) return;
      setVoting(true);
      setError("");
      try {
        const response = await fetch(`/api/battles/${encodeURIComponent(battle.id)}/vote`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ outcome }),
        });
        if (response.ok) setReveal((await response.json()) as BattleReveal);
        else setError(await arenaErrorMessage(response, t, "vote"));
      } catch {
        setError(t("errors.network"));
      } finally {
        setVoting(false);
      }
    },
    [battle.id, isComplete, isVoting, reveal, t],
  );

  return (
    <div className="space-y-4" data-battle-id={battle.id}>
      <div className="rounded border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("prompt.heading")}</h2>
          {battle.isSampled && !reveal && stream.status !== "void" && (
            <button type="button" disabled={isBusy} onClick={onSkip} className="text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-50">
              {t("prompt.skip")}
            </button>
          )}
        </div>
        <p className="response-text mt-1 text-start" data-testid="prompt" dir="auto">
          {battle.prompt}
        </p>
      </div>
      {stream.status === "void" ? (
        <div className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900" role="alert" data-testid="void-notice">
          <span className="text-sm">{t(`void.${VOID_REASONS.has(stream.voidReason ?? "") ? (stream.voidReason as "timeout") : "other"}`)}</span>
          <button type="button" disabled={isBusy} onClick={onNext} className="ms-auto rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
            {t("void.newBattle")}
          </button>
        </div>
      ) : (
        <>
          {!isComplete && (
            <p className="text-sm text-slate-600" role="status" data-testid="stream-status">
              {stream.status === "lost" ? t("errors.stream") : stream.status === "streaming" ? t("response.streaming") : t("response.waiting")}
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <ResponsePanel side="A" text={stream.textA} isComplete={isComplete} model={reveal?.modelA} isWinner={reveal?.outcome === "A"} />
            <ResponsePanel side="B" text={stream.textB} isComplete={isComplete} model={reveal?.modelB} isWinner={reveal?.outcome === "B"} />
          </div>
          {reveal ? (
            <div className="space-y-2 rounded border border-green-300 bg-green-50 p-4" role="status">
              <div className="flex flex-wrap items-center gap-3">
                <span className="text-sm" data-testid="reveal">
                  {t.rich("vote.reveal", {
                    modelA: reveal.modelA.displayName,
                    orgA: reveal.modelA.organization,
                    modelB: reveal.modelB.displayName,
                    orgB: reveal.modelB.organization,
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </span>
                <button type="button" disabled={isBusy} onClick={onNext} className="ms-auto rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
                  {t("vote.next")}
                </button>
              </div>
              {reveal.isIdentityLeak && (
                <p className="text-sm text-amber-900" data-testid="leak-notice">
                  {t("vote.leakFlagged")}
                </p>
              )}
            </div>
          ) : (
            <VoteButtons isDisabled={isVoting || !isComplete} onVote={vote} />
          )}
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="arena-error">
          {error}
        </p>
      )}
    </div>
  );
}
