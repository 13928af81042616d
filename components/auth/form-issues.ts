/** A zod issue as the forms see it: where it is and what kind it is. */
export interface FormIssue {
  path: PropertyKey[];
  code: string;
}

/**
 * Each field's first issue as a message in the reader's language (`messageOf` translates it), so forms
 * show the schema's errors without its English text; like fieldErrors, the first issue per field wins.
 */
export function issueMessages(issues: readonly FormIssue[], messageOf: (field: string, code: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "_";
    if (!(field in out)) out[field] = messageOf(field, issue.code);
  }
  return out;
}

/** Message key (in "auth.errors") of a sign-up field issue. */
export function signUpIssueKey(field: string, code: string): string {
  if (field === "email") return code === "too_big" ? "emailTooLong" : "emailInvalid";
  if (field === "password") return code === "too_big" ? "passwordTooLong" : "passwordTooShort";
  return "nameTooLong";
}

/** Message key (in "profile.errors") of a profile field issue: nothing chosen, or a value outside the taxonomy. */
export function profileIssueKey(field: string, code: string): string {
  return `${code === "custom" ? "unknown" : "required"}.${field}`;
}
