"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import type { ApiTokenJson } from "@/lib/api-tokens/schemas";
import { TOKENS_QUERY_KEY } from "./query-key";

/** "2026-12-04 17:05 UTC", the same on server and client. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The owner's active tokens (name, visible prefix, created, last used) with a two-step revoke. */
export function TokenList({ tokens }: { tokens: ApiTokenJson[] }) {
  const t = useTranslations("governance.tokens");
  const errorMessage = useApiErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  // When the list was shown: expiry is judged against it (the server refuses an expired token whatever it says).
  const [shownAt] = useState(() => Date.now());
  const revoke = useMutation({
    mutationFn: (id: string) => apiRequest(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY });
    },
  });
  if (tokens.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      {revoke.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(revoke.error)}
        </p>
      )}
      <table className="w-full text-start text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-start">
            <th className="py-1 pe-3 text-start">{t("colName")}</th>
            <th className="py-1 pe-3 text-start">{t("colPrefix")}</th>
            <th className="py-1 pe-3 text-start">{t("colCreated")}</th>
            <th className="py-1 pe-3 text-start">{t("colLastUsed")}</th>
            <th className="py-1 text-start">
              <span className="sr-only">{t("colActions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const isExpired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= shownAt;
            return (
              <tr key={token.id} className="border-b border-slate-100" data-testid="token-row">
                <td className="py-1 pe-3">
                  {token.name}
                  {isExpired && <span className="ms-2 text-xs text-red-700">{t("expired")}</span>}
                </td>
                <td className="py-1 pe-3 font-mono text-xs" dir="ltr">
                  {token.prefix}…
                </td>
                <td className="py-1 pe-3">{utc(token.createdAt)}</td>
                <td className="py-1 pe-3">{token.lastUsedAt ? utc(token.lastUsedAt) : t("never")}</td>
                <td className="py-1">
                  {confirming === token.id ? (
                    <span className="flex gap-2">
                      <button
                        type="button"
                        className="rounded bg-red-700 px-2 py-1 text-white"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t("confirm")}
                      </button>
                      <button type="button" className="rounded border border-slate-400 px-2 py-1" onClick={() => setConfirming(null)}>
                        {t("cancel")}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="rounded border border-slate-400 px-2 py-1"
                      aria-label={t("revokeLabel", { name: token.name })}
                      onClick={() => setConfirming(token.id)}
                    >
                      {t("revoke")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
