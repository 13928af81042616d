import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LicenseKind, ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { isProviderKind, type ProviderKind } from "@/lib/providers/config";
import { providerOrigin } from "@/lib/roster/provider-url";
import { parseProviderConfig, type CreateModelInput, type ModelActionInput, type UpdateModelInput } from "@/lib/roster/schema";
import { checkVisibilityEdit, endsTesting, planModelAction, resolveLicense } from "@/lib/roster/transitions";
import { encryptSecret } from "@/lib/secret-box";
import { recordAudit, type Actor } from "./audit";
import { recordRosterEvent } from "./roster-events";
import { getAllVariantScores, writeTestedVariantsReport } from "./tested-variants";

/** A roster entry as admins see it: everything but the API key, which is only "set" or not. */
export interface AdminModel {
  id: string;
  name: string;
  displayName: string;
  organization: string;
  licenseKind: LicenseKind;
  license: string;
  /** YYYY-MM-DD or null. */
  releaseDate: string | null;
  status: ModelStatus;
  visibility: Visibility;
  provider: string;
  providerConfig: Record<string, unknown>;
  hasApiKey: boolean;
  samplingWeight: number;
  testingEndedAt: Date | null;
  deprecatedAt: Date | null;
  deprecationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

// apiKeyCiphertext is read only to tell whether a key is set; toAdminModel drops it.
const columns = {
  id: true,
  name: true,
  displayName: true,
  organization: true,
  licenseKind: true,
  license: true,
  releaseDate: true,
  status: true,
  visibility: true,
  provider: true,
  providerConfig: true,
  apiKeyCiphertext: true,
  samplingWeight: true,
  testingEndedAt: true,
  deprecatedAt: true,
  deprecationReason: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = Prisma.ModelGetPayload<{ select: typeof columns }>;
type Tx = Prisma.TransactionClient;

function toAdminModel(row: Row): AdminModel {
  const { apiKeyCiphertext, releaseDate, providerConfig, ...rest } = row;
  return {
    ...rest,
    releaseDate: releaseDate ? releaseDate.toISOString().slice(0, 10) : null,
    providerConfig:
      typeof providerConfig === "object" && providerConfig !== null && !Array.isArray(providerConfig)
        ? (providerConfig as Record<string, unknown>)
        : {},
    hasApiKey: apiKeyCiphertext !== null,
  };
}

/** What the audit log keeps of a model: its fields, with the key reduced to "set"/"none". */
function auditView(model: AdminModel): Record<string, unknown> {
  const { hasApiKey, createdAt: _c, updatedAt: _u, ...rest } = model;
  return { ...rest, apiKey: hasApiKey ? "set" : "none" };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])), keys };
}

const toDate = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00Z`) : day === null ? null : undefined);

export interface ModelListFilter {
  status?: ModelStatus;
  visibility?: Visibility;
  provider?: string;
  organization?: string;
  q?: string;
}

/** The roster for the admin list, filtered, by organization then name. */
export async function listModelsForAdmin(filter: ModelListFilter = {}): Promise<AdminModel[]> {
  const rows = await db().model.findMany({
    where: {
      status: filter.status,
      visibility: filter.visibility,
      provider: filter.provider,
      organization: filter.organization ? { equals: filter.organization, mode: "insensitive" } : undefined,
      OR: filter.q
        ? [{ name: { contains: filter.q, mode: "insensitive" } }, { displayName: { contains: filter.q, mode: "insensitive" } }]
        : undefined,
    },
    orderBy: [{ organization: "asc" }, { name: "asc" }],
    select: columns,
  });
  return rows.map(toAdminModel);
}

/** The organizations on the roster (for filters and suggestions). */
export async function listOrganizations(): Promise<string[]> {
  const rows = await db().model.findMany({ distinct: ["organization"], orderBy: { organization: "asc" }, select: { organization: true } });
  return rows.map((r) => r.organization);
}

/** One model for the admin edit page, or null. */
export async function getModelForAdmin(id: string): Promise<AdminModel | null> {
  const row = await db().model.findUnique({ where: { id }, select: columns });
  return row ? toAdminModel(row) : null;
}

/** Votes a model has received (a model with votes can never be removed or hidden). */
export async function countModelVotes(id: string, tx: Pick<Tx, "vote"> = db()): Promise<number> {
  return tx.vote.count({ where: { OR: [{ modelAId: id }, { modelBId: id }] } });
}

/**
 * Serializes roster changes of one organization's private variants (two admins adding variants at
 * once both see the other's), for the rest of the transaction.
 */
async function lockOrganization(tx: Tx, organization: string): Promise<void> {
  const key = `private-variants:${organization.trim().toLowerCase()}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Refuses one more private-testing variant when the organization is at PolicySettings.privateVariantCap. */
