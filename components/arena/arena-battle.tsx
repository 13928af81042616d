"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AnonymousBattle, BattleReveal } from "@/lib/queries/battles";
import { ResponsePanel } from "./response-panel";

type Outcome = BattleReveal["outcome"];

const CHOICES: { outcome: Outcome; label: string }[] = [
  { outcome: "A", label: "A is better" },
  { outcome: "B", label: "B is better" },
  { outcome: "TIE", label: "Tie" },
  { outcome: "BOTH_BAD", label: "Both are bad" },
];

/** One battle: the prompt, responses A and B, the four vote buttons, then the reveal. */
export function ArenaBattle({ battle }: { battle: AnonymousBattle }) {
  const router = useRouter();
  const [reveal, setReveal] = useState<BattleReveal | null>(null);
  const [error, setError] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function vote(outcome: Outcome) {
    if (isBusy || reveal) return;
    setBusy(true);
    setError("");
    try {
      const response = await fetch(`/api/battles/${encodeURIComponent(battle.id)}/vote`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) setError(body?.error?.message ?? "Your vote could not be recorded. Please try again.");
      else setReveal(body as BattleReveal);
    } catch {
      setError("Network error: your vote was not sent. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4" data-battle-id={battle.id}>
      <div className="rounded border border-slate-200 bg-white p-4">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Prompt</h2>
        <p className="response-text mt-1" data-testid="prompt">{battle.prompt}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <ResponsePanel side="A" text={battle.responseA} model={reveal?.modelA} isWinner={reveal?.outcome === "A"} />
        <ResponsePanel side="B" text={battle.responseB} model={reveal?.modelB} isWinner={reveal?.outcome === "B"} />
      </div>
      {reveal ? (
        <div className="flex flex-wrap items-center gap-3 rounded border border-green-300 bg-green-50 p-4" role="status">
          <span className="text-sm" data-testid="reveal">
            A was <strong>{reveal.modelA.displayName}</strong> ({reveal.modelA.organization}); B was{" "}
            <strong>{reveal.modelB.displayName}</strong> ({reveal.modelB.organization}). Thanks for voting!
          </span>
          <button type="button" className="ml-auto rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" onClick={() => router.refresh()}>
            Next battle
          </button>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {CHOICES.map((c) => (
            <button key={c.outcome} type="button" disabled={isBusy} onClick={() => vote(c.outcome)} className="rounded border border-slate-300 bg-white px-4 py-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-50">
              {c.label}
            </button>
          ))}
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
