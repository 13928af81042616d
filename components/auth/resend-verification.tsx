"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { apiRequest, useApiErrorMessage } from "@/lib/client/api-client";

/** Asks for a new confirmation link (the server limits how many per hour). */
export function ResendVerification({ email }: { email: string }) {
  const t = useTranslations("profile.email");
  const apiMessage = useApiErrorMessage();
  const resend = useMutation({ mutationFn: () => apiRequest("/api/profile/verification", { method: "POST" }) });

  if (resend.isSuccess)
    return (
      <p role="status" className="text-sm text-green-700">
        {t("sent", { email })}
      </p>
    );
  return (
    <div>
      <button
        type="button"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
      >
        {resend.isPending ? t("sending") : t("resend")}
      </button>
      <FieldError message={resend.error ? apiMessage(resend.error, { internal: t("sendFailed") }) : undefined} />
    </div>
  );
}
