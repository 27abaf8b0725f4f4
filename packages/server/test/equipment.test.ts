/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely here */
/**
 * Equipment: seats and assets within reach, checks from draft to submitted, the maintenance work
 * orders findings open (exactly once, also when retried), fixes when they are resolved, due dates
 * by team cadence, the per-team summary and the events.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDue } from '@cc-kit/domain';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';
import { openStream } from './helpers/sse.js';

const DAY = 86_400_000;
// The clock only moves forward (rate-limit buckets and tokens follow it).
let now = Date.parse('2026-11-25T02:00:00.000Z');

let server: TestServer;
before(async () => {
  server = await startServer({ clock: () => new Date(now) });
});
after(() => server.close());

const RESIDENTIAL = 'team_residential';
const ONLINE = 'team_online';
const sup = () => server.tokenFor('supervisor', { team: RESIDENTIAL });
const onlineSup = () => server.tokenFor('supervisor', { team: ONLINE });

function db() {
  return server.built.db;
}

function count(sql: string, ...params: unknown[]): number {
  return (
    db()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
}

/** A seat of the team with no fault, no open work order and no draft check. */
function cleanSeat(teamId: string, skip: string[] = []): string {
  const rows = db()
    .prepare(
      `SELECT s.id FROM seats s WHERE s.team_id = ?
         AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.seat_id = s.id
           AND (a.status <> 'in_service' OR a.open_work_order_id IS NOT NULL))
         AND NOT EXISTS (SELECT 1 FROM equipment_checks c WHERE c.seat_id = s.id AND c.state = 'draft')
       ORDER BY s.label`,
    )
    .all(teamId) as { id: string }[];
  const seat = rows.find((r) => !skip.includes(r.id));
  assert.ok(seat, `no clean seat in ${teamId}`);
  return seat.id;
}

