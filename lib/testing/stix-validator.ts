import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

const SCHEMAS = path.join(import.meta.dirname, "stix-schemas", "schemas");
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

/**
 * The official STIX 2.1 JSON schemas (vendored beside this file), each
 * registered under its own $id so their relative $refs resolve offline.
 */
function stixAjv() {
  // The schemas use keywords strict mode refuses ("definitions", titles beside $ref) and patterns
  // written for non-Unicode regular expressions ("\-").
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  // Of a domain name's value only (ajv-formats has no internationalised hostnames); Dossier sends none.
  ajv.addFormat("idn-hostname", true);
  for (const folder of readdirSync(SCHEMAS))
    for (const file of readdirSync(path.join(SCHEMAS, folder)).filter((name) => name.endsWith(".json")))
      ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, folder, file), "utf8")));
  return ajv;
}

const ajv = stixAjv();
const compiled = new Map<string, ValidateFunction>();

/** The schema of a type: "bundle", "report", "identity", … */
function schemaFor(type: string): ValidateFunction {
  const folder = ["bundle", "marking-definition", "extension-definition", "language-content"].includes(type) ? "common" : ["relationship", "sighting"].includes(type) ? "sros" : "sdos";
  const id = `${BASE}${folder}/${type}.json`;
  if (!compiled.has(id)) {
    const validate = ajv.getSchema(id);
    if (!validate) throw new Error(`No STIX 2.1 schema for the type ${type}.`);
    compiled.set(id, validate);
  }
  return compiled.get(id)!;
}

/** What is wrong with a STIX object by its type's schema: nothing is []. */
export function stixObjectErrors(object: { type: string; [property: string]: unknown }): string[] {
  const validate = schemaFor(object.type);
  return validate(object) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
}

/**
 * The types bundle.json lists by name. It omits some of STIX 2.1's own
 * (grouping, location, note, opinion, extension-definition, …), which then
 * fall to its branch for custom objects, and that branch wants an object to
 * match exactly one of core.json and cyber-observable-core.json, which every
 * valid SDO does both of (oasis-open/cti-stix2-json-schemas#133 is the same
 * omission for infrastructure). So a bundle's envelope is checked with the
 * objects of the listed types, and every object by its own type's schema.
 */
const BUNDLE_LISTED = new Set(
  JSON.stringify(JSON.parse(readFileSync(path.join(SCHEMAS, "common", "bundle.json"), "utf8")))
    .match(/"\$ref":"\.\.\/[a-z]+\/([a-z0-9-]+)\.json"/g)!
    .map((ref) => ref.replace(/.*\/([a-z0-9-]+)\.json"$/, "$1")),
);

/** What is wrong with a bundle or an object (for a bundle: its envelope, then each object by id). */
export function stixErrors(value: { type: string; objects?: { type: string; id?: string }[] }): string[] {
  if (value.type !== "bundle") return stixObjectErrors(value);
  const objects = value.objects ?? [];
  const envelope = stixObjectErrors({ ...value, objects: objects.filter((object) => BUNDLE_LISTED.has(object.type)) });
  return [...envelope, ...objects.flatMap((object, index) => stixObjectErrors(object).map((error) => `objects[${index}] ${object.id ?? object.type}: ${error}`))];
}
