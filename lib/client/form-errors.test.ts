import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { formErrors } from "./form-errors";

const message = (error: unknown) => (error instanceof ApiError ? `msg:${error.code}` : "msg:unknown");

describe("formErrors", () => {
  it.each([
    ["no error", null, undefined, {}],
    ["a thrown non-API value", new Error("x"), undefined, { _: "msg:unknown" }],
    ["a refusal without details", new ApiError(409, "email_taken", "taken"), undefined, { _: "msg:email_taken" }],
    [
      "field details with a fix-fields summary",
      new ApiError(400, "invalid_input", "bad", { name: "Too long" }),
      "Fix the fields",
      { name: "Too long", _: "Fix the fields" },
    ],
    [
      "field details without one",
      new ApiError(400, "invalid_input", "bad", { name: "Too long" }),
      undefined,
      { name: "Too long", _: "msg:invalid_input" },
    ],
    [
      "a conflict keeps its field detail and its own summary",
      new ApiError(409, "model_name_taken", "taken", { name: "On the roster" }),
      "Fix the fields",
      { name: "On the roster", _: "msg:model_name_taken" },
    ],
    [
      "retryAfterSeconds is not a field",
      new ApiError(429, "rate_limited", "slow", { retryAfterSeconds: "60" }, 60),
      "Fix",
      { _: "msg:rate_limited" },
    ],
  ] as const)("%s", (_, error, fixFields, expected) => {
    expect(formErrors(error, message, fixFields)).toEqual(expected);
  });
});
