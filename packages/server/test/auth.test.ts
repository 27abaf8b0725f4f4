/** Authentication: HS256 tokens, the demo sign-in, and what a bad token gets. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { ROLES } from '@cc-kit/domain';
import { signToken } from '../src/core/auth.js';
import { assertProblem, startServer, TEST_SECRET, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function forge(header: unknown, payload: unknown, secret = TEST_SECRET): string {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}) {
  const user = server.userFor('agent');
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.id,
    role: 'agent',
    teamId: user.team_id,
    name: user.name,
    iat: now,
    exp: now + 600,
    ...overrides,
  };
}

async function expect401(token: string | undefined, detail?: RegExp) {
  const response = await server.api('getMe', {
    ...(token !== undefined ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  assertProblem(response, 401, 'unauthorized');
  const challenge = response.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /^Bearer realm="cc-kit"/);
  if (token !== undefined) assert.match(challenge, /error="invalid_token"/);
  if (detail) assert.match(response.body.detail, detail);
}

describe('bearer tokens', () => {
  test('a valid token reaches the operation', async () => {
    const response = await server.api('getMe', { token: 'agent' });
    assert.equal(response.status, 200);
    assert.equal(response.body.role, 'agent');
  });

  test('no token is 401 with a Bearer challenge', () => expect401(undefined));

  test('an expired token is 401', () =>
    expect401(
      forge({ alg: 'HS256', typ: 'JWT' }, claims({ exp: Math.floor(Date.now() / 1000) - 1 })),
      /expired/,
    ));

  test('a token signed with another secret is 401', () =>
    expect401(
      forge({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-another-secret-0000'),
      /signature/,
    ));

  test('a forged payload under a real signature is 401', async () => {
    const real = server.tokenFor('agent');
    const [header, , signature] = real.split('.');
    const forged = `${header}.${b64(claims({ role: 'operations_manager' }))}.${signature}`;
    await expect401(forged, /signature/);
  });

  test('alg none is refused', () =>
    expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, /HS256/));

  test('another algorithm is refused', () =>
    expect401(forge({ alg: 'HS512', typ: 'JWT' }, claims()), /HS256/));

  test('malformed tokens are 401', async () => {
    await expect401('not-a-token');
    await expect401('a.b.c');
    await expect401(`${b64({ alg: 'HS256' })}.!!!.abc`);
  });

  test('a token of an unknown user is 401', () =>
    expect401(forge({ alg: 'HS256', typ: 'JWT' }, claims({ sub: 'usr_nobody' })), /user/));

  test('a token whose role is not the user’s any more is 401', () =>
    expect401(forge({ alg: 'HS256', typ: 'JWT' }, claims({ role: 'operations_manager' })), /role/));

  test('an inactive user’s token is 401', async () => {
    const user = server.userFor('agent', 'team_online');
    const token = server.tokenFor('agent', { userId: user.id });
    server.built.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(user.id);
    try {
      await expect401(token);
    } finally {
      server.built.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(user.id);
    }
  });

  test('a non-bearer Authorization header is 401', async () => {
    const response = await server.api('getMe', {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    assertProblem(response, 401, 'unauthorized');
  });

  test('tokens the server signs verify', () => {
    const { token, expiresAt } = signToken(TEST_SECRET, {
      sub: 'x',
      role: 'agent',
      teamId: null,
      name: 'x',
    });
    assert.equal(token.split('.').length, 3);
    assert.ok(expiresAt.getTime() > Date.now() + 7 * 3600_000);
  });
});

describe('demo sign-in', () => {
  test('listDemoUsers offers at least one user per role', async () => {
    const response = await server.api('listDemoUsers');
    assert.equal(response.status, 200);
    const roles = new Set(response.body.items.map((u: { role: string }) => u.role));
    for (const role of ROLES) assert.ok(roles.has(role), `no demo ${role}`);
  });

  test('issueDemoToken by role gives a working token', async () => {
    for (const role of ROLES) {
      const response = await server.api('issueDemoToken', { body: { role } });
      assert.equal(response.status, 201);
      assert.equal(response.body.tokenType, 'Bearer');
      assert.equal(response.body.user.role, role);
      const me = await server.api('getMe', { token: response.body.token });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.id, response.body.user.id);
    }
  });

  test('issueDemoToken by userId', async () => {
    const user = server.userFor('supervisor', 'team_technical');
    const response = await server.api('issueDemoToken', { body: { userId: user.id } });
    assert.equal(response.status, 201);
    assert.equal(response.body.user.id, user.id);
  });

  test('an unknown user is 404', async () => {
    const response = await server.api('issueDemoToken', { body: { userId: 'usr_nobody' } });
    assertProblem(response, 404, 'not-found');
  });

  test('both userId and role, or neither, is 400', async () => {
    assertProblem(await server.api('issueDemoToken', { body: {} }), 400, 'validation');
    assertProblem(
      await server.api('issueDemoToken', { body: { role: 'agent', userId: 'x' } }),
      400,
      'validation',
    );
    assertProblem(
      await server.api('issueDemoToken', { body: { role: 'boss' } }),
      400,
      'validation',
      ['/body/role'],
    );
  });

  test('outside demo mode both answer 404', async () => {
    const plain = await startServer({ demo: false, seed: false });
    try {
      assertProblem(await plain.api('listDemoUsers'), 404, 'not-found');
      assertProblem(
        await plain.api('issueDemoToken', { body: { role: 'agent' } }),
        404,
        'not-found',
      );
    } finally {
      await plain.close();
    }
  });
});
