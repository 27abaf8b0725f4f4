/**
 * Generates the SDK's response schemas from the contract (packages/spec/openapi.yaml):
 *
 * - src/schemas/generated.ts: a zod/mini schema for every schema a response body uses, each built
 *   on first use, and `responseSchemas` mapping each operationId to its success body's schema;
 * - test/types/schemas.check.ts: compile-time proof (checked by `tsc -b`) that each schema's type
 *   and the generated OpenAPI type are mutually assignable;
 * - src/request-types.generated.ts: corrections to request body types (fields the contract gives a
 *   default are optional; `allOf` overlays that openapi-typescript cannot type).
 *
 * `npm run generate -w @cc-kit/sdk` writes them; test/schemas.test.ts fails when they drift.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { listOperations, loadSpec, resolveRef, type OpenApiDocument } from '@cc-kit/spec/load';

type JsonSchema = Record<string, unknown>;

const root = fileURLToPath(new URL('..', import.meta.url));
export const OUTPUTS = {
  schemas: 'src/schemas/generated.ts',
  checks: 'test/types/schemas.check.ts',
  defaults: 'src/request-types.generated.ts',
} as const;

/** Keywords that carry no constraint a response check needs (or that ajv checks on the server). */
const IGNORED = new Set([
  'description',
  'examples',
  'example',
  'default',
  'title',
  'deprecated',
  'readOnly',
  'writeOnly',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'x-pii',
  'discriminator',
]);

const HANDLED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'oneOf',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

/** RFC 3339 date-time, full-date and a cheap e-mail shape. */
const FORMATS: Record<string, string> = {
  'date-time': 'DATE_TIME',
  date: 'DATE',
  email: 'EMAIL',
};

const ident = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (ident.test(name) ? name : JSON.stringify(name));
const regex = (pattern: string) => `/${pattern.replace(/\//g, '\\/')}/`;

class Generator {
  used = new Set<string>();
  private readonly doc: OpenApiDocument;

  constructor(doc: OpenApiDocument) {
    this.doc = doc;
  }