async function start(token: string, body: Record<string, unknown>) {
  const response = await server.api('startEquipmentCheck', {
    token,
    headers: { 'Idempotency-Key': idempotencyKey() },
    body,
  });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

async function record(token: string, check: any, items: any[]) {
  const response = await server.api('updateEquipmentCheck', {
    token,
    path: { checkId: check.id },
    headers: { 'If-Match': `"${check.version}"` },
    body: { items },
  });
  assert.equal(response.status, 200, response.text);
  return response.body;
}

function submit(token: string, check: any, key = idempotencyKey()) {
  return server.api('submitEquipmentCheck', {
    token,
    path: { checkId: check.id },
    headers: { 'If-Match': `"${check.version}"`, 'Idempotency-Key': key },
  });
}

async function listAll(operationId: any, token: string, query: Record<string, any> = {}) {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await server.api(operationId, {
      token,
      query: { ...query, limit: 7, ...(cursor ? { cursor } : {}) },
    });
    assert.equal(page.status, 200, page.text);
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('seats', () => {
  test('a seat per agent, the user knows their seat', async () => {
    const agent = server.userFor('agent', RESIDENTIAL);
    const me = await server.api('getMe', { token: server.tokenFor('agent', { userId: agent.id }) });
    assert.ok(me.body.user.seatId);
    const seat = db().prepare('SELECT agent_id FROM seats WHERE id = ?').get(me.body.user.seatId);
    assert.deepEqual(seat, { agent_id: agent.id });
  });

  test('an agent and a supervisor see their team’s seats, the operations manager all', async () => {
    const total = count('SELECT COUNT(*) AS n FROM seats');
    const all = await listAll('listSeats', 'operations_manager');
    assert.equal(all.length, total);
    const labels = all.map((s) => s.label);
    assert.deepEqual(labels, [...labels].sort());
    const own = await listAll('listSeats', sup());
    assert.ok(own.length > 0 && own.every((s) => s.teamId === RESIDENTIAL));
    const agent = await listAll('listSeats', 'agent');
    const agentTeam = server.userFor('agent').team_id;
    assert.ok(agent.length > 0 && agent.every((s) => s.teamId === agentTeam));
    const other = await listAll('listSeats', sup(), { teamId: ONLINE });
    assert.deepEqual(other, []);
    const filtered = await listAll('listSeats', 'operations_manager', { teamId: ONLINE });
    assert.ok(filtered.length > 0 && filtered.every((s) => s.teamId === ONLINE));
  });
});

describe('assets', () => {
  test('an agent sees the assets of their own seat only', async () => {
    const agent = server.userFor('agent', RESIDENTIAL);
    const token = server.tokenFor('agent', { userId: agent.id });
    const seatId = (db().prepare('SELECT id FROM seats WHERE agent_id = ?').get(agent.id) as any)
      .id;
    const items = await listAll('listAssets', token);
    assert.ok(items.length >= 4);
    assert.ok(items.every((a) => a.seatId === seatId));
    const elsewhere = db()
      .prepare('SELECT id FROM assets WHERE seat_id <> ? LIMIT 1')
      .get(seatId) as { id: string };
    assertProblem(
      await server.api('getAsset', { token, path: { assetId: elsewhere.id } }),
      404,
      'not-found',
    );
    const own = await server.api('getAsset', { token, path: { assetId: items[0].id } });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('etag'), `"${own.body.version}"`);
  });

  test('a supervisor sees their team’s; the manager all, spares in storage too', async () => {
    const own = await listAll('listAssets', sup());
    assert.ok(own.length > 0 && own.every((a) => a.teamId === RESIDENTIAL));
    const all = await listAll('listAssets', 'operations_manager');
    assert.equal(all.length, count('SELECT COUNT(*) AS n FROM assets'));
    assert.ok(all.some((a) => a.seatId === null && a.teamId === null));
    const online = all.find((a) => a.teamId === ONLINE);
    assertProblem(
      await server.api('getAsset', { token: sup(), path: { assetId: online.id } }),
      404,
      'not-found',
    );
    const headsets = await listAll('listAssets', 'operations_manager', {
      type: 'headset',
      teamId: ONLINE,
    });
    assert.ok(headsets.length > 0 && headsets.every((a) => a.type === 'headset'));
    const faulty = await listAll('listAssets', 'operations_manager', { status: 'faulty' });
    assert.equal(faulty.length, count(`SELECT COUNT(*) AS n FROM assets WHERE status = 'faulty'`));
  });

  test('createAsset: 201 with Location and ETag; a replay creates nothing twice', async () => {
    const seatId = cleanSeat(RESIDENTIAL);
    const key = idempotencyKey();
    const body = { type: 'headset', serial: 'HS-TEST-0001', model: 'Jabra Evolve2 65', seatId };
    const first = await server.api('createAsset', {
      token: sup(),
      headers: { 'Idempotency-Key': key },
      body,
    });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('location'), `/v1/equipment/assets/${first.body.id}`);
    assert.equal(first.headers.get('etag'), '"1"');
    assert.equal(first.body.teamId, RESIDENTIAL);
    assert.equal(first.body.status, 'in_service');
    const replay = await server.api('createAsset', {
      token: sup(),
      headers: { 'Idempotency-Key': key },
      body,
    });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    assert.equal(count(`SELECT COUNT(*) AS n FROM assets WHERE serial = 'HS-TEST-0001'`), 1);
  });

  test('createAsset: a serial taken, a seat out of reach (422); bad input writes nothing', async () => {
    const before = count('SELECT COUNT(*) AS n FROM assets');
    const taken = (db().prepare('SELECT serial FROM assets LIMIT 1').get() as any).serial;
    const onlineSeat = cleanSeat(ONLINE);
    const refused = await server.api('createAsset', {
      token: sup(),
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { type: 'phone', serial: taken, seatId: onlineSeat },
    });
    assertProblem(refused, 422, 'unprocessable', ['/body/seatId', '/body/serial']);
    const unknown = await server.api('createAsset', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { type: 'phone', serial: 'PH-NEW-1', seatId: 'seat_nowhere' },
    });
    assertProblem(unknown, 422, 'unprocessable', ['/body/seatId']);
    const bad = await server.api('createAsset', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { type: 'toaster', serial: '', seatId: onlineSeat, colour: 'red' },
    });
    assert.equal(bad.status, 400);
    const noKey = await server.api('createAsset', {
      token: 'operations_manager',
      body: { type: 'phone', serial: 'PH-NEW-2', seatId: onlineSeat },
    });
    assertProblem(noKey, 400, 'validation', ['/header/idempotency-key']);
    assert.equal(count('SELECT COUNT(*) AS n FROM assets'), before);
  });

  test('updateAsset: If-Match required (428) and checked (412); retire, move, correct', async () => {
    const seatId = cleanSeat(RESIDENTIAL);
    const asset = (await listAll('listAssets', sup(), { seatId }))[0];
    const path = { assetId: asset.id };
    assertProblem(
      await server.api('updateAsset', { token: sup(), path, body: { model: 'X' } }),
      428,
      'precondition-required',
    );
    const stale = await server.api('updateAsset', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${asset.version + 5}"` },
      body: { model: 'X' },
    });
    assertProblem(stale, 412, 'precondition-failed');
    assert.equal(stale.body.currentVersion, asset.version);
    const moved = await server.api('updateAsset', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${asset.version}"` },
      contentType: 'application/merge-patch+json',
      body: { model: 'Poly Voyager 4320', seatId: null },
    });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.seatId, null);
    assert.equal(moved.body.teamId, null);
    assert.equal(moved.body.version, asset.version + 1);
    assert.equal(moved.headers.get('etag'), `"${asset.version + 1}"`);
    // In storage it is out of the supervisor's reach; the manager puts it back and retires it.
    assertProblem(await server.api('getAsset', { token: sup(), path }), 404, 'not-found');
    const retired = await server.api('updateAsset', {
      token: 'operations_manager',
      path,
      headers: { 'If-Match': `"${moved.body.version}"` },
      body: { seatId, status: 'retired' },
    });
    assert.equal(retired.status, 200, retired.text);
    assert.equal(retired.body.status, 'retired');
    assert.equal(retired.body.teamId, RESIDENTIAL);
    const other = (
      db().prepare('SELECT serial FROM assets WHERE id <> ? LIMIT 1').get(asset.id) as any
    ).serial;
    const clash = await server.api('updateAsset', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${retired.body.version}"` },
      body: { serial: other, seatId: cleanSeat(ONLINE) },
    });
    assertProblem(clash, 422, 'unprocessable', ['/body/seatId']);
    const serialClash = await server.api('updateAsset', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${retired.body.version}"` },
      body: { serial: other },
    });
    assertProblem(serialClash, 422, 'unprocessable', ['/body/serial']);
    const bad = await server.api('updateAsset', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${retired.body.version}"` },
      body: { status: 'faulty' },
    });
    assertProblem(bad, 400, 'validation');
    const read = await server.api('getAsset', { token: sup(), path });
    assert.equal(read.body.version, retired.body.version);
  });
});

