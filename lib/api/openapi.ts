import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { Endpoint } from "./endpoint";
import { PROBLEMS, problemSchema, type ProblemKind } from "./problem";
import { ENDPOINTS } from "./registry";

export const API_BASE_PATH = "/api/v1";

const problem = (kind: ProblemKind, description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
  ...(kind === "rate-limited" ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds until the limit resets." }) }) } : {}),
});

/** The refusals an endpoint may answer with, from what it declares. */
function refusals(endpoint: Endpoint) {
  return {
    ...(endpoint.query || endpoint.body ? { [PROBLEMS["bad-request"].status]: problem("bad-request", "The query or body could not be read.") } : {}),
    [PROBLEMS.unauthorized.status]: problem("unauthorized", "No token, or one that is not valid or was revoked."),
    [PROBLEMS.forbidden.status]: problem("forbidden", "The token's scope or its owner's role does not allow it, or the owner is no longer a member."),
    ...(endpoint.params ? { [PROBLEMS["not-found"].status]: problem("not-found", "No such object in the token's team.") } : {}),
    ...(endpoint.body ? { [PROBLEMS["invalid-input"].status]: problem("invalid-input", "The body's fields are not right; `errors` points at each.") } : {}),
    [PROBLEMS["rate-limited"].status]: problem("rate-limited", "Too many requests with this token."),
  };
}

function operation(endpoint: Endpoint): ZodOpenApiOperationObject {
  const { response } = endpoint;
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    description: [endpoint.description, `Needs a token with the **${endpoint.scope}** scope.`].filter(Boolean).join("\n\n"),
    tags: [endpoint.tag],
    "x-dossier-scope": endpoint.scope,
    requestParams: { ...(endpoint.params ? { path: endpoint.params } : {}), ...(endpoint.query ? { query: endpoint.query } : {}) },
    ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: endpoint.body } } } } : {}),
    responses: {
      [response.status]: {
        description: response.description,
        ...("schema" in response ? { content: { [response.contentType ?? "application/json"]: { schema: response.schema } } } : {}),
      },
      ...refusals(endpoint),
    },
  };
}

let document: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of the API, made from the registry's schemas (once per process). */
export function openApiDocument() {
  if (document) return document;
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of ENDPOINTS) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase() as "get" | "post" | "put" | "delete"] = operation(endpoint);
  }
  document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Dossier API",
      version: "1.0.0",
      description:
        "The notes, actors and events, published briefs and search of one team, for a personal API token created on the account page. " +
        "A request acts as the token's owner in the token's team, under their role of today; a read token reaches only the read endpoints.",
    },
    servers: [{ url: API_BASE_PATH }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token: `dsr_…`." } } },
    tags: [{ name: "Notes" }, { name: "Entities" }, { name: "Editions" }, { name: "Search" }],
    paths,
  });
  return document;
}
