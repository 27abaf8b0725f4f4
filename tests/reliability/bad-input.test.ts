/**
 * Bad input: a fast-check generator walks the spec and sends malformed requests to every
 * operation — wrong types, missing fields, huge strings, unknown fields, bad enums, broken JSON,
 * wrong content types, oversized bodies, bad cursors, bad query values, bad headers (tokens,
 * Idempotency-Key, If-Match) and bad path IDs. Each is certainly invalid, so each must be refused:
 * no 5xx, every answer a 4xx problem+json that the spec documents for that operation, and not one
 * row written anywhere (every table's row count is the same before and after).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { listOperations, loadSpec, resolveRef, type OperationInfo } from '@cc-kit/spec/load';
import { specValidator } from '../../packages/server/src/app.js';
import { startServer, type TestServer } from '../../packages/server/test/helpers/server.js';
import { pool, scale, SEED, tableCounts } from './support/scale.js';
import { refusedAuthorizations } from './support/tokens.js';

const REQUESTS = scale(1500, 12_000);

type Schema = Record<string, unknown>;
const doc = loadSpec();
const resolve = (schema: unknown): Schema => resolveRef<Schema>(doc, schema ?? {});

interface Shape {
  properties: Record<string, Schema>;
  required: string[];
  closed: boolean;
}

/** The object a body schema describes (allOf merged); null when it is not a plain object. */
function shapeOf(schema: unknown): Shape | null {
  const s = resolve(schema);
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as unknown[]).map(shapeOf);
    if (parts.some((p) => p === null)) return null;
    return {
      properties: Object.assign({}, ...parts.map((p) => p!.properties)),
      required: [...new Set(parts.flatMap((p) => p!.required))],
      closed: parts.some((p) => p!.closed) || s.additionalProperties === false,
    };
  }
  if (s.type !== 'object' || !s.properties) return null;
  return {
    properties: Object.fromEntries(
      Object.entries(s.properties as Record<string, unknown>).map(([k, v]) => [k, resolve(v)]),
    ),
    required: (s.required as string[]) ?? [],
    closed: s.additionalProperties === false,
  };
}

/** The JSON types a schema accepts, or null when it does not say (then it is not mutated). */
function typesOf(schema: Schema): Set<string> | null {
  const s = resolve(schema);
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (branches) {
    const all = branches.map((b) => typesOf(resolve(b)));
    if (all.some((t) => t === null)) return null;
    return new Set(all.flatMap((t) => [...t!]));
  }
  if (Array.isArray(s.allOf)) return typesOf(resolve((s.allOf as unknown[])[0]));
  if (s.const !== undefined) return new Set([jsonType(s.const)]);
  if (Array.isArray(s.enum)) return new Set((s.enum as unknown[]).map(jsonType));
  if (typeof s.type === 'string') return new Set([s.type === 'integer' ? 'number' : s.type]);
  if (Array.isArray(s.type))
    return new Set((s.type as string[]).map((t) => (t === 'integer' ? 'number' : t)));
  return null;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A small value that (mostly) satisfies a schema: the base that one mutation then breaks. */
function sample(schema: unknown, depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.allOf)) {
    const shape = shapeOf(s);
    if (shape) return sampleObject(shape, depth);
    return sample((s.allOf as unknown[])[0], depth);
  }
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (branches) return sample(branches[0], depth);
  const type = Array.isArray(s.type) ? (s.type as string[])[0] : s.type;
  switch (type) {
    case 'object': {
      const shape = shapeOf(s);
      return shape && depth < 4 ? sampleObject(shape, depth) : {};
    }
    case 'array':
      return Array.from({ length: (s.minItems as number) ?? 0 }, () => sample(s.items, depth + 1));
    case 'integer':
    case 'number':
      return (s.minimum as number) ?? (s.exclusiveMinimum as number) ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      if (s.format === 'date-time') return '2026-11-20T08:00:00Z';
      if (s.format === 'date') return '2026-11-20';
      if (s.format === 'email') return 'someone@example.com';
      if (s.format === 'uri') return 'https://example.com/x';
      return 'x'.repeat(Math.max(1, (s.minLength as number) ?? 1, 10));
    }
    default:
      return 'x';
  }
}

function sampleObject(shape: Shape, depth: number): Record<string, unknown> {
  return Object.fromEntries(shape.required.map((k) => [k, sample(shape.properties[k], depth + 1)]));
}

