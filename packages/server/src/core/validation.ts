/**
 * Request validation against the contract. Parameters are read from the URL and headers,
 * coerced to their schema's types (query, path and header values are strings on the wire), then
 * every parameter and the body are validated with the spec's own schemas. Each problem is named
 * by a JSON pointer prefixed by where it came from: `/query/limit`, `/path/ticketId`,
 * `/header/idempotency-key`, `/body/customer/phone`.
 */
import type { OpenApiParameter, OperationInfo } from '@cc-kit/spec/load';
import type { SpecValidator } from '@cc-kit/spec/validator';
import { HttpProblem, problem, type FieldError } from './problems.js';

type Schema = Record<string, unknown>;

export interface ParsedInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  /** Whether a body was sent (and parsed). */
  hasBody: boolean;
}

export interface RawRequest {
  url: string;
  params: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | undefined;
}

interface ParamPlan {
  param: OpenApiParameter;
  schema: Schema;
  /** The primitive type after resolving refs: 'array' for lists. */
  type: string | undefined;
  itemType: string | undefined;
  /** Comma-separated (`style: form, explode: false`) rather than repeated. */
  commaSeparated: boolean;
  location: 'path' | 'query' | 'header';
  /** Where errors point: `/query/limit`, `/header/idempotency-key`. */
  pointer: string;
  /** Key in the parsed input (header names lower-case). */
  key: string;
}

export interface RequestPlan {
  params: ParamPlan[];
  /** Media type -> body schema; null when the operation takes no body. */
  body: Map<string, unknown> | null;
  bodyRequired: boolean;
}

/** Headers enforced elsewhere with their own status (If-Match -> 428), not as 400. */
const SEPARATELY_ENFORCED = new Set(['if-match']);

function resolveSchema(spec: SpecValidator, schema: unknown): Schema {
  let current = schema as Schema | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = (current.$ref as string).replace('#/components/schemas/', '');
    current = spec.doc.components.schemas[name] as Schema | undefined;
  }
  return current ?? {};
}

function primitiveType(spec: SpecValidator, schema: unknown): string | undefined {
  const resolved = resolveSchema(spec, schema);
  if (typeof resolved.type === 'string') return resolved.type;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = resolved[key];
    if (Array.isArray(list)) {
      for (const option of list) {
        const type = primitiveType(spec, option);
        if (type && type !== 'null') return type;
      }
    }
  }
  if (Array.isArray(resolved.enum) && resolved.enum.every((v) => typeof v === 'string')) {
    return 'string';
  }
  return undefined;
}

export function planRequest(spec: SpecValidator, op: OperationInfo): RequestPlan {
  const params: ParamPlan[] = [];
  for (const param of op.parameters) {
    if (param.in === 'cookie') continue;
    const schema = (param.schema ?? {}) as Schema;
    const type = primitiveType(spec, schema);
    const resolved = resolveSchema(spec, schema);
    const key = param.in === 'header' ? param.name.toLowerCase() : param.name;
    params.push({
      param,
      schema,
      type,
      itemType: type === 'array' ? primitiveType(spec, resolved.items) : undefined,
      commaSeparated: type === 'array' && param.explode === false,
      location: param.in,
      pointer: `/${param.in}/${key}`,
      key,
    });
  }
  let body: Map<string, unknown> | null = null;
  if (op.requestBody) {
    body = new Map();
    for (const [media, content] of Object.entries(op.requestBody.content)) {
      body.set(media.toLowerCase(), content.schema ?? {});
    }
  }
  return { params, body, bodyRequired: op.requestBody?.required === true };
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function coerce(raw: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && NUMBER.test(raw)) return Number(raw);
  if (type === 'boolean') {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
  }
  return raw;
}

function prefixed(pointer: string, issues: { path: string; message: string; code: string }[]) {
  return issues.map((issue) => ({
    path: issue.path === '/' ? pointer : `${pointer}${issue.path}`,
    message: issue.message,
    code: issue.code,
  }));
}

function target(input: ParsedInput, location: ParamPlan['location']): Record<string, unknown> {
  return location === 'header' ? input.headers : location === 'path' ? input.path : input.query;
}

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaTypeOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Reads, coerces and validates every parameter and the body. Throws 400 (naming every bad field)
 * or 415; returns the values, with parameter defaults applied.
 */
export function parseRequest(
  spec: SpecValidator,
  plan: RequestPlan,
  raw: RawRequest,
  options: { itemsCheckedByHandler?: string } = {},
): ParsedInput {
  const errors: FieldError[] = [];
  const input: ParsedInput = { path: {}, query: {}, headers: {}, body: undefined, hasBody: false };
  const queryIndex = raw.url.indexOf('?');
  const search = new URLSearchParams(queryIndex >= 0 ? raw.url.slice(queryIndex + 1) : '');

  for (const p of plan.params) {
    let values: string[];
    if (p.location === 'query') values = search.getAll(p.param.name);
    else if (p.location === 'path') {
      const v = raw.params[p.param.name];
      values = v === undefined ? [] : [v];
    } else {
      const v = raw.headers[p.key];
      values = v === undefined ? [] : Array.isArray(v) ? v : [v];
    }

    if (values.length === 0) {
      const fallback = resolveSchema(spec, p.schema).default;
      if (fallback !== undefined) {
        target(input, p.location)[p.key] = fallback;
      } else if (p.param.required && !SEPARATELY_ENFORCED.has(p.key)) {
        errors.push({ path: p.pointer, message: 'is required', code: 'required' });
      }
      continue;
    }

    let value: unknown;
    if (p.type === 'array') {
      const parts = p.commaSeparated ? values.flatMap((v) => v.split(',')) : values;
      value = parts.map((part) => coerce(part, p.itemType));
    } else {
      if (values.length > 1) {
        errors.push({ path: p.pointer, message: 'must be given once', code: 'type' });
        continue;
      }
      value = coerce(values[0]!, p.type);
    }
    const issues = spec.validateAgainst(p.schema, value);
    if (issues.length) errors.push(...prefixed(p.pointer, issues));
    else target(input, p.location)[p.key] = value;
  }

  if (plan.body) {
    const hasBody = raw.body !== undefined && raw.body.length > 0;
    if (!hasBody) {
      if (plan.bodyRequired)
        errors.push({ path: '/body', message: 'is required', code: 'required' });
    } else {
      const media = mediaTypeOf(raw.headers['content-type']);
      const schema = plan.body.get(media);
      if (schema === undefined) {
        throw new HttpProblem(
          'unsupported-media-type',
          `The body must be ${[...plan.body.keys()].join(' or ')}${media ? `, not ${media}` : ''}.`,
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.body!.toString('utf8'));
      } catch {
        throw problem.validation(
          [{ path: '/body', message: 'is not valid JSON', code: 'json' }],
          'The body is not valid JSON.',
        );
      }
      let issues = prefixed('/body', spec.validateAgainst(schema, parsed));
      if (options.itemsCheckedByHandler) {
        // The handler validates each item of this array on its own (a batch with partial success).
        const item = new RegExp(`^/body/${options.itemsCheckedByHandler}/\\d+(/|$)`);
        issues = issues.filter((issue) => !item.test(issue.path));
      }
      if (issues.length) errors.push(...issues);
      input.body = parsed;
      input.hasBody = true;
    }
  }

  if (errors.length) throw problem.validation(errors);
  return input;
}