  refName(ref: string): string {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`);
    const name = ref.slice(prefix.length);
    this.used.add(name);
    return name;
  }

  /** zod/mini source for a JSON schema. */
  zod(schema: JsonSchema, where: string): string {
    for (const keyword of Object.keys(schema)) {
      if (!HANDLED.has(keyword) && !IGNORED.has(keyword)) {
        throw new Error(`${where}: the generator does not support "${keyword}"`);
      }
    }
    if (typeof schema.$ref === 'string') return `${this.refName(schema.$ref)}()`;
    if (Array.isArray(schema.oneOf)) return this.oneOf(schema, where);
    if (Array.isArray(schema.allOf)) {
      const [first, ...rest] = (schema.allOf as JsonSchema[]).map((s, i) =>
        this.zod(s, `${where}/allOf/${i}`),
      );
      return rest.reduce((acc, next) => `z.intersection(${acc}, ${next})`, first!);
    }
    if (schema.const !== undefined) return `z.literal(${JSON.stringify(schema.const)})`;
    if (Array.isArray(schema.enum)) return `z.enum(${JSON.stringify(schema.enum)})`;

    const checks: string[] = [];
    const check = (keyword: string, fn: string) => {
      if (schema[keyword] !== undefined) checks.push(`z.${fn}(${JSON.stringify(schema[keyword])})`);
    };
    let base: string;
    switch (schema.type) {
      case 'string':
        base = 'z.string()';
        if (typeof schema.format === 'string') {
          const name = FORMATS[schema.format];
          if (!name) throw new Error(`${where}: unknown format ${schema.format}`);
          checks.push(`z.regex(${name})`);
        }
        if (typeof schema.pattern === 'string') checks.push(`z.regex(${regex(schema.pattern)})`);
        check('minLength', 'minLength');
        check('maxLength', 'maxLength');
        break;
      case 'integer':
      case 'number':
        base = schema.type === 'integer' ? 'z.int()' : 'z.number()';
        check('minimum', 'gte');
        check('maximum', 'lte');
        check('exclusiveMinimum', 'gt');
        check('exclusiveMaximum', 'lt');
        break;
      case 'boolean':
        base = 'z.boolean()';
        break;
      case 'null':
        base = 'z.null()';
        break;
      case 'array':
        base = `z.array(${this.zod((schema.items as JsonSchema) ?? {}, `${where}/items`)})`;
        check('minItems', 'minLength');
        check('maxItems', 'maxLength');
        break;
      case 'object':
        base = this.object(schema, where);
        break;
      case undefined:
        if (Object.keys(schema).some((k) => HANDLED.has(k))) {
          throw new Error(`${where}: a schema without a type`);
        }
        return 'z.unknown()';
      default:
        throw new Error(`${where}: unsupported type ${JSON.stringify(schema.type)}`);
    }
    return checks.length ? `${base}.check(${checks.join(', ')})` : base;
  }

  private oneOf(schema: JsonSchema, where: string): string {
    const options = schema.oneOf as JsonSchema[];
    const nonNull = options.filter((o) => o.type !== 'null');
    const parts = nonNull.map((o, i) => this.zod(o, `${where}/oneOf/${i}`));
    let inner: string;
    const discriminator = schema.discriminator as { propertyName: string } | undefined;
    if (parts.length === 1) inner = parts[0]!;
    else if (discriminator) {
      inner = `z.discriminatedUnion(${JSON.stringify(discriminator.propertyName)}, [${parts.join(', ')}])`;
    } else inner = `z.union([${parts.join(', ')}])`;
    return nonNull.length < options.length ? `z.nullable(${inner})` : inner;
  }

  private object(schema: JsonSchema, where: string): string {
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const extra = schema.additionalProperties;
    if (Object.keys(properties).length === 0 && extra && typeof extra === 'object') {
      const names = schema.propertyNames as JsonSchema | undefined;
      const keySchema = names
        ? this.zod({ type: 'string', ...names }, `${where}/propertyNames`)
        : 'z.string()';
      return `z.record(${keySchema}, ${this.zod(extra as JsonSchema, `${where}/additionalProperties`)})`;
    }
    const fields = Object.entries(properties).map(([name, property]) => {
      const inner = this.zod(property, `${where}/properties/${name}`);
      return `${key(name)}: ${required.has(name) ? inner : `z.optional(${inner})`}`;
    });
    return `z.object({ ${fields.join(', ')} })`;
  }

  /** Every schema used so far and the ones they reference, references first. */
  emitSchemas(): { name: string; code: string }[] {
    const schemas = this.doc.components.schemas as Record<string, JsonSchema>;
    const done = new Map<string, string>();
    const visiting = new Set<string>();
    const order: string[] = [];
    const visit = (name: string) => {
      if (done.has(name)) return;
      if (visiting.has(name)) throw new Error(`Schema cycle through ${name}: not supported`);
      visiting.add(name);
      this.used = new Set();
      const code = this.zod(schemas[name]!, `#/components/schemas/${name}`);
      for (const ref of [...this.used]) visit(ref);
      visiting.delete(name);
      done.set(name, code);
      order.push(name);
    };
    for (const name of [...this.used].sort()) visit(name);
    return order.map((name) => ({ name, code: done.get(name)! }));
  }
}

interface SuccessBody {
  operationId: string;
  status: string;
  schema: JsonSchema;
}

/** The JSON (or event) schema of each operation's success answer. */
function successBodies(doc: OpenApiDocument): SuccessBody[] {
  const result: SuccessBody[] = [];
  for (const op of listOperations(doc)) {
    const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
    if (success.length !== 1) throw new Error(`${op.operationId}: expected one success status`);
    const [status, raw] = success[0]!;
    const response = resolveRef<{ content?: Record<string, JsonSchema> }>(doc, raw);
    const content = response.content ?? {};
    const json = content['application/json']?.schema as JsonSchema | undefined;
    const events = content['text/event-stream']?.['x-event-schema'] as JsonSchema | undefined;
    const schema = json ?? events;
    if (schema) result.push({ operationId: op.operationId, status, schema });
  }
  return result;
}

