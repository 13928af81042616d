/**
 * Which message namespaces reach the browser. Everything passed to NextIntlClientProvider is
 * embedded in the page, so the root layout sends only what public client components use, and the
 * admin layout adds the admin namespaces. (Admin and methodology texts name providers such as
 * OpenAI; on the arena page that would break the rule that nothing before the vote names a model.)
 */
export const PUBLIC_CLIENT_NAMESPACES = [
  "common",
  "arena",
  "auth",
  "profile",
  "slices",
  "charts",
  "leaderboard",
  "ui",
  "governance",
  "demo",
] as const;
export const ADMIN_CLIENT_NAMESPACES = [
  ...PUBLIC_CLIENT_NAMESPACES,
  "admin",
  "adminContributors",
  "adminModels",
  "adminPolicy",
  "adminSnapshots",
] as const;

export function clientMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<M>;
}
