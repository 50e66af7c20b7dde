// Validates Kubernetes manifests against the API schemas that the kubernetes-models package
// ships (JSON schemas of the Kubernetes OpenAPI document, compiled; no network). Every document
// must name an apiVersion and kind the package knows, parse as YAML without duplicate keys, and
// satisfy its schema (types, required fields, enumerations, formats). Prints one line per
// document and exits 1 if any is invalid.
//
//   node validate.mjs FILE.yaml...
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE.yaml...");
  process.exit(2);
}

let invalid = 0;
let valid = 0;
for (const file of files) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true, prettyErrors: true });
  for (const [index, document] of documents.entries()) {
    const where = `${basename(file)} #${index + 1}`;
    if (document.errors.length > 0) {
      invalid++;
      console.log(`${where}: invalid YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }

    const resource = document.toJS();
    if (resource === null || resource === undefined) {
      continue; // an empty document (a trailing ---)
    }

    const problem = await check(resource);
    const name = `${resource.kind ?? "?"}/${resource.metadata?.name ?? "?"}`;
    if (problem) {
      invalid++;
      console.log(`${where} ${name}: INVALID: ${problem}`);
    } else {
      valid++;
      console.log(`${where} ${name}: valid (${resource.apiVersion})`);
    }
  }
}

console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid === 0 ? 0 : 1);

async function check(resource) {
  if (typeof resource !== "object" || Array.isArray(resource)) {
    return "not a mapping";
  }
  const { apiVersion, kind } = resource;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return "apiVersion and kind are required";
  }
  let models;
  try {
    models = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return `no schema for apiVersion ${apiVersion}`;
  }
  const Model = models[kind];
  if (typeof Model !== "function") {
    return `no schema for kind ${kind} in ${apiVersion}`;
  }
  try {
    new Model(resource).validate();
    return null;
  } catch (error) {
    return error.message;
  }
}
