import { describe, expect, it } from "vitest";
import type { ModelStatus, Visibility } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import type { ModelActionInput } from "./schema";
import { checkVisibilityEdit, endsTesting, planModelAction, resolveLicense } from "./transitions";

const NOW = new Date("2026-12-04T12:00:00Z");
const state = (status: ModelStatus, visibility: Visibility = "PUBLIC") => ({ status, visibility });
const action = (name: ModelActionInput["action"]): ModelActionInput =>
  name === "deprecate" ? { action: name, clause: "retired", reason: "The provider retired it." } : { action: name };

/** The error code and message of a refused call, or null when it passed. */
function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe("planModelAction", () => {
  it.each([
    ["pause", state("ACTIVE"), { status: "PAUSED" }, "paused"],
    ["resume", state("PAUSED"), { status: "ACTIVE" }, "resumed"],
    [
      "deprecate",
      state("ACTIVE"),
      { status: "DEPRECATED", deprecatedAt: NOW, deprecationReason: "retired: The provider retired it." },
      "deprecated",
    ],
    [
      "deprecate",
      state("PAUSED"),
      { status: "DEPRECATED", deprecatedAt: NOW, deprecationReason: "retired: The provider retired it." },
      "deprecated",
    ],
    ["publish", state("ACTIVE", "PRIVATE_TESTING"), { visibility: "PUBLIC", testingEndedAt: NOW }, "published"],
    ["withdraw", state("PAUSED", "PRIVATE_TESTING"), { visibility: "WITHDRAWN", testingEndedAt: NOW }, "withdrawn"],
  ] as const)("%s from %o sets %o (changelog: %s)", (name, before, change, event) => {
    const plan = planModelAction(before, action(name), NOW);
    expect(plan.change).toEqual(change);
    expect(plan.event).toBe(event);
    expect(plan.reason).toBe(name === "deprecate" ? "The provider retired it." : null);
  });

  it.each([
    ["pause", state("PAUSED"), "Only an active model can be paused; this one is paused."],
    ["pause", state("DEPRECATED"), "Only an active model can be paused; this one is deprecated."],
    ["resume", state("ACTIVE"), "Only a paused model can be resumed."],
    ["resume", state("DEPRECATED"), "A deprecated model cannot return to the arena."],
    ["deprecate", state("DEPRECATED"), "This model is already deprecated."],
    ["publish", state("ACTIVE", "PUBLIC"), "Only a private-testing variant can be made public."],
    ["publish", state("ACTIVE", "WITHDRAWN"), "Only a private-testing variant can be made public."],
    ["withdraw", state("ACTIVE", "PUBLIC"), "Only a private-testing variant can be withdrawn."],
  ] as const)("%s from %o is refused", (name, before, message) => {
    expect(refusal(() => planModelAction(before, action(name), NOW))).toEqual({ code: "invalid_transition", message });
  });

  it.each([
    ["pause", false],
    ["resume", false],
    ["deprecate", false],
    ["publish", true],
    ["withdraw", true],
  ] as const)("%s ends private testing: %s", (name, expected) => {
    expect(endsTesting(name)).toBe(expected);
  });
});

describe("checkVisibilityEdit", () => {
  const privateOk = { ...state("ACTIVE", "PUBLIC"), testingEndedAt: null };
  it.each([
    ["a public model without votes goes private", privateOk, "PRIVATE_TESTING", 0, null],
    ["an edit cannot make a model public", { ...state("ACTIVE", "PRIVATE_TESTING"), testingEndedAt: null }, "PUBLIC", 0, /Make public/],
    [
      "a withdrawn variant stays withdrawn",
      { ...state("ACTIVE", "WITHDRAWN"), testingEndedAt: NOW },
      "PRIVATE_TESTING",
      0,
      /cannot be tested again/,
    ],
    [
      "testing ended for good",
      { ...state("ACTIVE", "PUBLIC"), testingEndedAt: NOW },
      "PRIVATE_TESTING",
      0,
      /already ended private testing/,
    ],
    ["a model with votes is never hidden", privateOk, "PRIVATE_TESTING", 3, /has votes/],
  ] as const)("%s", (_, before, to, votes, message) => {
    const refused = refusal(() => checkVisibilityEdit(before, to, votes));
    if (message === null) expect(refused).toBeNull();
    else expect(refused?.message).toMatch(message);
  });
});

describe("resolveLicense", () => {
  it.each([
    [
      "no change keeps the licence",
      { licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" },
      {},
      { licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" },
    ],
    [
      "a new name",
      { licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" },
      { license: "MIT" },
      { licenseKind: "OPEN_WEIGHTS", license: "MIT" },
    ],
    [
      "open weights to proprietary clears the name",
      { licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" },
      { licenseKind: "PROPRIETARY" },
      { licenseKind: "PROPRIETARY", license: "proprietary" },
    ],
    [
      "proprietary to open weights with a name",
      { licenseKind: "PROPRIETARY", license: "proprietary" },
      { licenseKind: "OPEN_WEIGHTS", license: "Llama 3" },
      { licenseKind: "OPEN_WEIGHTS", license: "Llama 3" },
    ],
  ] as const)("%s", (_, before, patch, expected) => {
    expect(resolveLicense(before, patch)).toEqual(expected);
  });

  it.each([
    ["open weights without a name", { licenseKind: "PROPRIETARY", license: "proprietary" }, { licenseKind: "OPEN_WEIGHTS" }],
    ["open weights named proprietary", { licenseKind: "OPEN_WEIGHTS", license: "Apache-2.0" }, { license: "proprietary" }],
  ] as const)("refuses %s", (_, before, patch) => {
    expect(refusal(() => resolveLicense(before, patch))).toMatchObject({ code: "invalid_input" });
  });
});