/** A value of a JSON type the schema does not accept. */
function wrongValue(types: Set<string>, pick: number): unknown {
  const candidates: unknown[] = [42.5, 'text', true, [1, 'two'], { nested: { deep: 1 } }, null];
  const wrong = candidates.filter((v) => !types.has(jsonType(v)) && !types.has('integer'));
  return wrong[pick % wrong.length];
}

interface Case {
  operationId: string;
  kind: string;
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
}

const BODY_KINDS = [
  'wrong-type',
  'missing-required',
  'huge-string',
  'unknown-field',
  'bad-enum',
  'broken-json',
  'wrong-content-type',
  'oversized',
  'not-an-object',
] as const;
const QUERY_KINDS = [
  'query-wrong-type',
  'query-bad-enum',
  'query-out-of-range',
  'query-huge',
  'bad-cursor',
  'query-repeated',
  'query-missing',
] as const;
const HEADER_KINDS = ['bad-token', 'bad-idempotency-key', 'bad-if-match'] as const;
const PATH_KINDS = ['bad-path-id'] as const;

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

describe('bad input over every operation', () => {
  test(`malformed requests over the spec: no 5xx, problem+json as documented, nothing written`, async (t) => {
    const db = server.built.db;
    const one = (sql: string) => (db.prepare(sql).get() as { id: string } | undefined)?.id;
    const dispute = db.prepare('SELECT id, evaluation_id FROM qa_disputes LIMIT 1').get() as
      { id: string; evaluation_id: string } | undefined;
    const ids: Record<string, string> = {
      teamId: one('SELECT id FROM teams ORDER BY id LIMIT 1')!,
      agentId: one(`SELECT id FROM users WHERE role = 'agent' ORDER BY id LIMIT 1`)!,
      policyId: one('SELECT id FROM sla_policies ORDER BY id LIMIT 1')!,
      ticketId: one(`SELECT id FROM tickets WHERE kind = 'complaint' ORDER BY number LIMIT 1`)!,
      callId: one('SELECT id FROM calls ORDER BY id LIMIT 1')!,
      metric: 'asa',
      templateId: one('SELECT id FROM qa_templates ORDER BY id LIMIT 1')!,
      evaluationId: dispute?.evaluation_id ?? one('SELECT id FROM qa_evaluations LIMIT 1')!,
      disputeId: dispute?.id ?? 'dsp_none',
      sessionId: one('SELECT id FROM qa_calibration_sessions LIMIT 1') ?? 'cal_none',
      assetId: one('SELECT id FROM assets ORDER BY id LIMIT 1')!,
      checkId: one('SELECT id FROM equipment_checks ORDER BY id LIMIT 1')!,
    };
    const manager = server.userFor('operations_manager');
    const badAuth = refusedAuthorizations(
      server.built.config.jwtSecret,
      { ...manager, role: 'operations_manager' },
      server.built.services.clock(),
    );
    const tokenFor = new Map<string, string>();
    const authFor = (op: OperationInfo): Record<string, string> => {
      if (op.isPublic) return {};
      const role = op.roles.includes('operations_manager') ? 'operations_manager' : op.roles[0]!;
      if (!tokenFor.has(role)) tokenFor.set(role, server.tokenFor(role as never));
      return { authorization: `Bearer ${tokenFor.get(role)}` };
    };

    const operations = listOperations();
    const arbitraries: { operationId: string; kind: string; arb: fc.Arbitrary<Case> }[] = [];
    for (const op of operations) {
      const bodyMedia = op.requestBody ? Object.keys(op.requestBody.content) : [];
      const bodySchema = bodyMedia.length
        ? op.requestBody!.content[bodyMedia[0]!]!.schema
        : undefined;
      const shape = bodySchema ? shapeOf(bodySchema) : null;
      const base = bodySchema ? sample(bodySchema) : undefined;
      const query = op.parameters.filter((p) => p.in === 'query');
      const headerNames = new Set(
        op.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
      );
      const pathParams = op.parameters.filter((p) => p.in === 'path');

      const baseCase = (kind: string): Case => {
        const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
          encodeURIComponent(ids[name] ?? 'x1'),
        );
        const headers: Record<string, string> = { ...authFor(op) };
        if (headerNames.has('idempotency-key'))
          headers['idempotency-key'] = `fuzz-${kind}-${Math.random().toString(36).slice(2)}`;
        if (headerNames.has('if-match')) headers['if-match'] = '"1"';
        const c: Case = {
          operationId: op.operationId,
          kind,
          method: op.method.toUpperCase(),
          path,
          query: [],
          headers,
        };
        if (base !== undefined) {
          c.body = JSON.stringify(base);
          c.headers['content-type'] = bodyMedia[0]!;
        }
        return c;
      };
      const add = (kind: string, arb: fc.Arbitrary<Case>) =>
        arbitraries.push({ operationId: op.operationId, kind, arb });
      const withBody = (kind: string, mutate: (body: Record<string, unknown>) => void) =>
        fc.constant(null).map(() => {
          const c = baseCase(kind);
          const body = structuredClone(base) as Record<string, unknown>;
          mutate(body);
          c.body = JSON.stringify(body);
          return c;
        });

      // ---- bodies ------------------------------------------------------------------------------
      if (bodySchema && shape) {
        const typed = Object.entries(shape.properties)
          .map(([name, s]) => [name, typesOf(s)] as const)
          .filter((e): e is readonly [string, Set<string>] => e[1] !== null);
        if (typed.length)
          add(
            'wrong-type',
            fc
              .tuple(fc.constantFrom(...typed), fc.nat(10))
              .chain(([[name, types], pick]) =>
                withBody('wrong-type', (b) => (b[name] = wrongValue(types, pick))),
              ),
          );
        if (shape.required.length)
          add(
            'missing-required',
            fc
              .constantFrom(...shape.required)
              .chain((name) => withBody('missing-required', (b) => delete b[name])),
          );
        const limited = Object.entries(shape.properties).filter(
          ([, s]) => s.type === 'string' && typeof s.maxLength === 'number',
        );
        if (limited.length)
          add(
            'huge-string',
            fc
              .tuple(fc.constantFrom(...limited), fc.integer({ min: 1, max: 5000 }))
              .chain(([[name, s], extra]) =>
                withBody('huge-string', (b) => {
                  b[name] = '长'.repeat((s.maxLength as number) + extra);
                }),
              ),
          );
        if (shape.closed)
          add(
            'unknown-field',
            fc
              .tuple(fc.stringMatching(/^[a-z][a-zA-Z]{0,15}$/), fc.jsonValue({ maxDepth: 2 }))
              .filter(([name]) => !(name in shape.properties))
              .chain(([name, value]) => withBody('unknown-field', (b) => (b[name] = value))),
          );
        const enums = Object.entries(shape.properties).filter(([, s]) => Array.isArray(s.enum));
        if (enums.length)
          add(
            'bad-enum',
            fc
              .tuple(fc.constantFrom(...enums), fc.string({ minLength: 1, maxLength: 30 }))
              .filter(([[, s], v]) => !(s.enum as unknown[]).includes(v))
              .chain(([[name], v]) => withBody('bad-enum', (b) => (b[name] = v))),
          );
      }
      if (bodySchema) {
        add(
          'broken-json',
          fc
            .tuple(
              fc.constantFrom(
                '{',
                '{"a":',
                "{'single': 'quotes'}",
                '{"a":1,}',
                'NaN',
                '{"a": undefined}',
                '\u0000\u0001',
                '[1, 2',
                '{"a":"\\x"}',
              ),
              fc.nat(40),
            )
            .map(([broken, cut]) => {
              const c = baseCase('broken-json');
              c.body = cut % 2 ? broken : (c.body ?? '{}').slice(0, Math.max(1, cut % 20)) + broken;
              return c;
            }),
        );
        add(
          'wrong-content-type',
          fc
            .constantFrom(
              'text/plain',
              'application/xml',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/jsonx',
              'text/json',
            )
            .map((type) => {
              const c = baseCase('wrong-content-type');
              c.headers['content-type'] = type;
              return c;
            }),
        );
        add(
          'oversized',
          fc.integer({ min: 1, max: 64 * 1024 }).map((extra) => {
            const c = baseCase('oversized');
            c.body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + extra) });
            return c;
          }),
        );
        add(
          'not-an-object',
          fc
            .oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer()))
            .filter((v) => jsonType(v) !== 'object')
            .filter(() => typesOf(resolve(bodySchema))?.has('array') !== true)
            .map((value) => {
              const c = baseCase('not-an-object');
              c.body = JSON.stringify(value);
              return c;
            }),
        );
      }

      // ---- query -------------------------------------------------------------------------------
      const withQuery = (kind: string, pairs: [string, string][]) => {
        const c = baseCase(kind);
        c.query = pairs;
        return c;
      };
      const scalar = (s: unknown) => {
        const r = resolve(s);
        return r.type === 'array' ? resolve(r.items) : r;
      };
      const numeric = query.filter((p) =>
        ['integer', 'number'].includes(scalar(p.schema!).type as string),
      );
      const typedQuery = query.filter((p) => {
        const s = scalar(p.schema!);
        return (
          ['integer', 'number', 'boolean'].includes(s.type as string) ||
          s.format === 'date-time' ||
          s.format === 'date'
        );
      });
      if (typedQuery.length)
        add(
          'query-wrong-type',
          fc
            .tuple(
              fc.constantFrom(...typedQuery),
              fc.constantFrom('abc', '1.5.2', 'yesterday', '0x1G', '{}', '2026-13-45', 'NaN'),
            )
            .map(([p, v]) => withQuery('query-wrong-type', [[p.name, v]])),
        );
      const enumQuery = query.filter((p) => Array.isArray(scalar(p.schema!).enum));
      if (enumQuery.length)
        add(
          'query-bad-enum',
          fc
            .tuple(fc.constantFrom(...enumQuery), fc.stringMatching(/^[a-z_]{1,20}$/))
            .filter(([p, v]) => !(scalar(p.schema!).enum as unknown[]).includes(v))
            .map(([p, v]) => withQuery('query-bad-enum', [[p.name, v]])),
        );
      const ranged = numeric.filter((p) => {
        const s = scalar(p.schema!);
        return s.maximum !== undefined || s.minimum !== undefined;
      });
      if (ranged.length)
        add(
          'query-out-of-range',
          fc.tuple(fc.constantFrom(...ranged), fc.integer({ min: 1, max: 1e6 })).map(([p, by]) => {
            const s = scalar(p.schema!);
            const v =
              s.maximum !== undefined ? (s.maximum as number) + by : (s.minimum as number) - by;
            return withQuery('query-out-of-range', [[p.name, String(v)]]);
          }),
        );
      const longQuery = query.filter((p) => typeof scalar(p.schema!).maxLength === 'number');
      if (longQuery.length)
        add(
          'query-huge',
          fc
            .tuple(fc.constantFrom(...longQuery), fc.integer({ min: 1, max: 3000 }))
            .map(([p, by]) =>
              withQuery('query-huge', [
                [p.name, 'q'.repeat((scalar(p.schema!).maxLength as number) + by)],
              ]),
            ),
        );
      if (query.some((p) => p.name === 'cursor'))
        add(
          'bad-cursor',
          fc
            .oneof(
              fc.string({ minLength: 1, maxLength: 80 }),
              fc.base64String({ minLength: 8, maxLength: 120 }),
              fc.constant('eyJrIjpbMSwyXX0.AAAA'),
            )
            .map((v) => withQuery('bad-cursor', [['cursor', v]])),
        );
      const single = query.filter(
        (p) => resolve(p.schema).type !== 'array' && sample(p.schema) !== undefined,
      );
      if (single.length)
        add(
          'query-repeated',
          fc.constantFrom(...single).map((p) => {
            const v = String(sample(p.schema));
            return withQuery('query-repeated', [
              [p.name, v],
              [p.name, v],
            ]);
          }),
        );
      if (query.some((p) => p.required))
        add(
          'query-missing',
          fc.constant(null).map(() => baseCase('query-missing')),
        );

      // ---- headers -----------------------------------------------------------------------------
      if (!op.isPublic)
        add(
          'bad-token',
          fc.constantFrom(...badAuth, ['none', '']).map(([, value]) => {
            const c = baseCase('bad-token');
            if (value) c.headers.authorization = value;
            else delete c.headers.authorization;
            return c;
          }),
        );
      if (headerNames.has('idempotency-key'))
        add(
          'bad-idempotency-key',
          fc
            .oneof(
              fc.constant(undefined),
              fc.constant('k'.repeat(256)),
              fc.constant('has space'),
              fc.constant('clé'),
              fc.constant(''),
            )
            .map((key) => {
              const c = baseCase('bad-idempotency-key');
              if (key === undefined) delete c.headers['idempotency-key'];
              else c.headers['idempotency-key'] = key;
              return c;
            }),
        );
      if (headerNames.has('if-match'))
        add(
          'bad-if-match',
          fc
            .constantFrom(undefined, 'abc', '"x"', 'W/"-1"', '*', '"0"', `"${'9'.repeat(70)}"`)
            .map((value) => {
              const c = baseCase('bad-if-match');
              if (value === undefined) delete c.headers['if-match'];
              else c.headers['if-match'] = value;
              return c;
            }),
        );

      // ---- path --------------------------------------------------------------------------------
      if (pathParams.length)
        add(
          'bad-path-id',
          fc
            .tuple(
              fc.constantFrom(...pathParams),
              fc.oneof(
                fc.constant('x'.repeat(65)),
                fc.constant('..%2F..%2Fetc%2Fpasswd'),
                fc.constant("1' OR '1'='1"),
                fc.constant('%00'),
                fc.constant('不存在'),
                fc.stringMatching(/^[a-z]{3}_[A-Za-z0-9]{1,20}$/),
              ),
            )
            .map(([p, value]) => {
              const c = baseCase('bad-path-id');
              c.path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
                name === p.name
                  ? value.includes('%')
                    ? value
                    : encodeURIComponent(value)
                  : encodeURIComponent(ids[name] ?? 'x1'),
              );
              return c;
            }),
        );
    }

    // Every (operation, kind) pair at least once, then random pairs up to REQUESTS.
    const cases: Case[] = [];
    arbitraries.forEach(({ arb }, i) =>
      cases.push(...fc.sample(arb, { numRuns: 1, seed: SEED + i })),
    );
    const rest = REQUESTS - cases.length;
    if (rest > 0)
      cases.push(
        ...fc.sample(
          fc.constantFrom(...arbitraries).chain(({ arb }) => arb),
          { numRuns: rest, seed: SEED },
        ),
      );

    const before = tableCounts(db);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const spec = specValidator();
    const started = Date.now();
    const msPerKind = new Map<string, number>();
    await pool(cases, 8, async (c) => {
      const sent = performance.now();
      const qs = new URLSearchParams(c.query).toString();
      let response: Response;
      try {
        response = await fetch(`${server.url}${c.path}${qs ? `?${qs}` : ''}`, {
          method: c.method,
          headers: c.headers,
          ...(c.body !== undefined ? { body: c.body } : {}),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        failures.push(`${c.operationId} ${c.kind}: no answer (${String(error)})`);
        return;
      }
      const text = await response.text();
      msPerKind.set(c.kind, (msPerKind.get(c.kind) ?? 0) + performance.now() - sent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const type = response.headers.get('content-type') ?? '';
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // checked below: a problem answer is JSON
      }
      const problems: string[] = [];
      if (response.status < 400 || response.status >= 500) problems.push('not a 4xx');
      if (!type.startsWith('application/problem+json')) problems.push(`content type ${type}`);
      const issues = spec.validateResponse(c.operationId, response.status, type, body);
      if (issues.length) problems.push(`not as the spec says: ${JSON.stringify(issues)}`);
      if ((body as { requestId?: string }).requestId !== response.headers.get('x-request-id'))
        problems.push('requestId differs from X-Request-Id');
      if (problems.length)
        failures.push(
          `${c.method} ${c.path} (${c.operationId}, ${c.kind}) -> ${response.status}: ${problems.join('; ')} ${text.slice(0, 200)}`,
        );
    });
    const seconds = (Date.now() - started) / 1000;
    const after = tableCounts(db);

    const kinds = new Set(arbitraries.map((a) => a.kind));
    const covered = new Set(arbitraries.map((a) => a.operationId));
    t.diagnostic(
      `requests ${cases.length} over ${covered.size} of ${operations.length} operations, ` +
        `${arbitraries.length} (operation, kind) pairs, kinds: ${[...kinds].join(' ')}; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `failures ${failures.length}; ${seconds.toFixed(1)} s`,
    );
    if (process.env.CC_RELIABILITY_DEBUG) {
      t.diagnostic(
        JSON.stringify(Object.fromEntries([...msPerKind].map(([k, v]) => [k, Math.round(v)]))),
      );
      for (const f of failures) t.diagnostic(f);
    }
    // An operation without any input (public, no parameters, no body) cannot be sent bad input.
    const inputless = operations.filter(
      (op) => op.isPublic && op.parameters.length === 0 && !op.requestBody,
    );
    assert.equal(
      covered.size,
      operations.length - inputless.length,
      'every operation with any input was sent bad input',
    );
    for (const kind of [...BODY_KINDS, ...QUERY_KINDS, ...HEADER_KINDS, ...PATH_KINDS])
      assert.ok(kinds.has(kind), `the generator makes ${kind}`);
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} answers were wrong`);
    assert.ok(
      [...statuses.keys()].every((s) => s < 500),
      'no 5xx',
    );
    assert.deepEqual(after, before, 'no row was written');
  });
});
