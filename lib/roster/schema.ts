import { z } from "zod";
import { isoDaySchema } from "@/lib/dates";
import { PROVIDER_KINDS, providerConfigSchemas, type ProviderKind } from "@/lib/providers/config";
import { DEPRECATION_CLAUSES } from "./deprecation-rule";

/**
 * Request schemas for the roster (POST/PATCH /api/admin/models and their actions), shared by the
 * route handlers and the admin form. Messages are English API messages; the form shows them next
 * to the fields they name.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const nameField = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(100, "Name is at most 100 characters.")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/,
    "Name may use letters, digits and . _ : / @ + - (no spaces), starting with a letter or digit.",
  );

const displayNameField = z
  .string({ error: "Display name is required." })
  .trim()
  .min(1, "Display name is required.")
  .max(120, "Display name is at most 120 characters.");
const organizationField = z
  .string({ error: "Organization is required." })
  .trim()
  .min(1, "Organization is required.")
  .max(80, "Organization is at most 80 characters.");
const licenseKindField = z.enum(["PROPRIETARY", "OPEN_WEIGHTS"], { error: "Licence kind must be PROPRIETARY or OPEN_WEIGHTS." });
const licenseField = z.preprocess(blankToUndefined, z.string().trim().max(80, "Licence name is at most 80 characters.").optional());

const releaseDateField = z.preprocess(blankToUndefined, isoDaySchema.nullable().optional());

const providerField = z.enum(PROVIDER_KINDS, { error: `Provider must be one of ${PROVIDER_KINDS.join(", ")}.` });
const samplingWeightField = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Sampling weight must be a number." })
    .min(0, "Sampling weight cannot be negative (0 means never drawn).")
    .max(100, "Sampling weight is at most 100.")
    .optional(),
);
const visibilityField = z.enum(["PUBLIC", "PRIVATE_TESTING"], { error: "Visibility must be PUBLIC or PRIVATE_TESTING." });
const apiKeyField = z.string().trim().min(1, "API key cannot be empty.").max(1000, "API key is at most 1000 characters.");

/** zod's "expected string, received undefined" becomes "modelId is required." */
function settingMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return `${issue.path.map(String).join(".")} is required.`;
  return issue.message;
}

/** Checks providerConfig against the chosen provider's settings schema (issues under providerConfig.*). */
function checkProvider<T extends { provider?: ProviderKind; providerConfig?: unknown; apiKey?: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  if (value.provider === undefined) return value;
  if (value.provider === "replay" && typeof value.apiKey === "string") {
    ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Replay models answer from the shipped corpus and take no API key." });
  }
  const parsed = providerConfigSchemas[value.provider].safeParse(value.providerConfig ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: "custom", path: ["providerConfig", ...issue.path.map(String)], message: settingMessage(issue) });
    return z.NEVER;
  }
  return { ...value, providerConfig: parsed.data };
}

/** An open-weights model names its licence; a proprietary one is recorded as "proprietary" unless named. */
function checkLicense<T extends { licenseKind?: "PROPRIETARY" | "OPEN_WEIGHTS"; license?: string }>(value: T, ctx: z.RefinementCtx): T {
  if (value.licenseKind === "OPEN_WEIGHTS" && !value.license) {
    ctx.addIssue({ code: "custom", path: ["license"], message: "Open-weights models need their licence name (for example Apache-2.0)." });
  }
  if (value.licenseKind === "PROPRIETARY" && !value.license) return { ...value, license: "proprietary" };
  return value;
}

/** Body of POST /api/admin/models. */
export const createModelSchema = z
  .object({
    name: nameField,
    displayName: displayNameField,
    organization: organizationField,
    licenseKind: licenseKindField,
    license: licenseField,
    releaseDate: releaseDateField,
    provider: providerField,
    providerConfig: z.record(z.string(), z.unknown(), { error: "Provider settings must be an object." }).default({}),
    apiKey: z.preprocess(blankToUndefined, apiKeyField.optional()),
    samplingWeight: samplingWeightField,
    visibility: visibilityField.default("PUBLIC"),
  })
  .transform(checkLicense)
  .transform(checkProvider);

export type CreateModelInput = z.infer<typeof createModelSchema>;

/**
 * Body of PATCH /api/admin/models/[id]: any subset of the editable fields. The name is the stable
 * identifier imports use and cannot change. apiKey: a string replaces the key, null clears it.
 * providerConfig, when sent, is validated against provider (sent or current) by the caller.
 */
export const updateModelSchema = z.strictObject(
  {
    displayName: displayNameField.optional(),
    organization: organizationField.optional(),
    licenseKind: licenseKindField.optional(),
    license: licenseField,
    releaseDate: releaseDateField,
    provider: providerField.optional(),
    providerConfig: z.record(z.string(), z.unknown(), { error: "Provider settings must be an object." }).optional(),
    apiKey: z.preprocess((v) => (v === "" ? undefined : v), apiKeyField.nullable().optional()),
    samplingWeight: samplingWeightField,
    visibility: visibilityField.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field ${issue.keys.join(", ")}: the name cannot be changed, and status changes use the actions.`
        : undefined,
  },
);

export type UpdateModelInput = z.infer<typeof updateModelSchema>;

/** Validates the provider settings of an edit against the provider it will have. */
export function parseProviderConfig(
  provider: ProviderKind,
  config: unknown,
): { ok: true; config: Record<string, unknown> } | { ok: false; details: Record<string, string> } {
  const parsed = providerConfigSchemas[provider].safeParse(config ?? {});
  if (parsed.success) return { ok: true, config: parsed.data as Record<string, unknown> };
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = ["providerConfig", ...issue.path.map(String)].join(".");
    details[key] ??= settingMessage(issue);
  }
  return { ok: false, details };
}

export const MODEL_ACTIONS = ["pause", "resume", "deprecate", "publish", "withdraw"] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];

/** Body of POST /api/admin/models/[id]/actions. Deprecation needs a clause of the rule and a reason. */
export const modelActionSchema = z
  .object({
    action: z.enum(MODEL_ACTIONS, { error: `Action must be one of ${MODEL_ACTIONS.join(", ")}.` }),
    clause: z.preprocess(
      blankToUndefined,
      z.enum(DEPRECATION_CLAUSES, { error: `Clause must be one of ${DEPRECATION_CLAUSES.join(", ")}.` }).optional(),
    ),
    reason: z.preprocess(blankToUndefined, z.string().trim().max(1000, "Reason is at most 1000 characters.").optional()),
  })
  .superRefine((value, ctx) => {
    if (value.action !== "deprecate") return;
    if (!value.clause)
      ctx.addIssue({ code: "custom", path: ["clause"], message: "Choose the clause of the deprecation rule that applies." });
    if (!value.reason || value.reason.length < 10) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "A deprecation needs a written reason (at least 10 characters); it is published on the changelog.",
      });
    }
  });

export type ModelActionInput = z.infer<typeof modelActionSchema>;
