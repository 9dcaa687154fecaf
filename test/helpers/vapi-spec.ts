import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/*
 * Vapi's published OpenAPI 3.0 document as a validator of requests and responses: the repository's
 * cut of it (`fixtures/vapi/openapi-cut.json`, written by `scripts/cut-vapi-spec.mjs`), which keeps
 * the operations the adapter sends and every schema they reach.
 * ajv reads JSON Schema, not OpenAPI, so the document is adapted once: its components are one
 * schema with its own $id that every $ref points into; `nullable: true` becomes "or null"; empty
 * `enum` lists (which ajv refuses) are dropped, and so is an `enum` of item values put on an
 * array-typed property (the items carry it); a `oneOf` with a discriminator becomes `anyOf`, since
 * ajv takes no discriminator mapping and several providers' DTOs accept the same body.
 */

const specUrl = new URL('../../fixtures/vapi/openapi-cut.json', import.meta.url);
const componentsId = 'vapi-openapi-components';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Json }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Json;
  const result: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'discriminator') continue;
    if (key === 'enum' && (!Array.isArray(value) || value.length === 0 || source.type === 'array')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
      result.$ref = `${componentsId}${value}`;
      continue;
    }
    result[key === 'oneOf' && source.discriminator !== undefined ? 'anyOf' : key] = adapt(value);
  }
  return source.nullable === true ? { anyOf: [result, { type: 'null' }] } : result;
}

/** One place in a request or response that the document does not allow: `where` names the field. */
export interface SpecMismatch {
  where: string;
  message: string;
}

/** What a test sent, as the document is asked about it. */
export interface RecordedRequest {
  method: string;
  /** The path under the base URL, still percent-encoded. */
  path: string;
  query: Record<string, string[]>;
  body: unknown;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

let loaded: { spec: Spec; ajv: Ajv } | undefined;
const compiled = new Map<Json, ValidateFunction>();

function load() {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: componentsId, components: adapt(spec.components) });
  loaded = { spec, ajv };
  return loaded;
}

function validatorOf(schema: Json): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = load().ajv.compile(adapt(schema) as Json);
    compiled.set(schema, validate);
  }
  return validate;
}

function check(schema: Json, value: unknown, where: string): SpecMismatch[] {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  return mismatchesOf(validate.errors ?? [], where);
}

/** ajv's errors, one per field: an `anyOf` failure is reported through the branch that came closest. */
function mismatchesOf(errors: ErrorObject[], where: string): SpecMismatch[] {
  const own = errors.filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
  const list = own.length > 0 ? own : errors;
  const seen = new Set<string>();
  return list
    .map((error) => ({ where: `${where}${error.instancePath}`, message: `${error.message ?? error.keyword}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : ''}` }))
    .filter((mismatch) => {
      const key = `${mismatch.where} ${mismatch.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

/** The document's operation for a method and a path; `null` when no path template matches. */
export function operationFor(method: string, path: string): { template: string; operation: Operation; parameters: Record<string, string> } | null {
  const { spec } = load();
  const segments = path.split('/');
  const candidates = Object.keys(spec.paths)
    .map((template) => {
      const parts = template.split('/');
      if (parts.length !== segments.length) return null;
      const parameters: Record<string, string> = {};
      let literal = 0;
      for (const [index, part] of parts.entries()) {
        if (part.startsWith('{')) parameters[part.slice(1, -1)] = decodeURIComponent(segments[index]!);
        else if (part !== segments[index]) return null;
        else literal += 1;
      }
      return { template, parameters, literal };
    })
    .filter((candidate) => candidate !== null && spec.paths[candidate.template]![method.toLowerCase()] !== undefined)
    .sort((left, right) => right!.literal - left!.literal);
  const best = candidates[0];
  if (!best) return null;
  return { template: best.template, operation: spec.paths[best.template]![method.toLowerCase()]!, parameters: best.parameters };
}

function queryValue(text: string, schema: Json): unknown {
  if (schema.type === 'number' || schema.type === 'integer') return text.trim() === '' ? text : Number(text);
  if (schema.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** Every way a request differs from its operation in the document: path, query parameters, body. */
export function requestMismatches(request: RecordedRequest): SpecMismatch[] {
  const found = operationFor(request.method, request.path);
  if (!found) return [{ where: 'path', message: `no operation of the document is ${request.method} ${request.path}` }];
  const { operation, parameters } = found;
  const declared = operation.parameters ?? [];
  const mismatches: SpecMismatch[] = [];
  for (const parameter of declared.filter((item) => item.in === 'path')) {
    mismatches.push(...check(parameter.schema, parameters[parameter.name], `path/${parameter.name}`));
  }
  for (const [name, values] of Object.entries(request.query)) {
    const parameter = declared.find((item) => item.in === 'query' && item.name === name);
    if (!parameter) {
      mismatches.push({ where: `query/${name}`, message: `${operation.operationId} declares no query parameter ${name}` });
      continue;
    }
    for (const value of values) mismatches.push(...check(parameter.schema, queryValue(value, parameter.schema), `query/${name}`));
  }
  for (const parameter of declared.filter((item) => item.in === 'query' && item.required)) {
    if (!(parameter.name in request.query)) mismatches.push({ where: `query/${parameter.name}`, message: 'is required' });
  }
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  if (bodySchema === undefined) {
    if (request.body !== undefined) mismatches.push({ where: 'body', message: `${operation.operationId} takes no body` });
  } else if (request.body === undefined) {
    if (operation.requestBody?.required) mismatches.push({ where: 'body', message: 'is required' });
  } else {
    mismatches.push(...check(bodySchema, request.body, 'body'));
  }
  return mismatches;
}

/** Every way a response body differs from the document's schema for that operation and status. */
export function responseMismatches(method: string, path: string, status: number, body: unknown): SpecMismatch[] {
  const found = operationFor(method, path);
  if (!found) return [{ where: 'path', message: `no operation of the document is ${method} ${path}` }];
  const response = found.operation.responses[String(status)];
  if (!response) return [{ where: 'status', message: `${found.operation.operationId} documents no ${status} answer` }];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [{ where: 'body', message: `${found.operation.operationId} documents no body for ${status}` }];
  return check(schema, body, 'body');
}

/** A named schema of the document's components, e.g. `CampaignSummary`, checked against a value. */
export function componentMismatches(name: string, value: unknown): SpecMismatch[] {
  return check({ $ref: `#/components/schemas/${name}` }, value, name);
}

/** The mismatches as one readable line per field, for a failing assertion. */
export function describeMismatches(mismatches: readonly SpecMismatch[]): string[] {
  return mismatches.map((mismatch) => `${mismatch.where}: ${mismatch.message}`);
}

/** The recorded form of a request msw saw: path under the base URL, query as a multimap, parsed JSON body. */
export async function recordOf(request: Request, basePath = ''): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  const text = await request.clone().text();
  return {
    method: request.method,
    path: url.pathname.slice(basePath.length) || '/',
    query,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}
