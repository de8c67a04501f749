import "server-only";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import { authorize, teamScope } from "@/lib/policies";
import type { Endpoint } from "./endpoint";
import { fieldErrors, problemResponse, type ProblemKind } from "./problem";
import { RateLimiter } from "./rate-limit";
import { ENDPOINTS } from "./registry";
import { tokenHolder } from "./tokens";

/** The largest JSON body an endpoint reads (a Markdown note is the largest). */
const MAX_BODY_BYTES = 1_000_000;
const AUTHENTICATE = { "WWW-Authenticate": 'Bearer realm="dossier"' };

/** Finds the endpoint for a path under /api/v1 and its path parameters; or which methods the path has. */
function route(method: string, segments: string[]): { endpoint: Endpoint; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const endpoint of ENDPOINTS) {
    const parts = endpoint.path.split("/").slice(1);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) params[name] = segments[i];
      return name !== undefined || part === segments[i];
    });
    if (!matches) continue;
    if (endpoint.method === method) return { endpoint, params };
    allowed.push(endpoint.method);
  }
  return { allowed };
}

const bearerToken = (request: Request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];

const PROBLEM_OF_ERROR: Record<AppError["code"], ProblemKind> = {
  bad_request: "bad-request",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "not-found",
  conflict: "conflict",
  rate_limited: "rate-limited",
};

class Refused extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

async function readBody(request: Request, schema: z.ZodType): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new Refused(problemResponse("unsupported-media-type", "Send the body as JSON, with Content-Type: application/json."));
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new Refused(problemResponse("bad-request", "The body is larger than 1 MB."));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Refused(problemResponse("bad-request", "The body is not valid JSON."));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Refused(problemResponse("invalid-input", "The body has fields that are not right; nothing was changed.", { errors: fieldErrors("body", parsed.error) }));
  return parsed.data;
}

function readQuery(url: URL, schema: z.ZodObject | undefined): Record<string, unknown> {
  const raw = Object.fromEntries(url.searchParams);
  const parsed = (schema ?? z.object({})).safeParse(raw);
  if (!parsed.success) throw new Refused(problemResponse("bad-request", "The query has parameters that are not right.", { errors: fieldErrors("query", parsed.error) }));
  return parsed.data as Record<string, unknown>;
}

/**
 * Answers every request under /api/v1 from the registry: route, authenticate
 * the bearer token (never a cookie), limit the rate, check the token's scope
 * and the owner's role of today through the policy layer, validate the input,
 * run the endpoint, and send what its response schema lets through. Every
 * refusal is application/problem+json.
 */
export function apiDispatcher(options: { rateLimit: number }) {
  const byToken = new RateLimiter(options.rateLimit);
  const byAddress = new RateLimiter(options.rateLimit);
  const tooMany = (retryAfterSeconds: number) =>
    problemResponse("rate-limited", `Too many requests; try again in ${retryAfterSeconds} seconds.`, { headers: { "Retry-After": String(retryAfterSeconds) } });

  return async function dispatch(request: Request, segments: string[]): Promise<Response> {
    const url = new URL(request.url);
    const found = route(request.method, segments);
    if (!("endpoint" in found)) {
      return found.allowed.length
        ? problemResponse("method-not-allowed", `This path answers ${found.allowed.join(", ")}.`, { headers: { Allow: found.allowed.join(", ") } })
        : problemResponse("not-found", "There is no such endpoint; see /api/v1/openapi.json.");
    }
    const { endpoint, params } = found;

    const token = bearerToken(request);
    const holder = token ? await tokenHolder(token) : null;
    if (!holder) {
      const limited = byAddress.take(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
      if (!limited.allowed) return tooMany(limited.retryAfterSeconds);
      const detail = token ? "That token is not valid, or has been revoked." : "Send a personal API token: Authorization: Bearer <token>.";
      return problemResponse("unauthorized", detail, { headers: AUTHENTICATE });
    }
    const limited = byToken.take(holder.tokenId);
    if (!limited.allowed) return tooMany(limited.retryAfterSeconds);
    if (!holder.actor) return problemResponse("forbidden", "The token's owner is no longer a member of its team.");
    if (endpoint.scope === "read-write" && holder.scope !== "read-write")
      return problemResponse("forbidden", "This token may only read; this endpoint needs a read-write token.", {
        headers: { "WWW-Authenticate": 'Bearer realm="dossier", error="insufficient_scope", scope="read-write"' },
      });

    try {
      authorize(holder.actor, endpoint.permission, teamScope(holder.team));
      const parsedParams = (endpoint.params ?? z.object({})).safeParse(params);
      // A malformed id names nothing here, as an unknown one.
      if (!parsedParams.success) return problemResponse("not-found", "That was not found.");
      const query = readQuery(url, endpoint.query);
      const body = endpoint.body ? await readBody(request, endpoint.body) : undefined;
      const result = await endpoint.handle({ params: parsedParams.data, query, body, actor: holder.actor, team: holder.team, url });
      if (endpoint.response.status === 204) return new Response(null, { status: 204 });
      const sent = endpoint.response.schema.parse(result);
      return new Response(JSON.stringify(sent), {
        status: endpoint.response.status,
        headers: { "Content-Type": endpoint.response.contentType ?? "application/json", "Cache-Control": "private, no-store" },
      });
    } catch (error) {
      if (error instanceof Refused) return error.response;
      if (error instanceof AppError) return problemResponse(PROBLEM_OF_ERROR[error.code], error.message);
      console.error(`api: ${request.method} ${url.pathname} failed:`, error);
      return problemResponse("server-error", "Something went wrong. Please try again.");
    }
  };
}
