import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAuth, jwtExpiry, type TokenRequest } from '../src/core/auth.js';
import { fakeJwt } from './helpers.js';

const now = () => Math.floor(Date.now() / 1000);

describe('auth', () => {
  test('jwtExpiry reads exp without verifying; Infinity without one', () => {
    assert.equal(jwtExpiry(fakeJwt(2_000_000_000)), 2_000_000_000_000);
    assert.equal(jwtExpiry('opaque-token'), Infinity);
    assert.equal(jwtExpiry('a.b.c'), Infinity);
  });

  test('a static token is used as is and cannot be renewed', async () => {
    const auth = createAuth('t0', undefined);
    assert.equal(await auth.get(), 't0');
    assert.equal(await auth.renew('t0'), undefined);
    assert.equal(await createAuth(undefined, undefined).get(), undefined);
  });

  test('getToken is called lazily, cached until exp minus the skew, then asked with reason expired', async () => {
    const reasons: string[] = [];
    let exp = now() + 3600;
    const auth = createAuth(undefined, ({ reason }) => {
      reasons.push(reason);
      return fakeJwt(exp, String(reasons.length));
    });
    assert.deepEqual(reasons, []);
    const first = await auth.get();
    assert.equal(await auth.get(), first);
    assert.deepEqual(reasons, ['initial']);
    // A token that expires within the skew (30 s) counts as expired.
    exp = now() + 10;
    await auth.renew(first);
    const short = await auth.get();
    assert.notEqual(short, first);
    await auth.get();
    assert.deepEqual(reasons, ['initial', 'unauthorized', 'expired', 'expired']);
  });

  test('{ token, expiresAt } results; expiresAt null never expires', async () => {
    let calls = 0;
    const auth = createAuth(undefined, () => {
      calls++;
      return { token: `t${calls}`, expiresAt: calls === 1 ? new Date(Date.now() + 1000) : null };
    });
    assert.equal(await auth.get(), 't1'); // expires within the skew: asked again next time
    assert.equal(await auth.get(), 't2');
    assert.equal(await auth.get(), 't2');
    assert.equal(calls, 2);
  });

  test('concurrent callers share one refresh', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const auth = createAuth(undefined, async () => {
      calls++;
      await gate;
      return 'shared';
    });
    const waiting = Promise.all([auth.get(), auth.get(), auth.get(), auth.renew(undefined)]);
    release();
    assert.deepEqual(await waiting, ['shared', 'shared', 'shared', 'shared']);
    assert.equal(calls, 1);
  });

  test('after a 401, a token another call already replaced is reused, not refreshed again', async () => {
    let calls = 0;
    const auth = createAuth(undefined, () => `t${++calls}`);
    const t1 = await auth.get();
    const [a, b] = await Promise.all([auth.renew(t1), auth.renew(t1)]);
    assert.equal(a, 't2');
    assert.equal(b, 't2');
    assert.equal(await auth.renew(t1), 't2');
    assert.equal(calls, 2);
  });

  test('a caller that aborts stops waiting; the refresh is aborted only when nobody waits', async () => {
    let seen: TokenRequest | undefined;
    let release!: (token: string) => void;
    const auth = createAuth(undefined, (request) => {
      seen = request;
      return new Promise<string>((r) => (release = r));
    });
    const one = new AbortController();
    const two = new AbortController();
    const first = auth.get(one.signal);
    const second = auth.get(two.signal);
    one.abort(new Error('gone'));
    await assert.rejects(first, /gone/);
    assert.equal(seen!.signal.aborted, false);
    release('late');
    assert.equal(await second, 'late');

    const three = new AbortController();
    const auth2 = createAuth(undefined, (request) => {
      seen = request;
      return new Promise<string>(() => {});
    });
    const only = auth2.get(three.signal);
    three.abort(new Error('bye'));
    await assert.rejects(only, /bye/);
    assert.equal(seen!.signal.aborted, true);
  });

  test('a getToken that fails or returns nothing rejects the call', async () => {
    await assert.rejects(
      createAuth(undefined, () => {
        throw new Error('login needed');
      }).get(),
      /login needed/,
    );
    await assert.rejects(createAuth(undefined, () => '').get(), /no token/);
  });
});
