import type { z } from "zod";
import type { ApiTokenScope, Team } from "@/db/schema";
import type { Actor, TeamScopedPermission } from "@/lib/policies";

type Method = "GET" | "POST" | "PUT" | "DELETE";
type Shape = z.ZodObject;

/** What a handler is given: its validated input, and who asks in which team. */
export interface EndpointCall<P extends Shape, Q extends Shape, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The token's owner in the token's team, under their role of today. */
  actor: Actor;
  team: Team;
  /** The request's URL, for the links of a page. */
  url: URL;
}

/**
 * One endpoint of the API, declared once: the dispatcher routes, authorizes
 * and validates from it, and the OpenAPI document is made from it.
 */
export interface Endpoint<P extends Shape = Shape, Q extends Shape = Shape, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** The OpenAPI operationId. */
  id: string;
  method: Method;
  /** Under /api/v1, with OpenAPI's `{name}` for a path parameter: "/entities/{id}". */
  path: string;
  /** The group it is listed under in the document and the docs page. */
  tag: "Notes" | "Entities" | "Editions" | "Search";
  summary: string;
  description?: string;
  /** A read token reaches only "read" endpoints. */
  scope: ApiTokenScope;
  /** Asked of the policy layer for the token's team before anything else is read. */
  permission: TeamScopedPermission;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's schema: it is also the serializer, so nothing it does not name is sent. */
  response: { status: 200 | 201; description: string; schema: R; /** Default application/json. */ contentType?: string } | { status: 204; description: string };
  handle(call: EndpointCall<P, Q, B>): Promise<z.input<R> | void>;
}

/** Declares an endpoint with its types checked against its schemas. */
export const endpoint = <P extends Shape, Q extends Shape, B extends z.ZodType, R extends z.ZodType>(spec: Endpoint<P, Q, B, R>): Endpoint =>
  spec as unknown as Endpoint;
