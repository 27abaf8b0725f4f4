import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listOperations, loadSpec, resolveRef, type OperationInfo } from '../src/load.js';

const doc = loadSpec();
const operations = listOperations(doc);
const ROLES = (doc.components.schemas.Role as { enum: string[] }).enum;

const hasParam = (op: OperationInfo, name: string) =>
  op.parameters.some((p) => p.name.toLowerCase() === name.toLowerCase());

describe('every operation of the contract', () => {
  test('there are operations, each with a unique operationId and a summary', () => {
    assert.ok(operations.length > 60, `only ${operations.length} operations`);
    const ids = operations.map((op) => op.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operationIds must be unique');
    for (const op of operations) {
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z]+$/, `${op.method} ${op.path}`);
      assert.ok(op.summary && op.summary.length > 5, `${op.operationId} needs a summary`);
    }
  });

  test('declares the roles allowed (x-roles), or is explicitly public', () => {
    for (const op of operations) {
      assert.ok(Array.isArray(op.raw['x-roles']), `${op.operationId} has no x-roles`);
      for (const role of op.roles) assert.ok(ROLES.includes(role), `${op.operationId}: ${role}`);
      if (op.isPublic) {
        assert.deepEqual(op.raw.security, [], `${op.operationId} is public but not security: []`);
        assert.equal(op.roles.length, 0);
      } else {
        assert.ok(op.roles.length > 0, `${op.operationId} allows no role`);
        assert.equal(op.raw.security, undefined, `${op.operationId} overrides security`);
      }
    }
  });

  test('declares every error it can return, each as problem+json', () => {
    for (const op of operations) {
      const statuses = Object.keys(op.responses);
      const need = (status: string, why: string) =>
        assert.ok(statuses.includes(status), `${op.operationId} must document ${status} (${why})`);
      need('429', 'rate limits apply to every operation');
      if (!op.isPublic) need('401', 'it needs a token');
      if (!op.isPublic && op.roles.length < ROLES.length) need('403', 'some roles are refused');
      if (op.parameters.some((p) => p.in === 'path')) need('404', 'it names an object');
      if (op.parameters.some((p) => p.in === 'query') || op.requestBody)
        need('400', 'it takes input');
      if (op.requestBody) {
        need('413', 'it takes a body');
        need('415', 'it takes a body');
      }
      if (hasParam(op, 'If-Match')) {
        need('412', 'it takes If-Match');
        need('428', 'If-Match is required');
      }
      if (hasParam(op, 'Idempotency-Key')) need('409', 'a replay may be in flight');
      if (op.method !== 'get' && !op.isPublic) need('422', 'a write can break a rule');
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const response = resolveRef<{ content?: Record<string, unknown> }>(
          doc,
          op.responses[status],
        );
        assert.deepEqual(
          Object.keys(response.content ?? {}),
          ['application/problem+json'],
          `${op.operationId} ${status} must answer problem+json`,
        );
      }
      assert.ok(
        statuses.some((s) => s.startsWith('2')),
        `${op.operationId} documents no success response`,
      );
    }
  });

  test('every write that is a POST takes an Idempotency-Key; every update takes If-Match', () => {
    for (const op of operations) {
      if (op.method === 'post' && !op.isPublic) {
        assert.ok(hasParam(op, 'Idempotency-Key'), `${op.operationId} needs Idempotency-Key`);
      }
      if (op.method === 'patch' || op.method === 'put') {
        assert.ok(hasParam(op, 'If-Match'), `${op.operationId} needs If-Match`);
      }
      if (op.operationId.startsWith('transition') || op.path.endsWith('/submit')) {
        assert.ok(hasParam(op, 'If-Match'), `${op.operationId} changes state: needs If-Match`);
      }
    }
  });

  test('paginated lists take limit and cursor and answer { items, nextCursor }', () => {
    for (const op of operations.filter((o) => o.method === 'get')) {
      const ok = resolveRef<{ content?: Record<string, { schema?: unknown }> }>(
        doc,
        op.responses['200'],
      );
      const schema = resolveRef<{ properties?: Record<string, unknown> }>(
        doc,
        ok.content?.['application/json']?.schema,
      );
      if (schema?.properties && 'nextCursor' in schema.properties) {
        assert.ok(hasParam(op, 'limit') && hasParam(op, 'cursor'), `${op.operationId} paginates`);
        assert.ok('items' in schema.properties);
      }
    }
  });

  test('personal data is marked x-pii and never travels in a URL', () => {
    const customer = doc.components.schemas.Customer as {
      properties: Record<string, Record<string, unknown>>;
    };
    for (const field of ['name', 'phone', 'email']) {
      assert.equal(customer.properties[field]?.['x-pii'], true, `Customer.${field}`);
    }
    const piiWords = /phone|customerName|email/i;
    for (const op of operations) {
      for (const p of op.parameters.filter((x) => x.in === 'query' || x.in === 'path')) {
        assert.doesNotMatch(p.name, piiWords, `${op.operationId} takes ${p.name} in the URL`);
      }
    }
  });
});
