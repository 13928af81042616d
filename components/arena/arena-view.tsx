"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AnonymousBattle, ArenaOptions } from "@/lib/queries/battles";
import { arenaErrorMessage } from "./api-error";
import { ArenaBattle } from "./arena-battle";
import { PromptForm } from "./prompt-form";

interface Props {
  initialBattle: AnonymousBattle | null;
  options: ArenaOptions;
  initialError?: string;
}

/** The arena's client side: the prompt form or the current battle, and moving on to the next. */
export function ArenaView({ initialBattle, options, initialError = "" }: Props) {
  const t = useTranslations("arena");
  const [battle, setBattle] = useState(initialBattle);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState(initialError);

  async function request(url: string, body: object) {
    setBusy(true);
    setError("");
    try {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.ok) setBattle(((await response.json()) as { battle: AnonymousBattle }).battle);
      else setError(await arenaErrorMessage(response, t, "battle"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  const start = (prompt?: string) => request("/api/battles", prompt === undefined ? {} : { prompt });
  const skip = () => battle && request(`/api/battles/${encodeURIComponent(battle.id)}/skip`, {});
  function next() {
    setError("");
    if (options.canTypePrompt) setBattle(null);
    else void start();
  }

  return (
    <div className="space-y-4">
      {battle ? (
        <ArenaBattle key={battle.id} battle={battle} isBusy={isBusy} onNext={next} onSkip={skip} />
      ) : (
        <PromptForm canTypePrompt={options.canTypePrompt} canSample={options.canSample} isBusy={isBusy} onStart={start} />
      )}
      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="arena-start-error">
          {error}
        </p>
      )}
    </div>
  );
}