describe('a full check', () => {
  let seatId: string;
  let check: any;
  let submitted: any;

  test('a seat check is a draft with one item per asset in service, retired ones left out', async () => {
    seatId = cleanSeat(RESIDENTIAL, []);
    const retire = (
      db()
        .prepare('SELECT id FROM assets WHERE seat_id = ? ORDER BY serial LIMIT 1')
        .get(seatId) as any
    ).id;
    db().prepare(`UPDATE assets SET status = 'retired' WHERE id = ?`).run(retire);
    check = await start(sup(), { teamId: RESIDENTIAL, seatId });
    const expected = count(
      `SELECT COUNT(*) AS n FROM assets WHERE seat_id = ? AND status <> 'retired'`,
      seatId,
    );
    assert.equal(check.state, 'draft');
    assert.equal(check.seatId, seatId);
    assert.equal(check.items.length, expected);
    assert.ok(!check.items.some((i: any) => i.assetId === retire));
    assert.deepEqual(check.progress, { total: expected, done: 0 });
    assert.equal(check.startedBy.id, server.userFor('supervisor', RESIDENTIAL).id);
    assert.ok(check.items.every((i: any) => i.result === null && i.workOrderId === null));
  });

  test('a second draft of the same scope is 409; another team is 403; a foreign seat 422', async () => {
    const again = await server.api('startEquipmentCheck', {
      token: sup(),
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { teamId: RESIDENTIAL, seatId },
    });
    assertProblem(again, 409, 'invalid-state');
    const foreign = await server.api('startEquipmentCheck', {
      token: sup(),
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { teamId: ONLINE },
    });
    assertProblem(foreign, 403, 'forbidden');
    const seatElsewhere = await server.api('startEquipmentCheck', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { teamId: ONLINE, seatId },
    });
    assertProblem(seatElsewhere, 422, 'unprocessable', ['/body/seatId']);
    const noTeam = await server.api('startEquipmentCheck', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { teamId: 'team_nowhere' },
    });
    assertProblem(noTeam, 422, 'unprocessable', ['/body/teamId']);
    const before = count('SELECT COUNT(*) AS n FROM equipment_checks');
    const bad = await server.api('startEquipmentCheck', {
      token: sup(),
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { teamId: RESIDENTIAL, scope: 'all' },
    });
    assertProblem(bad, 400, 'validation', ['/body/scope']);
    assert.equal(count('SELECT COUNT(*) AS n FROM equipment_checks'), before);
  });

  test('updating: If-Match, items of the check only, only the items given change', async () => {
    const path = { checkId: check.id };
    const items = [{ assetId: check.items[0].assetId, result: 'pass' }];
    assertProblem(
      await server.api('updateEquipmentCheck', { token: sup(), path, body: { items } }),
      428,
      'precondition-required',
    );
    assertProblem(
      await server.api('updateEquipmentCheck', {
        token: sup(),
        path,
        headers: { 'If-Match': '"99"' },
        body: { items },
      }),
      412,
      'precondition-failed',
    );
    const foreign = await server.api('updateEquipmentCheck', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${check.version}"` },
      body: { items: [...items, { assetId: 'ast_not_here', result: 'pass' }] },
    });
    assertProblem(foreign, 422, 'unprocessable', ['/body/items/1/assetId']);
    const unchanged = await server.api('getEquipmentCheck', { token: sup(), path });
    assert.equal(unchanged.body.version, check.version);
    assert.equal(unchanged.body.items[0].result, null);

    check = await record(sup(), check, items);
    assert.equal(check.items[0].result, 'pass');
    assert.deepEqual(check.progress, { total: check.items.length, done: 1 });
    check = await record(sup(), check, [{ assetId: check.items[1].assetId, note: '线有点松' }]);
    assert.equal(check.items[0].result, 'pass');
    assert.equal(check.items[1].note, '线有点松');
    assert.equal(check.items[1].result, null);
  });

  test('submitting needs a result on every item and a note on each finding (422, nothing written)', async () => {
    const [first, second, third] = check.items;
    check = await record(sup(), check, [
      { assetId: first.assetId, result: 'fail' },
      { assetId: second.assetId, result: 'missing', note: '   ' },
      { assetId: third.assetId, result: null },
    ]);
    const refused = await submit(sup(), check);
    const missingResults = check.items
      .map((i: any, n: number) => (i.result === null ? `/items/${n}/result` : null))
      .filter(Boolean);
    assertProblem(refused, 422, 'unprocessable', [
      '/items/0/note',
      '/items/1/note',
      ...missingResults,
    ]);
    const read = await server.api('getEquipmentCheck', {
      token: sup(),
      path: { checkId: check.id },
    });
    assert.equal(read.body.state, 'draft');
    assert.equal(read.body.version, check.version);
    assert.equal(
      count('SELECT COUNT(*) AS n FROM ticket_equipment WHERE check_id = ?', check.id),
      0,
    );
  });

  test('submit opens exactly one work order per finding; a retry with the same key none more', async () => {
    const items = check.items.map((item: any, n: number) =>
      n === 0
        ? { assetId: item.assetId, result: 'fail', note: '麦克风无声' }
        : n === 1
          ? { assetId: item.assetId, result: 'missing', note: 'Not at the seat' }
          : n === 2
            ? { assetId: item.assetId, result: 'not_applicable' }
            : { assetId: item.assetId, result: 'pass' },
    );
    check = await record(sup(), check, items);
    assertProblem(
      await server.api('submitEquipmentCheck', {
        token: sup(),
        path: { checkId: check.id },
        headers: { 'Idempotency-Key': idempotencyKey() },
      }),
      428,
      'precondition-required',
    );
    const ticketsBefore = count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'work_order'`);
    const key = idempotencyKey();
    const response = await submit(sup(), check, key);
    assert.equal(response.status, 200, response.text);
    submitted = response.body;
    assert.equal(response.headers.get('etag'), `"${submitted.version}"`);
    assert.equal(submitted.state, 'submitted');
    assert.equal(submitted.submittedAt, new Date(now).toISOString());
    assert.deepEqual(submitted.summary, {
      pass: items.length - 3,
      fail: 1,
      missing: 1,
      notApplicable: 1,
    });
    const [failed, missing, na] = submitted.items;
    assert.ok(failed.workOrderId && failed.workOrderNumber);
    assert.ok(missing.workOrderId && missing.workOrderNumber);
    assert.notEqual(failed.workOrderId, missing.workOrderId);
    assert.equal(na.workOrderId, null);
    assert.ok(submitted.items.slice(3).every((i: any) => i.workOrderId === null));

    const replay = await submit(sup(), check, key);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, submitted);
    assert.equal(
      count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'work_order'`),
      ticketsBefore + 2,
    );
    assert.equal(
      count('SELECT COUNT(*) AS n FROM ticket_equipment WHERE check_id = ?', check.id),
      2,
    );

    const again = await submit(sup(), submitted);
    assertProblem(again, 409, 'invalid-state');
    const edit = await server.api('updateEquipmentCheck', {
      token: sup(),
      path: { checkId: check.id },
      headers: { 'If-Match': `"${submitted.version}"` },
      body: { items: [{ assetId: failed.assetId, result: 'pass' }] },
    });
    assertProblem(edit, 409, 'invalid-state');
  });

  test('the work orders: kind, team, priority, subject, the equipment link', async () => {
    const [failed, missing] = submitted.items;
    const label = (db().prepare('SELECT label FROM seats WHERE id = ?').get(seatId) as any).label;
    const fault = await server.api('getTicket', {
      token: sup(),
      path: { ticketId: failed.workOrderId },
    });
    assert.equal(fault.status, 200, fault.text);
    assert.equal(fault.body.kind, 'work_order');
    assert.equal(fault.body.teamId, RESIDENTIAL);
    assert.equal(fault.body.priority, 'normal');
    assert.equal(fault.body.number, failed.workOrderNumber);
    assert.ok(fault.body.subject.includes(label), fault.body.subject);
    assert.ok(fault.body.description.includes('麦克风无声'));
    assert.deepEqual(fault.body.equipment, { assetId: failed.assetId, checkId: submitted.id });
    const gone = await server.api('getTicket', {
      token: 'operations_manager',
      path: { ticketId: missing.workOrderId },
    });
    assert.equal(gone.body.priority, 'high');
    assert.deepEqual(gone.body.equipment, { assetId: missing.assetId, checkId: submitted.id });
  });

  test('the assets: faulty / missing with their work order, every one stamped checked', async () => {
    const assets = await listAll('listAssets', sup(), { seatId });
    const byId = new Map(assets.map((a) => [a.id, a]));
    const [failed, missing] = submitted.items;
    assert.equal(byId.get(failed.assetId).status, 'faulty');
    assert.equal(byId.get(failed.assetId).openWorkOrderId, failed.workOrderId);
    assert.equal(byId.get(missing.assetId).status, 'missing');
    assert.equal(byId.get(missing.assetId).openWorkOrderId, missing.workOrderId);
    for (const item of submitted.items) {
      assert.equal(byId.get(item.assetId).lastCheckedAt, submitted.submittedAt);
    }
    const others = submitted.items.slice(2).map((i: any) => byId.get(i.assetId));
    assert.ok(others.every((a: any) => a.status === 'in_service' && a.openWorkOrderId === null));
  });

  test('a finding on an asset whose work order is still open keeps that work order', async () => {
    now += 60_000;
    const recheck = await start(sup(), { teamId: RESIDENTIAL, seatId });
    const [failed] = submitted.items;
    const filled = await record(
      sup(),
      recheck,
      recheck.items.map((i: any) =>
        i.assetId === failed.assetId
          ? { assetId: i.assetId, result: 'fail', note: '仍然无声' }
          : { assetId: i.assetId, result: 'pass' },
      ),
    );
    const before = count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'work_order'`);
    const response = await submit(sup(), filled);
    assert.equal(response.status, 200, response.text);
    const item = response.body.items.find((i: any) => i.assetId === failed.assetId);
    assert.equal(item.workOrderId, failed.workOrderId);
    assert.equal(count(`SELECT COUNT(*) AS n FROM tickets WHERE kind = 'work_order'`), before);
  });

  test('resolving a work order puts the asset back in service and marks the item fixed', async () => {
    now += 60_000;
    const [failed] = submitted.items;
    const path = { ticketId: failed.workOrderId };
    const ticket = (await server.api('getTicket', { token: sup(), path })).body;
    const started = await server.api('transitionTicket', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${ticket.version}"`, 'Idempotency-Key': idempotencyKey() },
      body: { transition: 'start' },
    });
    assert.equal(started.status, 200, started.text);
    const resolved = await server.api('transitionTicket', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${started.body.version}"`, 'Idempotency-Key': idempotencyKey() },
      body: { transition: 'resolve', resolution: '已更换新耳麦' },
    });
    assert.equal(resolved.status, 200, resolved.text);
    const asset = await server.api('getAsset', { token: sup(), path: { assetId: failed.assetId } });
    assert.equal(asset.body.status, 'in_service');
    assert.equal(asset.body.openWorkOrderId, null);
    const read = await server.api('getEquipmentCheck', {
      token: sup(),
      path: { checkId: submitted.id },
    });
    const item = read.body.items.find((i: any) => i.assetId === failed.assetId);
    assert.equal(item.fixedAt, new Date(now).toISOString());
    const other = read.body.items.find((i: any) => i.assetId === submitted.items[1].assetId);
    assert.equal(other.fixedAt, null);

    // Reopened: not fixed after all.
    now += 60_000;
    const reopened = await server.api('transitionTicket', {
      token: sup(),
      path,
      headers: { 'If-Match': `"${resolved.body.version}"`, 'Idempotency-Key': idempotencyKey() },
      body: { transition: 'reopen' },
    });
    assert.equal(reopened.status, 200, reopened.text);
    const again = await server.api('getAsset', { token: sup(), path: { assetId: failed.assetId } });
    assert.equal(again.body.status, 'faulty');
    assert.equal(again.body.openWorkOrderId, failed.workOrderId);
    const reread = await server.api('getEquipmentCheck', {
      token: sup(),
      path: { checkId: submitted.id },
    });
    assert.equal(reread.body.items.find((i: any) => i.assetId === failed.assetId).fixedAt, null);
  });

  test('events: check submitted and assets updated, for the team’s supervisor and the manager', () => {
    const rows = db()
      .prepare(
        `SELECT type, audience_json FROM events WHERE topic = 'equipment' AND data_json LIKE ?`,
      )
      .all(`%${submitted.id}%`) as { type: string; audience_json: string }[];
    const submittedEvent = rows.find((r) => r.type === 'equipment.check.submitted');
    assert.ok(submittedEvent);
    assert.deepEqual(JSON.parse(submittedEvent.audience_json).sort(), [
      'role:operations_manager',
      `team:${RESIDENTIAL}:supervisor`,
    ]);
    const assetEvents = db()
      .prepare(
        `SELECT COUNT(*) AS n FROM events WHERE type = 'equipment.asset.updated' AND data_json LIKE ?`,
      )
      .get(`%${submitted.items[0].assetId}%`) as { n: number };
    assert.ok(assetEvents.n >= 2);
  });
});

