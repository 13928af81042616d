import { z } from "zod";
import { apiTokenListSchema, createdApiTokenSchema, createTokenBodySchema } from "@/lib/api-tokens/schemas";
import { TOKEN_REQUESTS_PER_HOUR } from "@/lib/api-tokens/limits";
import { LIST_KEYS } from "@/lib/filters";
import { exportQuerySchema, filterParamSchemas, snapshotQuerySchema, viewParamSchemas } from "./parameters";
import {
  comparisonResponseSchema,
  errorResponseSchema,
  exportRecordSchema,
  filtersSchema,
  healthResponseSchema,
  leaderboardResponseSchema,
  leaderboardRowSchema,
  snapshotListResponseSchema,
  snapshotResponseSchema,
  snapshotSchema,
  snapshotSummarySchema,
} from "./responses";

type JsonSchema = Record<string, unknown>;

/** Schemas published under components.schemas (nested uses become $refs). */
const COMPONENTS: [string, z.ZodType][] = [
  ["Error", errorResponseSchema],
  ["Health", healthResponseSchema],
  ["Filters", filtersSchema],
  ["LeaderboardRow", leaderboardRowSchema],
  ["Leaderboard", leaderboardResponseSchema],
  ["Comparison", comparisonResponseSchema],
  ["SnapshotSummary", snapshotSummarySchema],
  ["Snapshot", snapshotSchema],
  ["SnapshotList", snapshotListResponseSchema],
  ["SnapshotResponse", snapshotResponseSchema],
  ["ExportRecord", exportRecordSchema],
  ["ApiTokenList", apiTokenListSchema],
  ["CreatedApiToken", createdApiTokenSchema],
  ["CreateApiToken", createTokenBodySchema],
];

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of COMPONENTS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: "output", unrepresentable: "any" });
  // Components are embedded in the document: they carry no $schema/$id of their own.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest as JsonSchema]));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });

/** Query parameters from a zod object's fields (input side: defaults make a field optional). */
function queryParameters(fields: Record<string, z.ZodType>, prefix = ""): JsonSchema[] {
  return Object.entries(fields).map(([name, schema]) => {
    const { $schema: _s, description, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    return { name: prefix + name, in: "query", required: !schema.safeParse(undefined).success, description, schema: rest };
  });
}

const ERRORS = {
  "400": json("Error", "Invalid query (the message names each bad parameter)."),
  "401": json("Error", "Not signed in, or the bearer token is invalid, revoked or expired."),
  "403": json("Error", "The account's role may not read this, or a token was sent where tokens are not accepted."),
  "429": {
    ...json("Error", `Over the token's limit (${TOKEN_REQUESTS_PER_HOUR} requests per hour); see Retry-After.`),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
  },
  "503": json("Error", "The database is unavailable; see Retry-After."),
};
const READ_SECURITY = [{}, { bearerToken: [] }, { sessionCookie: [] }];
const CUSTOMER_SECURITY = [{ bearerToken: [] }, { sessionCookie: [] }];
const SESSION_ONLY = [{ sessionCookie: [] }];

/**
 * The OpenAPI 3.1 document of the data API (GET /api/openapi.json), generated from the zod schemas
 * the routes validate with (lib/openapi/parameters.ts, lib/api-tokens/schemas.ts) and the response
 * schemas that tests/openapi.test.ts checks against real responses (lib/openapi/responses.ts).
 */
export function buildOpenApiDocument(serverUrl?: string): JsonSchema {
  const filters = z.object(filterParamSchemas).shape;
  const compareParams = ["a.", "b."].flatMap((side) => queryParameters(filterParamSchemas, side));
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Showdown data API",
      version: "1",
      description:
        "Read the sliced leaderboard, compare audiences, download released votes and read published snapshots. Scripts authenticate with a personal API token (create one on /data) sent as `Authorization: Bearer sdt_…`; tokens are read-only and accepted only on the GET operations below.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `A personal API token (sdt_…), read-only, ${TOKEN_REQUESTS_PER_HOUR} requests per hour.`,
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session (sign in on the site).",
        },
      },
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Liveness and database reachability",
          security: [{}],
          responses: { "200": json("Health", "Up."), "503": json("Health", "The database is unreachable.") },
        },
      },
      "/api/leaderboard": {
        get: {
          summary: "The leaderboard of an audience",
          description: `Filters: ${LIST_KEYS.join(", ")}, from, to. Public for everyone; with a token, the same numbers.`,
          security: READ_SECURITY,
          parameters: [...queryParameters(filters), ...queryParameters(viewParamSchemas)],
          responses: { "200": json("Leaderboard", "The board."), ...ERRORS },
        },
      },
      "/api/compare": {
        get: {
          summary: "How two audiences rate the models differently",
          description: "Each side takes the leaderboard's filters behind a. or b. (an empty side is everyone).",
          security: READ_SECURITY,
          parameters: compareParams,
          responses: { "200": json("Comparison", "Per-model differences with intervals and q-values."), ...ERRORS },
        },
      },
      "/api/export": {
        get: {
          summary: "Released votes (customers and admins)",
          description:
            "Every counted non-demo vote older than the holdout, as JSON lines (one ExportRecord per line) or CSV with a header row. The cutoff is in X-Showdown-Data-Cutoff. Audited.",
          security: CUSTOMER_SECURITY,
          parameters: queryParameters(exportQuerySchema.shape),
          responses: {
            "200": {
              description: "The export (empty, or only the CSV header, while no vote is outside the holdout).",
              headers: {
                "X-Showdown-Data-Cutoff": { schema: { type: "string", format: "date-time" } },
                "X-Showdown-Holdout-Days": { schema: { type: "integer" } },
              },
              content: {
                "application/x-ndjson": {
                  schema: { type: "string", description: "One ExportRecord as JSON per line." },
                  "x-itemSchema": ref("ExportRecord"),
                },
                "text/csv": { schema: { type: "string" } },
              },
            },
            ...ERRORS,
          },
        },
      },
      "/api/snapshots": {
        get: {
          summary: "Published snapshots, newest first (customers and admins)",
          security: CUSTOMER_SECURITY,
          responses: { "200": json("SnapshotList", "Summaries without rows."), ...ERRORS },
        },
      },
      "/api/snapshots/{id}": {
        get: {
          summary: "One published snapshot with its rows (customers and admins)",
          security: CUSTOMER_SECURITY,
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            ...queryParameters(snapshotQuerySchema.shape),
          ],
          responses: { "200": json("SnapshotResponse", "The snapshot."), "404": json("Error", "No such snapshot or slice."), ...ERRORS },
        },
      },
      "/api/tokens": {
        get: {
          summary: "Your API tokens (browser session only)",
          security: SESSION_ONLY,
          responses: { "200": json("ApiTokenList", "Active tokens, never their secrets."), ...ERRORS },
        },
        post: {
          summary: "Create an API token (browser session only)",
          security: SESSION_ONLY,
          requestBody: { required: true, content: { "application/json": { schema: ref("CreateApiToken") } } },
          responses: {
            "201": json("CreatedApiToken", "The token and its secret, shown this once."),
            "409": json("Error", "Too many active tokens."),
            ...ERRORS,
          },
        },
      },
      "/api/tokens/{id}": {
        delete: {
          summary: "Revoke an API token (browser session only)",
          security: SESSION_ONLY,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "204": { description: "Revoked." }, "404": json("Error", "No active token of yours has this id."), ...ERRORS },
        },
      },
    },
  };
}
