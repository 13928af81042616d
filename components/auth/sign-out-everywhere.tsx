"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";

/** Ends every session of this account on the server, then clears this browser's cookie. */
export function SignOutEverywhere() {
  const t = useTranslations("profile.sessions");
  const apiMessage = useApiErrorMessage();
  const end = useMutation({
    mutationFn: () => apiRequest("/api/profile/sessions", { method: "DELETE" }),
    onSuccess: () => signOut({ callbackUrl: "/" }),
  });
  // Busy until the browser has left the page: signing out follows the server's answer.
  const isBusy = end.isPending || end.isSuccess;

  return (
    <div>
      <button
        type="button"
        onClick={() => end.mutate()}
        disabled={isBusy}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
      >
        {isBusy ? t("busy") : t("signOutEverywhere")}
      </button>
      <FieldError message={end.error ? apiMessage(end.error, { internal: t("failed") }) : undefined} />
    </div>
  );
}