describe('role scoping', () => {
  test('a supervisor sees only their team’s checks; others are invisible (404)', async () => {
    const own = await listAll('listEquipmentChecks', sup());
    assert.ok(own.length > 0 && own.every((c) => c.teamId === RESIDENTIAL));
    const all = await listAll('listEquipmentChecks', 'operations_manager');
    assert.equal(all.length, count('SELECT COUNT(*) AS n FROM equipment_checks'));
    const started = all.map((c) => c.startedAt);
    assert.deepEqual(started, [...started].sort().reverse());
    const foreign = all.find((c) => c.teamId === ONLINE);
    const path = { checkId: foreign.id };
    assertProblem(await server.api('getEquipmentCheck', { token: sup(), path }), 404, 'not-found');
    const draft = all.find((c) => c.teamId === ONLINE && c.state === 'draft');
    assert.ok(draft, 'the seed leaves a check half done');
    assertProblem(
      await server.api('updateEquipmentCheck', {
        token: sup(),
        path: { checkId: draft.id },
        headers: { 'If-Match': `"${draft.version}"` },
        body: { items: [{ assetId: draft.items[0].assetId, result: 'pass' }] },
      }),
      404,
      'not-found',
    );
    assertProblem(await submit(sup(), draft), 404, 'not-found');
    const drafts = await listAll('listEquipmentChecks', onlineSup(), { state: 'draft' });
    assert.ok(drafts.some((c) => c.id === draft.id));
    assert.ok(drafts.every((c) => c.state === 'draft'));
    const bySeat = await listAll('listEquipmentChecks', 'operations_manager', {
      seatId: draft.seatId,
    });
    assert.ok(bySeat.some((c) => c.id === draft.id) && bySeat.some((c) => c.seatId === null));
    const filtered = await listAll('listEquipmentChecks', sup(), { teamId: ONLINE });
    assert.deepEqual(filtered, []);
  });

  test('due list and summary are scoped to the supervisor’s team', async () => {
    const due = await listAll('listDueEquipmentChecks', sup(), { state: ['ok', 'due', 'overdue'] });
    assert.ok(due.length > 0 && due.every((d) => d.teamId === RESIDENTIAL));
    const summary = await server.api('getEquipmentSummary', { token: sup() });
    assert.equal(summary.status, 200);
    assert.deepEqual(
      summary.body.teams.map((t: any) => t.teamId),
      [RESIDENTIAL],
    );
  });
});