/** Request body fields with a `default`, per operation: the SDK makes them optional. */
function requestDefaults(doc: OpenApiDocument): [string, string[]][] {
  const result: [string, string[]][] = [];
  for (const [operationId, schema] of requestBodies(doc)) {
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const names = Object.entries(properties)
      .filter(([, p]) => p.default !== undefined)
      .map(([name]) => name);
    if (names.length) result.push([operationId, names]);
  }
  return result;
}

/**
 * Request body properties written `allOf: [{ $ref: X }, { required: [...] }]` (X with some fields
 * made required). openapi-typescript types the second part as `Record<string, never>`, which no
 * value satisfies; the SDK types such a property as X with those fields required instead.
 */
function requestOverrides(doc: OpenApiDocument): [string, string[]][] {
  const result: [string, string[]][] = [];
  for (const [operationId, schema] of requestBodies(doc)) {
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const fields: string[] = [];
    for (const [name, property] of Object.entries(properties)) {
      if (!Array.isArray(property.allOf)) continue;
      const [base, overlay, ...rest] = property.allOf as JsonSchema[];
      // An overlay that declares its properties is typed correctly by openapi-typescript.
      if (overlay?.properties && !rest.length) continue;
      const required = overlay?.required as string[] | undefined;
      const onlyRequired =
        overlay && Object.keys(overlay).every((k) => k === 'type' || k === 'required');
      if (typeof base?.$ref !== 'string' || !required || !onlyRequired || rest.length) {
        throw new Error(`${operationId}: unsupported allOf in the request body at ${name}`);
      }
      const target = `components['schemas']['${base.$ref.split('/').pop()}']`;
      const keys = required.map((k) => `'${k}'`).join(' | ');
      fields.push(`${key(name)}: ${target} & Required<Pick<${target}, ${keys}>>`);
    }
    if (fields.length) result.push([operationId, fields]);
  }
  return result;
}

function requestBodies(doc: OpenApiDocument): [string, JsonSchema][] {
  return listOperations(doc).flatMap((op) => {
    const raw = op.requestBody?.content['application/json']?.schema;
    return raw ? [[op.operationId, resolveRef<JsonSchema>(doc, raw)] as [string, JsonSchema]] : [];
  });
}

const HEADER = (what: string) =>
  `// Generated by packages/sdk/scripts/generate-schemas.ts from packages/spec/openapi.yaml: ${what}.\n` +
  '// Do not edit: run `npm run generate -w @cc-kit/sdk`. A test fails when this file drifts.\n';