async function checkPrivateCap(tx: Tx, organization: string, exceptId?: string): Promise<void> {
  await lockOrganization(tx, organization);
  const policy = await tx.policySettings.findUnique({ where: { id: 1 }, select: { privateVariantCap: true } });
  const cap = policy?.privateVariantCap ?? 3;
  const current = await tx.model.count({
    where: {
      organization: { equals: organization.trim(), mode: "insensitive" },
      visibility: "PRIVATE_TESTING",
      status: { not: "DEPRECATED" },
      id: exceptId ? { not: exceptId } : undefined,
    },
  });
  if (current >= cap) {
    throw new AppError(
      "private_cap_reached",
      `${organization} already has ${current} private-testing variant${current === 1 ? "" : "s"}, the most the policy allows (${cap}). Make one public or withdraw it first.`,
      { visibility: `At most ${cap} concurrent private-testing variants per organization.` },
    );
  }
}

async function findForUpdate(tx: Tx, id: string): Promise<AdminModel> {
  const row = await tx.model.findUnique({ where: { id }, select: columns });
  if (!row) throw new AppError("not_found", "No model with this id.");
  return toAdminModel(row);
}

/** Adds a model (audited, with a public "added" event); private variants count against the cap. */
export async function createModel(input: CreateModelInput, actor: Actor): Promise<AdminModel> {
  try {
    return await db().$transaction(async (tx) => {
      if (input.visibility === "PRIVATE_TESTING") await checkPrivateCap(tx, input.organization);
      const row = await tx.model.create({
        data: {
          name: input.name,
          displayName: input.displayName,
          organization: input.organization,
          licenseKind: input.licenseKind,
          license: input.license ?? "proprietary",
          releaseDate: toDate(input.releaseDate) ?? null,
          provider: input.provider,
          providerConfig: input.providerConfig as Prisma.InputJsonValue,
          apiKeyCiphertext: input.apiKey ? encryptSecret(input.apiKey) : null,
          samplingWeight: input.samplingWeight ?? 1,
          visibility: input.visibility,
        },
        select: columns,
      });
      const model = toAdminModel(row);
      await recordAudit(tx, actor, { action: "model.create", entity: "model", entityId: model.id, after: auditView(model) });
      await recordRosterEvent(tx, {
        modelId: model.id,
        kind: "added",
        details: { visibility: model.visibility, organization: model.organization, licenseKind: model.licenseKind, license: model.license },
      });
      return model;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "model_name_taken",
        `A model named "${input.name}" already exists. Names are permanent identifiers: choose another.`,
        {
          name: "This name is already on the roster.",
        },
      );
    }
    throw error;
  }
}

const PUBLIC_FIELDS = ["displayName", "organization", "licenseKind", "license", "releaseDate"] as const;

