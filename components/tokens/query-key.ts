export const TOKENS_QUERY_KEY = ["api-tokens"] as const;
