"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import type { ApiTokenJson } from "@/lib/api-tokens/schemas";
import { CreateTokenForm } from "./create-token-form";
import { TOKENS_QUERY_KEY } from "./query-key";
import { TokenList } from "./token-list";

/** The Data page's "API tokens" section: create (secret shown once), list, revoke. */
export function ApiTokensPanel() {
  const t = useTranslations("governance.tokens");
  const errorMessage = useApiErrorMessage();
  const tokens = useQuery({
    queryKey: TOKENS_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest<{ tokens: ApiTokenJson[] }>("/api/tokens", { signal }).then((b) => b.tokens),
  });
  return (
    <section className="space-y-3" aria-labelledby="api-tokens-title" data-testid="api-tokens">
      <h2 id="api-tokens-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <CreateTokenForm />
      {tokens.isPending ? (
        <p className="text-sm text-slate-600">{t("loading")}</p>
      ) : tokens.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(tokens.error)}
        </p>
      ) : (
        <TokenList tokens={tokens.data} />
      )}
    </section>
  );
}
