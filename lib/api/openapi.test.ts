import fs from "node:fs";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { docsOf } from "./docs";
import { openApiDocument } from "./openapi";
import { ENDPOINTS } from "./registry";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    // validate() dereferences what it is given: a copy (as a client reads it), so the served document keeps its $refs.
    const result = await validate(JSON.parse(JSON.stringify(openApiDocument())) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(openApiDocument().openapi).toBe("3.1.0");
  });

  it("lists every endpoint of the registry with its scope, under bearer authentication", () => {
    const document = openApiDocument();
    const listed = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      (["get", "post", "put", "delete"] as const).filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${path} ${item?.[method]?.["x-dossier-scope"]}`),
    );
    expect(listed.sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path} ${e.scope}`).sort());
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const endpoint of ENDPOINTS) {
      const responses = document.paths?.[endpoint.path]?.[endpoint.method.toLowerCase() as "get"]?.responses ?? {};
      expect(Object.keys(responses), endpoint.id).toEqual(expect.arrayContaining([String(endpoint.response.status), "401", "403", "429"]));
      expect(responses["401"], endpoint.id).toMatchObject({ content: { "application/problem+json": {} } });
    }
  });

  it("has no endpoint outside the registry: the only route files under /api/v1 are its dispatcher and this document", () => {
    const routes = fs.globSync("app/api/v1/**/route.ts").sort();
    expect(routes).toEqual(["app/api/v1/[...path]/route.ts", "app/api/v1/openapi.json/route.ts"]);
  });

  it("is what the docs page draws: every endpoint under its group, with its scope, fields and an example call", () => {
    const groups = docsOf(openApiDocument(), "https://dossier.example.org");
    const drawn = groups.flatMap((group) => group.operations.map((operation) => ({ ...operation, group: group.tag })));
    expect(drawn.map((operation) => operation.id).sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.id).sort());
    for (const endpoint of ENDPOINTS) {
      const operation = drawn.find((o) => o.id === endpoint.id)!;
      expect(operation).toMatchObject({ group: endpoint.tag, method: endpoint.method, path: endpoint.path, scope: endpoint.scope });
      expect(operation.curl).toContain(`https://dossier.example.org/api/v1${endpoint.path.replace(/\{(\w+)\}/g, "<$1>")}`);
      expect(operation.curl).toContain("Authorization: Bearer $DOSSIER_TOKEN");
    }
    const create = drawn.find((o) => o.id === "createEntity")!;
    expect(create.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["kind", "name", "latitude", "longitude", "countryCode", "startsOn"]));
    expect(create.curl).toContain(`-d '{"kind":"actor","name":"Port of Aden"`);
  });
});
