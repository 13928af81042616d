import "@/lib/zod-browser";
import { z } from "zod";

/** POST /api/tokens body: a name so the owner can tell tokens apart (e.g. "nightly export"). */
export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "Names are at most 80 characters."),
});

/** One token in GET /api/tokens (never the secret). Dates are ISO 8601 strings. */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The secret's first characters, to tell tokens apart."),
  scope: z.literal("read"),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe("Updated at most once a minute."),
  expiresAt: z.iso.datetime().nullable(),
});

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

/** POST /api/tokens answer: the secret is in this response only. */
export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe("Send as `Authorization: Bearer <secret>`. Shown once."),
});

export type ApiTokenJson = z.infer<typeof apiTokenSchema>;
export type CreatedApiTokenJson = z.infer<typeof createdApiTokenSchema>;
