/**
 * The contract as a whole: which operations exist, and who may call them. Every role against
 * every operation: the roles in x-roles never get 403 from the role check, the others always do
 * (the role check runs before anything else, 501 included).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '@cc-kit/domain';
import { listOperations } from '@cc-kit/spec/load';
import type { OperationId } from '@cc-kit/spec';
import { startServer, type TestServer } from './helpers/server.js';
import { PENDING_OPERATIONS } from './helpers/pending.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

describe('operations', () => {
  test('PENDING_OPERATIONS is exactly what no area implements yet', () => {
    assert.deepEqual([...server.built.registry.pending()].sort(), [...PENDING_OPERATIONS].sort());
  });

  test('an operation that is not implemented yet answers 501 problem+json', async () => {
    const pending = listOperations().find(
      (op) =>
        PENDING_OPERATIONS.includes(op.operationId) && op.roles.includes('operations_manager'),
    );
    if (!pending) return;
    const path = Object.fromEntries(
      pending.parameters.filter((p) => p.in === 'path').map((p) => [p.name, 'x1']),
    );
    const response = await server.api(pending.operationId as OperationId, {
      path,
      token: 'operations_manager',
      unchecked: true,
    });
    assert.equal(response.status, 501);
    assert.equal(response.body.type, '/problems/not-implemented');
  });

  test('unknown paths answer 404 problem+json with a request ID', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
    const body = (await response.json()) as { requestId: string };
    assert.equal(body.requestId, response.headers.get('x-request-id'));
  });
});

describe('demo data', () => {
  test('the same seed number gives the same data', async () => {
    const at = () => new Date('2026-11-23T02:00:00.000Z');
    const digest = async (seed: number) => {
      const other = await startServer({ seed, clock: at });
      try {
        return other.built.db
          .prepare(
            `SELECT id, number, kind, state, subject, priority, assignee_id, created_at, version
               FROM tickets ORDER BY number`,
          )
          .all()
          .concat(
            other.built.db.prepare('SELECT id, name, role, team_id FROM users ORDER BY id').all(),
          );
      } finally {
        await other.close();
      }
    };
    const [a, b, c] = await Promise.all([digest(7), digest(7), digest(8)]);
    assert.ok(a.length > 300);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });
});

describe('role x operation matrix', () => {
  for (const op of listOperations()) {
    test(`${op.operationId}: ${op.isPublic ? 'public' : op.roles.join(', ')}`, async () => {
      const path = Object.fromEntries(
        op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, 'matrix_probe_1']),
      );
      if ('metric' in path) path.metric = 'asa';
      for (const role of ROLES) {
        const response = await server.api(op.operationId as OperationId, { path, token: role });
        const allowed = op.isPublic || op.roles.includes(role);
        if (allowed) {
          assert.notEqual(
            response.status,
            403,
            `${role} was refused ${op.operationId}: ${response.text}`,
          );
        } else {
          assert.equal(
            response.status,
            403,
            `${role} was not refused ${op.operationId}: ${response.status}`,
          );
          assert.equal(response.body.type, '/problems/forbidden');
        }
      }
    });
  }
});
