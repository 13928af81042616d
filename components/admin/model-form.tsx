"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { apiRequest, isApiError, useApiErrorMessage } from "@/lib/client/api-client";
import { formErrors } from "@/lib/client/form-errors";
import { NO_PROVIDER, PROVIDER_KINDS } from "@/lib/providers/kinds";

/** What the edit form starts from (never the API key: only whether one is set). */
export interface ModelFormValues {
  id?: string;
  name: string;
  displayName: string;
  organization: string;
  licenseKind: "PROPRIETARY" | "OPEN_WEIGHTS";
  license: string;
  releaseDate: string;
  provider: string;
  providerConfig: Record<string, unknown>;
  hasApiKey: boolean;
  samplingWeight: number;
  visibility: "PUBLIC" | "PRIVATE_TESTING" | "WITHDRAWN";
  canSwitchToPrivate: boolean;
}

const LIVE_SETTINGS = ["baseUrl", "modelId", "systemPrompt", "temperature", "maxTokens", "timeoutMs"] as const;
const NUMERIC = new Set(["temperature", "maxTokens", "timeoutMs"]);

function text(form: FormData, key: string): string {
  return String(form.get(key) ?? "").trim();
}

/** Add or edit a roster model; posts to /api/admin/models, which validates and audits. */
export function ModelForm({ initial, organizations }: { initial: ModelFormValues; organizations: string[] }) {
  const t = useTranslations("adminModels.form");
  const router = useRouter();
  const isNew = !initial.id;
  const [provider, setProvider] = useState(initial.provider);
  const [licenseKind, setLicenseKind] = useState(initial.licenseKind);
  const [keyMode, setKeyMode] = useState<"keep" | "replace" | "clear">(isNew ? "replace" : "keep");
  const apiMessage = useApiErrorMessage();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiRequest<{ model: { id: string } }>(isNew ? "/api/admin/models" : `/api/admin/models/${initial.id}`, {
        method: isNew ? "POST" : "PATCH",
        body,
      }),
    onSuccess: (result) => {
      if (isNew) router.push(`/admin/models/${result.model.id}?created=1`);
      else router.refresh();
    },
  });
  // Field problems are shown next to their fields; conflicts (the cap) keep the server's wording, which names the organization and its count.
  const errors = formErrors(
    save.error,
    (error) => apiMessage(error, isApiError(error) && error.code === "private_cap_reached" ? { private_cap_reached: error.message } : {}),
    t("fixFields"),
  );
  // Imported models have no provider ("none"): they are never drawn until an admin gives them one, and until then the form leaves provider settings alone.
  const hasProvider = provider !== NO_PROVIDER;
  const isLive = hasProvider && provider !== "replay";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const providerConfig: Record<string, unknown> = {};
    if (isLive) {
      for (const key of LIVE_SETTINGS) {
        const value = text(form, `providerConfig.${key}`);
        if (value !== "") providerConfig[key] = NUMERIC.has(key) ? Number(value) : value;
      }
    } else if (text(form, "providerConfig.replayName")) {
      providerConfig.replayName = text(form, "providerConfig.replayName");
    }
    const body: Record<string, unknown> = {
      displayName: text(form, "displayName"),
      organization: text(form, "organization"),
      licenseKind,
      license: text(form, "license"),
      releaseDate: text(form, "releaseDate") || null,
      ...(hasProvider ? { provider, providerConfig } : {}),
      samplingWeight: text(form, "samplingWeight"),
    };
    if (isNew) body.name = text(form, "name");
    const visibility = text(form, "visibility");
    if (visibility) body.visibility = visibility;
    if (isLive && keyMode === "replace") body.apiKey = text(form, "apiKey");
    if (isLive && keyMode === "clear") body.apiKey = null;
    if (isNew && body.apiKey === "") delete body.apiKey;

    save.mutate(body);
  }

  const field = (name: string, label: string, input: React.ReactNode, help?: string) => (
    <div>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      {input}
      {help && (
        <p id={`${name}-help`} className="mt-1 text-xs text-slate-500">
          {help}
        </p>
      )}
      <FieldError message={errors[name]} />
    </div>
  );
  const config = initial.providerConfig;
  const configValue = (key: string) => (config[key] === undefined ? "" : String(config[key]));

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4" aria-label={isNew ? t("addLabel") : t("editLabel")}>
      {isNew ? (
        field(
          "name",
          t("name"),
          <input id="name" name="name" defaultValue={initial.name} className={inputClass} aria-invalid={Boolean(errors.name)} />,
          t("nameHelp"),
        )
      ) : (
        <p className="text-sm text-slate-600">{t("nameFixed", { name: initial.name })}</p>
      )}
      {field(
        "displayName",
        t("displayName"),
        <input
          id="displayName"
          name="displayName"
          defaultValue={initial.displayName}
          className={inputClass}
          aria-invalid={Boolean(errors.displayName)}
        />,
      )}
      {field(
        "organization",
        t("organization"),
        <>
          <input
            id="organization"
            name="organization"
            list="organizations"
            defaultValue={initial.organization}
            className={inputClass}
            aria-invalid={Boolean(errors.organization)}
          />
          <datalist id="organizations">
            {organizations.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </>,
      )}
      <fieldset>
        <legend className={labelClass}>{t("licenseKind")}</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["PROPRIETARY", "OPEN_WEIGHTS"] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input type="radio" name="licenseKind" value={kind} checked={licenseKind === kind} onChange={() => setLicenseKind(kind)} />
              {t(`licenseKinds.${kind}`)}
            </label>
          ))}
        </div>
        <FieldError message={errors.licenseKind} />
      </fieldset>
      {field(
        "license",
        t("license"),
        <input
          id="license"
          name="license"
          defaultValue={initial.license === "proprietary" ? "" : initial.license}
          placeholder={licenseKind === "OPEN_WEIGHTS" ? "Apache-2.0" : ""}
          className={inputClass}
          aria-invalid={Boolean(errors.license)}
        />,
        t("licenseHelp"),
      )}
      {field(
        "releaseDate",
        t("releaseDate"),
        <input
          id="releaseDate"
          name="releaseDate"
          type="date"
          defaultValue={initial.releaseDate}
          className={inputClass}
          aria-invalid={Boolean(errors.releaseDate)}
        />,
      )}
      {field(
        "provider",
        t("provider"),
        <select id="provider" name="provider" value={provider} onChange={(e) => setProvider(e.target.value)} className={inputClass}>
          {!hasProvider && <option value={NO_PROVIDER}>{t(`providers.${NO_PROVIDER}`)}</option>}
          {PROVIDER_KINDS.map((p) => (
            <option key={p} value={p}>
              {t(`providers.${p}`)}
            </option>
          ))}
        </select>,
      )}
      {isLive ? (
        <fieldset className="space-y-3 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t("settings")}</legend>
          {LIVE_SETTINGS.map((key) =>
            field(
              `providerConfig.${key}`,
              t(`settingLabels.${key}`),
              key === "systemPrompt" ? (
                <textarea
                  id={`providerConfig.${key}`}
                  name={`providerConfig.${key}`}
                  defaultValue={configValue(key)}
                  rows={3}
                  className={inputClass}
                />
              ) : (
                <input
                  id={`providerConfig.${key}`}
                  name={`providerConfig.${key}`}
                  defaultValue={configValue(key)}
                  inputMode={NUMERIC.has(key) ? "decimal" : undefined}
                  className={inputClass}
                  aria-invalid={Boolean(errors[`providerConfig.${key}`])}
                />
              ),
            ),
          )}
          <div>
            <p className={labelClass}>{t("apiKey")}</p>
            {!isNew && (
              <p className="text-sm text-slate-600" data-testid="api-key-state">
                {initial.hasApiKey ? t("keySet") : t("noKey")}
              </p>
            )}
            {!isNew && (
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {(["keep", "replace", "clear"] as const).map((mode) => (
                  <label key={mode} className="flex items-center gap-2">
                    <input type="radio" name="apiKeyMode" value={mode} checked={keyMode === mode} onChange={() => setKeyMode(mode)} />
                    {t(`keyModes.${mode}`)}
                  </label>
                ))}
              </div>
            )}
            {keyMode === "replace" && (
              <input
                id="apiKey"
                name="apiKey"
                type="password"
                autoComplete="off"
                aria-label={t("apiKey")}
                className={inputClass}
                aria-invalid={Boolean(errors.apiKey)}
              />
            )}
            <p className="mt-1 text-xs text-slate-500">{t("apiKeyHelp")}</p>
            <FieldError message={errors.apiKey} />
          </div>
        </fieldset>
      ) : !hasProvider ? (
        <p className="text-sm text-slate-600">{t("noProviderHelp")}</p>
      ) : (
        field(
          "providerConfig.replayName",
          t("replayName"),
          <input
            id="providerConfig.replayName"
            name="providerConfig.replayName"
            defaultValue={configValue("replayName")}
            className={inputClass}
          />,
          t("replayNameHelp"),
        )
      )}
      {field(
        "samplingWeight",
        t("samplingWeight"),
        <input
          id="samplingWeight"
          name="samplingWeight"
          inputMode="decimal"
          defaultValue={initial.samplingWeight}
          className={inputClass}
          aria-invalid={Boolean(errors.samplingWeight)}
        />,
        t("samplingWeightHelp"),
      )}
      {isNew || initial.canSwitchToPrivate ? (
        field(
          "visibility",
          t("visibility"),
          <select
            id="visibility"
            name="visibility"
            defaultValue={initial.visibility}
            className={inputClass}
            aria-invalid={Boolean(errors.visibility)}
          >
            <option value="PUBLIC">{t("visibilities.PUBLIC")}</option>
            <option value="PRIVATE_TESTING">{t("visibilities.PRIVATE_TESTING")}</option>
          </select>,
          t("visibilityHelp"),
        )
      ) : (
        <p className="text-sm text-slate-600">{t("visibilityFixed", { visibility: t(`visibilities.${initial.visibility}`) })}</p>
      )}
      <FieldError message={errors._} />
      {save.isSuccess && !isNew && (
        <p role="status" className="text-sm text-green-700">
          {t("saved")}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={save.isPending}>
        {save.isPending ? t("saving") : isNew ? t("add") : t("save")}
      </button>
    </form>
  );
}
