import "server-only";
import { API_BASE_PATH } from "./openapi";

/** The parts of an OpenAPI document the page reads, as JSON. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  example?: unknown;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  "x-dossier-scope"?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses?: Record<string, unknown>;
}
interface Document {
  tags?: { name: string }[];
  paths?: Record<string, Partial<Record<"get" | "post" | "put" | "delete", Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface DocsField {
  name: string;
  where: string;
  type: string;
  required: boolean;
  description: string;
}

export interface DocsOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scope: string;
  fields: DocsField[];
  success: string;
  curl: string;
}

/** The schema itself, or the component a $ref names. */
const resolve = (document: Document, schema: Schema | undefined): Schema =>
  schema?.$ref ? (document.components?.schemas?.[schema.$ref.split("/").pop()!] ?? {}) : (schema ?? {});

/** A schema's type in a few words: "string", "integer", "array of string", "actor | event". */
function typeOf(document: Document, schema: Schema | undefined): string {
  const s = resolve(document, schema);
  if (s.enum) return s.enum.map(String).join(" | ");
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map((alternative) => typeOf(document, alternative)))].join(" or ");
  if (s.type === "array") return `array of ${typeOf(document, s.items)}`;
  return Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
}

/** The body's fields, merged over its alternatives (an actor's and an event's). */
function bodyFields(document: Document, schema: Schema | undefined): DocsField[] {
  const s = resolve(document, schema);
  const variants = (s.oneOf ?? [s]).map((variant) => resolve(document, variant));
  const fields = new Map<string, DocsField>();
  for (const variant of variants) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      if (fields.has(name)) continue;
      const p = resolve(document, property);
      fields.set(name, { name, where: "body", type: typeOf(document, property), required: variants.every((v) => v.required?.includes(name)), description: p.description ?? "" });
    }
  }
  return [...fields.values()];
}

function curl(origin: string, method: string, path: string, body: unknown): string {
  const url = `${origin}${API_BASE_PATH}${path.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`)}`;
  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} "${url}"`, `  -H "Authorization: Bearer $DOSSIER_TOKEN"`];
  if (body !== undefined) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  return lines.join(" \\\n");
}

/** The document's operations, grouped by tag, as the docs page shows them; the document is read as its JSON, as a client reads it. */
export function docsOf(openApi: object, origin: string): { tag: string; operations: DocsOperation[] }[] {
  const document = JSON.parse(JSON.stringify(openApi)) as Document;
  const groups = new Map<string, DocsOperation[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ["get", "post", "put", "delete"] as const) {
      const operation = item?.[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content["application/json"]?.schema;
      const success = Object.keys(operation.responses ?? {}).find((status) => status.startsWith("2")) ?? "200";
      const entry: DocsOperation = {
        id: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        description: operation.description ?? "",
        scope: operation["x-dossier-scope"] ?? "read",
        fields: [
          ...parameters.map((p) => ({ name: p.name, where: p.in, type: typeOf(document, p.schema), required: Boolean(p.required), description: p.description ?? "" })),
          ...bodyFields(document, body),
        ],
        success,
        curl: curl(origin, method.toUpperCase(), path, body ? resolve(document, body).example : undefined),
      };
      const tag = operation.tags?.[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), entry]);
    }
  }
  return [...groups].map(([tag, operations]) => ({ tag, operations }));
}
