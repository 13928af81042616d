import { AppError } from "@/lib/errors";
import type { LicenseKind, ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import type { ModelAction, ModelActionInput } from "./schema";

/**
 * The roster's state machine, as pure rules: which status and visibility changes an admin action makes, and which
 * it refuses (an AppError "invalid_transition" with a message the admin can act on). The database side
 * (lib/queries/models.ts) reads the row, applies the change and records the audit and changelog entries.
 *
 *   status:      ACTIVE ⇄ PAUSED (pause / resume); ACTIVE or PAUSED → DEPRECATED (deprecate; final)
 *   visibility:  PRIVATE_TESTING → PUBLIC (publish) or WITHDRAWN (withdraw); both end testing, for good
 */

/** The public changelog's name for each action. */
export const ROSTER_EVENT_OF_ACTION = {
  pause: "paused",
  resume: "resumed",
  deprecate: "deprecated",
  publish: "published",
  withdraw: "withdrawn",
} as const;

export interface RosterState {
  status: ModelStatus;
  visibility: Visibility;
}

/** The columns an action sets: the new status or visibility and, for endings, the instant and the written reason. */
export interface ModelChange {
  status?: ModelStatus;
  visibility?: Visibility;
  testingEndedAt?: Date;
  deprecatedAt?: Date;
  deprecationReason?: string;
}

export interface PlannedAction {
  change: ModelChange;
  /** The deprecation's written reason (null for other actions). */
  reason: string | null;
  event: (typeof ROSTER_EVENT_OF_ACTION)[ModelAction];
}

function transition(message: string): AppError {
  return new AppError("invalid_transition", message);
}

/** The change `input` makes to a model in state `before` at `now`, or an "invalid_transition" error. */
export function planModelAction(before: RosterState, input: ModelActionInput, now: Date): PlannedAction {
  const event = ROSTER_EVENT_OF_ACTION[input.action];
  switch (input.action) {
    case "pause":
      if (before.status !== "ACTIVE") throw transition(`Only an active model can be paused; this one is ${before.status.toLowerCase()}.`);
      return { change: { status: "PAUSED" }, reason: null, event };
    case "resume":
      if (before.status !== "PAUSED")
        throw transition(
          before.status === "DEPRECATED" ? "A deprecated model cannot return to the arena." : "Only a paused model can be resumed.",
        );
      return { change: { status: "ACTIVE" }, reason: null, event };
    case "deprecate": {
      if (before.status === "DEPRECATED") throw transition("This model is already deprecated.");
      const reason = input.reason ?? "";
      return { change: { status: "DEPRECATED", deprecatedAt: now, deprecationReason: `${input.clause}: ${reason}` }, reason, event };
    }
    case "publish":
      if (before.visibility !== "PRIVATE_TESTING") throw transition("Only a private-testing variant can be made public.");
      return { change: { visibility: "PUBLIC", testingEndedAt: now }, reason: null, event };
    case "withdraw":
      if (before.visibility !== "PRIVATE_TESTING") throw transition("Only a private-testing variant can be withdrawn.");
      return { change: { visibility: "WITHDRAWN", testingEndedAt: now }, reason: null, event };
  }
}

/** True for the actions that end private testing (and publish the organization's tested-variants report). */
export function endsTesting(action: ModelAction): action is "publish" | "withdraw" {
  return action === "publish" || action === "withdraw";
}

/**
 * Refuses an edit that hides a model again (visibility back to PRIVATE_TESTING) unless it is allowed: never to
 * PUBLIC by an edit (that is the "publish" action), never for a withdrawn variant or one whose testing ended, never
 * for a model with votes. `votes` is the model's vote count.
 */
export function checkVisibilityEdit(before: RosterState & { testingEndedAt: Date | null }, to: Visibility, votes: number): void {
  if (to === "PUBLIC") {
    throw transition(
      "Use the “Make public” action to end private testing: it publishes the scores of every variant this organization tested.",
    );
  }
  if (before.visibility === "WITHDRAWN") throw transition("A withdrawn variant cannot be tested again; add a new variant instead.");
  if (before.testingEndedAt) throw transition("This model already ended private testing; it cannot go back to private.");
  if (votes > 0) throw transition("This model has votes: it can never be hidden from the public leaderboard.");
}

/**
 * The licence after an edit: a new kind without a licence name clears the old name; open-weights models need a
 * real licence name (an "invalid_input" error otherwise). Returns the kind and name to store.
 */
export function resolveLicense(
  before: { licenseKind: LicenseKind; license: string },
  patch: { licenseKind?: LicenseKind; license?: string },
): { licenseKind: LicenseKind; license: string } {
  const licenseKind = patch.licenseKind ?? before.licenseKind;
  const license = patch.license ?? (patch.licenseKind && patch.licenseKind !== before.licenseKind ? undefined : before.license);
  if (licenseKind === "OPEN_WEIGHTS" && (!license || license === "proprietary")) {
    throw new AppError("invalid_input", "Open-weights models need their licence name.", {
      license: "Open-weights models need their licence name (for example Apache-2.0).",
    });
  }
  return { licenseKind, license: license ?? "proprietary" };
}