describe('due dates and the summary', () => {
  /** Every seat's due date as the cadence says, computed here from the raw rows. */
  function expectedDue(at: number) {
    const rows = db()
      .prepare(
        `SELECT s.id, s.team_id, s.created_at, t.equipment_check_cadence_days AS cadence,
           (SELECT MAX(c.submitted_at) FROM equipment_check_seats cs
              JOIN equipment_checks c ON c.id = cs.check_id
            WHERE cs.seat_id = s.id AND c.state = 'submitted') AS last
         FROM seats s JOIN teams t ON t.id = s.team_id`,
      )
      .all() as {
      id: string;
      team_id: string;
      created_at: string;
      cadence: number;
      last: string | null;
    }[];
    return rows.map((r) => ({
      seatId: r.id,
      teamId: r.team_id,
      ...checkDue({
        lastCheckedAt: r.last,
        cadenceDays: r.cadence,
        seatCreatedAt: r.created_at,
        now: new Date(at),
      }),
    }));
  }

  test('the seed leaves one team overdue and one due soon', async () => {
    const due = await listAll('listDueEquipmentChecks', 'operations_manager');
    assert.ok(due.some((d) => d.teamId === 'team_technical' && d.state === 'overdue'));
    assert.ok(due.some((d) => d.teamId === 'team_business' && d.state === 'due'));
  });

  test('due and overdue seats by default, most overdue first, as the cadence math says', async () => {
    const due = await listAll('listDueEquipmentChecks', 'operations_manager');
    const expected = expectedDue(now)
      .filter((d) => d.state !== 'ok')
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    assert.deepEqual(
      due.map((d) => [d.seatId, d.dueAt, d.state, d.overdueDays]).sort(),
      expected.map((d) => [d.seatId, d.dueAt, d.state, d.overdueDays]).sort(),
    );
    const dueAts = due.map((d) => d.dueAt);
    assert.deepEqual(dueAts, [...dueAts].sort());
    const overdueDays = due.map((d) => d.overdueDays);
    assert.deepEqual(
      overdueDays,
      [...overdueDays].sort((a, b) => b - a),
    );
    const ok = await listAll('listDueEquipmentChecks', 'operations_manager', { state: 'ok' });
    assert.equal(ok.length, expectedDue(now).filter((d) => d.state === 'ok').length);
    assert.ok(ok.every((d) => d.state === 'ok' && d.overdueDays === 0));
  });

  test('a cursor is bound to its filters', async () => {
    const page = await server.api('listDueEquipmentChecks', {
      token: 'operations_manager',
      query: { limit: 1 },
    });
    assert.ok(page.body.nextCursor);
    const misused = await server.api('listDueEquipmentChecks', {
      token: 'operations_manager',
      query: { limit: 1, cursor: page.body.nextCursor, state: 'ok' },
    });
    assertProblem(misused, 400, 'validation', ['/query/cursor']);
  });

  test('the summary: assets, open faults, due and overdue seats, pass rate of the latest checks', async () => {
    const summary = await server.api('getEquipmentSummary', { token: 'operations_manager' });
    assert.equal(summary.status, 200);
    assert.equal(summary.body.asOf, new Date(now).toISOString());
    const expected = expectedDue(now);
    for (const team of summary.body.teams) {
      assert.equal(
        team.assets,
        count(
          `SELECT COUNT(*) AS n FROM assets a JOIN seats s ON s.id = a.seat_id
           WHERE s.team_id = ? AND a.status <> 'retired'`,
          team.teamId,
        ),
      );
      assert.equal(
        team.openFaults,
        count(
          `SELECT COUNT(*) AS n FROM assets a JOIN seats s ON s.id = a.seat_id
           WHERE s.team_id = ? AND a.status IN ('faulty', 'missing')`,
          team.teamId,
        ),
      );
      const mine = expected.filter((d) => d.teamId === team.teamId);
      assert.equal(team.overdueSeats, mine.filter((d) => d.state === 'overdue').length);
      assert.equal(team.dueSeats, mine.filter((d) => d.state === 'due').length);
      assert.ok(team.passRate === null || (team.passRate > 0.5 && team.passRate <= 1));
    }
    assert.equal(summary.body.teams.length, count('SELECT COUNT(*) AS n FROM teams'));
  });

  test('a submitted team check moves its seats’ due dates by the cadence', async () => {
    const team = 'team_technical';
    const token = server.tokenFor('supervisor', { team });
    const cadence = (
      db()
        .prepare('SELECT equipment_check_cadence_days AS c FROM teams WHERE id = ?')
        .get(team) as any
    ).c as number;
    const check = await start(token, { teamId: team });
    const filled = await record(
      token,
      check,
      check.items.map((i: any) => ({ assetId: i.assetId, result: 'pass' })),
    );
    const response = await submit(token, filled);
    assert.equal(response.status, 200, response.text);
    const submittedAt = response.body.submittedAt;
    const dueAt = new Date(Date.parse(submittedAt) + cadence * DAY).toISOString();
    const seats = count('SELECT COUNT(*) AS n FROM seats WHERE team_id = ?', team);

    const fresh = await listAll('listDueEquipmentChecks', token, {
      state: ['ok', 'due', 'overdue'],
    });
    assert.equal(fresh.length, seats);
    assert.ok(
      fresh.every((d) => d.state === 'ok' && d.dueAt === dueAt && d.lastCheckedAt === submittedAt),
    );
    const summary = await server.api('getEquipmentSummary', { token });
    assert.equal(summary.body.teams[0].passRate, 1);
    assert.equal(summary.body.teams[0].lastCheckAt, submittedAt);
    assert.equal(summary.body.teams[0].overdueSeats, 0);

    now = Date.parse(submittedAt) + (cadence - 2) * DAY;
    const soon = await listAll('listDueEquipmentChecks', token);
    assert.equal(soon.length, seats);
    assert.ok(soon.every((d) => d.state === 'due' && d.overdueDays === 0));

    now = Date.parse(submittedAt) + (cadence + 1) * DAY + 60_000;
    const late = await listAll('listDueEquipmentChecks', token, { state: 'overdue' });
    assert.equal(late.length, seats);
    assert.ok(late.every((d) => d.overdueDays === 1));
    const after = await server.api('getEquipmentSummary', { token });
    assert.equal(after.body.teams[0].overdueSeats, seats);
  });
});

