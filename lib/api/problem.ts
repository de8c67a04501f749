import { z } from "zod";

/** Where the problem types are described (the API docs page). */
const TYPE_BASE = "/api/docs#problem-";

/** A problem's kind: its status and title (RFC 9457). The `type` URI names it. */
export const PROBLEMS = {
  "bad-request": { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "invalid-input": { status: 422, title: "Invalid input" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "server-error": { status: 500, title: "Server error" },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

/** An RFC 9457 problem as the API sends it; `errors` lists each field refused, as a JSON pointer into the request. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Names the kind of problem.", example: `${TYPE_BASE}invalid-input` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "A sentence for a person." }),
    errors: z
      .array(z.object({ pointer: z.string().meta({ example: "/body/name" }), detail: z.string() }))
      .optional()
      .meta({ description: "Each part of the request that was refused." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;
type FieldError = NonNullable<Problem["errors"]>[number];

/** A problem+json response; a 401 says how to authenticate, a 429 when to come back. */
export function problemResponse(kind: ProblemKind, detail: string, extra: { errors?: FieldError[]; headers?: Record<string, string> } = {}): Response {
  const { status, title } = PROBLEMS[kind];
  const body: Problem = { type: `${TYPE_BASE}${kind}`, title, status, detail, ...(extra.errors ? { errors: extra.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...extra.headers },
  });
}

/** A JSON pointer (RFC 6901) to the part of the request an issue is about: "/body/latitude", "/query/limit". */
export const pointerTo = (part: string, path: readonly PropertyKey[]) =>
  `/${[part, ...path.map(String)].map((segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

/** A zod failure as the problem's field errors. */
export const fieldErrors = (part: string, error: z.ZodError): FieldError[] => error.issues.map((issue) => ({ pointer: pointerTo(part, issue.path), detail: issue.message }));