/** The generated files' contents, formatted, by path relative to packages/sdk. */
export async function generate(doc: OpenApiDocument = loadSpec()): Promise<Record<string, string>> {
  const gen = new Generator(doc);
  const bodies = successBodies(doc).map((body) => ({
    ...body,
    code: gen.zod(body.schema, `${body.operationId} ${body.status}`),
  }));
  const schemas = gen.emitSchemas();

  const schemasSource = [
    HEADER('zod/mini schemas of every response body'),
    "import * as z from 'zod/mini';",
    '',
    '// No `new Function`: the schemas run on host pages under a strict Content-Security-Policy.',
    'z.config({ jitless: true });',
    '',
    '/** Builds a schema on first use, then returns the same one. */',
    'const lazy = <T>(build: () => T): (() => T) => {',
    '  let schema: T | undefined;',
    '  return () => (schema ??= build());',
    '};',
    '',
    'const DATE_TIME = /^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)$/i;',
    'const DATE = /^\\d{4}-\\d\\d-\\d\\d$/;',
    'const EMAIL = /^[^\\s@]+@[^\\s@]+$/;',
    '',
    ...schemas.map(
      ({ name, code }) => `export const ${name} = /* @__PURE__ */ lazy(() => ${code});`,
    ),
    '',
    "/** The schema of each operation's success body (for `streamEvents`, of one event). */",
    'export const responseSchemas = {',
    ...bodies.map(({ operationId, code }) =>
      /^[A-Za-z]\w*\(\)$/.test(code)
        ? `  ${operationId}: ${code.slice(0, -2)},`
        : `  ${operationId}: /* @__PURE__ */ lazy(() => ${code}),`,
    ),
    '};',
    '',
  ].join('\n');

  const checksSource = [
    HEADER('compile-time checks'),
    "// Each line fails `tsc -b` when a schema's type and the contract's generated type are not",
    '// mutually assignable, so the schemas cannot drift from the types.',
    "import type * as z from 'zod/mini';",
    "import type { components, operations } from '@cc-kit/spec';",
    "import type * as s from '../../src/schemas/generated.js';",
    '',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type Check<T extends true> = T;',
    'type Out<F extends () => z.ZodMiniType> = z.output<ReturnType<F>>;',
    "type Schemas = components['schemas'];",
    "type Success<K extends keyof operations, S extends keyof operations[K]['responses']> =",
    "  operations[K]['responses'][S] extends { content: { 'application/json': infer B } } ? B : never;",
    '',
    'export type SchemaChecks = [',
    ...schemas.map(({ name }) => `  Check<Same<Out<typeof s.${name}>, Schemas['${name}']>>,`),
    '];',
    '',
    'export type ResponseChecks = [',
    ...bodies.map(({ operationId, status }) =>
      operationId === 'streamEvents'
        ? `  Check<Same<Out<typeof s.responseSchemas.streamEvents>, Schemas['Event']>>,`
        : `  Check<Same<Out<typeof s.responseSchemas.${operationId}>, Success<'${operationId}', ${status}>>>,`,
    ),
    '];',
    '',
  ].join('\n');

  const overrides = requestOverrides(doc);
  const defaultsSource = [
    HEADER('request body types the generated OpenAPI types get wrong'),
    // Only imported when an override refers to a component, so the file stays lint-clean either way.
    ...(overrides.length > 0 ? ["import type { components } from '@cc-kit/spec';", ''] : []),
    '/** Per operation, the request body fields the contract gives a default (so callers may omit them). */',
    'export interface RequestBodyDefaults {',
    ...requestDefaults(doc).map(
      ([operationId, names]) => `  ${operationId}: ${names.map((n) => `'${n}'`).join(' | ')};`,
    ),
    '}',
    '',
    '/** Per operation, request body fields written as a schema with some fields made required. */',
    ...(overrides.length > 0
      ? [
          'export interface RequestBodyOverrides {',
          ...overrides.map(
            ([operationId, fields]) => `  ${operationId}: { ${fields.join('; ')} };`,
          ),
          '}',
        ]
      : ['export type RequestBodyOverrides = Record<never, never>;']),
    '',
  ].join('\n');

  const files: Record<string, string> = {
    [OUTPUTS.schemas]: schemasSource,
    [OUTPUTS.checks]: checksSource,
    [OUTPUTS.defaults]: defaultsSource,
  };
  for (const [path, source] of Object.entries(files)) {
    const filepath = root + path;
    const config = (await resolveConfig(filepath)) ?? {};
    files[path] = await format(source, { ...config, filepath });
  }
  return files;
}

/** Paths (relative to packages/sdk) whose committed content differs from a fresh generation. */
export async function drifted(): Promise<string[]> {
  const files = await generate();
  const stale: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const current = await readFile(root + path, 'utf8').catch(() => '');
    if (current !== content) stale.push(path);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await generate();
  for (const [path, content] of Object.entries(files)) {
    await writeFile(root + path, content);
    console.log(`wrote packages/sdk/${path}`);
  }
}