describe('live events and concurrent submits', () => {
  test('equipment events reach the team’s supervisor and the manager, not another team', async () => {
    const streams = await Promise.all(
      [sup(), onlineSup(), server.tokenFor('operations_manager')].map((token) =>
        openStream(server.url, token, 'topics=equipment'),
      ),
    );
    const [residential, online, manager] = streams;
    try {
      const create = async (token: string, seatId: string, serial: string) => {
        const response = await server.api('createAsset', {
          token,
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { type: 'monitor', serial, seatId },
        });
        assert.equal(response.status, 201, response.text);
        return response.body;
      };
      const mine = await create(sup(), cleanSeat(RESIDENTIAL), 'MN-LIVE-0001');
      const theirs = await create(onlineSup(), cleanSeat(ONLINE), 'MN-LIVE-0002');
      const isAsset = (id: string) => (e: any) =>
        e.event === 'equipment.asset.updated' && e.data.data.id === id;
      await residential!.waitFor(isAsset(mine.id));
      await manager!.waitFor(isAsset(mine.id));
      await manager!.waitFor(isAsset(theirs.id));
      // The online supervisor's stream gets their own asset, and nothing of the other team before it.
      await online!.waitFor(isAsset(theirs.id));
      assert.ok(!online!.events.some(isAsset(mine.id)));
      assert.ok(!residential!.events.some(isAsset(theirs.id)));
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test('two submits racing with different keys: one wins, the other opens nothing', async () => {
    const token = onlineSup();
    const seatId = cleanSeat(ONLINE);
    const check = await start(token, { teamId: ONLINE, seatId });
    const filled = await record(
      token,
      check,
      check.items.map((i: any, n: number) =>
        n === 0
          ? { assetId: i.assetId, result: 'fail', note: 'Screen cracked' }
          : { assetId: i.assetId, result: 'pass' },
      ),
    );
    const answers = await Promise.all([submit(token, filled), submit(token, filled)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    assert.equal(
      count('SELECT COUNT(*) AS n FROM ticket_equipment WHERE check_id = ?', check.id),
      1,
    );
  });
});
