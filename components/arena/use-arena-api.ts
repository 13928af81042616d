"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { apiRequest } from "@/lib/client/api-client";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { AnonymousBattle, BattleReveal } from "@/lib/queries/battles";

/** The signed-in user's vote count, shown in the header (components/arena/header-vote-count.tsx). */
export const VOTE_COUNT_KEY = ["me", "voteCount"] as const;

/** POST /api/battles: a battle on a typed prompt, or (without one) on a sampled corpus prompt. */
export function useStartBattle(onStarted: (battle: AnonymousBattle) => void) {
  return useMutation({
    mutationFn: (prompt: string | undefined) =>
      apiRequest<{ battle: AnonymousBattle }>("/api/battles", { method: "POST", body: prompt === undefined ? {} : { prompt } }),
    onSuccess: ({ battle }) => onStarted(battle),
  });
}

/** POST /api/battles/[id]/skip: the sampled battle ends void and a new one is drawn. */
export function useSkipBattle(onStarted: (battle: AnonymousBattle) => void) {
  return useMutation({
    mutationFn: (battleId: string) =>
      apiRequest<{ battle: AnonymousBattle }>(`/api/battles/${encodeURIComponent(battleId)}/skip`, { method: "POST", body: {} }),
    onSuccess: ({ battle }) => onStarted(battle),
  });
}

/** POST /api/battles/[id]/vote: the reveal, and the voter's new vote count for the header. */
export function useVote(battleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (outcome: Outcome) =>
      apiRequest<BattleReveal & { voteCount: number }>(`/api/battles/${encodeURIComponent(battleId)}/vote`, {
        method: "POST",
        body: { outcome },
      }),
    onSuccess: (reveal) => queryClient.setQueryData(VOTE_COUNT_KEY, reveal.voteCount),
  });
}

const subscribeNever = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React handles events: controls that
 * would lose a click made before hydration (a slow phone, a fast test) stay disabled until then.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