/** Edits a model (audited with before and after; the key only as set/cleared). */
export async function updateModel(id: string, patch: UpdateModelInput, actor: Actor): Promise<AdminModel> {
  return db().$transaction(async (tx) => {
    const before = await findForUpdate(tx, id);
    const provider = patch.provider ?? before.provider;
    if (!isProviderKind(provider)) throw new AppError("invalid_input", `Unknown provider ${provider}.`);
    const data: Prisma.ModelUpdateInput = {};

    if (patch.provider !== undefined || patch.providerConfig !== undefined) {
      // Switching provider resets settings that belong to the old one unless new ones are sent.
      const config =
        patch.providerConfig ?? (patch.provider !== undefined && patch.provider !== before.provider ? {} : before.providerConfig);
      const parsed = parseProviderConfig(provider as ProviderKind, config);
      if (!parsed.ok)
        throw new AppError("invalid_input", `Invalid provider settings: ${Object.values(parsed.details).join(" ")}`, parsed.details);
      data.provider = provider;
      data.providerConfig = parsed.config as Prisma.InputJsonValue;
    }
    if (provider === "replay" && typeof patch.apiKey === "string") {
      throw new AppError("invalid_input", "Replay models take no API key.", {
        apiKey: "Replay models answer from the shipped corpus and take no API key.",
      });
    }
    if (patch.apiKey !== undefined) data.apiKeyCiphertext = patch.apiKey === null ? null : encryptSecret(patch.apiKey);
    // A key goes only to the host it was entered for: pointing the model at another host (scheme,
    // name or port) drops the stored key unless the same change sends the key for the new host.
    const isKeyClearedByHostChange =
      patch.apiKey === undefined &&
      before.hasApiKey &&
      data.providerConfig !== undefined &&
      providerOrigin(before.providerConfig, before.provider) !== providerOrigin(data.providerConfig as Record<string, unknown>, provider);
    if (isKeyClearedByHostChange) data.apiKeyCiphertext = null;
    if (provider === "replay" && before.hasApiKey && patch.provider === "replay") data.apiKeyCiphertext = null;

    const { license } = resolveLicense(before, patch);
    if (patch.licenseKind !== undefined) data.licenseKind = patch.licenseKind;
    if (patch.license !== undefined || patch.licenseKind !== undefined) data.license = license;
    if (patch.displayName !== undefined) data.displayName = patch.displayName;
    if (patch.organization !== undefined) data.organization = patch.organization;
    if (patch.releaseDate !== undefined) data.releaseDate = toDate(patch.releaseDate);
    if (patch.samplingWeight !== undefined) data.samplingWeight = patch.samplingWeight;

    if (patch.visibility !== undefined && patch.visibility !== before.visibility) {
      checkVisibilityEdit(before, patch.visibility, await countModelVotes(id, tx));
      await checkPrivateCap(tx, patch.organization ?? before.organization, id);
      data.visibility = "PRIVATE_TESTING";
    } else if (
      before.visibility === "PRIVATE_TESTING" &&
      patch.organization !== undefined &&
      patch.organization.toLowerCase() !== before.organization.toLowerCase()
    ) {
      // Moving a private variant to another organization counts against that organization's cap.
      await checkPrivateCap(tx, patch.organization, id);
    }

    const row = await tx.model.update({ where: { id }, data, select: columns });
    const after = toAdminModel(row);
    const diff = changedFields(auditView(before), auditView(after));
    if (isKeyClearedByHostChange) {
      diff.before.apiKey = "set";
      diff.after.apiKey = "cleared";
      diff.after.apiKeyClearedBecause = "base URL host changed";
    }
    if (patch.apiKey !== undefined) {
      diff.before.apiKey = before.hasApiKey ? "set" : "none";
      diff.after.apiKey = patch.apiKey === null ? "cleared" : "set";
    }
    if (Object.keys(diff.after).length === 0) return after;
    await recordAudit(tx, actor, { action: "model.update", entity: "model", entityId: id, before: diff.before, after: diff.after });
    const publicChanges = diff.keys.filter((k) => (PUBLIC_FIELDS as readonly string[]).includes(k));
    if (publicChanges.length > 0) {
      await recordRosterEvent(tx, {
        modelId: id,
        kind: "edited",
        details: { fields: publicChanges, before: pick(diff.before, publicChanges), after: pick(diff.after, publicChanges) },
      });
    }
    return after;
  });
}

function pick(record: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

/**
 * Pause, resume, deprecate, publish (private → public) or withdraw (private → withdrawn).
 * Publishing or withdrawing a variant also publishes the scores of every variant its organization
 * tested (TestedVariantsReport). There is no delete: deprecation is the only way off the arena.
 */
export async function applyModelAction(id: string, input: ModelActionInput, actor: Actor): Promise<AdminModel> {
  const isTestingEnd = endsTesting(input.action);
  // Fitting the board takes time: do it before the transaction (scores up to this instant).
  const variantScores = isTestingEnd ? await getAllVariantScores() : null;
  return db().$transaction(
    async (tx) => {
      const before = await findForUpdate(tx, id);
      if (isTestingEnd) await lockOrganization(tx, before.organization);
      const { change: data, reason, event: kind } = planModelAction(before, input, new Date());
      const row = await tx.model.update({ where: { id }, data, select: columns });
      const after = toAdminModel(row);
      const diff = changedFields(auditView(before), auditView(after));
      let reportId: string | undefined;
      if (variantScores && endsTesting(input.action)) {
        const report = await writeTestedVariantsReport(tx, {
          organization: after.organization,
          triggerModelId: id,
          trigger: kind === "published" ? "published" : "withdrawn",
          dataCutoff: variantScores.dataCutoff,
          scores: variantScores.scores,
        });
        reportId = report.id;
      }
      await recordAudit(tx, actor, {
        action: `model.${input.action}`,
        entity: "model",
        entityId: id,
        before: diff.before,
        after: {
          ...diff.after,
          ...(input.clause ? { clause: input.clause } : {}),
          ...(reason ? { reason } : {}),
          ...(reportId ? { testedVariantsReport: reportId } : {}),
        },
      });
      await recordRosterEvent(tx, {
        modelId: id,
        kind,
        reason,
        details: { ...(input.clause ? { clause: input.clause } : {}), ...(reportId ? { testedVariantsReport: reportId } : {}) },
      });
      return after;
    },
    { timeout: 20_000 },
  );
}
