"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";
import type { CreatedApiTokenJson } from "@/lib/api-tokens/schemas";
import { MAX_ACTIVE_TOKENS } from "@/lib/api-tokens/limits";
import { TOKENS_QUERY_KEY } from "./query-key";
import { NewTokenSecret } from "./new-token-secret";

/** Names and creates a token; the answer's secret is shown once, until dismissed. */
export function CreateTokenForm() {
  const t = useTranslations("governance.tokens");
  const errorMessage = useApiErrorMessage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (tokenName: string) => apiRequest<CreatedApiTokenJson>("/api/tokens", { method: "POST", body: { name: tokenName } }),
    onSuccess: () => {
      setName("");
      void queryClient.invalidateQueries({ queryKey: TOKENS_QUERY_KEY });
    },
  });
  return (
    <div className="space-y-2">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(name);
        }}
      >
        <label htmlFor={inputId} className="flex flex-col text-sm">
          {t("nameLabel")}
          <input
            id={inputId}
            name="name"
            value={name}
            required
            maxLength={80}
            placeholder={t("namePlaceholder")}
            onChange={(event) => setName(event.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {create.isPending ? t("creating") : t("create")}
        </button>
      </form>
      {create.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(create.error, { token_limit_reached: t("limitReached", { max: MAX_ACTIVE_TOKENS }) })}
        </p>
      )}
      {create.data && (
        <NewTokenSecret
          key={create.data.token.id}
          name={create.data.token.name}
          secret={create.data.secret}
          onDismiss={() => create.reset()}
        />
      )}
    </div>
  );
}
