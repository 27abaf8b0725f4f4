/**
 * JSON Schema validation against the contract (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 * The reference server validates requests with it; the tests validate every response with it.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { listOperations, loadSpec, resolveRef, type OpenApiDocument } from './load.js';

// ajv-formats ships CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const SPEC_ID = 'urn:cc-kit:openapi';

/** OpenAPI keywords that are annotations, not validation. */
const OPENAPI_KEYWORDS = ['discriminator', 'example', 'xml', 'externalDocs', 'x-pii'];

export interface SchemaIssue {
  /** JSON pointer into the validated value, e.g. `/customer/phone`. */
  path: string;
  message: string;
  /** The failing JSON Schema keyword: required, type, enum, maxLength, … */
  code: string;
}

export interface SpecValidator {
  readonly doc: OpenApiDocument;
  /** Validates a value against a named schema: `validateSchema('Ticket', body)`. */
  validateSchema(name: string, value: unknown): SchemaIssue[];
  /** Validates a value against an inline schema from the document (its `$ref`s may point anywhere in components). */
  validateAgainst(schema: unknown, value: unknown): SchemaIssue[];
  /**
   * Validates a response: the status must be documented for the operation, the content type too,
   * and a JSON body must match its schema. Returns what is wrong; empty when it conforms.
   */
  validateResponse(
    operationId: string,
    status: number,
    contentType: string | null,
    body: unknown,
  ): SchemaIssue[];
}

/** Rewrites `#/components/schemas/X` to a ref into the registered spec schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
          ? `${SPEC_ID}#/$defs/${inner.slice('#/components/schemas/'.length)}`
          : rewriteRefs(inner);
    }
    return out;
  }
  return value;
}

export function toIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((error) => {
    let path = error.instancePath;
    if (error.keyword === 'required') {
      path += `/${(error.params as { missingProperty: string }).missingProperty}`;
    } else if (error.keyword === 'additionalProperties') {
      path += `/${(error.params as { additionalProperty: string }).additionalProperty}`;
    }
    return { path: path || '/', message: error.message ?? 'is not valid', code: error.keyword };
  });
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

export function createSpecValidator(doc: OpenApiDocument = loadSpec()): SpecValidator {
  const ajv = createAjv();
  ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(doc.components.schemas) });
  const byName = new Map<string, ValidateFunction>();
  const byInline = new WeakMap<object, ValidateFunction>();
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));

  const compileInline = (schema: unknown): ValidateFunction => {
    const key = schema as object;
    let fn = byInline.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as object);
      byInline.set(key, fn);
    }
    return fn;
  };

  return {
    doc,
    validateSchema(name, value) {
      let fn = byName.get(name);
      if (!fn) {
        if (!(name in doc.components.schemas)) throw new Error(`No schema named ${name}`);
        fn = ajv.compile({ $ref: `${SPEC_ID}#/$defs/${name}` });
        byName.set(name, fn);
      }
      return fn(value) ? [] : toIssues(fn.errors);
    },
    validateAgainst(schema, value) {
      const fn = compileInline(schema);
      return fn(value) ? [] : toIssues(fn.errors);
    },
    validateResponse(operationId, status, contentType, body) {
      const op = operations.get(operationId);
      if (!op)
        return [{ path: '/', message: `unknown operation ${operationId}`, code: 'operation' }];
      const documented = op.responses[String(status)];
      if (!documented) {
        return [
          {
            path: '/',
            message: `status ${status} is not documented for ${operationId}`,
            code: 'status',
          },
        ];
      }
      const response = resolveRef<{ content?: Record<string, { schema?: unknown }> }>(
        doc,
        documented,
      );
      if (!response.content) return [];
      const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
      const media = response.content[mediaType];
      if (!media) {
        return [
          {
            path: '/',
            message: `content type "${mediaType}" is not documented for ${operationId} ${status} (${Object.keys(response.content).join(', ')})`,
            code: 'contentType',
          },
        ];
      }
      if (!media.schema || !mediaType.endsWith('json')) return [];
      const fn = compileInline(media.schema);
      return fn(body) ? [] : toIssues(fn.errors);
    },
  };
}
