import { isApiError } from "./api-client";

/**
 * An API failure as a form shows it: the server's per-field messages (`details`, keyed by field
 * name) beside their fields, and a summary under "_". When the server refused the input field by
 * field, the summary is `fixFields` ("Fix the fields marked below"); otherwise it is `message(error)`.
 */
export function formErrors(error: unknown, message: (error: unknown) => string, fixFields?: string): Record<string, string> {
  if (!error) return {};
  if (!isApiError(error)) return { _: message(error) };
  const fields = Object.fromEntries(Object.entries(error.details).filter(([key]) => key !== "retryAfterSeconds"));
  const hasFields = Object.keys(fields).length > 0;
  return { ...fields, _: error.code === "invalid_input" && hasFields && fixFields !== undefined ? fixFields : message(error) };
}
