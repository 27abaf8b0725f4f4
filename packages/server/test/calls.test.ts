/**
 * Calls and KPIs: ingest (partial failures, upsert, replay), reach per role, KPI figures against
 * hand-computed values and the domain's formulas, buckets, export, live figures, appraisal, targets.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKpis, kpiStatus, type CallRecordLike, type KpiMetric } from '@cc-kit/domain';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';
import { openStream } from './helpers/sse.js';

// The demo seed runs at T0 (23:30 in Shanghai, every shift over); the hand-built fixture lives on
// 2027-01-04 (Shanghai), long after the seeded 90 days, so nothing else is counted with it.
const T0 = Date.parse('2026-11-26T15:30:00Z');
let nowMs = T0;
const setNow = (iso: string) => {
  nowMs = Date.parse(iso);
};

const DAY_FROM = '2027-01-03T16:00:00.000Z'; // 2027-01-04 00:00 in Shanghai
const DAY_TO = '2027-01-04T16:00:00.000Z';
const AGENT = 'usr_agent_2_03'; // team_business
const TEAM = 'team_business';

let server: TestServer;
before(async () => {
  server = await startServer({ clock: () => new Date(nowMs) });
});
after(() => server.close());

const at = (hhmmss: string, plusSeconds = 0) =>
  new Date(Date.parse(`2027-01-04T${hhmmss}Z`) + plusSeconds * 1000).toISOString();

/** The fixture: every case the formulas distinguish. */
const FIXTURE = [
  {
    externalId: 'fx-1',
    queue: 'business',
    agentId: AGENT,
    direction: 'inbound',
    offeredAt: at('02:00:00'),
    answeredAt: at('02:00:00', 10),
    endedAt: at('02:00:00', 230),
    talkSeconds: 200,
    holdSeconds: 20,
    afterCallWorkSeconds: 30,
    resolvedOnFirstContact: true,
    csat: 5,
    customerPhone: '13812345678',
  },
  {
    externalId: 'fx-2',
    queue: 'business',
    agentId: AGENT,
    direction: 'inbound',
    offeredAt: at('02:10:00'),
    answeredAt: at('02:10:00', 30),
    endedAt: at('02:10:00', 130),
    talkSeconds: 100,
    afterCallWorkSeconds: 20,
    resolvedOnFirstContact: false,
    csat: 3,
  },
  {
    externalId: 'fx-3',
    queue: 'business',
    agentId: AGENT,
    direction: 'outbound',
    offeredAt: at('03:00:00'),
    answeredAt: at('03:00:00', 20), // exactly the threshold: met
    endedAt: at('03:00:00', 320),
    talkSeconds: 300,
    afterCallWorkSeconds: 60,
  },
  // A short abandon (3 s < 5 s) and an abandon after the threshold.
  {
    externalId: 'fx-4',
    queue: 'business',
    direction: 'inbound',
    offeredAt: at('03:30:00'),
    abandonedAt: at('03:30:00', 3),
  },
  {
    externalId: 'fx-5',
    queue: 'business',
    direction: 'inbound',
    offeredAt: at('04:00:00'),
    abandonedAt: at('04:00:00', 45),
  },
  // Still waiting: not offered yet as far as the figures go.
  { externalId: 'fx-6', queue: 'business', direction: 'inbound', offeredAt: at('04:30:00') },
] as const;

function asRecord(c: (typeof FIXTURE)[number]): CallRecordLike {
  const x = c as Record<string, unknown>;
  return {
    offeredAt: c.offeredAt,
    answeredAt: (x.answeredAt as string) ?? null,
    abandonedAt: (x.abandonedAt as string) ?? null,
    endedAt: (x.endedAt as string) ?? null,
    talkSeconds: (x.talkSeconds as number) ?? 0,
    holdSeconds: (x.holdSeconds as number) ?? 0,
    afterCallWorkSeconds: (x.afterCallWorkSeconds as number) ?? 0,
    resolvedOnFirstContact: (x.resolvedOnFirstContact as boolean) ?? null,
    csat: (x.csat as number) ?? null,
  };
}

async function ingest(calls: unknown[], token = 'operations_manager', key = idempotencyKey()) {
  return server.api('ingestCalls', { token, headers: { 'Idempotency-Key': key }, body: { calls } });
}

