"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { VOTE_COUNT_KEY } from "./use-arena-api";

/**
 * The header's "N votes": the server's count when the page was rendered, then the count each
 * vote answers with (useVote writes it into the query cache), so it changes at the reveal.
 */
export function HeaderVoteCount({ initial }: { initial: number }) {
  const t = useTranslations("common");
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: VOTE_COUNT_KEY, queryFn: () => initial, initialData: initial, staleTime: Infinity });

  useEffect(() => {
    // A fresh server render (a reload, router.refresh) knows best.
    queryClient.setQueryData(VOTE_COUNT_KEY, initial);
  }, [initial, queryClient]);

  return <>{t("voteCount", { count: data })}</>;
}