async function kpis(
  query: Record<string, string | number | undefined>,
  token = 'operations_manager',
) {
  return server.api('getKpis', { token, query: { from: DAY_FROM, to: DAY_TO, ...query } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely
const byMetric = (report: any) =>
  new Map<string, { value: number | null; numerator: number; denominator: number }>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    report.metrics.map((m: any) => [m.metric, m]),
  );

describe('the fixture', () => {
  before(async () => {
    setNow('2027-01-04T12:00:00Z');
    const response = await ingest([...FIXTURE]);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.created, FIXTURE.length);
    // The agent's presence: 60 min available, 30 on call, 10 in after-call work, 20 available, a break.
    const token = server.tokenFor('agent', { userId: AGENT });
    for (const [state, time] of [
      ['available', '01:00:00'],
      ['on_call', '02:00:00'],
      ['after_call_work', '02:30:00'],
      ['available', '02:40:00'],
      ['break', '03:00:00'],
      ['offline', '03:30:00'],
    ] as const) {
      const r = await server.api('recordAgentPresence', {
        token,
        path: { agentId: AGENT },
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { state, at: at(time) },
      });
      assert.equal(r.status, 200, r.text);
    }
    // One complaint about the agent's team and assigned to them, filed in the period.
    const by = server.userFor('agent', TEAM);
    server.built.db
      .prepare(
        `INSERT INTO tickets (id, number, kind, state, subject, priority, channel, team_id, assignee_id,
           created_at, created_by, updated_at)
         VALUES ('tkt_fixture_complaint', 990001, 'complaint', 'new', '服务态度差', 'normal', 'phone', ?, ?, ?, ?, ?)`,
      )
      .run(TEAM, AGENT, at('05:00:00'), by.id, at('05:00:00'));
  });

  test('team figures are what the formulas give, by hand', async () => {
    const response = await kpis({ scope: 'team', scopeId: TEAM });
    assert.equal(response.status, 200, response.text);
    const m = byMetric(response.body);
    assert.deepEqual(m.get('calls_offered'), { ...m.get('calls_offered'), value: 5 });
    assert.equal(m.get('calls_answered')!.value, 3);
    assert.equal(m.get('calls_abandoned')!.value, 2);
    // Answered within 20 s: fx-1 (10 s) and fx-3 (20 s); offered 5 minus 1 short abandon.
    assert.deepEqual(
      { ...m.get('service_level') },
      { ...m.get('service_level'), value: 0.5, numerator: 2, denominator: 4 },
    );
    assert.equal(m.get('asa')!.value, 20);
    assert.equal(m.get('aht')!.value, (250 + 120 + 360) / 3);
    assert.equal(m.get('abandonment_rate')!.value, 0.25);
    assert.equal(m.get('fcr')!.value, 0.5);
    assert.equal(m.get('csat')!.value, 0.5);
    assert.equal(m.get('complaint_count')!.value, 1);
    assert.equal(m.get('complaint_rate')!.value, 1000 / 3);
    assert.equal(m.get('qa_average')!.value, null);
    assert.equal(response.body.dataAsOf, at('04:00:00', 45));
    assert.equal(response.body.timeZone, 'Asia/Shanghai');
  });

  test('the same figures as the domain functions compute from the records', async () => {
    const response = await kpis({ scope: 'team', scopeId: TEAM, shortAbandonSeconds: 2 });
    const expected = computeKpis({
      calls: FIXTURE.map(asRecord),
      options: { shortAbandonSeconds: 2, thresholdSeconds: 20 },
      complaints: 1,
    });
    const m = byMetric(response.body);
    for (const [metric, figure] of Object.entries(expected)) {
      assert.deepEqual(
        { value: m.get(metric)!.value, n: m.get(metric)!.numerator, d: m.get(metric)!.denominator },
        { value: figure.value, n: figure.numerator, d: figure.denominator },
        metric,
      );
    }
  });

  test('agent figures: their calls only, occupancy from presence clipped to the period', async () => {
    const token = server.tokenFor('agent', { userId: AGENT });
    const response = await kpis({ scope: 'agent', scopeId: AGENT }, token);
    assert.equal(response.status, 200, response.text);
    const m = byMetric(response.body);
    assert.equal(m.get('calls_offered')!.value, 3);
    assert.equal(m.get('service_level')!.value, 2 / 3);
    assert.equal(m.get('abandonment_rate')!.value, 0);
    assert.deepEqual(
      { ...m.get('occupancy') },
      { ...m.get('occupancy'), value: 2400 / 7200, numerator: 2400, denominator: 7200 },
    );
    // Clipped: from 02:15 only 15 min on call and 10 in ACW, 20 available.
    const clipped = await kpis(
      { scope: 'agent', scopeId: AGENT, from: at('02:15:00'), metrics: 'occupancy' },
      token,
    );
    assert.deepEqual(
      { n: clipped.body.metrics[0].numerator, d: clipped.body.metrics[0].denominator },
      { n: 1500, d: 2700 },
    );
  });

  test('targets and status follow the domain', async () => {
    const response = await kpis({ scope: 'team', scopeId: TEAM, metrics: 'service_level,aht' });
    for (const value of response.body.metrics) {
      assert.ok(value.target);
      assert.equal(value.status, kpiStatus(value.metric as KpiMetric, value.value, value.target));
    }
    assert.equal(response.body.metrics[0].status, 'missed');
  });

  test('an empty period: null for every ratio, 0 for counts', async () => {
    const response = await kpis({
      scope: 'team',
      scopeId: TEAM,
      from: '2027-02-01T00:00:00Z',
      to: '2027-02-02T00:00:00Z',
      compare: 'previous',
    });
    assert.equal(response.status, 200);
    for (const value of response.body.metrics) {
      if (value.unit === 'count') assert.equal(value.value, 0, value.metric);
      else assert.equal(value.value, null, value.metric);
      if (value.value === null) assert.equal(value.status, null);
    }
    assert.equal(response.body.dataAsOf, null);
  });

  test('hour buckets align to Shanghai and add up to the totals', async () => {
    const response = await kpis({ scope: 'team', scopeId: TEAM, bucket: 'hour' });
    for (const value of response.body.metrics) {
      assert.equal(value.buckets.length, 24);
      assert.equal(value.buckets[0].start, DAY_FROM);
      assert.equal(value.buckets[23].end, DAY_TO);
      const sum = (k: 'numerator' | 'denominator') =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        value.buckets.reduce((s: number, b: any) => s + b[k], 0);
      assert.ok(
        Math.abs(sum('numerator') - value.numerator) < 1e-6,
        `${value.metric} ${sum('numerator')} ${value.numerator}`,
      );
      // A count's denominator is 1 in every bucket and in the total.
      if (value.unit !== 'count') {
        assert.ok(Math.abs(sum('denominator') - value.denominator) < 1e-6, value.metric);
      }
    }
    const offered = byMetric(response.body).get('calls_offered') as unknown as {
      buckets: { start: string; value: number }[];
    };
    // 03:xx UTC is 11:00 in Shanghai: fx-3 (not rated) and fx-4 (a short abandon): CSAT has no data.
    const csat = byMetric(response.body).get('csat') as unknown as {
      buckets: { value: number | null; denominator: number }[];
    };
    assert.deepEqual(
      { value: csat.buckets[11]!.value, denominator: csat.buckets[11]!.denominator },
      { value: null, denominator: 0 },
    );
    // 02:xx UTC is 10:00 in Shanghai: bucket 10 holds fx-1 and fx-2.
    assert.equal(offered.buckets[10]!.value, 2);
  });

  test('compare=previous carries the period before', async () => {
    const response = await kpis({
      scope: 'team',
      scopeId: TEAM,
      from: DAY_TO,
      to: '2027-01-05T16:00:00Z',
      compare: 'previous',
      metrics: 'calls_offered,service_level',
    });
    assert.equal(response.body.metrics[0].value, 0);
    assert.deepEqual(response.body.metrics[0].previous, { value: 5, numerator: 5, denominator: 1 });
    assert.equal(response.body.metrics[1].previous.value, 0.5);
  });

  test('export: CSV with BOM, header, one row per bucket and metric', async () => {
    const response = await server.api('exportKpis', {
      token: 'operations_manager',
      query: {
        scope: 'team',
        scopeId: TEAM,
        from: DAY_FROM,
        to: DAY_TO,
        bucket: 'hour',
        metrics: 'service_level,calls_offered',
      },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="kpis-team-team_business-20270103T160000Z-20270104T160000Z\.csv"$/,
    );
    // The byte-order mark (fetch's text() drops it, so read the bytes).
    const raw = await fetch(
      `${server.url}/v1/kpis/export?scope=center&from=${DAY_FROM}&to=${DAY_TO}&metrics=csat`,
      { headers: { authorization: `Bearer ${server.tokenFor('operations_manager')}` } },
    );
    const bytes = new Uint8Array(await raw.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = response.text.trim().split('\r\n');
    assert.equal(
      lines[0],
      'bucketStart,bucketEnd,metric,value,numerator,denominator,unit,target,status',
    );
    assert.equal(lines.length, 1 + 2 * 24);
    assert.ok(
      lines.includes(
        `2027-01-04T02:00:00.000Z,2027-01-04T03:00:00.000Z,service_level,0.5,1,2,ratio,0.8,missed`,
      ),
    );
    // An empty bucket has no value.
    assert.ok(lines.includes(`${DAY_FROM},2027-01-03T17:00:00.000Z,service_level,,0,0,ratio,0.8,`));
  });

  test('appraisal of the agent and the team for the month', async () => {
    const token = server.tokenFor('agent', { userId: AGENT });
    const mine = await server.api('getAppraisal', {
      token,
      query: { scope: 'agent', scopeId: AGENT, period: 'month', date: '2027-01-04', history: 2 },
    });
    assert.equal(mine.status, 200, mine.text);
    assert.equal(mine.body.from, '2026-12-31T16:00:00.000Z');
    assert.equal(mine.body.to, '2027-01-31T16:00:00.000Z');
    const items = new Map<string, any>(mine.body.items.map((i: any) => [i.metric, i])); // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.ok(!items.has('service_level'));
    assert.equal(items.get('calls_answered').value, 3);
    assert.equal(items.get('aht').value, 730 / 3);
    assert.equal(items.get('justified_complaints').value, 0);
    assert.equal(items.get('aht').history.length, 2);
    assert.equal(items.get('aht').history[1].to, mine.body.from);
    assert.equal(
      mine.body.targetsWithValue,
      mine.body.items.filter((i: any) => i.target && i.value !== null).length, // eslint-disable-line @typescript-eslint/no-explicit-any
    );
    const team = await server.api('getAppraisal', {
      token: server.tokenFor('supervisor', { team: TEAM }),
      query: { scope: 'team', scopeId: TEAM, period: 'quarter', date: '2027-01-04' },
    });
    assert.equal(team.status, 200, team.text);
    assert.ok(team.body.items.some((i: { metric: string }) => i.metric === 'service_level'));
    const other = await server.api('getAppraisal', {
      token,
      query: { scope: 'agent', scopeId: 'usr_agent_2_04', period: 'year', date: '2027-01-04' },
    });
    assertProblem(other, 403, 'forbidden');
    const supervisor = server.tokenFor('supervisor', { team: TEAM });
    for (const [query, status] of [
      [{ scope: 'team', scopeId: 'team_online' }, 403],
      [{ scope: 'agent', scopeId: 'usr_agent_1_02' }, 403],
      [{ scope: 'agent', scopeId: 'usr_nobody' }, 404],
      [{ scope: 'team', scopeId: 'team_nobody' }, 404],
    ] as const) {
      const r = await server.api('getAppraisal', {
        token: supervisor,
        query: { ...query, period: 'month', date: '2027-01-04' },
      });
      assert.equal(r.status, status, JSON.stringify(query));
    }
  });
});

describe('ingestCalls', () => {
  test('each record on its own: the valid are stored, the others named by path', async () => {
    setNow('2027-01-10T12:00:00Z');
    const response = await ingest([
      {
        externalId: 'in-ok',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
      },
      {
        externalId: 'in-csat',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
        csat: 9,
      },
      {
        externalId: 'in-both',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
        answeredAt: '2027-01-10T01:00:10Z',
        abandonedAt: '2027-01-10T01:00:20Z',
      },
      {
        externalId: 'in-order',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
        answeredAt: '2027-01-10T00:59:00Z',
      },
      {
        externalId: 'in-agent',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
        agentId: 'usr_ops_1',
      },
      {
        externalId: 'in-extra',
        queue: 'technical',
        direction: 'inbound',
        offeredAt: '2027-01-10T01:00:00Z',
        colour: 'red',
      },
    ]);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(
      {
        created: response.body.created,
        updated: response.body.updated,
        rejected: response.body.rejected,
      },
      { created: 1, updated: 0, rejected: 5 },
    );
    const paths = response.body.results.map((r: { errors?: { path: string }[] }) =>
      (r.errors ?? []).map((e) => e.path),
    );
    assert.deepEqual(paths[0], []);
    assert.deepEqual(paths[1], ['/body/calls/1/csat']);
    assert.deepEqual(paths[2], ['/body/calls/2/abandonedAt']);
    assert.deepEqual(paths[3], ['/body/calls/3/answeredAt']);
    assert.deepEqual(paths[4], ['/body/calls/4/agentId']);
    assert.equal(paths[5].length, 1);
    assert.match(paths[5][0], /^\/body\/calls\/5/);
    const stored = server.built.db
      .prepare(`SELECT external_id, team_id, status FROM calls WHERE external_id LIKE 'in-%'`)
      .all();
    assert.deepEqual(stored, [
      { external_id: 'in-ok', team_id: 'team_technical', status: 'waiting' },
    ]);
  });

  test('the team comes from the queue, else from the agent; a supervisor may ingest too', async () => {
    const response = await ingest(
      [
        {
          externalId: 'tm-1',
          queue: 'chat',
          direction: 'inbound',
          offeredAt: '2027-01-10T04:00:00Z',
        },
        {
          externalId: 'tm-2',
          queue: 'vip-hotline',
          agentId: 'usr_agent_3_05',
          direction: 'outbound',
          offeredAt: '2027-01-10T04:00:00Z',
        },
        {
          externalId: 'tm-3',
          queue: 'vip-hotline',
          direction: 'inbound',
          offeredAt: '2027-01-10T04:00:00Z',
        },
      ],
      server.tokenFor('supervisor', { team: TEAM }),
    );
    assert.equal(response.status, 200, response.text);
    const teams = server.built.db
      .prepare(
        `SELECT external_id, team_id FROM calls WHERE external_id LIKE 'tm-%' ORDER BY external_id`,
      )
      .all();
    assert.deepEqual(teams, [
      { external_id: 'tm-1', team_id: 'team_online' },
      { external_id: 'tm-2', team_id: 'team_technical' },
      { external_id: 'tm-3', team_id: null },
    ]);
  });

  test('bad batches are 400 and write nothing', async () => {
    const before = server.built.db.prepare('SELECT COUNT(*) AS n FROM calls').get();
    assertProblem(await ingest([]), 400, 'validation', ['/body/calls']);
    const extra = await server.api('ingestCalls', {
      token: 'operations_manager',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        calls: [
          {
            externalId: 'x-1',
            queue: 'q',
            direction: 'inbound',
            offeredAt: '2027-01-10T01:00:00Z',
          },
        ],
        more: 1,
      },
    });
    assertProblem(extra, 400, 'validation', ['/body/more']);
    assert.deepEqual(server.built.db.prepare('SELECT COUNT(*) AS n FROM calls').get(), before);
    assertProblem(await ingest([{}], 'agent'), 403, 'forbidden');
  });

  test('upsert by externalId: fields not sent are kept, status follows, times never go back', async () => {
    const base = {
      externalId: 'up-1',
      queue: 'billing',
      direction: 'inbound',
      offeredAt: '2027-01-10T02:00:00Z',
    };
    const first = await ingest([{ ...base, customerPhone: '13912345678' }]);
    assert.equal(first.body.results[0].outcome, 'created');
    const id = first.body.results[0].id;
    const answered = await ingest([
      { ...base, answeredAt: '2027-01-10T02:00:15Z', agentId: 'usr_agent_1_02' },
    ]);
    assert.equal(answered.body.results[0].outcome, 'updated');
    assert.equal(answered.body.results[0].id, id);
    let call = (await server.api('getCall', { token: 'supervisor', path: { callId: id } })).body;
    assert.equal(call.status, 'in_progress');
    assert.equal(call.customerPhone, '13912345678');
    assert.equal(call.waitSeconds, 15);
    assert.equal(call.teamId, 'team_residential');
    const ended = await ingest([
      { ...base, endedAt: '2027-01-10T02:05:00Z', talkSeconds: 280, csat: 4 },
    ]);
    assert.equal(ended.body.results[0].outcome, 'updated');
    call = (await server.api('getCall', { token: 'operations_manager', path: { callId: id } }))
      .body;
    assert.equal(call.status, 'completed');
    assert.equal(call.agentId, 'usr_agent_1_02');
    assert.equal(call.answeredAt, '2027-01-10T02:00:15.000Z');
    assert.equal(call.customerPhone, '139****5678', 'masked for operations managers');
    const same = await ingest([{ ...base, endedAt: '2027-01-10T02:05:00Z' }]);
    assert.equal(same.body.results[0].outcome, 'unchanged');
    const back = await ingest([{ ...base, endedAt: '2027-01-10T02:04:00Z' }]);
    assert.equal(back.body.results[0].outcome, 'rejected');
    assert.equal(back.body.results[0].errors[0].path, '/body/calls/0/endedAt');
    const abandonedToo = await ingest([{ ...base, abandonedAt: '2027-01-10T02:06:00Z' }]);
    assert.equal(abandonedToo.body.results[0].outcome, 'rejected');
  });

  test('a replayed batch creates nothing twice', async () => {
    const key = idempotencyKey();
    const calls = [
      {
        externalId: 'rp-1',
        queue: 'network',
        direction: 'inbound',
        offeredAt: '2027-01-10T03:00:00Z',
      },
    ];
    const first = await ingest(calls, 'operations_manager', key);
    const again = await ingest(calls, 'operations_manager', key);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(
      server.built.db.prepare(`SELECT COUNT(*) AS n FROM calls WHERE external_id = 'rp-1'`).get(),
      { n: 1 },
    );
  });
});

describe('listCalls and getCall: reach', () => {
  test('an agent sees their own calls, a supervisor their team, others all', async () => {
    const agentToken = server.tokenFor('agent', { userId: AGENT });
    const mine = await server.api('listCalls', {
      token: agentToken,
      query: { from: DAY_FROM, to: DAY_TO },
    });
    assert.deepEqual(
      mine.body.items.map((c: { externalId: string }) => c.externalId),
      ['fx-3', 'fx-2', 'fx-1'],
    );
    assert.equal(mine.body.items[2].customerPhone, '13812345678');
    const others = await server.api('listCalls', {
      token: agentToken,
      query: { agentId: 'usr_agent_2_04' },
    });
    assert.deepEqual(others.body.items, []);
    const foreign = server.built.db
      .prepare(`SELECT id FROM calls WHERE team_id = 'team_online' LIMIT 1`)
      .get() as { id: string };
    assertProblem(
      await server.api('getCall', { token: agentToken, path: { callId: foreign.id } }),
      404,
      'not-found',
    );
    const supervisor = server.tokenFor('supervisor', { team: TEAM });
    assertProblem(
      await server.api('getCall', { token: supervisor, path: { callId: foreign.id } }),
      404,
      'not-found',
    );
    const team = await server.api('listCalls', {
      token: supervisor,
      query: { from: DAY_FROM, to: DAY_TO, limit: 200 },
    });
    assert.equal(team.body.items.length, 6);
    const otherTeam = await server.api('listCalls', {
      token: supervisor,
      query: { teamId: 'team_online' },
    });
    assert.deepEqual(otherTeam.body.items, []);
    const all = await server.api('getCall', {
      token: 'qa_specialist',
      path: { callId: foreign.id },
    });
    assert.equal(all.status, 200);
    assert.match(all.body.customerPhone ?? '****', /\*/);
    assertProblem(
      await server.api('getCall', { token: 'operations_manager', path: { callId: 'call_nope' } }),
      404,
      'not-found',
    );
  });

  test('pages newest first with filters, every call once', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let last = '9999';
    let pages = 0;
    do {
      const page = await server.api('listCalls', {
        token: 'operations_manager',
        query: {
          status: 'abandoned',
          teamId: 'team_technical',
          from: '2026-11-01T00:00:00Z',
          limit: 37,
          cursor,
        },
      });
      assert.equal(page.status, 200);
      for (const c of page.body.items) {
        assert.equal(c.status, 'abandoned');
        assert.ok(c.offeredAt <= last);
        last = c.offeredAt;
        assert.ok(!seen.has(c.id));
        seen.add(c.id);
      }
      cursor = page.body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    const expected = server.built.db
      .prepare(
        `SELECT COUNT(*) AS n FROM calls WHERE status = 'abandoned' AND team_id = 'team_technical' AND offered_at >= '2026-11-01T00:00:00.000Z'`,
      )
      .get() as { n: number };
    assert.equal(seen.size, expected.n);
    assert.ok(pages > 1);
    const reused = await server.api('listCalls', {
      token: 'operations_manager',
      query: {
        status: 'completed',
        cursor: (
          await server.api('listCalls', { token: 'operations_manager', query: { limit: 1 } })
        ).body.nextCursor,
      },
    });
    assertProblem(reused, 400, 'validation', ['/query/cursor']);
  });
});

describe('getKpis: scope, reach and limits', () => {
  const q = { from: '2026-11-01T00:00:00Z', to: '2026-11-26T00:00:00Z', metrics: 'calls_offered' };
  test('who may see which scope', async () => {
    const agent = server.tokenFor('agent', { userId: AGENT });
    const supervisor = server.tokenFor('supervisor', { team: TEAM });
    const cases: [string, Record<string, string>, number][] = [
      [agent, { scope: 'agent', scopeId: AGENT }, 200],
      [agent, { scope: 'agent', scopeId: 'usr_agent_2_04' }, 403],
      [agent, { scope: 'team', scopeId: TEAM }, 403],
      [agent, { scope: 'center' }, 403],
      [supervisor, { scope: 'team', scopeId: TEAM }, 200],
      [supervisor, { scope: 'agent', scopeId: 'usr_agent_2_04' }, 200],
      [supervisor, { scope: 'agent', scopeId: 'usr_agent_1_04' }, 403],
      [supervisor, { scope: 'team', scopeId: 'team_online' }, 403],
      [supervisor, { scope: 'center' }, 403],
      ['qa_specialist', { scope: 'center' }, 200],
      ['complaint_supervisor', { scope: 'team', scopeId: 'team_online' }, 200],
      ['operations_manager', { scope: 'team', scopeId: 'team_nope' }, 404],
      ['operations_manager', { scope: 'agent', scopeId: 'usr_ops_1' }, 404],
    ];
    for (const [token, scope, status] of cases) {
      const r = await server.api('getKpis', { token, query: { ...q, ...scope } });
      assert.equal(r.status, status, `${JSON.stringify(scope)}: ${r.text.slice(0, 200)}`);
    }
  });

  test('the center equals the sum of its teams for counts', async () => {
    const center = await kpis({ scope: 'center', ...q, metrics: 'calls_offered,calls_answered' });
    const teams = ['team_residential', 'team_business', 'team_technical', 'team_online'];
    let offered = 0;
    for (const team of teams) {
      const r = await kpis({ scope: 'team', scopeId: team, ...q, metrics: 'calls_offered' });
      offered += r.body.metrics[0].value;
    }
    assert.equal(center.body.metrics[0].value, offered);
    assert.ok(offered > 5000, `demo data has thousands of calls (${offered})`);
  });

  test('bad periods and scopes', async () => {
    assertProblem(await kpis({ scope: 'team', ...q }), 400, 'validation', ['/query/scopeId']);
    assertProblem(await kpis({ scope: 'center', from: q.to, to: q.from }), 422, 'unprocessable', [
      '/query/to',
    ]);
    assertProblem(
      await kpis({ scope: 'center', from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }),
      422,
      'unprocessable',
      ['/query/to'],
    );
    assertProblem(
      await kpis({ scope: 'center', ...q, from: '2026-09-01T00:00:00Z', bucket: 'hour' }),
      422,
      'unprocessable',
      ['/query/bucket'],
    );
    assertProblem(await kpis({ scope: 'center', ...q, metrics: 'nope' }), 400, 'validation');
  });

  test('QA average and complaints come from the evaluations and the complaint tickets', async () => {
    const from = '2026-10-01T00:00:00.000Z';
    const to = '2026-11-26T00:00:00.000Z';
    const db = server.built.db;
    const qa = db
      .prepare(
        `SELECT TOTAL(score) AS sum, COUNT(score) AS n FROM qa_evaluations
          WHERE submitted_at >= ? AND submitted_at < ? AND state <> 'draft'
            AND calibration_session_id IS NULL AND team_id = ?`,
      )
      .get(from, to, 'team_technical') as { sum: number; n: number };
    const complaints = db
      .prepare(
        `SELECT COUNT(*) AS n FROM tickets WHERE kind = 'complaint' AND created_at >= ?
          AND created_at < ? AND team_id = ?`,
      )
      .get(from, to, 'team_technical') as { n: number };
    assert.ok(qa.n > 0 && complaints.n > 0, 'the demo data has evaluations and complaints');
    const r = await kpis({
      scope: 'team',
      scopeId: 'team_technical',
      from,
      to,
      metrics: 'qa_average,complaint_count,complaint_rate,calls_answered',
    });
    const m = byMetric(r.body);
    assert.deepEqual(
      { n: m.get('qa_average')!.numerator, d: m.get('qa_average')!.denominator },
      { n: qa.sum, d: qa.n },
    );
    assert.equal(m.get('complaint_count')!.value, complaints.n);
    assert.equal(
      m.get('complaint_rate')!.value,
      (complaints.n / m.get('calls_answered')!.value!) * 1000,
    );
  });

  test('the 30-day center report reads covering indexes only', async () => {
    const plan = server.built.db
      .prepare(
        `EXPLAIN QUERY PLAN WITH r(i, s, e) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
         SELECT r.i, TOTAL(c.answered), TOTAL(c.handle_seconds), MAX(c.last_event_at) FROM r CROSS JOIN calls c
          WHERE c.offered_at >= r.s AND c.offered_at < r.e AND c.status <> 'waiting' GROUP BY r.i`,
      )
      .all('[]') as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    assert.match(details, /USING COVERING INDEX calls_kpi_center/);
    assert.doesNotMatch(details, /SCAN c\b/);
    const r = await kpis({
      scope: 'center',
      from: new Date(T0 - 30 * 86_400_000).toISOString(),
      to: new Date(T0).toISOString(),
      bucket: 'day',
    });
    assert.equal(r.status, 200);
  });
});

describe('live figures', () => {
  test('calls waiting now show in the queue, and kpi.live follows on the stream', async () => {
    setNow('2027-01-20T03:00:00Z');
    const supervisor = server.tokenFor('supervisor', { team: TEAM });
    const stream = await openStream(server.url, supervisor, 'topics=kpis.live');
    try {
      const live0 = await server.api('getLiveKpis', {
        token: supervisor,
        query: { scope: 'team', scopeId: TEAM },
      });
      assert.equal(live0.status, 200, live0.text);
      const response = await ingest([
        {
          externalId: 'lv-1',
          queue: 'business',
          direction: 'inbound',
          offeredAt: '2027-01-20T02:58:00Z',
        },
        {
          externalId: 'lv-2',
          queue: 'business',
          direction: 'inbound',
          offeredAt: '2027-01-20T02:59:30Z',
        },
        {
          externalId: 'lv-3',
          queue: 'business',
          agentId: AGENT,
          direction: 'inbound',
          offeredAt: '2027-01-20T02:50:00Z',
          answeredAt: '2027-01-20T02:50:08Z',
          endedAt: '2027-01-20T02:55:00Z',
          talkSeconds: 280,
          afterCallWorkSeconds: 20,
        },
      ]);
      assert.equal(response.body.created, 3);
      const live = await server.api('getLiveKpis', {
        token: supervisor,
        query: { scope: 'team', scopeId: TEAM, windowMinutes: 15 },
      });
      assert.equal(live.body.callsInQueue, live0.body.callsInQueue + 2);
      assert.ok(live.body.longestWaitSeconds >= 120);
      assert.equal(live.body.callsOfferedInWindow, 3);
      assert.deepEqual(live.body.serviceLevel, { value: 1, numerator: 1, denominator: 1 });
      assert.equal(live.body.ahtSecondsInWindow, 300);
      const event = await stream.waitFor(
        (e) =>
          e.event === 'kpi.live' &&
          e.data.data.scopeId === TEAM &&
          e.data.data.callsInQueue === live.body.callsInQueue,
      );
      assert.equal(event.data.topic, 'kpis.live');
      assert.ok(
        !stream.events.some((e) => e.data?.data?.scope === 'center'),
        'a supervisor gets no center figures',
      );
    } finally {
      stream.close();
    }
    assertProblem(
      await server.api('getLiveKpis', { token: supervisor, query: { scope: 'center' } }),
      403,
      'forbidden',
    );
    const center = await server.api('getLiveKpis', {
      token: 'operations_manager',
      query: { scope: 'center' },
    });
    assert.equal(center.status, 200);
    assert.ok(center.body.callsInQueue >= 2);
  });

  test('an operations manager follows a team with teamId, and gets only that team', async () => {
    const stream = await openStream(
      server.url,
      server.tokenFor('operations_manager'),
      'topics=kpis.live&teamId=team_online',
    );
    try {
      setNow('2027-01-20T03:00:30Z');
      await ingest([
        {
          externalId: 'lv-online',
          queue: 'chat',
          direction: 'inbound',
          offeredAt: '2027-01-20T03:00:00Z',
        },
      ]);
      const event = await stream.waitFor((e) => e.event === 'kpi.live', 3000);
      assert.equal(event.data.data.scopeId, 'team_online');
      assert.ok(stream.events.every((e) => e.data?.data?.scopeId === 'team_online'));
    } finally {
      stream.close();
    }
  });

  test('presence changes publish, at most once a second per scope', async () => {
    const ops = server.tokenFor('operations_manager');
    const stream = await openStream(server.url, ops, 'topics=kpis.live');
    try {
      const token = server.tokenFor('agent', { userId: AGENT });
      setNow('2027-01-20T03:01:00Z');
      for (const state of ['available', 'on_call', 'after_call_work'] as const) {
        const r = await server.api('recordAgentPresence', {
          token,
          path: { agentId: AGENT },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { state },
        });
        assert.equal(r.status, 200, r.text);
      }
      const last = await stream.waitFor(
        (e) =>
          e.event === 'kpi.live' &&
          e.data.data.scope === 'center' &&
          e.data.data.agentsInAfterCallWork === 1,
        3000,
      );
      assert.ok(last);
      const center = stream.events.filter((e) => e.data?.data?.scope === 'center');
      assert.ok(center.length <= 2, `debounced: ${center.length} center events`);
    } finally {
      stream.close();
    }
  });
});

describe('KPI targets', () => {
  test('list, and set with If-Match', async () => {
    const list = await server.api('listKpiTargets', { token: 'agent' });
    assert.equal(list.status, 200);
    const sl = list.body.items.find((t: { metric: string }) => t.metric === 'service_level');
    assert.ok(sl);
    const body = { value: 0.85, direction: 'higher_is_better', atRiskMargin: 0.05 };
    assertProblem(
      await server.api('setKpiTarget', {
        token: 'operations_manager',
        path: { metric: 'service_level' },
        body,
      }),
      428,
      'precondition-required',
    );
    assertProblem(
      await server.api('setKpiTarget', {
        token: 'operations_manager',
        path: { metric: 'service_level' },
        headers: { 'If-Match': `"${sl.version + 5}"` },
        body,
      }),
      412,
      'precondition-failed',
    );
    const set = await server.api('setKpiTarget', {
      token: 'operations_manager',
      path: { metric: 'service_level' },
      headers: { 'If-Match': `"${sl.version}"` },
      body,
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.value, 0.85);
    assert.equal(set.headers.get('etag'), `"${sl.version + 1}"`);
    const report = await kpis({ scope: 'team', scopeId: TEAM, metrics: 'service_level' });
    assert.equal(report.body.metrics[0].target.value, 0.85);
    assertProblem(
      await server.api('setKpiTarget', {
        token: 'operations_manager',
        path: { metric: 'service_level' },
        headers: { 'If-Match': `"${sl.version + 1}"` },
        body: { ...body, atRiskMargin: 2 },
      }),
      400,
      'validation',
      ['/body/atRiskMargin'],
    );
    assertProblem(
      await server.api('setKpiTarget', {
        token: 'supervisor',
        path: { metric: 'service_level' },
        headers: { 'If-Match': '"1"' },
        body,
      }),
      403,
      'forbidden',
    );
  });
});
